//! Credential JSON bytes: the bounded parser, then full verification (JSON-LD, canonicalization,
//! proofs, profiles) by a verifier built once, at a fixed time.
#![no_main]

use credential_core::json::{parse_bounded, JsonLimits};
use credential_core_fuzz::{now, verifier};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_bounded(data, JsonLimits::default());
    let _ = verifier().verify_credential_bytes(data, &now());
});
