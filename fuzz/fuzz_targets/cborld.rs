//! CBOR-LD 1.0 bytes (the payload of semantic envelopes), decoded against the bundled contexts.
#![no_main]

use credential_core::cborld;
use credential_core::envelope::EnvelopeLimits;
use credential_core_fuzz::store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The depth the envelope decoder allows.
    let _ = cborld::decode(data, store(), EnvelopeLimits::default().max_depth);
});
