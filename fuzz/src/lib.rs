//! Shared set-up of the fuzz targets and the seed generator: the context store, the verifier and
//! the trust anchor are built once per process, the time is fixed (the core has no clock), and
//! the QR frame targets share one input layout.

use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::verify::{Verifier, VerifyOptions};
use std::sync::OnceLock;

/// The fixed time of every verification: 2026-01-01T00:00:00Z.
pub const NOW: Timestamp = Timestamp(1_767_225_600);

/// Verification options at [`NOW`].
pub fn now() -> VerifyOptions<'static> {
    VerifyOptions::at(NOW)
}

/// The bundled contexts, parsed once.
pub fn store() -> &'static ContextStore {
    static STORE: OnceLock<ContextStore> = OnceLock::new();
    STORE.get_or_init(ContextStore::bundled)
}

/// A verifier over the bundled contexts, built once.
pub fn verifier() -> &'static Verifier {
    static V: OnceLock<Verifier> = OnceLock::new();
    V.get_or_init(|| Verifier::new(ContextStore::bundled()))
}

/// The trust anchor's key (fixed bytes: the seed bundle is signed with it and the `trust_bundle`
/// target accepts it, so mutations of a real, signed bundle get past the signature check when
/// JCS canonicalizes them to the same bytes).
pub fn anchor_secret() -> SecretKey {
    SecretKey::from_bytes(Algorithm::Ed25519, &[0xA7; 32]).expect("a fixed Ed25519 key")
}

/// The trust anchors a verifier accepts: the anchor's public key, derived once.
pub fn anchors() -> &'static [PublicKey] {
    static A: OnceLock<[PublicKey; 1]> = OnceLock::new();
    A.get_or_init(|| [anchor_secret().public_key()])
}

/// A frame for the QR decoders, read from fuzz input.
pub struct Frame<'a> {
    /// RGBA (4 bytes a pixel) rather than greyscale.
    pub rgba: bool,
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width × height` pixels (× 4 for RGBA).
    pub pixels: &'a [u8],
}

/// Layout of a QR frame input: byte 0 picks the format (lowest bit set: RGBA, else greyscale),
/// bytes 1–2 are the width (little-endian), the rest are pixels, row by row. The height is as
/// many whole rows as there are; trailing bytes of an incomplete row are ignored.
pub fn parse_frame(data: &[u8]) -> Option<Frame<'_>> {
    let (&[mode, w0, w1], pixels) = data.split_first_chunk::<3>()?;
    let rgba = mode & 1 == 1;
    let width = usize::from(u16::from_le_bytes([w0, w1]));
    let row = width.checked_mul(if rgba { 4 } else { 1 })?;
    if row == 0 {
        return None;
    }
    let height = pixels.len() / row;
    Some(Frame {
        rgba,
        width,
        height,
        pixels: &pixels[..row * height],
    })
}

/// The input [`parse_frame`] reads back as a greyscale `width`-pixel-wide frame.
pub fn frame_input(width: u16, luma: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8];
    out.extend_from_slice(&width.to_le_bytes());
    out.extend_from_slice(luma);
    out
}
