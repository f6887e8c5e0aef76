//! `ecdsa-sd-2023` with our own keys: issue a base proof, derive, verify through the
//! `Verifier`; and the attacks: a disclosed or mandatory value changed, a statement added or
//! removed, the issuer's mandatory pointers changed, the derived proof's parts swapped or
//! re-indexed, the base proof shown to a verifier, truncated and garbage proof values, and
//! oversized label maps and signature lists (refused fast, never a panic).

#![cfg(feature = "ecdsa-sd")]

use credential_core::did::{did_key, did_key_vm};
use credential_core::jsonld::{ContextStore, JsonLdProcessor};
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::message::Arg;
use credential_core::model::Timestamp;
use credential_core::sd::{self, BaseProofOptions, DerivedProofValue};
use credential_core::verify::{CheckCode, CheckStatus, Verdict, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Map, Value};
use std::time::{Duration, Instant};

const MANDATORY: [&str; 2] = ["/issuer", "/validFrom"];
const SELECTIVE: [&str; 3] = [
    "/credentialSubject/name",
    "/credentialSubject/address/addressCountry",
    "/credentialSubject/knowsLanguage/1",
];

fn now() -> Timestamp {
    Timestamp::parse("2026-06-01T00:00:00Z").unwrap()
}

fn pointers(p: &[&str]) -> Vec<String> {
    p.iter().map(|s| s.to_string()).collect()
}

/// Blank nodes (credential, subject, address), an array, an IRI-identified issuer.
fn credential(did: &str) -> Map<String, Value> {
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/undefined-terms/v2"
        ],
        "type": ["VerifiableCredential"],
        "issuer": {"id": did, "name": "Civil Registry"},
        "validFrom": "2026-01-01T00:00:00Z",
        "validUntil": "2036-01-01T00:00:00Z",
        "name": "Selective disclosure test",
        "credentialSubject": {
            "name": "Selam Tesfaye",
            "birthDate": "1990-04-02",
            "address": {"addressCountry": "ET", "addressLocality": "Addis Ababa"},
            "knowsLanguage": ["am", "en", "fr"]
        }
    })
    .as_object()
    .unwrap()
    .clone()
}

struct Fixture {
    processor: JsonLdProcessor,
    verifier: Verifier,
    base: Map<String, Value>,
    derived: Map<String, Value>,
}

fn fixture() -> Fixture {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2023);
    let key = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
    let did = did_key(&key.public_key());
    let processor = JsonLdProcessor::new(ContextStore::bundled());
    let options = BaseProofOptions::assertion(did_key_vm(&key.public_key()))
        .created(Timestamp::parse("2026-01-01T00:00:00Z").unwrap())
        .mandatory(MANDATORY);
    let base =
        sd::create_base_proof(&credential(&did), &options, &key, &mut rng, &processor).unwrap();
    let derived = sd::derive(&base, &pointers(&SELECTIVE), &processor).unwrap();
    Fixture {
        processor,
        verifier: Verifier::new(ContextStore::bundled()),
        base,
        derived,
    }
}

fn verdict(f: &Fixture, doc: &Map<String, Value>) -> (Verdict, Option<&'static str>, String) {
    let r = f
        .verifier
        .verify_credential(&Value::Object(doc.clone()), &VerifyOptions::at(now()));
    let check = r.check(CheckCode::SignatureValid).cloned();
    let error = check.as_ref().and_then(|c| c.error);
    // The message as its id and arguments (the detail names what was wrong).
    let message = check
        .map(|c| format!("{:?}", c.message))
        .unwrap_or_default();
    (r.verdict, error, message)
}

fn assert_refused(f: &Fixture, doc: &Map<String, Value>, code: &str, what: &str) {
    let (v, error, message) = verdict(f, doc);
    assert_eq!(v, Verdict::Invalid, "{what}: {message}");
    assert_eq!(error, Some(code), "{what}: {message}");
}

fn proof_value(doc: &Map<String, Value>) -> &str {
    doc["proof"]["proofValue"].as_str().unwrap()
}

fn with_proof_value(doc: &Map<String, Value>, value: &str) -> Map<String, Value> {
    let mut d = doc.clone();
    d["proof"]["proofValue"] = json!(value);
    d
}

fn reserialized(
    doc: &Map<String, Value>,
    edit: impl Fn(&mut DerivedProofValue),
) -> Map<String, Value> {
    let mut v = sd::parse_derived_proof_value(proof_value(doc)).unwrap();
    edit(&mut v);
    with_proof_value(doc, &sd::serialize_derived_proof_value(&v).unwrap())
}

#[test]
fn issue_derive_verify_round_trip() {
    let f = fixture();
    let (v, _, message) = verdict(&f, &f.derived);
    assert_eq!(v, Verdict::IssuerNotChecked, "{message}");
    // Only what was asked for, plus the mandatory parts and the types on the way.
    assert_eq!(
        f.derived["credentialSubject"],
        json!({"name": "Selam Tesfaye", "address": {"addressCountry": "ET"}, "knowsLanguage": ["en"]})
    );
    assert!(f.derived.get("validUntil").is_none());
    assert_eq!(f.derived["validFrom"], f.base["validFrom"]);
    assert_eq!(f.derived["issuer"], f.base["issuer"]);
    assert_eq!(
        sd::proof_value_kind(proof_value(&f.derived)).unwrap(),
        sd::ProofValueKind::Derived
    );

    // Everything; and mandatory only (its proof verifies, but a credential without
    // credentialSubject is not a credential: invalid by the data model, not by the proof).
    let all = pointers(&["/validUntil", "/name", "/credentialSubject"]);
    let d = sd::derive(&f.base, &all, &f.processor).unwrap();
    let (v, _, message) = verdict(&f, &d);
    assert_eq!(v, Verdict::IssuerNotChecked, "{message}");
    let d = sd::derive(&f.base, &[], &f.processor).unwrap();
    let r = f
        .verifier
        .verify_credential(&Value::Object(d), &VerifyOptions::at(now()));
    assert_eq!(
        r.check(CheckCode::SignatureValid).unwrap().status,
        CheckStatus::Pass
    );
    assert_eq!(
        r.check(CheckCode::DataModel).unwrap().status,
        CheckStatus::Fail
    );
    // The same base proof derives again (a holder shows it many times).
    let again = sd::derive(&f.base, &pointers(&SELECTIVE), &f.processor).unwrap();
    assert_eq!(again, f.derived);
}

#[test]
fn the_base_proof_is_refused_by_verifiers() {
    let f = fixture();
    let r = f
        .verifier
        .verify_credential(&Value::Object(f.base.clone()), &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Invalid);
    let check = r.check(CheckCode::SignatureValid).unwrap();
    assert_eq!(check.status, CheckStatus::Fail);
    assert_eq!(check.error, Some("base_proof_not_verifiable"));
    // Its own catalogue message, naming the suite.
    assert_eq!(check.message.id, "base_proof_not_verifiable");
    assert_eq!(
        check.message.get("suite"),
        Some(&Arg::Text("ecdsa-sd-2023".into()))
    );
    // The decoder says the same to a caller that parses the proof value itself.
    let e = sd::parse_derived_proof_value(proof_value(&f.base)).unwrap_err();
    assert_eq!(e.code(), "base_proof_not_verifiable");
    // Its derivation, and a derived proof value with a base header, are told apart.
    assert_eq!(verdict(&f, &f.derived).1, None);
    let mut bytes = credential_core::codec::Base64::UrlSafeNoPad
        .decode(&proof_value(&f.derived)[1..])
        .unwrap();
    bytes[..3].copy_from_slice(&sd::BASE_HEADER);
    let relabelled = format!(
        "u{}",
        credential_core::codec::Base64::UrlSafeNoPad.encode(bytes)
    );
    assert_refused(
        &f,
        &with_proof_value(&f.derived, &relabelled),
        "base_proof_not_verifiable",
        "derived components under a base header",
    );
}

#[test]
fn changed_disclosed_and_mandatory_values_fail() {
    let f = fixture();
    let mut d = f.derived.clone();
    d["credentialSubject"]["name"] = json!("Selam Tesfay");
    assert_refused(&f, &d, "invalid_signature", "disclosed value");
    let mut d = f.derived.clone();
    d["validFrom"] = json!("2025-01-01T00:00:00Z");
    assert_refused(&f, &d, "invalid_signature", "mandatory value");
    let mut d = f.derived.clone();
    d["credentialSubject"]["knowsLanguage"] = json!(["fr"]);
    assert_refused(&f, &d, "invalid_signature", "array element swapped");
    let mut d = f.derived.clone();
    d["proof"]["created"] = json!("2026-01-02T00:00:00Z");
    assert_refused(&f, &d, "invalid_signature", "proof option");
}

#[test]
fn added_and_removed_statements_fail() {
    let f = fixture();
    let mut d = f.derived.clone();
    d["credentialSubject"]["birthDate"] = f.base["credentialSubject"]["birthDate"].clone();
    assert_refused(
        &f,
        &d,
        "invalid_signature",
        "statement added (an undisclosed true one)",
    );
    let mut d = f.derived.clone();
    d["credentialSubject"]["address"]
        .as_object_mut()
        .unwrap()
        .remove("addressCountry");
    assert_refused(&f, &d, "invalid_signature", "disclosed statement removed");
    let mut d = f.derived.clone();
    d.remove("validFrom");
    assert_refused(&f, &d, "invalid_signature", "mandatory statement removed");
}

#[test]
fn a_derivation_repointed_after_the_fact_fails() {
    // The holder derives for one set of pointers, then shows the document another set selects
    // (one claim swapped, one claim added, one dropped) under the first derivation's proof.
    let f = fixture();
    let proof = f.derived["proof"].clone();
    for (what, other) in [
        (
            "name swapped for birthDate",
            vec![
                "/credentialSubject/birthDate",
                "/credentialSubject/address/addressCountry",
                "/credentialSubject/knowsLanguage/1",
            ],
        ),
        (
            "birthDate added",
            SELECTIVE
                .iter()
                .copied()
                .chain(["/credentialSubject/birthDate"])
                .collect(),
        ),
        ("name dropped", SELECTIVE[1..].to_vec()),
        (
            "another array element",
            vec![
                "/credentialSubject/name",
                "/credentialSubject/address/addressCountry",
                "/credentialSubject/knowsLanguage/2",
            ],
        ),
    ] {
        let mut d = sd::derive(&f.base, &pointers(&other), &f.processor).unwrap();
        assert_ne!(
            d["credentialSubject"], f.derived["credentialSubject"],
            "{what}"
        );
        d["proof"] = proof.clone();
        assert_refused(&f, &d, "invalid_signature", what);
    }
}

#[test]
fn changed_pointers_indexes_and_swapped_parts_fail() {
    let f = fixture();
    // The issuer's mandatory pointers changed in the base proof: the holder's derivation no
    // longer matches what the issuer signed.
    let mut base = sd::parse_base_proof_value(proof_value(&f.base)).unwrap();
    base.mandatory_pointers = pointers(&["/issuer"]);
    let tampered_base = with_proof_value(&f.base, &sd::serialize_base_proof_value(&base).unwrap());
    match sd::derive(&tampered_base, &pointers(&SELECTIVE), &f.processor) {
        Ok(d) => assert_refused(&f, &d, "invalid_signature", "mandatory pointers changed"),
        Err(e) => assert_eq!(e.code(), "malformed_proof"),
    }
    base.mandatory_pointers = pointers(&["/issuer", "/validUntil"]);
    let tampered_base = with_proof_value(&f.base, &sd::serialize_base_proof_value(&base).unwrap());
    match sd::derive(&tampered_base, &pointers(&SELECTIVE), &f.processor) {
        Ok(d) => assert_refused(&f, &d, "invalid_signature", "mandatory pointer added"),
        Err(e) => assert_eq!(e.code(), "malformed_proof"),
    }
    // A selective pointer that does not match the document is the holder's error.
    let e = sd::derive(
        &f.base,
        &pointers(&["/credentialSubject/nom"]),
        &f.processor,
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_property");

    let d = reserialized(&f.derived, |v| {
        v.mandatory_indexes.pop();
    });
    assert_refused(&f, &d, "invalid_signature", "mandatory index dropped");
    let d = reserialized(&f.derived, |v| v.mandatory_indexes[0] += 1);
    let (v, error, message) = verdict(&f, &d);
    assert_eq!(v, Verdict::Invalid, "mandatory index moved: {message}");
    assert!(
        matches!(error, Some("invalid_signature" | "malformed_proof")),
        "mandatory index moved: {message}"
    );
    let d = reserialized(&f.derived, |v| v.signatures.swap(0, 1));
    assert_refused(&f, &d, "invalid_signature", "signatures swapped");
    let d = reserialized(&f.derived, |v| {
        let (a, b) = (v.label_map[0].1.clone(), v.label_map[1].1.clone());
        v.label_map[0].1 = b;
        v.label_map[1].1 = a;
    });
    assert_refused(&f, &d, "invalid_signature", "labels swapped");
    let d = reserialized(&f.derived, |v| {
        v.label_map[1].1 = v.label_map[0].1.clone();
    });
    assert_refused(&f, &d, "malformed_proof", "two nodes, one label");
    let d = reserialized(&f.derived, |v| {
        v.label_map.pop();
    });
    assert_refused(&f, &d, "malformed_proof", "label missing");
    let d = reserialized(&f.derived, |v| {
        v.label_map.push(("c14n9".into(), v.label_map[0].1.clone()));
    });
    assert_refused(&f, &d, "malformed_proof", "label for no node");
}

#[test]
fn truncated_and_garbage_proof_values_are_typed_errors() {
    let f = fixture();
    let value = proof_value(&f.derived).to_owned();
    let start = Instant::now();
    // Every prefix, and every single-character change.
    for end in 0..value.len() {
        let d = with_proof_value(&f.derived, &value[..end]);
        let (v, error, _) = verdict(&f, &d);
        assert_eq!(v, Verdict::Invalid, "prefix {end}");
        assert_eq!(error, Some("malformed_proof"), "prefix {end}");
    }
    for i in (1..value.len()).step_by(3) {
        let mut chars: Vec<char> = value.chars().collect();
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        let d = with_proof_value(&f.derived, &chars.iter().collect::<String>());
        let (v, error, _) = verdict(&f, &d);
        assert_eq!(v, Verdict::Invalid, "char {i}");
        assert!(
            matches!(
                error,
                // (base_proof_not_verifiable: the header's last byte turned 01 into 00)
                Some(
                    "malformed_proof"
                        | "invalid_signature"
                        | "invalid_key"
                        | "base_proof_not_verifiable"
                )
            ),
            "char {i}: {error:?}"
        );
    }
    for garbage in [
        "", "u", "z2V0B", "u2V0B", "u____", "u2V0Bhg", "u2V0BhUA", "uAAAA", "u2V0Cg",
    ] {
        let d = with_proof_value(&f.derived, garbage);
        assert_refused(&f, &d, "malformed_proof", garbage);
    }
    let mut d = f.derived.clone();
    d["proof"]["proofValue"] = json!(42);
    assert_refused(&f, &d, "malformed_proof", "number");
    assert!(start.elapsed() < Duration::from_secs(30));
}

fn encoded(components: &[u8]) -> String {
    let mut bytes = sd::DERIVED_HEADER.to_vec();
    bytes.extend_from_slice(components);
    format!(
        "u{}",
        credential_core::codec::Base64::UrlSafeNoPad.encode(bytes)
    )
}

#[test]
fn huge_label_maps_and_signature_lists_are_bounded() {
    let f = fixture();
    let start = Instant::now();
    let sig = {
        let mut s = vec![0x58, 0x40];
        s.extend([1u8; 64]);
        s
    };
    let key = {
        let mut k = vec![0x58, 0x23, 0x80, 0x24, 0x02];
        k.extend([7u8; 32]);
        k
    };
    // Lengths that claim more items than there are bytes: refused before allocating.
    let mut claims = vec![0x85];
    claims.extend(&sig);
    claims.extend(&key);
    claims.extend([0x9b, 0, 0, 0, 1, 0, 0, 0, 0]); // an array of 2^32 signatures
    let d = with_proof_value(&f.derived, &encoded(&claims));
    assert_refused(&f, &d, "malformed_proof", "2^32 signatures claimed");

    // More signatures than statements can be signed.
    let n = sd::MAX_STATEMENTS + 1;
    let mut many = vec![0x85];
    many.extend(&sig);
    many.extend(&key);
    many.extend([0x99, (n >> 8) as u8, n as u8]);
    for _ in 0..n {
        many.extend(&sig);
    }
    many.extend([0xa0, 0x80]);
    let value = encoded(&many);
    assert!(value.len() <= sd::MAX_PROOF_VALUE_CHARS);
    let e = sd::parse_derived_proof_value(&value).unwrap_err();
    assert_eq!(e.code(), "malformed_proof");
    assert_refused(
        &f,
        &with_proof_value(&f.derived, &value),
        "malformed_proof",
        "too many signatures",
    );

    // A label map over the limit.
    let n = sd::MAX_LABELS + 1;
    let mut labels = vec![0x85];
    labels.extend(&sig);
    labels.extend(&key);
    labels.push(0x80);
    labels.extend([0xb9, (n >> 8) as u8, n as u8]);
    for k in 0..n {
        labels.extend([0x19, (k >> 8) as u8, k as u8, 0x58, 0x20]);
        labels.extend([9u8; 32]);
    }
    labels.push(0x80);
    let e = sd::parse_derived_proof_value(&encoded(&labels)).unwrap_err();
    assert_eq!(e.code(), "malformed_proof");

    // A proof value longer than any legitimate one.
    let long = format!("u{}", "A".repeat(sd::MAX_PROOF_VALUE_CHARS));
    assert_refused(
        &f,
        &with_proof_value(&f.derived, &long),
        "malformed_proof",
        "too long",
    );
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn keys_other_than_p256_and_unsupported_documents_are_refused() {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(9);
    let processor = JsonLdProcessor::new(ContextStore::bundled());
    for alg in [Algorithm::P384, Algorithm::Ed25519] {
        let key = SecretKey::generate(alg, &mut rng).unwrap();
        let did = did_key(&key.public_key());
        let options = BaseProofOptions::assertion(did_key_vm(&key.public_key()));
        let e = sd::create_base_proof(&credential(&did), &options, &key, &mut rng, &processor)
            .unwrap_err();
        assert_eq!(e.code(), "key_type_mismatch");
    }
    let key = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
    let did = did_key(&key.public_key());
    let options = BaseProofOptions::assertion(did_key_vm(&key.public_key()));
    // A blank node identifier written in the document.
    let mut doc = credential(&did);
    doc["credentialSubject"]["id"] = json!("_:subject");
    let e = sd::create_base_proof(&doc, &options, &key, &mut rng, &processor).unwrap_err();
    assert_eq!(e.code(), "invalid_property");
    // A JSON literal: the selection cannot name its parts.
    let mut doc = credential(&did);
    doc["@context"]
        .as_array_mut()
        .unwrap()
        .push(json!({"data": {"@id": "https://example.org/data", "@type": "@json"}}));
    doc["credentialSubject"]["data"] = json!({"a": 1});
    let e = sd::create_base_proof(&doc, &options, &key, &mut rng, &processor).unwrap_err();
    assert_eq!(e.code(), "malformed_document");
    // Already secured.
    let base =
        sd::create_base_proof(&credential(&did), &options, &key, &mut rng, &processor).unwrap();
    let e = sd::create_base_proof(&base, &options, &key, &mut rng, &processor).unwrap_err();
    assert_eq!(e.code(), "invalid_property");
    // A derived document is not a base document.
    let derived = sd::derive(&base, &[], &processor);
    assert!(derived.is_err(), "nothing mandatory and nothing selected");
    let derived = sd::derive(&base, &pointers(&["/name"]), &processor).unwrap();
    let e = sd::derive(&derived, &pointers(&["/name"]), &processor).unwrap_err();
    assert_eq!(e.code(), "malformed_proof");
}
