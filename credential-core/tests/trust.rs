//! Offline trust end to end in the core: status lists, trust bundles, and the verdicts they give.

mod common;

use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::issue;
use credential_core::jsonld::{ContextStore, CONTEXT_V2, LEGAL_IDENTITY_V1};
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::message::Arg;
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::status::{list_credential, status_entries, StatusList, StatusPurpose};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{CheckCode, CheckStatus, Verdict, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};

const LIST: &str = "https://status.example.org/lists/revocation/0";

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

struct World {
    verifier: Verifier,
    issuer: SecretKey,
    rogue: SecretKey,
    anchor: SecretKey,
}

fn world() -> World {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(77);
    World {
        verifier: Verifier::new(ContextStore::bundled()),
        issuer: SecretKey::generate(Algorithm::Ed25519, &mut rng).unwrap(),
        rogue: SecretKey::generate(Algorithm::Ed25519, &mut rng).unwrap(),
        anchor: SecretKey::generate(Algorithm::Ed25519, &mut rng).unwrap(),
    }
}

fn identity(w: &World, key: &SecretKey, index: usize) -> Value {
    let cred = Credential::from_json(json!({
        "@context": [CONTEXT_V2, LEGAL_IDENTITY_V1],
        "type": ["VerifiableCredential", "LegalIdentityCredential"],
        "issuer": did_key(&key.public_key()),
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSchema": {"id": "https://w3id.org/laissez/schemas/legal-identity/v1.json", "type": "JsonSchema"},
        "credentialStatus": {"id": format!("{LIST}#{index}"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": index.to_string(), "statusListCredential": LIST},
        "credentialSubject": {"givenName": "Selam", "familyName": "Tesfaye", "sex": "not-known", "birthDateCertainty": "unknown", "nationality": "XXC", "registrationNumber": "ETH-1", "registeringAuthority": "RRS"}
    }))
    .unwrap();
    issue(
        &cred,
        &ProofOptions::assertion(Cryptosuite::EddsaRdfc2022, did_key_vm(&key.public_key())),
        key,
        w.verifier.processor(),
    )
    .unwrap()
    .into_json()
}

fn status_list(w: &World, revoked: &[usize]) -> Value {
    let mut list = StatusList::new(0);
    for i in revoked {
        list.set(*i, true).unwrap();
    }
    let unsigned = list_credential(
        LIST,
        &did_key(&w.issuer.public_key()),
        StatusPurpose::Revocation,
        &list,
        t("2025-06-01T00:00:00Z"),
        None,
    );
    let opts = ProofOptions::assertion(
        Cryptosuite::EddsaRdfc2022,
        did_key_vm(&w.issuer.public_key()),
    );
    Value::Object(
        add_proof(
            unsigned.as_object().unwrap(),
            &opts,
            &w.issuer,
            w.verifier.processor(),
        )
        .unwrap(),
    )
}

fn bundle(w: &World, version: u64, lists: Vec<Value>, types: &[&str]) -> Vec<u8> {
    let body = json!({
        "type": "LaissezTrustBundle",
        "version": version,
        "issued": "2025-06-01T00:00:00Z",
        "nextUpdate": "2025-07-01T00:00:00Z",
        "issuers": [{
            "id": did_key(&w.issuer.public_key()),
            "name": {"en": "Civil Registry of Testland", "fr": "État civil de Testland"},
            "publicKeys": [w.issuer.public_key().to_multikey()],
            "credentialTypes": types,
            "jurisdiction": "XTL",
            "validFrom": "2024-01-01T00:00:00Z"
        }],
        "statusLists": lists
    });
    let opts = ProofOptions::assertion(
        Cryptosuite::EddsaJcs2022,
        did_key_vm(&w.anchor.public_key()),
    );
    serde_json::to_vec(
        &add_proof(
            body.as_object().unwrap(),
            &opts,
            &w.anchor,
            w.verifier.processor(),
        )
        .unwrap(),
    )
    .unwrap()
}

fn anchors(w: &World) -> Vec<PublicKey> {
    vec![w.anchor.public_key()]
}

#[test]
fn trusted_revoked_and_untrusted() {
    let mut w = world();
    let now = t("2025-06-15T00:00:00Z");
    let good = identity(&w, &w.issuer, 5);
    let revoked = identity(&w, &w.issuer, 6);
    let lists = vec![status_list(&w, &[6])];
    w.verifier
        .load_trust_bundle(
            &bundle(&w, 1, lists, &["LegalIdentityCredential"]),
            &anchors(&w),
            now,
        )
        .unwrap();
    let opts = VerifyOptions::at(now);

    let r = w.verifier.verify_credential(&good, &opts);
    assert_eq!(r.verdict, Verdict::Valid, "{r:#?}");
    // The report names the bundle it used.
    let used = r.trust_bundle.as_ref().unwrap();
    assert_eq!(
        (used.version, used.age_days),
        (1, w.verifier.trust_bundle().unwrap().age_days(now))
    );
    for code in [
        CheckCode::IssuerTrusted,
        CheckCode::IssuerAuthorisedForType,
        CheckCode::TrustDataFresh,
        CheckCode::RevocationStatus,
    ] {
        assert_eq!(r.check(code).unwrap().status, CheckStatus::Pass, "{code}");
    }
    assert_eq!(
        r.credential.issuer_name.as_deref(),
        Some("Civil Registry of Testland")
    );

    let r = w.verifier.verify_credential(&revoked, &opts);
    assert_eq!(r.verdict, Verdict::Revoked, "{r:#?}");
    assert_eq!(
        r.check(CheckCode::RevocationStatus).unwrap().error,
        Some("revoked")
    );

    // A good signature by an issuer the bundle does not know: untrusted.
    let rogue = identity(&w, &w.rogue, 7);
    let r = w.verifier.verify_credential(&rogue, &opts);
    assert_eq!(r.verdict, Verdict::Untrusted, "{r:#?}");
    assert_eq!(
        r.check(CheckCode::IssuerTrusted).unwrap().error,
        Some("issuer_unknown")
    );

    // Stale trust data: a warning with the age, not a failure.
    let later = VerifyOptions::at(t("2025-08-01T00:00:00Z"));
    let r = w.verifier.verify_credential(&good, &later);
    assert_eq!(r.verdict, Verdict::Valid);
    let fresh = r.check(CheckCode::TrustDataFresh).unwrap();
    assert_eq!(fresh.status, CheckStatus::Warning);
    assert_eq!(fresh.message.id, "trust_bundle_stale");
    assert_eq!(fresh.message.get("age"), Some(&Arg::Number(61)));

    // Cleared: the verifier says it did not check the issuer; the rollback bound stays.
    w.verifier.clear_trust_bundle();
    let r = w.verifier.verify_credential(&good, &opts);
    assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{r:#?}");
    assert!(r.trust_bundle.is_none());
    assert_eq!(
        r.check(CheckCode::TrustNotEvaluated).unwrap().status,
        CheckStatus::Warning
    );
    let r = w.verifier.verify_credential(&revoked, &opts);
    assert_eq!(
        r.verdict,
        Verdict::IssuerNotChecked,
        "status unknown without a bundle"
    );
    assert_eq!(
        w.verifier
            .load_trust_bundle(&bundle(&w, 0, vec![], &[]), &anchors(&w), now)
            .unwrap_err()
            .code(),
        "bundle_rollback"
    );
}

#[test]
fn issuer_not_authorised_for_the_type_is_untrusted() {
    let mut w = world();
    let now = t("2025-06-15T00:00:00Z");
    let cred = identity(&w, &w.issuer, 5);
    w.verifier
        .load_trust_bundle(
            &bundle(
                &w,
                1,
                vec![status_list(&w, &[])],
                &["VaccinationCredential"],
            ),
            &anchors(&w),
            now,
        )
        .unwrap();
    let r = w.verifier.verify_credential(&cred, &VerifyOptions::at(now));
    assert_eq!(r.verdict, Verdict::Untrusted);
    assert_eq!(
        r.check(CheckCode::IssuerAuthorisedForType).unwrap().error,
        Some("issuer_not_authorised")
    );
}

/// The bundle authorises `LegalIdentityCredential`, the Laissez profile's type. The same short
/// name from another vocabulary (here the VC 2.0 issuer-dependent one) is another type: the
/// recognised issuer is not authorised for it, and it is not judged against the Laissez schema.
#[test]
fn a_profile_type_name_from_another_vocabulary_is_not_authorised() {
    let mut w = world();
    let now = t("2025-06-15T00:00:00Z");
    w.verifier
        .load_trust_bundle(
            &bundle(&w, 1, vec![], &["LegalIdentityCredential"]),
            &anchors(&w),
            now,
        )
        .unwrap();
    let foreign = Credential::from_json(json!({
        "@context": [CONTEXT_V2, "https://www.w3.org/ns/credentials/undefined-terms/v2"],
        "type": ["VerifiableCredential", "LegalIdentityCredential"],
        "issuer": did_key(&w.issuer.public_key()),
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"givenName": "Selam"}
    }))
    .unwrap();
    let signed = issue(
        &foreign,
        &ProofOptions::assertion(
            Cryptosuite::EddsaJcs2022,
            did_key_vm(&w.issuer.public_key()),
        ),
        &w.issuer,
        w.verifier.processor(),
    )
    .unwrap()
    .into_json();
    let r = w
        .verifier
        .verify_credential(&signed, &VerifyOptions::at(now));
    assert_eq!(r.verdict, Verdict::Untrusted, "{r:#?}");
    assert!(r.check(CheckCode::SchemaValid).is_none());
    assert_eq!(
        r.check(CheckCode::IssuerAuthorisedForType).unwrap().error,
        Some("issuer_not_authorised")
    );
    // The Laissez one from the same issuer is.
    let ours = identity(&w, &w.issuer, 5);
    let r = w.verifier.verify_credential(&ours, &VerifyOptions::at(now));
    assert_eq!(r.verdict, Verdict::Valid, "{r:#?}");
}

#[test]
fn missing_status_list_is_a_warning_not_a_silent_pass() {
    let mut w = world();
    let now = t("2025-06-15T00:00:00Z");
    let cred = identity(&w, &w.issuer, 5);
    w.verifier
        .load_trust_bundle(
            &bundle(&w, 1, vec![], &["LegalIdentityCredential"]),
            &anchors(&w),
            now,
        )
        .unwrap();
    let r = w.verifier.verify_credential(&cred, &VerifyOptions::at(now));
    assert_eq!(
        r.check(CheckCode::StatusUnknown).unwrap().status,
        CheckStatus::Warning
    );
    assert!(r.check(CheckCode::RevocationStatus).is_none());
}

#[test]
fn a_forged_status_list_is_not_used() {
    let mut w = world();
    let now = t("2025-06-15T00:00:00Z");
    let cred = identity(&w, &w.issuer, 6);
    let mut list = status_list(&w, &[6]);
    // Someone clears bit 6 in the list without the issuer's key.
    list["credentialSubject"]["encodedList"] = json!(StatusList::new(0).encode());
    w.verifier
        .load_trust_bundle(
            &bundle(&w, 1, vec![list], &["LegalIdentityCredential"]),
            &anchors(&w),
            now,
        )
        .unwrap();
    let r = w.verifier.verify_credential(&cred, &VerifyOptions::at(now));
    // The forged "not revoked" is not believed: the status is reported unknown, never "not revoked".
    assert!(r.check(CheckCode::RevocationStatus).is_none(), "{r:#?}");
    let unknown = r.check(CheckCode::StatusUnknown).unwrap();
    assert_eq!(unknown.status, CheckStatus::Warning);
    assert_eq!(unknown.message.id, "status_list_unusable", "{unknown:?}");
}

#[test]
fn bad_bundles_are_refused_each_with_its_code() {
    let mut w = world();
    let now = t("2025-06-15T00:00:00Z");
    let good = bundle(&w, 5, vec![], &["LegalIdentityCredential"]);
    w.verifier
        .load_trust_bundle(&good, &anchors(&w), now)
        .unwrap();
    // Rollback.
    let old = bundle(&w, 4, vec![], &["LegalIdentityCredential"]);
    assert_eq!(
        w.verifier
            .load_trust_bundle(&old, &anchors(&w), now)
            .unwrap_err()
            .code(),
        "bundle_rollback"
    );
    // Tampered: one authorised type added after signing.
    let mut v: Value = serde_json::from_slice(&good).unwrap();
    v["issuers"][0]["credentialTypes"] =
        json!(["LegalIdentityCredential", "TravelEligibilityCredential"]);
    assert_eq!(
        w.verifier
            .load_trust_bundle(&serde_json::to_vec(&v).unwrap(), &anchors(&w), now)
            .unwrap_err()
            .code(),
        "invalid_signature"
    );
    // Unsigned.
    v.as_object_mut().unwrap().remove("proof");
    assert_eq!(
        w.verifier
            .load_trust_bundle(&serde_json::to_vec(&v).unwrap(), &anchors(&w), now)
            .unwrap_err()
            .code(),
        "bundle_unsigned"
    );
    // Signed by a key that is not an anchor.
    assert_eq!(
        w.verifier
            .load_trust_bundle(&good, &[w.rogue.public_key()], now)
            .unwrap_err()
            .code(),
        "bundle_unknown_anchor"
    );
    // Malformed.
    for bad in [&b"[]"[..], b"{\"proof\": 1}", b"not json"] {
        let code = w
            .verifier
            .load_trust_bundle(bad, &anchors(&w), now)
            .unwrap_err()
            .code();
        assert!(
            ["bundle_malformed", "malformed_json"].contains(&code),
            "{code}"
        );
    }
    // Signed, but a cached status list has no URL to file it under.
    let no_id = bundle(&w, 9, vec![json!({"type": ["VerifiableCredential"]})], &[]);
    assert_eq!(
        w.verifier
            .load_trust_bundle(&no_id, &anchors(&w), now)
            .unwrap_err()
            .code(),
        "bundle_malformed"
    );
    // Refused whole: the bundle loaded before is still the one in force.
    assert_eq!(w.verifier.trust_bundle().unwrap().version, 5);
}

#[test]
fn did_web_issuers_resolve_from_the_bundle() {
    let mut w = world();
    let now = t("2025-06-15T00:00:00Z");
    let did = "did:web:registry.example.org";
    let vm = format!("{did}#key-1");
    let cred = Credential::from_json(json!({
        "@context": [CONTEXT_V2], "type": ["VerifiableCredential"], "issuer": did,
        "validFrom": "2025-01-01T00:00:00Z", "credentialSubject": {"https://schema.org/name": "Amina"}
    })).unwrap();
    let signed = issue(
        &cred,
        &ProofOptions::assertion(Cryptosuite::EddsaJcs2022, vm.clone()),
        &w.issuer,
        w.verifier.processor(),
    )
    .unwrap()
    .into_json();
    // Without a bundle: unresolvable.
    let r = w
        .verifier
        .verify_credential(&signed, &VerifyOptions::at(now));
    assert_eq!(
        r.check(CheckCode::SignatureValid).unwrap().error,
        Some("unresolvable_did")
    );
    let body = json!({
        "type": "LaissezTrustBundle", "version": 1, "issued": "2025-06-01T00:00:00Z", "nextUpdate": "2025-07-01T00:00:00Z",
        "issuers": [{"id": did, "name": "Registry", "publicKeys": [w.issuer.public_key().to_multikey()], "credentialTypes": []}],
        "didDocuments": [{"id": did, "verificationMethod": [{"id": vm, "type": "Multikey", "controller": did, "publicKeyMultibase": w.issuer.public_key().to_multikey()}], "assertionMethod": [vm]}]
    });
    let opts = ProofOptions::assertion(
        Cryptosuite::EddsaJcs2022,
        did_key_vm(&w.anchor.public_key()),
    );
    let b = serde_json::to_vec(
        &add_proof(
            body.as_object().unwrap(),
            &opts,
            &w.anchor,
            w.verifier.processor(),
        )
        .unwrap(),
    )
    .unwrap();
    w.verifier.load_trust_bundle(&b, &anchors(&w), now).unwrap();
    let r = w
        .verifier
        .verify_credential(&signed, &VerifyOptions::at(now));
    assert_eq!(r.verdict, Verdict::Valid, "{r:#?}");
}

#[test]
fn spec_examples_decode_as_the_spec_says() {
    let Some(v) = common::vectors_dir() else {
        return;
    };
    let dir = v.join("bitstring-status-list/spec-examples");
    // Example 3 / 5: a BitstringStatusListCredential whose list is 131,072 clear bits (16 KiB).
    for name in ["example-03.json", "example-05.json"] {
        let doc = common::read_json(&dir.join(name));
        let list =
            StatusList::decode(doc["credentialSubject"]["encodedList"].as_str().unwrap()).unwrap();
        assert_eq!(list.len(), 131_072, "{name}");
        assert_eq!(list.count_set(), 0, "{name}");
        assert!(!list.get(94_567).unwrap());
    }
    // Example 1: two entries, revocation at 94567 and suspension at 23452.
    let doc = common::read_json(&dir.join("example-01.json"));
    let entries = status_entries(doc.as_object().unwrap()).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        (entries[0].purpose, entries[0].index),
        (StatusPurpose::Revocation, 94_567)
    );
    assert_eq!(
        (entries[1].purpose, entries[1].index),
        (StatusPurpose::Suspension, 23_452)
    );
    assert_eq!(
        entries[1].list_url,
        "https://example.com/credentials/status/4"
    );
    // Example 4: a single entry object.
    let doc = common::read_json(&dir.join("example-04.json"));
    assert_eq!(
        status_entries(doc.as_object().unwrap()).unwrap()[0].index,
        94_567
    );
}
