//! Tamper resistance: any single change to a signed credential of any suite is rejected.
//! (Reordering an array is a change only where order is meaningful: always under JCS; under RDF
//! canonicalization JSON-LD arrays are sets, so reordering them is not tampering.)

use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::issue;
use credential_core::jsonld::ContextStore;
use credential_core::keys::SecretKey;
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::ProofOptions;
use credential_core::suites::{Canonicalization, Cryptosuite};
use credential_core::verify::{Verifier, VerifyOptions};
use proptest::prelude::*;
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};
use std::sync::OnceLock;

fn now() -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00Z").unwrap()
}

fn verifier() -> &'static Verifier {
    static V: OnceLock<Verifier> = OnceLock::new();
    V.get_or_init(|| Verifier::new(ContextStore::bundled()))
}

/// One signed credential per suite, with strings, numbers, booleans, dates, arrays and nesting.
fn signed() -> &'static Vec<(Cryptosuite, Value)> {
    static S: OnceLock<Vec<(Cryptosuite, Value)>> = OnceLock::new();
    S.get_or_init(|| {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(42);
        Cryptosuite::ALL
            .into_iter()
            .map(|suite| {
                let key = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
                let cred = Credential::from_json(json!({
                    "@context": ["https://www.w3.org/ns/credentials/v2"],
                    "id": "urn:uuid:0b8f2f8e-3d0a-4a53-9d0e-6f7c9b1e2a10",
                    "type": ["VerifiableCredential"],
                    "issuer": {"id": did_key(&key.public_key()), "name": [
                        {"@value": "Registre civil", "@language": "fr"},
                        {"@value": "Civil Registry", "@language": "en"}]},
                    "validFrom": "2025-01-01T00:00:00Z",
                    "validUntil": "2030-01-01T00:00:00Z",
                    "credentialSubject": {
                        "id": "did:example:holder",
                        "https://schema.org/name": "Amina Yusuf",
                        "https://schema.org/birthDate": {"@value": "1990-04-02", "@type": "http://www.w3.org/2001/XMLSchema#date"},
                        "https://example.org/vocab#doses": 2,
                        "https://example.org/vocab#ratio": 2.5,
                        "https://example.org/vocab#fitToTravel": true,
                        "https://example.org/vocab#languages": ["ha", "fr", "en"],
                        "https://example.org/vocab#address": {"https://schema.org/addressCountry": "NE"}
                    }
                }))
                .unwrap();
                let mut options = ProofOptions::assertion(suite, did_key_vm(&key.public_key()));
                options.created = Some(Timestamp::parse("2025-01-01T00:00:00Z").unwrap());
                let secured = issue(&cred, &options, &key, verifier().processor()).unwrap();
                (suite, secured.into_json())
            })
            .collect()
    })
}

/// Paths to every value and every object key in `v`.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn paths(v: &Value, prefix: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, bool)>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                prefix.push(Step::Key(k.clone()));
                out.push((prefix.clone(), true)); // rename this key
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            out.push((prefix.clone(), false));
            for (i, child) in a.iter().enumerate() {
                prefix.push(Step::Index(i));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => out.push((prefix.clone(), false)),
    }
}

fn get_mut<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => v.get_mut(k).unwrap(),
        Step::Index(i) => v.get_mut(*i).unwrap(),
    })
}

/// Applies one change; returns false when the change would not alter meaning (then skipped).
fn mutate(doc: &mut Value, path: &[Step], rename_key: bool, salt: u32, suite: Cryptosuite) -> bool {
    if rename_key {
        let (last, parent) = path.split_last().unwrap();
        let Step::Key(k) = last else { return false };
        let obj = get_mut(doc, parent).as_object_mut().unwrap();
        let v = obj.remove(k).unwrap();
        obj.insert(format!("{k}x"), v);
        return true;
    }
    let target = get_mut(doc, path);
    match target {
        Value::String(s) => {
            // Change one character (digits stay digits, so dates stay well-formed).
            let chars: Vec<char> = s.chars().collect();
            let i = salt as usize % chars.len().max(1);
            let mut out = chars.clone();
            if out.is_empty() {
                out.push('x');
            } else if out[i].is_ascii_digit() {
                out[i] = char::from(b'0' + ((out[i] as u8 - b'0' + 1) % 10));
            } else if out[i] == 'a' {
                out[i] = 'b';
            } else {
                out[i] = 'a';
            }
            *s = out.into_iter().collect();
        }
        Value::Number(n) => *target = json!(n.as_f64().unwrap() + 1.0),
        Value::Bool(b) => *b = !*b,
        Value::Null => *target = json!("x"),
        Value::Array(a) => {
            if suite.canonicalization() == Canonicalization::Rdfc || a.len() < 2 {
                return false;
            }
            a.reverse();
        }
        Value::Object(_) => return false,
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn any_single_change_is_rejected(which in 0usize..4, pick in any::<prop::sample::Index>(), salt in any::<u32>()) {
        let (suite, original) = &signed()[which];
        let mut all = Vec::new();
        paths(original, &mut Vec::new(), &mut all);
        let (path, rename) = &all[pick.index(all.len())];
        let mut doc = original.clone();
        if mutate(&mut doc, path, *rename, salt, *suite) && doc != *original {
            let report = verifier().verify_credential(&doc, &VerifyOptions::at(now()));
            prop_assert!(!report.is_authentic(), "{suite}: change at {path:?} (rename={rename}) accepted");
        }
    }
}

#[test]
fn originals_are_valid() {
    for (suite, doc) in signed() {
        let r = verifier().verify_credential(doc, &VerifyOptions::at(now()));
        assert!(r.is_authentic(), "{suite}: {r:#?}");
    }
}
