//! Camera or canvas frames for the QR reader (detection, sampling, Reed-Solomon, segments).
//! Input layout: `credential_core_fuzz::parse_frame`.
#![no_main]

use credential_core::qr;
use credential_core_fuzz::parse_frame;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(f) = parse_frame(data) else {
        return;
    };
    let _ = if f.rgba {
        qr::decode_rgba(f.pixels, f.width, f.height)
    } else {
        qr::decode_luma(f.pixels, f.width, f.height)
    };
});
