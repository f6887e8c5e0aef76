//! Laissez's QR reader for browsers and Node: `decodeQr` over `credential_core::qr` (rxing's
//! detector and Reed-Solomon decoder, our own segment decoding), built by
//! `scripts/build-wasm.sh` into a module of its own (decision 0020). The verifier module reads
//! text, bytes and JSON; only pages that scan camera frames or images load this one, on first use,
//! and only where the platform's `BarcodeDetector` cannot read QR codes
//! (`verifier-wasm/kiosk/qr-reader.js`).

#[cfg(target_arch = "wasm32")]
mod bindings;

/// Largest frame accepted (pixels): 4096 × 4096.
pub const MAX_FRAME_PIXELS: f64 = 4096.0 * 4096.0;

/// Whether a frame of `width` × `height` pixels is one `decodeQr` reads: at least one pixel
/// each way, at most [`MAX_FRAME_PIXELS`] in all (NaN and infinities are not).
pub fn frame_size_ok(width: f64, height: f64) -> bool {
    width >= 1.0 && height >= 1.0 && width * height <= MAX_FRAME_PIXELS
}

/// This module's version (the npm package carries the same).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_sizes() {
        assert!(frame_size_ok(1.0, 1.0));
        assert!(frame_size_ok(4096.0, 4096.0));
        assert!(!frame_size_ok(4097.0, 4096.0));
        assert!(!frame_size_ok(0.0, 10.0));
        assert!(!frame_size_ok(f64::NAN, 10.0));
        assert!(!frame_size_ok(f64::INFINITY, 1.0));
    }
}
