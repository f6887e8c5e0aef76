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
    )
    .unwrap();
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
    )
    .unwrap();
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

/// A legal-identity subject record from the profile's examples (without its record id).
fn legal_identity_record(stem: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles/legal-identity/examples/valid")
        .join(format!("{stem}.json"));
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    record.as_object_mut().unwrap().remove("recordId");
    record
}

/// The legal-identity issuer adds the age claims the birth date determines, and the age context
/// after the profile's; they expand (no data loss) to `xsd:boolean` literals of the Laissez
/// vocabulary and the credential verifies. Without the age context they are data loss (the
/// published legal-identity/v1 does not define them), and the protected age terms cannot be
/// redefined by a later context.
#[test]
fn legal_identity_issuance_adds_age_claims_that_expand_and_verify() {
    use credential_core::issue::Issuer;
    use credential_core::jsonld::AGE_V1;

    let key = SecretKey::generate(
        Algorithm::Ed25519,
        &mut rand_chacha::ChaCha20Rng::seed_from_u64(11),
    )
    .unwrap();
    let issuer = Issuer::new(key, Cryptosuite::EddsaRdfc2022).unwrap();
    let now = Timestamp::parse("2026-06-01T00:00:00Z").unwrap();
    // Born April 1990 (approximate): 36 at issuance.
    let signed = issuer
        .credential()
        .profile("legal-identity")
        .unwrap()
        .subject(legal_identity_record("arabic-stateless"))
        .issue(now)
        .unwrap()
        .into_json();
    assert_eq!(
        signed["@context"],
        json!([CONTEXT_V2, LEGAL_IDENTITY_V1, AGE_V1])
    );
    assert_eq!(signed["credentialSubject"]["ageOver18"], true);
    assert_eq!(signed["credentialSubject"]["ageOver65"], false);

    let verifier = Verifier::new(ContextStore::bundled());
    let r = verifier.verify_credential(&signed, &VerifyOptions::at(now));
    assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{r:#?}");
    assert_eq!(
        r.check(CheckCode::SchemaValid).unwrap().status,
        CheckStatus::Pass
    );

    let mut unsigned = signed.as_object().unwrap().clone();
    unsigned.remove("proof");
    let nquads: String = verifier
        .processor()
        .to_rdf(&unsigned)
        .unwrap()
        .iter()
        .map(|q| q.to_nquad(&|l| l.to_owned()))
        .collect();
    for (term, value) in [("ageOver18", "true"), ("ageOver65", "false")] {
        let literal = format!(
            "<https://w3id.org/laissez/vocab#{term}> \"{value}\"^^<http://www.w3.org/2001/XMLSchema#boolean>"
        );
        assert!(nquads.contains(&literal), "{literal} not in\n{nquads}");
    }

    let mut without_age_context = unsigned.clone();
    without_age_context["@context"] = json!([CONTEXT_V2, LEGAL_IDENTITY_V1]);
    assert_eq!(
        verifier
            .processor()
            .to_rdf(&without_age_context)
            .unwrap_err()
            .code(),
        "data_loss_detected"
    );
    let mut redefined = unsigned;
    redefined["@context"] = json!([
        CONTEXT_V2,
        LEGAL_IDENTITY_V1,
        AGE_V1,
        {"ageOver18": "https://example.org/notAnAge"}
    ]);
    assert_eq!(
        verifier.processor().to_rdf(&redefined).unwrap_err().code(),
        "invalid_context"
    );
}

/// No birth date: no age claim and no age context (the credential is what a verifier without
/// the age context can read); a birth date that straddles a birthday: no claim for that age. A record may repeat an
/// age claim but not contradict the birth date, and a non-boolean one breaks the schema.
#[test]
fn age_claims_are_left_out_when_undetermined_and_records_cannot_contradict_them() {
    use credential_core::issue::Issuer;

    let key = SecretKey::generate(
        Algorithm::Ed25519,
        &mut rand_chacha::ChaCha20Rng::seed_from_u64(12),
    )
    .unwrap();
    let issuer = Issuer::new(key, Cryptosuite::EddsaRdfc2022).unwrap();
    let issue = |subject: serde_json::Value, at: &str| {
        issuer
            .credential()
            .profile("legal-identity")
            .unwrap()
            .subject(subject)
            .issue(Timestamp::parse(at).unwrap())
            .map(|c| c.into_json())
    };
    let unknown = issue(
        legal_identity_record("geez-unknown-birth-date"),
        "2026-06-01T00:00:00Z",
    )
    .unwrap();
    assert_eq!(unknown["@context"], json!([CONTEXT_V2, LEGAL_IDENTITY_V1]));
    assert!(unknown["credentialSubject"].get("ageOver18").is_none());

    // Born in 2008 (year only), issued mid-2026: maybe 17, maybe 18, surely not 65.
    let mut straddling = legal_identity_record("latin-colombia");
    straddling["birthDate"] = json!("2008");
    straddling["birthDateCertainty"] = json!("declared");
    let c = issue(straddling.clone(), "2026-06-01T00:00:00Z").unwrap();
    assert_eq!(
        c["@context"],
        json!([
            CONTEXT_V2,
            LEGAL_IDENTITY_V1,
            credential_core::jsonld::AGE_V1
        ])
    );
    let subject = c["credentialSubject"].as_object().unwrap();
    assert!(!subject.contains_key("ageOver18"));
    assert_eq!(subject["ageOver65"], false);
    // The same record a year later: 18 and not 65.
    let c = issue(straddling.clone(), "2027-06-01T00:00:00Z").unwrap();
    assert_eq!(c["credentialSubject"]["ageOver18"], true);
    assert_eq!(c["credentialSubject"]["ageOver65"], false);

    let mut repeats = straddling.clone();
    repeats["ageOver18"] = json!(true);
    assert!(issue(repeats.clone(), "2027-06-01T00:00:00Z").is_ok());
    for at in ["2026-06-01T00:00:00Z", "2025-06-01T00:00:00Z"] {
        let err = issue(repeats.clone(), at).unwrap_err();
        assert_eq!(err.code(), "invalid_credential_subject", "{at}: {err}");
    }
    let mut not_boolean = straddling;
    not_boolean["ageOver18"] = json!("yes");
    let err = issue(not_boolean, "2027-06-01T00:00:00Z").unwrap_err();
    assert_eq!(err.code(), "schema_invalid");
    assert!(
        err.to_string().contains("/credentialSubject/ageOver18"),
        "{err}"
    );
}
