//! An `ecdsa-sd-2023` proof value from outside (invalid UTF-8 replaced): both CBOR decoders
//! (base and derived), the serializer round trip of what parses, and — for a derived value —
//! derived-proof verification of the fixed derived credential carrying it.
#![no_main]

use credential_core::sd;
use credential_core_fuzz::{ecdsa_sd_documents, now, verifier};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = sd::proof_value_kind(&text);
    if let Ok(base) = sd::parse_base_proof_value(&text) {
        let again = sd::serialize_base_proof_value(&base).expect("a parsed base value serializes");
        let back = sd::parse_base_proof_value(&again).expect("and parses again");
        assert_eq!(back.signatures, base.signatures);
        assert_eq!(back.mandatory_pointers, base.mandatory_pointers);
    }
    let Ok(derived) = sd::parse_derived_proof_value(&text) else {
        return;
    };
    let again = sd::serialize_derived_proof_value(&derived).expect("a parsed value serializes");
    assert_eq!(
        sd::parse_derived_proof_value(&again).ok(),
        Some(derived.clone())
    );
    let (_, document) = ecdsa_sd_documents();
    let mut doc = document.clone();
    doc["proof"]["proofValue"] = Value::String(text.into_owned());
    let report = verifier().verify_credential(&Value::Object(doc), &now());
    if report.is_authentic() {
        // Only the holder's own derivation verifies.
        let original = document["proof"]["proofValue"].as_str().unwrap_or_default();
        assert_eq!(
            Some(derived),
            sd::parse_derived_proof_value(original).ok(),
            "an altered proof value verified"
        );
    }
});
