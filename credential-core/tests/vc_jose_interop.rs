//! VC-JOSE-COSE (`vc+jwt`) interop with an independent JOSE implementation, panva's `jose` (npm,
//! pinned in `tests/interop/package.json`; harness `tests/interop/vc-jose.mjs`): their `vc+jwt`
//! credentials verify with us, ours with them, for ES256 and EdDSA; a tampered token fails on
//! both sides (so the harness itself can fail).
//!
//! Needs `npm ci --prefix tests/interop`. Under CI a missing install fails; elsewhere the test is
//! skipped loudly.

mod common;

use credential_core::did::{did_key, did_key_vm};
use credential_core::jsonld::{ContextStore, CONTEXT_V2, LEGAL_IDENTITY_V1};
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::vc_jose;
use credential_core::verify::{Verdict, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn harness() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/interop");
    if dir.join("node_modules/jose").is_dir()
        && Command::new("node").arg("--version").output().is_ok()
    {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("vc+jwt interop harness not installed: run `npm ci --prefix tests/interop`");
    }
    eprintln!("\n*** SKIPPING vc+jwt interop: run `npm ci --prefix tests/interop` ***\n");
    None
}

fn node(dir: &Path, request: &Value) -> Value {
    common::run_node_harness(dir, "vc-jose.mjs", request)
}

fn credential(issuer: &str) -> Value {
    json!({
        "@context": [CONTEXT_V2, LEGAL_IDENTITY_V1],
        "type": ["VerifiableCredential", "LegalIdentityCredential"],
        "issuer": issuer,
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSchema": {"id": "https://w3id.org/laissez/schemas/legal-identity/v1.json", "type": "JsonSchema"},
        "credentialSubject": {"givenName": "Selam", "familyName": "Tesfaye", "sex": "not-known", "birthDateCertainty": "unknown", "nationality": "XXC", "registrationNumber": "ETH-1", "registeringAuthority": "RRS"}
    })
}

fn tampered(token: &str) -> String {
    let mut t = token.to_owned();
    let i = t.find('.').unwrap() + 5;
    let c = if &t[i..=i] == "A" { "B" } else { "A" };
    t.replace_range(i..=i, c);
    t
}

#[test]
fn vc_jwt_both_ways() {
    let Some(dir) = harness() else { return };
    let now = VerifyOptions::at(Timestamp::parse("2026-06-01T00:00:00Z").unwrap());
    let verifier = Verifier::new(ContextStore::bundled());
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(61);
    for (alg, name) in [(Algorithm::P256, "ES256"), (Algorithm::Ed25519, "EdDSA")] {
        // Ours, verified by them.
        let key = SecretKey::generate(alg, &mut rng).unwrap();
        let did = did_key(&key.public_key());
        let token = vc_jose::sign(&credential(&did), &did_key_vm(&key.public_key()), &key).unwrap();
        let jwk = key.public_key().to_jwk();
        let theirs = node(&dir, &json!({"op": "verify", "jwk": jwk, "token": token}));
        assert_eq!(theirs["ok"], true, "{name}: {theirs}");
        assert_eq!(theirs["header"]["alg"], name);
        assert_eq!(theirs["payload"], credential(&did));
        let theirs = node(
            &dir,
            &json!({"op": "verify", "jwk": jwk, "token": tampered(&token)}),
        );
        assert_eq!(
            theirs["ok"], false,
            "{name}: tampered token accepted by jose"
        );

        // Theirs, verified by us: the issuer is the did:jwk of their fresh key, named by kid.
        let signed = node(
            &dir,
            &json!({"op": "sign", "alg": name, "credential": credential("")}),
        );
        let token = signed["token"].as_str().unwrap();
        let r = verifier.verify_input(token.as_bytes(), &now);
        assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{name}: {r:#?}");
        assert_eq!(r.credential.cryptosuites, [format!("vc+jwt {name}")]);
        let issuer = r.credential.issuer.clone().unwrap();
        assert!(issuer.starts_with("did:jwk:"), "{issuer}");
        // Their key, from their JWK, is the one the issuer's DID names.
        let their_key = credential_core::keys::PublicKey::from_jwk(&signed["jwk"]).unwrap();
        assert_eq!(
            credential_core::did::resolve(&format!("{issuer}#0"), None)
                .unwrap()
                .public_key,
            their_key
        );
        let r = verifier.verify_input(tampered(token).as_bytes(), &now);
        assert_eq!(
            r.verdict,
            Verdict::Invalid,
            "{name}: tampered token accepted"
        );
    }
}
