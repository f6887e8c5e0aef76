//! A credential that claims a profile but breaks its schema (signed anyway, by some other tool)
//! is `invalid` with `schema_valid` failing; a conforming one is valid.

use credential_core::did::{did_key, did_key_vm};
use credential_core::jsonld::{ContextStore, CONTEXT_V2, LEGAL_IDENTITY_V1};
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::message::Arg;
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{CheckCode, CheckStatus, Verdict, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::json;

#[test]
fn schema_violations_signed_anyway_are_invalid() {
    let verifier = Verifier::new(ContextStore::bundled());
    let key = SecretKey::generate(
        Algorithm::Ed25519,
        &mut rand_chacha::ChaCha20Rng::seed_from_u64(9),
    );
    let profile = verifier.profiles().get("legal-identity").unwrap();
    let make = |nationality: &str| {
        json!({
            "@context": [CONTEXT_V2, LEGAL_IDENTITY_V1],
            "type": ["VerifiableCredential", "LegalIdentityCredential"],
            "issuer": did_key(&key.public_key()),
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSchema": {"id": profile.schema_url(), "type": "JsonSchema"},
            "credentialSubject": {
                "givenName": "Selam", "familyName": "Tesfaye", "sex": "not-known",
                "birthDateCertainty": "unknown", "nationality": nationality,
                "registrationNumber": "ETH-1", "registeringAuthority": "RRS"
            }
        })
    };
    let now = VerifyOptions::at(Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
    for (nationality, expected) in [
        ("XXC", Verdict::IssuerNotChecked),
        ("Eritrea", Verdict::Invalid),
    ] {
        let cred = Credential::from_json(make(nationality)).unwrap();
        // add_proof does not check profiles: this stands for another tool that signs anything.
        let signed = add_proof(
            cred.as_json(),
            &ProofOptions::assertion(Cryptosuite::EddsaRdfc2022, did_key_vm(&key.public_key())),
            &key,
            verifier.processor(),
        )
        .unwrap();
        let r = verifier.verify_credential(&serde_json::Value::Object(signed), &now);
        assert_eq!(r.verdict, expected, "{nationality}: {r:#?}");
        let check = r.check(CheckCode::SchemaValid).unwrap();
        if expected == Verdict::Invalid {
            assert_eq!(check.status, CheckStatus::Fail);
            assert_eq!(check.error, Some("schema_invalid"));
            assert!(
                matches!(check.message.get("detail"),
                    Some(Arg::Text(d)) if d.contains("/credentialSubject/nationality")),
                "{:?}",
                check.message
            );
            assert_eq!(
                r.check(CheckCode::SignatureValid).unwrap().status,
                CheckStatus::Pass
            );
        }
    }
}

/// Profiles are recognised by the expanded type IRI, not the short name: another issuer's
/// `TravelEligibilityCredential` (from its own context, or from the VC 2.0 issuer-dependent
/// vocabulary) is verified as a generic credential, not judged against the Laissez schema.
#[test]
fn a_foreign_type_with_a_profile_name_is_a_generic_credential() {
    let verifier = Verifier::new(ContextStore::bundled());
    let key = SecretKey::generate(
        Algorithm::Ed25519,
        &mut rand_chacha::ChaCha20Rng::seed_from_u64(10),
    );
    let now = VerifyOptions::at(Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
    let foreign_contexts = [
        json!([CONTEXT_V2, credential_core::jsonld::UNDEFINED_TERMS_V2]),
        json!([CONTEXT_V2, {
            "TravelEligibilityCredential": "https://visa.example/vocab#TravelEligibilityCredential",
            "tripPurpose": "https://visa.example/vocab#tripPurpose"
        }]),
    ];
    for context in foreign_contexts {
        let doc = json!({
            "@context": context,
            "type": ["VerifiableCredential", "TravelEligibilityCredential"],
            "issuer": did_key(&key.public_key()),
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": {"tripPurpose": "tourism"}
        });
        let cred = Credential::from_json(doc).unwrap();
        let signed = add_proof(
            cred.as_json(),
            &ProofOptions::assertion(Cryptosuite::EddsaRdfc2022, did_key_vm(&key.public_key())),
            &key,
            verifier.processor(),
        )
        .unwrap();
        assert!(verifier.profile_of(&signed).unwrap().is_none(), "{context}");
        let r = verifier.verify_credential(&serde_json::Value::Object(signed), &now);
        assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{context}: {r:#?}");
        assert!(r.check(CheckCode::SchemaValid).is_none());
        assert_eq!(r.credential.profile, None);
    }
    // The same short name from the Laissez travel context is the profile.
    let ours = json!({
        "@context": [CONTEXT_V2, credential_core::jsonld::TRAVEL_V1],
        "type": ["VerifiableCredential", "TravelEligibilityCredential"],
    });
    assert_eq!(
        verifier
            .profile_of(ours.as_object().unwrap())
            .unwrap()
            .map(|p| p.name()),
        Some("travel-eligibility")
    );
}
