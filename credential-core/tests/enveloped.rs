//! Credentials secured by an enveloping JWS, through the verifier a kiosk and the CLI use
//! (`Verifier::verify_input`): `vc+jwt` (VC-JOSE-COSE) and SD-JWT VC presentations of Laissez
//! credentials, with the trust bundle's issuer keys and Token Status Lists.

use credential_core::did::{did_key, did_key_vm};
use credential_core::jsonld::{ContextStore, CONTEXT_V2};
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::sd_jwt::credential::{claim_paths, from_credential, to_credential};
use credential_core::sd_jwt::status_list::{StatusListToken, StatusReference};
use credential_core::sd_jwt::{self, KeyBindingInput, SdJwt};
use credential_core::suites::Cryptosuite;
use credential_core::vc_jose;
use credential_core::verify::{
    CheckCode, CheckStatus, Verdict, VerificationReport, Verifier, VerifyOptions,
};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};

const TOKENS: &str = "https://status.example.org/tokens/1";
const AUD: &str = "https://border.example/kiosk-7";
const NONCE: &str = "n-2f8a91";

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn now() -> Timestamp {
    t("2026-06-01T09:00:00Z")
}

fn key(alg: Algorithm, seed: u64) -> SecretKey {
    SecretKey::generate(alg, &mut rand_chacha::ChaCha20Rng::seed_from_u64(seed)).unwrap()
}

/// An unsigned credential of `profile` about its first valid example (or the one whose file
/// name starts with `example`), issued by `issuer`.
fn credential(profile: &str, example: &str, issuer: &str) -> Value {
    let profiles = credential_core::profiles::Profiles::bundled();
    let p = profiles.get(profile).unwrap();
    let mut subject = example_record(profile, example);
    subject["id"] = json!(did_key(&key(Algorithm::Ed25519, 99).public_key()));
    // The age claims (and their context) the issuer computes for a legal identity.
    let mut contexts = vec![CONTEXT_V2, p.context_url()];
    if let Some(age) = p.age_claims() {
        let claims = subject.as_object_mut().unwrap();
        let computed = age.compute(claims, t("2026-01-01T00:00:00Z"));
        if !computed.is_empty() {
            contexts.push(age.context_url());
        }
        for (term, value) in computed {
            claims.insert(term, json!(value));
        }
    }
    json!({
        "@context": contexts,
        "id": "urn:uuid:6a1f0c52-3b0e-4c8e-9d7e-1c2b3a4d5e6f",
        "type": p.types(),
        "issuer": issuer,
        "validFrom": "2026-01-01T00:00:00Z",
        "validUntil": "2031-01-01T00:00:00Z",
        "credentialSchema": {"id": p.schema_url(), "type": "JsonSchema"},
        "credentialSubject": subject,
    })
}

/// The first valid example record of `profile` whose file name starts with `prefix`.
fn example_record(profile: &str, prefix: &str) -> Value {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles")
        .join(profile)
        .join("examples/valid");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let file = files
        .into_iter()
        .find(|f| f.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    let mut record: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    record.as_object_mut().unwrap().remove("recordId");
    record
}

/// A signed trust bundle listing `issuer` (id, keys) for `types`, with `tokens`.
fn bundle(
    anchor: &SecretKey,
    issuer: &str,
    keys: Vec<Value>,
    types: &[&str],
    tokens: Value,
) -> Vec<u8> {
    let body = json!({
        "type": "LaissezTrustBundle",
        "version": 1,
        "issued": "2026-05-30T00:00:00Z",
        "nextUpdate": "2026-06-30T00:00:00Z",
        "issuers": [{"id": issuer, "name": "Registry of Testland", "publicKeys": keys, "credentialTypes": types}],
        "statusListTokens": tokens,
    });
    let opts = ProofOptions::assertion(Cryptosuite::EddsaJcs2022, did_key_vm(&anchor.public_key()));
    let v = Verifier::new(ContextStore::bundled());
    serde_json::to_vec(&add_proof(body.as_object().unwrap(), &opts, anchor, v.processor()).unwrap())
        .unwrap()
}

fn verifier_with(bundle: &[u8], anchor: &SecretKey) -> Verifier {
    let mut v = Verifier::new(ContextStore::bundled());
    v.load_trust_bundle(bundle, &[anchor.public_key()], now())
        .unwrap();
    v
}

fn status(r: &VerificationReport, code: CheckCode) -> Option<(CheckStatus, Option<&str>)> {
    r.check(code).map(|c| (c.status, c.error))
}

#[test]
fn vc_jwt_verifies_with_the_issuers_did_and_with_the_bundle() {
    let issuer_key = key(Algorithm::P256, 1);
    let anchor = key(Algorithm::Ed25519, 2);
    let did = did_key(&issuer_key.public_key());
    let cred = credential("legal-identity", "arabic", &did);
    let token = vc_jose::sign(&cred, &did_key_vm(&issuer_key.public_key()), &issuer_key).unwrap();

    let alone = Verifier::new(ContextStore::bundled());
    let r = alone.verify_input(token.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{r:#?}");
    assert_eq!(r.credential.cryptosuites, ["vc+jwt ES256"]);
    assert_eq!(r.credential.profile.as_deref(), Some("legal-identity"));
    assert!(
        r.credential.disclosed.is_empty(),
        "a vc+jwt shows every claim"
    );

    let b = bundle(
        &anchor,
        &did,
        vec![json!(issuer_key.public_key().to_multikey())],
        &["LegalIdentityCredential"],
        json!([]),
    );
    let r = verifier_with(&b, &anchor).verify_input(token.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Valid, "{r:#?}");

    // One byte of the payload changed: the signature fails, the verdict is invalid.
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut payload: Value = serde_json::from_slice(&base64url(&parts[1])).unwrap();
    payload["credentialSubject"]["givenName"] = json!("Mallory");
    parts[1] = encode(&serde_json::to_vec(&payload).unwrap());
    let r = alone.verify_input(parts.join(".").as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(
        status(&r, CheckCode::SignatureValid),
        Some((CheckStatus::Fail, Some("invalid_signature")))
    );

    // Signed by another key that claims the issuer's DID in kid: the DID's key does not verify.
    let rogue = key(Algorithm::P256, 3);
    let forged = vc_jose::sign(&cred, &did_key_vm(&issuer_key.public_key()), &rogue).unwrap();
    let r = alone.verify_input(forged.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Invalid);
    // A rogue's own did:key, naming the registry as issuer: untrusted (issuer binding).
    let own = vc_jose::sign(&cred, &did_key_vm(&rogue.public_key()), &rogue).unwrap();
    let r = alone.verify_input(own.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Untrusted, "{r:#?}");
}

#[test]
fn a_jwt_that_is_neither_form_is_unsupported() {
    let k = key(Algorithm::Ed25519, 4);
    let plain = sd_jwt::jws::sign(serde_json::Map::new(), &json!({"sub": "x"}), &k).unwrap();
    let r = Verifier::new(ContextStore::bundled())
        .verify_input(plain.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(
        status(&r, CheckCode::WellFormed),
        Some((CheckStatus::Fail, Some("unsupported_format")))
    );
}

fn base64url(s: &str) -> Vec<u8> {
    credential_core::codec::Base64::UrlSafeNoPad
        .decode(s)
        .unwrap()
}

fn encode(b: &[u8]) -> String {
    credential_core::codec::Base64::UrlSafeNoPad.encode(b)
}

/// An SD-JWT VC of a Laissez credential, its issuer in a bundle with a Token Status List where
/// entry 3 is revoked and 4 suspended.
struct SdWorld {
    issued: String,
    holder: SecretKey,
    cred: Value,
    verifier: Verifier,
}

fn sd_world(profile: &str, example: &str, status_idx: u64) -> SdWorld {
    let issuer_key = key(Algorithm::P256, 10);
    let holder = key(Algorithm::Ed25519, 11);
    let anchor = key(Algorithm::Ed25519, 12);
    let iss = "https://registry.example.org";
    let cred = credential(profile, example, iss);
    let profiles = credential_core::profiles::Profiles::bundled();
    let form = from_credential(&cred, profiles.get(profile).unwrap()).unwrap();
    let mut params = form.issue_params(now());
    params.holder_key = Some(holder.public_key());
    params.kid = Some("registry-2026".into());
    params.status = Some(StatusReference {
        idx: status_idx,
        uri: TOKENS.into(),
    });
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(13 + status_idx);
    let issued = sd_jwt::issue(
        &form.claims,
        &form.disclosable,
        &params,
        &issuer_key,
        &mut rng,
    )
    .unwrap()
    .sd_jwt;
    let mut statuses = vec![0u8; 16];
    statuses[3] = 1;
    statuses[4] = 2;
    let list = StatusListToken::issue(
        TOKENS,
        2,
        &statuses,
        t("2026-05-29T00:00:00Z"),
        None,
        &issuer_key,
    )
    .unwrap();
    let p = profiles.get(profile).unwrap();
    let types: Vec<&str> = p
        .types()
        .iter()
        .map(String::as_str)
        .filter(|t| *t != "VerifiableCredential")
        .collect();
    let b = bundle(
        &anchor,
        iss,
        vec![issuer_key.public_key().to_jwk()],
        &types,
        json!([{"uri": TOKENS, "issuer": iss, "token": list}]),
    );
    SdWorld {
        issued,
        holder,
        cred,
        verifier: verifier_with(&b, &anchor),
    }
}

impl SdWorld {
    fn present(&self, preset: &str) -> String {
        let profiles = credential_core::profiles::Profiles::bundled();
        let sd = SdJwt::parse(&self.issued).unwrap();
        let view = to_credential(sd.claims(), &profiles);
        let profile = profiles
            .by_vct(sd.claims()["vct"].as_str().unwrap())
            .unwrap();
        let pointers = profile
            .disclosure()
            .unwrap()
            .preset_pointers(preset, &view)
            .unwrap();
        let kb = KeyBindingInput {
            signer: &self.holder,
            aud: AUD,
            nonce: NONCE,
            iat: now(),
        };
        sd.present(&claim_paths(&pointers).unwrap(), Some(&kb))
            .unwrap()
    }

    fn verify(&self, input: &str) -> (VerificationReport, Option<Value>) {
        let opts = VerifyOptions {
            challenge: Some(NONCE),
            domain: Some(AUD),
            ..VerifyOptions::at(now())
        };
        self.verifier.verify_input_document(input.as_bytes(), &opts)
    }
}

#[test]
fn sd_jwt_vc_presets_verify_and_show_only_their_claims() {
    for (profile, example, preset, shown, hidden) in [
        (
            "legal-identity",
            "arabic",
            "proof-of-registration",
            &["Amina", "LB-2023-77120"][..],
            &[
                "birthDate",
                "placeOfBirth",
                "nationality",
                "sex",
                "1990-04",
                "XXA",
            ][..],
        ),
        (
            "legal-identity",
            "arabic",
            "age-over-18",
            &["ageOver18"][..],
            &[
                "birthDate",
                "givenName",
                "familyNameLatin",
                "nationality",
                "registrationNumber",
                "ageOver65",
                "1990-04",
                "Amina",
                "XXA",
            ][..],
        ),
        (
            "health-vaccination",
            "yellow-fever",
            "yellow-fever",
            &["XM0N24"][..],
            &["holderName", "birthDate", "documentNumber", "nationality"][..],
        ),
        (
            "health-assessment",
            "",
            "fit-to-travel",
            &["outcome"][..],
            &["tbScreening", "birthDate", "nationality"][..],
        ),
        (
            "travel-eligibility",
            "",
            "authorised-to-travel",
            &["authorizationNumber"][..],
            &["nationality", "birthDate", "purpose"][..],
        ),
    ] {
        let w = sd_world(profile, example, 1);
        let presented = w.present(preset);
        let (r, view) = w.verify(&presented);
        assert_eq!(r.verdict, Verdict::Valid, "{profile}/{preset}: {r:#?}");
        assert_eq!(
            status(&r, CheckCode::HolderBinding),
            Some((CheckStatus::Pass, None))
        );
        assert_eq!(
            status(&r, CheckCode::SchemaValid),
            Some((CheckStatus::Pass, None))
        );
        assert_eq!(
            status(&r, CheckCode::RevocationStatus),
            Some((CheckStatus::Pass, None))
        );
        assert_eq!(r.credential.profile.as_deref(), Some(profile));
        let view = view.unwrap();
        // The view is a JSON-LD credential like a Data Integrity one: every claim shown expands
        // (age claims bring the age context along).
        credential_core::jsonld::JsonLdProcessor::new(
            credential_core::jsonld::ContextStore::bundled(),
        )
        .to_rdf(view.as_object().unwrap())
        .unwrap_or_else(|e| panic!("{preset}: the view does not expand: {e}"));
        let report = serde_json::to_string(&r).unwrap();
        let view_text = view.to_string();
        // The presentation's bytes: the disclosures are base64url JSON; decode them all.
        let decoded: String = presented
            .split('~')
            .skip(1)
            .filter(|d| !d.is_empty() && !d.contains('.'))
            .map(|d| String::from_utf8(base64url(d)).unwrap())
            .collect();
        for s in shown {
            assert!(
                view_text.contains(s) && decoded.contains(s),
                "{preset}: {s} not shown"
            );
        }
        for h in hidden {
            assert!(!view_text.contains(h), "{preset}: {h} in the view");
            assert!(!decoded.contains(h), "{preset}: {h} in the presentation");
            if let Some(value) = w.cred["credentialSubject"][h].as_str() {
                assert!(
                    !report.contains(value),
                    "{preset}: {h} ({value}) in the report"
                );
            }
        }
        assert!(!r.credential.disclosed.is_empty());
        for p in &r.credential.disclosed {
            assert!(view.pointer(p).is_some(), "{p} listed but not in the view");
        }
        // Everything the issuer made disclosable but the preset did not choose is absent.
        assert!(w.cred.to_string().len() > view_text.len());
    }
}

#[test]
fn sd_jwt_vc_refusals_name_their_check() {
    let w = sd_world("legal-identity", "arabic", 1);
    let presented = w.present("proof-of-registration");
    // Another audience or nonce.
    let other = VerifyOptions {
        challenge: Some("n-other"),
        domain: Some(AUD),
        ..VerifyOptions::at(now())
    };
    let r = w.verifier.verify_input(presented.as_bytes(), &other);
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(
        status(&r, CheckCode::HolderBinding),
        Some((CheckStatus::Fail, Some("key_binding_mismatch")))
    );
    // Too old: presented ten minutes before the verification.
    let later = VerifyOptions {
        now: Timestamp(now().0 + 600),
        ..other
    };
    let later = VerifyOptions {
        challenge: Some(NONCE),
        ..later
    };
    let r = w.verifier.verify_input(presented.as_bytes(), &later);
    assert_eq!(
        status(&r, CheckCode::HolderBinding),
        Some((CheckStatus::Fail, Some("key_binding_stale")))
    );
    // Without the key binding JWT when the verifier asked for one.
    let bare = &presented[..presented.rfind('~').unwrap() + 1];
    let (r, _) = w.verify(bare);
    assert_eq!(
        status(&r, CheckCode::HolderBinding),
        Some((CheckStatus::Fail, Some("key_binding_missing")))
    );
    // Without a challenge, a presentation without key binding is accepted with a warning.
    let r = w
        .verifier
        .verify_input(bare.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Valid, "{r:#?}");
    assert_eq!(
        status(&r, CheckCode::HolderBinding),
        Some((CheckStatus::Warning, None))
    );
    // A disclosure from another credential.
    let other_world = sd_world("legal-identity", "arabic", 2);
    let foreign = SdJwt::parse(&other_world.issued).unwrap().disclosures()[0]
        .1
        .encoded()
        .to_owned();
    let swapped = format!("{bare}{foreign}~");
    let r = w
        .verifier
        .verify_input(swapped.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(
        status(&r, CheckCode::SignatureValid),
        Some((CheckStatus::Fail, Some("disclosure_not_referenced")))
    );
    // Revoked and suspended by the Token Status List in the bundle.
    for (idx, verdict) in [(3, Verdict::Revoked), (4, Verdict::Suspended)] {
        let w = sd_world("legal-identity", "arabic", idx);
        let (r, _) = w.verify(&w.present("proof-of-registration"));
        assert_eq!(r.verdict, verdict, "{r:#?}");
    }
    // An index past the list's end is a status error, never a pass.
    let w = sd_world("legal-identity", "arabic", 10_000);
    let (r, _) = w.verify(&w.present("proof-of-registration"));
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(
        status(&r, CheckCode::CredentialStatus),
        Some((CheckStatus::Fail, Some("status_list_invalid")))
    );
    // An issuer the bundle does not list and whose kid is no DID URL: no key, invalid.
    let stranger = key(Algorithm::P256, 20);
    let mut params = sd_jwt::IssueParams::new(
        "https://stranger.example",
        "https://w3id.org/laissez/vct/legal-identity/v1",
        now(),
    );
    params.kid = Some("k1".into());
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(21);
    let claims = json!({"givenName": "X"});
    let issued = sd_jwt::issue(
        claims.as_object().unwrap(),
        &[],
        &params,
        &stranger,
        &mut rng,
    )
    .unwrap()
    .sd_jwt;
    let r = w
        .verifier
        .verify_input(issued.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(
        status(&r, CheckCode::SignatureValid),
        Some((CheckStatus::Fail, Some("verification_method_not_found")))
    );
}

#[test]
fn an_sd_jwt_vc_of_another_vct_is_judged_by_the_bundle() {
    let issuer_key = key(Algorithm::Ed25519, 30);
    let anchor = key(Algorithm::Ed25519, 31);
    let iss = "https://pid.example.eu";
    let vct = "urn:eudi:pid:1";
    let mut params = sd_jwt::IssueParams::new(iss, vct, now());
    params.expires = Some(t("2027-01-01T00:00:00Z"));
    let claims = json!({"given_name": "Erika", "birthdate": "1964-08-12", "age_equal_or_over": {"18": true}});
    let policy = [
        sd_jwt::ClaimPath::claim("given_name"),
        sd_jwt::ClaimPath::claim("birthdate"),
        sd_jwt::ClaimPath::claim("age_equal_or_over").key("18"),
    ];
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(32);
    let issued = sd_jwt::issue(
        claims.as_object().unwrap(),
        &policy,
        &params,
        &issuer_key,
        &mut rng,
    )
    .unwrap()
    .sd_jwt;
    let shown = SdJwt::parse(&issued)
        .unwrap()
        .present(
            &[sd_jwt::ClaimPath::claim("age_equal_or_over").key("18")],
            None,
        )
        .unwrap();
    let listed = bundle(
        &anchor,
        iss,
        vec![issuer_key.public_key().to_jwk()],
        &[vct],
        json!([]),
    );
    let (r, view) = verifier_with(&listed, &anchor)
        .verify_input_document(shown.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Valid, "{r:#?}");
    assert_eq!(
        r.credential.disclosed,
        ["/credentialSubject/age_equal_or_over/18"]
    );
    let view = view.unwrap();
    assert_eq!(view["type"], json!(["VerifiableCredential", vct]));
    assert!(!view.to_string().contains("1964"));
    // Listed for another type only: untrusted.
    let other = bundle(
        &anchor,
        iss,
        vec![issuer_key.public_key().to_jwk()],
        &["urn:other"],
        json!([]),
    );
    let r =
        verifier_with(&other, &anchor).verify_input(shown.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Untrusted, "{r:#?}");
    // A key the bundle does not list for the issuer.
    let rogue = key(Algorithm::Ed25519, 33);
    let forged = sd_jwt::issue(
        claims.as_object().unwrap(),
        &policy,
        &params,
        &rogue,
        &mut rng,
    )
    .unwrap()
    .sd_jwt;
    let r =
        verifier_with(&listed, &anchor).verify_input(forged.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(
        status(&r, CheckCode::SignatureValid),
        Some((CheckStatus::Fail, Some("invalid_signature")))
    );
}

#[test]
fn jwt_forms_travel_in_the_qr_envelope() {
    use credential_core::envelope::{self, Encoding};
    let store = ContextStore::bundled();
    let w = sd_world("legal-identity", "arabic", 1);
    let presented = w.present("proof-of-registration");
    let (text, encoding) =
        envelope::encode_smallest(&Value::String(presented.clone()), &store).unwrap();
    assert_eq!(encoding, Encoding::Jwt);
    let generic =
        envelope::encode(&Value::String(presented.clone()), Encoding::Generic, &store).unwrap();
    assert!(
        text.len() < generic.len(),
        "{} vs {}",
        text.len(),
        generic.len()
    );
    let (r, _) = w.verify(&text);
    assert_eq!(r.verdict, Verdict::Valid, "{r:#?}");
    // The generic envelope of the same text verifies the same.
    let (r, _) = w.verify(&generic);
    assert_eq!(r.verdict, Verdict::Valid);
    // A Data Integrity credential cannot take the JWT encoding.
    assert!(envelope::encode(&w.cred, Encoding::Jwt, &store).is_err());

    let issuer_key = key(Algorithm::Ed25519, 40);
    let did = did_key(&issuer_key.public_key());
    let token = vc_jose::sign(
        &credential("legal-identity", "latin", &did),
        &did_key_vm(&issuer_key.public_key()),
        &issuer_key,
    )
    .unwrap();
    let (text, encoding) = envelope::encode_smallest(&Value::String(token), &store).unwrap();
    assert_eq!(encoding, Encoding::Jwt);
    let r = Verifier::new(ContextStore::bundled())
        .verify_input(text.as_bytes(), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{r:#?}");
}
