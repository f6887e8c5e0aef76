//! Issue a legal-identity credential, have a trust anchor vouch for its issuer in a signed trust
//! bundle, and verify the credential offline against that bundle.
//!
//! `cargo run -p credential-core --example issue_and_verify`

use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::Issuer;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{Verdict, Verifier, VerifyOptions};
use serde_json::{json, Value};

fn main() -> Result<(), credential_core::Error> {
    let now = Timestamp::parse("2026-06-01T09:00:00Z").expect("a valid time");

    // 1. The registry issues. (A real issuer loads its key from protected storage.)
    let registry_key = SecretKey::generate(Algorithm::Ed25519, &mut rand_core::OsRng)?;
    let registry_did = did_key(&registry_key.public_key());
    let registry_multikey = registry_key.public_key().to_multikey();
    let issuer =
        Issuer::new(registry_key, Cryptosuite::EddsaRdfc2022)?.named("Civil Registry of Testland");
    let credential = issuer
        .credential()
        .profile("legal-identity")?
        .id("urn:uuid:0c6a5a6e-3f1e-4b7d-9a55-1c2d3e4f5a6b")
        .subject(json!({
            "givenName": "ሰላም", "familyName": "ተስፋዬ",
            "givenNameLatin": "Selam", "familyNameLatin": "Tesfaye", "nameScript": "Ethi",
            "sex": "female", "birthDate": "1994-03-12", "birthDateCertainty": "certain",
            "nationality": "ETH", "registrationNumber": "ETH-2026-000417",
            "registeringAuthority": "Civil Registry of Testland"
        }))
        .issue(now)?
        .into_json();

    // 2. Verified with no trust bundle, a good signature is all that can be said.
    let mut verifier = Verifier::new(ContextStore::bundled());
    let report = verifier.verify_credential(&credential, &VerifyOptions::at(now));
    assert_eq!(report.verdict, Verdict::IssuerNotChecked);

    // 3. A trust anchor (say, a ministry) lists the registry in a signed trust bundle
    //    (specs/trust-bundle.md); the verifier loads it once, with the anchor's key.
    let anchor = SecretKey::generate(Algorithm::Ed25519, &mut rand_core::OsRng)?;
    let body = json!({
        "type": "LaissezTrustBundle",
        "id": "https://trust.example/testland",
        "version": 1,
        "issued": "2026-06-01T00:00:00Z",
        "nextUpdate": "2026-07-01T00:00:00Z",
        "issuers": [{
            "id": registry_did,
            "name": {"en": "Civil Registry of Testland", "fr": "État civil de Testland"},
            "publicKeys": [registry_multikey],
            "credentialTypes": ["LegalIdentityCredential"]
        }]
    });
    let proof =
        ProofOptions::assertion(Cryptosuite::EddsaJcs2022, did_key_vm(&anchor.public_key()));
    let processor = issuer.processor();
    let bundle = add_proof(
        body.as_object().expect("an object"),
        &proof,
        &anchor,
        processor,
    )?;
    let bundle_bytes = serde_json::to_vec(&Value::Object(bundle)).expect("JSON");
    verifier.load_trust_bundle(&bundle_bytes, &[anchor.public_key()], now)?;

    // 4. Every later verification evaluates the bundle and says which one it used.
    let report = verifier.verify_credential(&credential, &VerifyOptions::at(now));
    println!(
        "{}",
        serde_json::to_string_pretty(&report).expect("a report serialises")
    );
    assert_eq!(report.verdict, Verdict::Valid);
    Ok(())
}
