//! Red-team inputs: oversized, deeply nested, invalid UTF-8, poison graphs, Unicode normalization.
//! Each is rejected with its own code, quickly, without a panic.

use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::issue;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::ProofOptions;
use credential_core::suites::Cryptosuite;
use credential_core::verify::{CheckCode, CheckStatus, Verdict, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const FAST: Duration = Duration::from_millis(50);

fn now() -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00Z").unwrap()
}

fn verify_bytes(input: &[u8]) -> (credential_core::verify::VerificationReport, Duration) {
    let verifier = Verifier::new(ContextStore::bundled());
    let t = Instant::now();
    let r = verifier.verify_credential_bytes(input, &VerifyOptions::at(now()));
    (r, t.elapsed())
}

fn failing_code(r: &credential_core::verify::VerificationReport) -> Option<&'static str> {
    r.checks
        .iter()
        .find(|c| c.status == CheckStatus::Fail)
        .and_then(|c| c.error)
}

#[test]
fn oversized_input_is_refused_fast() {
    let mut big = br#"{"a":""#.to_vec();
    big.extend(std::iter::repeat_n(b'x', 1024 * 1024));
    big.extend(br#""}"#);
    let (r, t) = verify_bytes(&big);
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(failing_code(&r), Some("input_too_large"));
    assert!(t < FAST, "{t:?}");
}

#[test]
fn deep_nesting_is_refused_fast() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let (r, t) = verify_bytes(deep.as_bytes());
    assert_eq!(failing_code(&r), Some("json_too_deep"));
    assert!(t < FAST, "{t:?}");
}

#[test]
fn object_flood_is_refused_before_json_ld() {
    let doc = serde_json::to_vec(&poison(60)).unwrap();
    let (r, t) = verify_bytes(&doc);
    assert_eq!(failing_code(&r), Some("too_many_objects"));
    assert!(t < FAST, "{t:?}");
}

/// A credential whose subject has `k` properties, each an array of `n` strings.
fn value_flood(k: usize, n: usize) -> Vec<u8> {
    let subject: serde_json::Map<String, Value> = (0..k)
        .map(|j| {
            (
                format!("https://example.org/p{j}"),
                json!((0..n).map(|i| format!("v{i}")).collect::<Vec<_>>()),
            )
        })
        .collect();
    let mut doc = poison(1);
    doc["credentialSubject"] = Value::Object(subject);
    serde_json::to_vec(&doc).unwrap()
}

#[test]
fn value_floods_are_refused_before_json_ld() {
    // JSON-LD expansion is quadratic in the values of one property: 120,000 strings in one array
    // took 55 s before the array bound (100,000 here, to stay under the 1 MiB input bound).
    let (r, t) = verify_bytes(&value_flood(1, 100_000));
    assert_eq!(failing_code(&r), Some("array_too_long"));
    assert!(t < FAST, "{t:?}");
    let (r, t) = verify_bytes(&value_flood(400, 256));
    assert_eq!(failing_code(&r), Some("too_many_values"));
    assert!(t < FAST, "{t:?}");
    // The worst case inside the bounds (about 30 ms in a release build; test builds compile this
    // crate without optimisation, hence the looser bound here).
    let (r, t) = verify_bytes(&value_flood(15, 255));
    assert_eq!(r.verdict, Verdict::Invalid);
    eprintln!("3,825 values inside the bounds: {t:?}");
    assert!(t < Duration::from_millis(250), "{t:?}");
}

#[test]
fn parsed_values_meet_the_same_bounds() {
    // What an envelope decodes to goes through the same object bound as bytes do.
    let verifier = Verifier::new(ContextStore::bundled());
    let t = Instant::now();
    let r = verifier.verify_credential(&poison(60), &VerifyOptions::at(now()));
    assert_eq!(failing_code(&r), Some("too_many_objects"));
    assert!(t.elapsed() < FAST);
}

#[test]
fn invalid_utf8_is_refused() {
    let (r, _) = verify_bytes(b"{\"name\": \"\xc3\x28\"}");
    assert_eq!(failing_code(&r), Some("invalid_utf8"));
}

#[test]
fn malformed_json_is_refused() {
    let (r, _) = verify_bytes(b"{\"@context\": [");
    assert_eq!(failing_code(&r), Some("malformed_json"));
}

/// A signed credential with a second `nationality` added: one JSON reader keeps the first value,
/// another the last, so whichever the signature covers, some reader would show the other one.
/// Refused as malformed before any signature work.
#[test]
fn repeated_member_names_are_refused_before_signature_work() {
    let key = SecretKey::from_bytes(Algorithm::Ed25519, &[3; 32]).unwrap();
    let verifier = Verifier::new(ContextStore::bundled());
    let cred = Credential::from_json(json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/undefined-terms/v2"],
        "type": ["VerifiableCredential"],
        "issuer": did_key(&key.public_key()),
        "credentialSubject": {"nationality": "ETH"}
    }))
    .unwrap();
    let opts = ProofOptions::assertion(Cryptosuite::EddsaJcs2022, did_key_vm(&key.public_key()));
    let signed = issue(&cred, &opts, &key, verifier.processor()).unwrap();
    let text = serde_json::to_string(&signed.into_json()).unwrap();
    let (r, _) = verify_bytes(text.as_bytes());
    assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{r:#?}");
    for doubled in [
        text.replace(
            r#""nationality":"ETH""#,
            r#""nationality":"ETH","nationality":"SYR""#,
        ),
        text.replace(
            r#""nationality":"ETH""#,
            r#""nationality":"SYR","nationality":"ETH""#,
        ),
        text.replacen(
            r#""type":"#,
            r#""type":["VerifiableCredential"],"type":"#,
            1,
        ),
    ] {
        assert_ne!(doubled, text);
        let (r, _) = verify_bytes(doubled.as_bytes());
        assert_eq!(r.verdict, Verdict::Invalid);
        assert_eq!(failing_code(&r), Some("duplicate_member"), "{r:#?}");
        assert!(
            r.check(CheckCode::SignatureValid).is_none(),
            "no signature work"
        );
    }
}

/// A credential whose subject is a clique of `n` blank nodes, all alike: RDFC-1.0 would need
/// factorial work to label them.
fn poison(n: usize) -> Value {
    let nodes: Vec<Value> = (0..n)
        .map(|i| {
            let others: Vec<Value> = (0..n)
                .filter(|j| *j != i)
                .map(|j| json!({"@id": format!("_:n{j}")}))
                .collect();
            json!({"@id": format!("_:n{i}"), "https://example.org/vocab#knows": others})
        })
        .collect();
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
        "credentialSubject": nodes,
        "proof": {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
            "proofPurpose": "assertionMethod",
            "proofValue": "z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme"
        }
    })
}

#[test]
fn poison_graph_fails_fast_with_canonicalization_limit() {
    for n in [8, 16, 24] {
        let doc = serde_json::to_vec(&poison(n)).unwrap();
        let (r, t) = verify_bytes(&doc);
        assert_eq!(r.verdict, Verdict::Invalid);
        let sig = r.check(CheckCode::SignatureValid).unwrap();
        assert_eq!(sig.error, Some("canonicalization_limit"), "n={n}: {r:#?}");
        assert!(t < FAST, "n={n}: {t:?}");
    }
}

/// A credential whose subject holds two alike named graphs, each with one blank node of `n`
/// properties: each blank node lists its graph's name once per quad (`n` times) among its
/// related blank nodes, so RDFC-1.0's "for each permutation" meets n! orderings of one node.
/// Only distinct permutations are tried: canonicalization ends quickly, and only the made-up
/// signature fails. (When every ordering was listed, n = 7 took a minute and n = 12 ran out of
/// memory.)
#[test]
fn repeated_related_blank_nodes_stay_fast() {
    let node: serde_json::Map<String, Value> = (0..12)
        .map(|i| (format!("https://example.org/vocab#p{i}"), json!("v")))
        .collect();
    let mut doc = poison(1);
    doc["credentialSubject"] = json!({
        "id": "did:example:subject",
        "https://example.org/vocab#graphs": [{"@graph": node}, {"@graph": node}],
    });
    let (r, t) = verify_bytes(&serde_json::to_vec(&doc).unwrap());
    assert_eq!(failing_code(&r), Some("invalid_signature"), "{r:#?}");
    assert!(t < Duration::from_millis(250), "{t:?}");
}

fn signed_with_name(suite: Cryptosuite, name: &str) -> Value {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(11);
    let key = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
    let verifier = Verifier::new(ContextStore::bundled());
    let cred = Credential::from_json(json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": did_key(&key.public_key()),
        "credentialSubject": {"https://schema.org/name": name}
    }))
    .unwrap();
    let options = ProofOptions::assertion(suite, did_key_vm(&key.public_key()));
    issue(&cred, &options, &key, verifier.processor())
        .unwrap()
        .into_json()
}

#[test]
fn nfc_and_nfd_names_are_different_data() {
    let nfc = "Jos\u{e9} Nu\u{f1}ez";
    let nfd = "Jose\u{301} Nun\u{303}ez";
    assert_ne!(nfc, nfd);
    let verifier = Verifier::new(ContextStore::bundled());
    for suite in Cryptosuite::ALL {
        for (signed_as, shown_as) in [(nfc, nfd), (nfd, nfc)] {
            let signed = signed_with_name(suite, signed_as);
            assert!(verifier
                .verify_credential(&signed, &VerifyOptions::at(now()))
                .is_authentic());
            let mut swapped = signed.clone();
            swapped["credentialSubject"]["https://schema.org/name"] = json!(shown_as);
            let r = verifier.verify_credential(&swapped, &VerifyOptions::at(now()));
            assert_eq!(r.verdict, Verdict::Invalid, "{suite}");
            assert_eq!(
                r.check(CheckCode::SignatureValid).unwrap().error,
                Some("invalid_signature")
            );
        }
    }
}

#[test]
fn undefined_terms_are_data_loss_not_silently_dropped() {
    let verifier = Verifier::new(ContextStore::bundled());
    let mut signed = signed_with_name(Cryptosuite::EddsaRdfc2022, "Amina");
    signed["credentialSubject"]["nickname"] = json!("Mimi");
    let r = verifier.verify_credential(&signed, &VerifyOptions::at(now()));
    assert_eq!(
        r.check(CheckCode::SignatureValid).unwrap().error,
        Some("data_loss_detected")
    );

    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(3);
    let key = SecretKey::generate(Algorithm::Ed25519, &mut rng).unwrap();
    let cred = Credential::from_json(json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "UndefinedType"],
        "issuer": did_key(&key.public_key()),
        "credentialSubject": {"id": "did:example:1"}
    }))
    .unwrap();
    for suite in [Cryptosuite::EddsaRdfc2022, Cryptosuite::EddsaJcs2022] {
        let err = issue(
            &cred,
            &ProofOptions::assertion(suite, did_key_vm(&key.public_key())),
            &key,
            verifier.processor(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "data_loss_detected", "{suite}");
    }
}

#[test]
fn unknown_context_is_an_error_never_a_fetch() {
    let verifier = Verifier::new(ContextStore::bundled());
    let mut signed = signed_with_name(Cryptosuite::EddsaRdfc2022, "Amina");
    signed["@context"] = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://attacker.example/ctx"
    ]);
    let r = verifier.verify_credential(&signed, &VerifyOptions::at(now()));
    assert_eq!(
        r.check(CheckCode::SignatureValid).unwrap().error,
        Some("unknown_context")
    );
}

#[test]
fn garbage_never_panics() {
    let verifier = Verifier::new(ContextStore::bundled());
    let cases = [
        "null",
        "[]",
        "{}",
        "\"x\"",
        "1e999",
        r#"{"@context": 5}"#,
        r#"{"@context": ["https://www.w3.org/ns/credentials/v2"], "proof": 7}"#,
        r#"{"@context": ["https://www.w3.org/ns/credentials/v2"], "proof": [1, {}]}"#,
        r#"{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiableCredential", "issuer": "did:key:zzz", "credentialSubject": {}, "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "assertionMethod", "verificationMethod": "did:key:z6Mk#x", "proofValue": "z1"}}"#,
    ];
    for c in cases {
        let r = verifier.verify_credential_bytes(c.as_bytes(), &VerifyOptions::at(now()));
        assert_eq!(r.verdict, Verdict::Invalid, "{c}");
    }
}

/// A credential carrying about the largest embedded context the input bounds allow (3,000 terms)
/// and applying a type-scoped context at each of 59 nesting levels and on 250 sibling objects:
/// context processing (cached per active context and term) stays linear in what the document
/// holds, and the whole verification, canonicalization included, comes fast.
#[test]
fn large_embedded_contexts_with_scoped_types_stay_fast() {
    let mut context = serde_json::Map::new();
    for i in 0..3_000 {
        context.insert(format!("t{i}"), json!(format!("https://example.org/t{i}")));
    }
    context.insert(
        "T".into(),
        json!({"@id": "https://example.org/T", "@context": {"x": "https://example.org/x"}}),
    );
    let mut nested = json!({"@type": "T", "x": "leaf"});
    for level in 0..58 {
        nested = json!({"@type": "T", "t0": level, "x": nested});
    }
    let wide: Vec<Value> = (0..250).map(|i| json!({"@type": "T", "x": i})).collect();
    let doc = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", context],
        "type": ["VerifiableCredential"],
        "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "credentialSubject": {"t1": nested, "t2": wide},
        "proof": {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "proofPurpose": "assertionMethod",
            "verificationMethod": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "created": "2025-01-01T00:00:00Z",
            "proofValue": format!("z{}", "1".repeat(64)),
        },
    });
    let bytes = serde_json::to_vec(&doc).unwrap();
    let (r, t) = verify_bytes(&bytes);
    // Canonicalization ran to the end: only the (made-up) signature is wrong.
    assert_eq!(failing_code(&r), Some("invalid_signature"));
    // About 9 ms measured; the bound leaves room for slow CI machines.
    assert!(t < Duration::from_millis(250), "{t:?}");
}
