//! SD-JWT (RFC 9901) and SD-JWT VC examples, and the OpenWallet Foundation `sd-jwt-python`
//! test cases (`$LAISSEZ_VECTORS_DIR/sd-jwt/`; never copied into the repository).
//!
//! For every example: the presentation verifies with `issuer.public.jwk.json` and reconstructs
//! exactly `verified_contents.json`; its Key Binding JWT (where there is one) verifies for the
//! `aud` and `nonce` of `kb_jwt_payload.json`; the issuance (every disclosure) verifies and
//! reconstructs the user claims. The JSON serializations (flattened, general) are read too.

mod common;

use credential_core::keys::PublicKey;
use credential_core::model::Timestamp;
use credential_core::sd_jwt::{self, KeyBindingCheck, VerifyParams};
use serde_json::{Map, Value};
use std::path::Path;

const COLLECTIONS: [&str; 3] = [
    "ietf-sd-jwt-examples",
    "ietf-sd-jwt-vc-examples",
    "owf-sd-jwt-python-testcases",
];

/// A time inside every example's validity (iat 2023-05-02, exp 2029-09-01).
const DEFAULT_NOW: i64 = 1_795_000_000;

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(o) => o,
        other => panic!("not an object: {other}"),
    }
}

/// The text of `name.txt`, or of `name.json` (the generator writes the JSON serialization as a
/// JSON string holding the JSON text).
fn serialized(dir: &Path, name: &str) -> Option<String> {
    let txt = dir.join(format!("{name}.txt"));
    if txt.is_file() {
        return Some(common::read(&txt).trim().to_owned());
    }
    let json = dir.join(format!("{name}.json"));
    json.is_file().then(|| match common::read_json(&json) {
        Value::String(s) => s,
        other => other.to_string(),
    })
}

struct Outcome {
    checked: Vec<String>,
    with_kb: usize,
    json_kb_skipped: usize,
}

fn run_example(dir: &Path, issuer: &PublicKey, vc: bool, out: &mut Outcome) {
    let name = dir.display().to_string();
    let kb = dir
        .join("kb_jwt_payload.json")
        .is_file()
        .then(|| common::read_json(&dir.join("kb_jwt_payload.json")));
    let now = kb
        .as_ref()
        .and_then(|k| k["iat"].as_i64())
        .unwrap_or(DEFAULT_NOW);
    let mut params = VerifyParams::new(issuer, Timestamp(now));
    if !vc {
        // The SD-JWT examples use typ "example+sd-jwt" and are not SD-JWT VCs.
        params.expected_typ = None;
    }
    let (aud, nonce) = kb
        .as_ref()
        .map(|k| {
            (
                k["aud"].as_str().unwrap().to_owned(),
                k["nonce"].as_str().unwrap().to_owned(),
            )
        })
        .unzip();
    if let (Some(aud), Some(nonce)) = (&aud, &nonce) {
        params.key_binding = Some(KeyBindingCheck {
            aud,
            nonce,
            max_age: 300,
        });
    }
    let mut presentation =
        serialized(dir, "sd_jwt_presentation").unwrap_or_else(|| panic!("{name}: no presentation"));
    if presentation.starts_with('{') && kb.is_some() {
        // The generator (sd-jwt 0.10.4) computes the JSON serialization's sd_hash over the
        // issuance's JSON text, which a verifier never sees; RFC 9901 §8.1 takes the compact
        // form of the presented SD-JWT. Its KB-JWT must fail on sd_hash, and the rest verify.
        let err = sd_jwt::verify(&presentation, &params).unwrap_err();
        assert_eq!(err.code(), "key_binding_mismatch", "{name}");
        assert!(err.to_string().contains("sd_hash"), "{name}");
        let mut json = object(serde_json::from_str(&presentation).unwrap());
        json.remove("kb_jwt").unwrap();
        presentation = Value::Object(json).to_string();
        params.key_binding = None;
        out.json_kb_skipped += 1;
    }
    let verified = sd_jwt::verify(&presentation, &params)
        .unwrap_or_else(|e| panic!("{name}: presentation refused: {} {e}", e.code()));
    let expected = object(common::read_json(&dir.join("verified_contents.json")));
    assert_eq!(
        Value::Object(verified.claims.clone()),
        Value::Object(expected),
        "{name}"
    );
    if kb.is_some() && params.key_binding.is_some() {
        let bound = verified.key_binding.as_ref().expect("key binding");
        assert_eq!(Some(&bound.nonce), nonce.as_ref());
        out.with_kb += 1;
        // The KB-JWT is bound to this presentation: another verifier's nonce fails.
        let mut other = params;
        other.key_binding = Some(KeyBindingCheck {
            aud: aud.as_deref().unwrap(),
            nonce: "another nonce",
            max_age: 300,
        });
        assert_eq!(
            sd_jwt::verify(&presentation, &other).unwrap_err().code(),
            "key_binding_mismatch",
            "{name}"
        );
    }

    // The issuance: every disclosure, no key binding; all user claims come back.
    let issuance =
        serialized(dir, "sd_jwt_issuance").unwrap_or_else(|| panic!("{name}: no issuance"));
    params.key_binding = None;
    let all = sd_jwt::verify(&issuance, &params)
        .unwrap_or_else(|e| panic!("{name}: issuance refused: {} {e}", e.code()));
    let mut expected = object(common::read_json(&dir.join("user_claims.json")));
    let payload = object(common::read_json(&dir.join("sd_jwt_payload.json")));
    for (k, v) in payload {
        if k != "_sd" && k != "_sd_alg" && !expected.contains_key(&k) {
            expected.insert(k, v);
        }
    }
    assert_eq!(
        Value::Object(all.claims.clone()),
        Value::Object(expected),
        "{name}: issuance"
    );
    out.checked.push(name);
}

#[test]
fn every_example_verifies_and_reconstructs_its_claims() {
    let Some(root) = common::vectors_subdir("sd-jwt") else {
        return;
    };
    let mut out = Outcome {
        checked: Vec::new(),
        with_kb: 0,
        json_kb_skipped: 0,
    };
    for collection in COLLECTIONS {
        let base = root.join(collection);
        let issuer =
            PublicKey::from_jwk(&common::read_json(&base.join("issuer.public.jwk.json"))).unwrap();
        let mut dirs: Vec<_> = std::fs::read_dir(&base)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            run_example(
                &dir,
                &issuer,
                collection == "ietf-sd-jwt-vc-examples",
                &mut out,
            );
        }
    }
    eprintln!(
        "{} examples verified ({} with key binding; {} JSON-serialized KB-JWTs not RFC 9901)",
        out.checked.len(),
        out.with_kb,
        out.json_kb_skipped
    );
    assert_eq!(out.checked.len(), 15 + 3 + 17);
    assert_eq!(out.json_kb_skipped, 4);
}
