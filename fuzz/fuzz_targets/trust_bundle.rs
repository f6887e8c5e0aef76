//! Trust bundle bytes, loaded with one fixed anchor (the key that signed the seed bundle).
#![no_main]

use credential_core::jsonld::ContextStore;
use credential_core::verify::Verifier;
use credential_core_fuzz::{anchors, NOW};
use libfuzzer_sys::fuzz_target;
use std::sync::{Mutex, OnceLock};

fn fresh() -> Verifier {
    Verifier::new(ContextStore::bundled())
}

fuzz_target!(|data: &[u8]| {
    // Loading mutates the verifier (the loaded version, pinned contexts) but only when it
    // succeeds, which takes the anchor's signature: a verifier is built once and replaced after
    // every successful load, so each input meets the same, fresh state.
    static V: OnceLock<Mutex<Verifier>> = OnceLock::new();
    let mut v = V
        .get_or_init(|| Mutex::new(fresh()))
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if v.load_trust_bundle(data, anchors(), NOW).is_ok() {
        *v = fresh();
    }
});
