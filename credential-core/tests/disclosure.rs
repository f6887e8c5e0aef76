//! The profiles' disclosure rules (specs/profiles/<name>/disclosure.json): coherent, and each
//! preset applied to the profile's example records shows what it promises and nothing it must
//! hide.

use credential_core::model::Timestamp;
use credential_core::profiles::{ClaimPath, Profiles};
use credential_core::Error;
use serde_json::{json, Value};
use std::path::Path;

/// The example subject records of a profile, each as the credential an issuer would make of it
/// (with the age claims the birth date determines, for a profile that has them).
fn examples(profile: &str) -> Vec<(String, Value)> {
    let profiles = Profiles::bundled();
    let age_claims = profiles.get(profile).unwrap().age_claims();
    let issued = Timestamp::parse("2025-01-01T00:00:00Z").unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles")
        .join(profile)
        .join("examples/valid");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let mut subject: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        subject.as_object_mut().unwrap().remove("recordId");
        subject["id"] = json!("did:key:z6MkholderExample");
        if let Some(age) = age_claims {
            let claims = subject.as_object_mut().unwrap();
            for (term, value) in age.compute(claims, issued) {
                claims.insert(term, json!(value));
            }
        }
        let credential = json!({
            "type": ["VerifiableCredential"],
            "issuer": "did:key:z6MkissuerExample",
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialStatus": {"type": "BitstringStatusListEntry"},
            "credentialSubject": subject,
        });
        out.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            credential,
        ));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn under(pointer: &str, path: &ClaimPath, doc: &Value) -> bool {
    path.resolve(doc).iter().any(|p| {
        pointer == p
            || pointer
                .strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with('/'))
    })
}

#[test]
fn every_profile_has_coherent_rules_and_presets_in_four_languages() {
    let profiles = Profiles::bundled();
    let mut presets = Vec::new();
    for profile in profiles.all() {
        let rules = profile.disclosure().unwrap();
        rules
            .check()
            .unwrap_or_else(|e| panic!("{}: {e}", profile.name()));
        assert!(
            !rules.presets.is_empty(),
            "{} has no preset",
            profile.name()
        );
        for p in &rules.presets {
            for lang in ["en", "fr", "es", "ar"] {
                assert!(!p.label(lang).is_empty());
                assert!(!p.description(lang).is_empty());
            }
            assert_ne!(p.label("fr"), p.label("en"), "{}: untranslated", p.name);
            assert_ne!(p.label("ar"), p.label("en"), "{}: untranslated", p.name);
            presets.push(p.name.clone());
        }
        assert!(matches!(
            rules.preset("no-such"),
            Err(Error::UnknownPreset(_))
        ));
    }
    presets.sort();
    assert_eq!(
        presets,
        [
            "age-over-18",
            "authorised-to-travel",
            "fit-to-travel",
            "proof-of-registration",
            "yellow-fever"
        ]
    );
}

#[test]
fn presets_show_what_they_promise_and_nothing_they_must_hide() {
    let profiles = Profiles::bundled();
    let mut applied = 0;
    for profile in profiles.all() {
        let rules = profile.disclosure().unwrap();
        for (file, credential) in examples(profile.name()) {
            let mandatory = rules.mandatory_pointers(&credential);
            for must in [
                "/type",
                "/issuer",
                "/validFrom",
                "/credentialStatus",
                "/credentialSubject/id",
            ] {
                assert!(
                    mandatory.iter().any(|p| p == must),
                    "{file}: {must} not mandatory"
                );
            }
            for preset in &rules.presets {
                let pointers = match rules.preset_pointers(&preset.name, &credential) {
                    Ok(p) => p,
                    Err(Error::PresetNotApplicable(_)) => continue,
                    Err(e) => panic!("{file} {}: {e}", preset.name),
                };
                applied += 1;
                for p in &pointers {
                    assert!(
                        preset.disclose.iter().any(|d| under(p, d, &credential)),
                        "{file} {}: {p}",
                        preset.name
                    );
                    for never in &preset.never_disclose {
                        assert!(
                            !under(p, never, &credential),
                            "{file} {}: {p} is under {}",
                            preset.name,
                            never.as_str()
                        );
                    }
                }
            }
        }
    }
    assert!(applied >= 13, "presets applied to only {applied} examples");
}

#[test]
fn yellow_fever_shows_that_vaccination_only_and_is_refused_without_it() {
    let profiles = Profiles::bundled();
    let rules = profiles
        .get("health-vaccination")
        .unwrap()
        .disclosure()
        .unwrap();
    let certificates = examples("health-vaccination");
    let (_, yellow) = certificates
        .iter()
        .find(|(f, _)| f.starts_with("yellow-fever"))
        .unwrap();
    let pointers = rules.preset_pointers("yellow-fever", yellow).unwrap();
    assert_eq!(
        pointers,
        [
            "/credentialSubject/vaccination/0/disease",
            "/credentialSubject/vaccination/0/vaccine",
            "/credentialSubject/vaccination/0/vaccinationDate",
            "/credentialSubject/vaccination/0/doseNumber",
            "/credentialSubject/vaccination/0/totalDoses",
        ]
    );
    let (_, covid) = certificates
        .iter()
        .find(|(f, _)| f.starts_with("covid"))
        .unwrap();
    assert!(matches!(
        rules.preset_pointers("yellow-fever", covid),
        Err(Error::PresetNotApplicable(p)) if p == "yellow-fever"
    ));
}

/// A legal identity issued by the core issuer from example `stem` at `now` (so with the age
/// claims its birth date determines), with an `ecdsa-sd-2023` base proof on the profile's
/// mandatory claims, then derived to show `preset` and the `extra` claims; returns the derived
/// credential and its verification report at `now`.
#[cfg(feature = "ecdsa-sd")]
fn derive_legal_identity(
    stem: &str,
    preset: &str,
    extra: &[&str],
) -> (Value, credential_core::verify::VerificationReport) {
    use credential_core::did::did_key_vm;
    use credential_core::issue::Issuer;
    use credential_core::keys::{Algorithm, SecretKey};
    use credential_core::sd::{self, BaseProofOptions};
    use credential_core::suites::Cryptosuite;
    use credential_core::verify::{Verifier, VerifyOptions};
    use rand_chacha::rand_core::SeedableRng;

    let now = Timestamp::parse("2026-06-01T00:00:00Z").unwrap();
    // The same key twice (keys are not Clone): one builds the credential, one signs it.
    let key = || {
        SecretKey::generate(
            Algorithm::P256,
            &mut rand_chacha::ChaCha20Rng::seed_from_u64(18),
        )
        .unwrap()
    };
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2026);
    let key_for_proof = key();
    let vm = did_key_vm(&key_for_proof.public_key());
    let issuer = Issuer::new(key(), Cryptosuite::EcdsaRdfc2019).unwrap();
    let (_, record) = examples("legal-identity")
        .into_iter()
        .find(|(f, _)| f.starts_with(stem))
        .unwrap();
    let mut subject = record["credentialSubject"].clone();
    let claims = subject.as_object_mut().unwrap();
    // The record as the issuer receives it: no holder id, no age claims (it computes them).
    claims.retain(|k, _| k != "id" && !k.starts_with("ageOver"));
    let unsigned = issuer
        .credential()
        .profile("legal-identity")
        .unwrap()
        .subject(subject)
        .build(now)
        .unwrap();
    let rules = Profiles::bundled()
        .get("legal-identity")
        .unwrap()
        .disclosure()
        .unwrap();
    let options = BaseProofOptions::assertion(vm)
        .created(now)
        .mandatory(rules.mandatory_pointers(&unsigned));
    let base = sd::create_base_proof(
        unsigned.as_object().unwrap(),
        &options,
        &key_for_proof,
        &mut rng,
        issuer.processor(),
    )
    .unwrap();
    let base = Value::Object(base);
    let mut shown = rules.preset_pointers(preset, &base).unwrap();
    for claim in extra {
        shown.extend(ClaimPath::parse(claim).unwrap().resolve(&base));
    }
    let derived = sd::derive(base.as_object().unwrap(), &shown, issuer.processor()).unwrap();
    let derived = Value::Object(derived);
    let report = Verifier::new(issuer.processor().store().clone())
        .verify_credential(&derived, &VerifyOptions::at(now));
    (derived, report)
}

/// A legal identity presented with the `proof-of-registration` preset: it verifies (its
/// schema checked on the claims shown), shows the names and registration, and none of the birth
/// date, birthplace, sex or nationality.
#[cfg(feature = "ecdsa-sd")]
#[test]
fn proof_of_registration_derived_with_ecdsa_sd_verifies_and_hides_the_rest() {
    use credential_core::verify::{CheckCode, CheckStatus, Verdict};

    let (derived, r) = derive_legal_identity("arabic", "proof-of-registration", &[]);
    let text = serde_json::to_string(&derived).unwrap();
    assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{r:#?}");
    assert_eq!(
        r.check(CheckCode::SchemaValid).unwrap().status,
        CheckStatus::Pass
    );
    for shown in [
        "أمينة",
        "Amina",
        "Yusuf",
        "LB-2023-77120",
        "Civil registry of the North governorate",
    ] {
        assert!(text.contains(shown), "{shown} not disclosed");
    }
    for hidden in [
        "1990-04",
        "Tripoli",
        "XXA",
        "female",
        "birthDate",
        "nationality",
        "placeOfBirth",
        "portraitDigest",
        "ageOver",
    ] {
        assert!(!text.contains(hidden), "{hidden} leaked: {text}");
    }
}

/// A legal identity presented with the `age-over-18` preset (ISO/IEC 18013-5's age check: the
/// age claim, and the portrait when the verifier matches the face): it verifies, shows
/// `ageOver18: true` and nothing else of the subject — no name, birth date, nationality,
/// registration or other age — and adding the portrait digest shows that too.
#[cfg(feature = "ecdsa-sd")]
#[test]
fn age_over_18_derived_with_ecdsa_sd_verifies_and_shows_only_the_age() {
    use credential_core::jsonld::{AGE_V1, CONTEXT_V2, LEGAL_IDENTITY_V1};
    use credential_core::verify::{CheckCode, CheckStatus, Verdict};

    let portrait = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    for extra in [&[][..], &["/credentialSubject/portraitDigest"][..]] {
        let (derived, r) = derive_legal_identity("arabic", "age-over-18", extra);
        assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{r:#?}");
        assert_eq!(
            r.check(CheckCode::SchemaValid).unwrap().status,
            CheckStatus::Pass
        );
        assert_eq!(
            derived["@context"],
            json!([CONTEXT_V2, LEGAL_IDENTITY_V1, AGE_V1])
        );
        let subject = derived["credentialSubject"].as_object().unwrap();
        let mut members: Vec<&str> = subject.keys().map(String::as_str).collect();
        members.sort_unstable();
        let mut expected = vec!["ageOver18"];
        if !extra.is_empty() {
            expected.push("portraitDigest");
        }
        assert_eq!(members, expected);
        assert_eq!(subject["ageOver18"], true);
        let text = serde_json::to_string(&derived).unwrap();
        assert_eq!(text.contains(portrait), !extra.is_empty());
        for hidden in [
            "birthDate",
            "1990",
            "Amina",
            "أمينة",
            "Yusuf",
            "XXA",
            "Tripoli",
            "female",
            "LB-2023-77120",
            "Civil registry",
            "ageOver65",
        ] {
            assert!(!text.contains(hidden), "{hidden} leaked: {text}");
        }
    }
}

/// Without an `ageOver18` claim (no birth date) the preset is refused, not presented empty.
#[test]
fn age_over_18_is_refused_without_the_claim() {
    let profiles = Profiles::bundled();
    let rules = profiles
        .get("legal-identity")
        .unwrap()
        .disclosure()
        .unwrap();
    let (_, unknown) = examples("legal-identity")
        .into_iter()
        .find(|(f, _)| f.starts_with("geez-unknown"))
        .unwrap();
    assert!(unknown["credentialSubject"].get("ageOver18").is_none());
    assert!(matches!(
        rules.preset_pointers("age-over-18", &unknown),
        Err(Error::PresetNotApplicable(p)) if p == "age-over-18"
    ));
    let (_, adult) = examples("legal-identity")
        .into_iter()
        .find(|(f, _)| f.starts_with("latin-colombia"))
        .unwrap();
    assert_eq!(
        rules.preset_pointers("age-over-18", &adult).unwrap(),
        ["/credentialSubject/ageOver18"]
    );
}
