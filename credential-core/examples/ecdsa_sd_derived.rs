//! Issue a legal-identity credential with an `ecdsa-sd-2023` base proof (the profile's mandatory
//! claims), derive a presentation of it with the `proof-of-registration` preset, and print the
//! derived credential as JSON. The WASM verifier's Node tests verify it (verifier-wasm/tests).
//!
//! `cargo run -p credential-core --example ecdsa_sd_derived > derived.json`
//!
//! Deterministic: a fixed time and seeded keys and HMAC key, so the output is the same each run.

use credential_core::did::did_key_vm;
use credential_core::issue::Issuer;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::profiles::Profiles;
use credential_core::sd::{self, BaseProofOptions};
use credential_core::suites::Cryptosuite;
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};

fn main() -> Result<(), credential_core::Error> {
    let now = Timestamp::parse("2026-06-01T09:00:00Z").expect("a valid time");
    // The same key twice (keys are not Clone): one builds the credential, one signs its proof.
    let key = || {
        SecretKey::generate(
            Algorithm::P256,
            &mut rand_chacha::ChaCha20Rng::seed_from_u64(7),
        )
    };
    let proof_key = key()?;
    let issuer = Issuer::new(key()?, Cryptosuite::EcdsaRdfc2019)?;
    let unsigned = issuer
        .credential()
        .profile("legal-identity")?
        .id("urn:uuid:5b0f2a8e-7d4c-4e1a-9c3b-2f6d8e1a4b7c")
        .subject(json!({
            "givenName": "أمينة", "familyName": "يوسف",
            "givenNameLatin": "Amina", "familyNameLatin": "Yusuf", "nameScript": "Arab",
            "sex": "female", "birthDate": "1990-04", "birthDateCertainty": "approximate",
            "placeOfBirth": "Tripoli", "nationality": "XXA",
            "registrationNumber": "LB-2023-77120",
            "registeringAuthority": "Civil registry of the North governorate"
        }))
        .build(now)?;
    let rules = Profiles::bundled()
        .get("legal-identity")
        .expect("a bundled profile")
        .disclosure()?;
    let options = BaseProofOptions::assertion(did_key_vm(&proof_key.public_key()))
        .created(now)
        .mandatory(rules.mandatory_pointers(&unsigned));
    let base = sd::create_base_proof(
        unsigned.as_object().expect("a credential is an object"),
        &options,
        &proof_key,
        &mut rand_chacha::ChaCha20Rng::seed_from_u64(2026),
        issuer.processor(),
    )?;
    let shown = rules.preset_pointers("proof-of-registration", &Value::Object(base.clone()))?;
    let derived = sd::derive(&base, &shown, issuer.processor())?;
    println!(
        "{}",
        serde_json::to_string_pretty(&derived).expect("JSON serialises")
    );
    Ok(())
}
