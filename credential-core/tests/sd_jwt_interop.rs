//! SD-JWT VC interop with an independent implementation: the OpenWallet Foundation's
//! `@sd-jwt/sd-jwt-vc` (npm, pinned in `tests/interop/package.json`; harness
//! `tests/interop/sd-jwt.mjs`). Their credentials and presentations verify with us, ours with
//! them; tampered copies fail on both sides (so the harness itself can fail).
//!
//! Needs `npm ci --prefix tests/interop` (or `$LAISSEZ_SD_JWT_INTEROP_DIR`: a folder whose
//! `node_modules` has the packages). Under CI a missing install fails; elsewhere the test is
//! skipped loudly.

mod common;

use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::sd_jwt::{
    self, ClaimPath, IssueParams, KeyBindingCheck, KeyBindingInput, SdJwt, VerifyParams,
};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: i64 = 1_780_000_000;
const AUD: &str = "https://kiosk.example/interop";
const NONCE: &str = "interop-nonce-1";

fn harness() -> Option<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/interop");
    let candidates = std::env::var_os("LAISSEZ_SD_JWT_INTEROP_DIR")
        .map(PathBuf::from)
        .into_iter()
        .chain([repo]);
    for dir in candidates {
        if dir.join("node_modules/@sd-jwt/sd-jwt-vc").is_dir()
            && Command::new("node").arg("--version").output().is_ok()
        {
            return Some(dir);
        }
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("SD-JWT interop harness not installed: run `npm ci --prefix tests/interop`");
    }
    eprintln!("\n*** SKIPPING SD-JWT interop: run `npm ci --prefix tests/interop` ***\n");
    None
}

/// Runs `tests/interop/sd-jwt.mjs` with `node_modules` from `dir`.
fn node(dir: &Path, request: &Value) -> Value {
    common::run_node_harness(dir, "sd-jwt.mjs", request)
}

fn tamper_disclosure(presentation: &str) -> String {
    // Swap one disclosure for one nobody issued.
    let mut parts: Vec<String> = presentation.split('~').map(str::to_owned).collect();
    let made_up = sd_jwt::Disclosure::object_member(
        "aW50ZXJvcC1zYWx0LTEyMw".into(),
        "given_name",
        json!("Mallory"),
    );
    parts[1] = made_up.encoded().to_owned();
    parts.join("~")
}

#[test]
fn their_credentials_verify_with_us() {
    let Some(dir) = harness() else { return };
    let theirs = node(
        &dir,
        &json!({"op": "issue", "now": NOW, "aud": AUD, "nonce": NONCE}),
    );
    let issuer = PublicKey::from_jwk(&theirs["issuer_jwk"]).unwrap();
    let mut params = VerifyParams::new(&issuer, Timestamp(NOW));
    let credential = theirs["credential"].as_str().unwrap();
    let all = sd_jwt::verify(credential, &params).unwrap();
    assert_eq!(all.claims["address"]["street_address"], "4 Zoo Road");
    assert_eq!(all.claims["nationalities"], json!(["NG", "NE", "TD"]));
    assert_eq!(all.disclosed.len(), 5 + 2 + 3);

    params.key_binding = Some(KeyBindingCheck {
        aud: AUD,
        nonce: NONCE,
        max_age: 300,
    });
    let presentation = theirs["presentation"].as_str().unwrap();
    let shown = sd_jwt::verify(presentation, &params).unwrap();
    assert_eq!(shown.claims["given_name"], "Amina");
    assert_eq!(
        shown.claims["address"],
        json!({"country": "NG", "locality": "Kano"})
    );
    assert_eq!(shown.claims["nationalities"], json!(["NE"]));
    assert!(shown.claims.get("family_name").is_none());
    assert_eq!(shown.key_binding.unwrap().aud, AUD);

    // Our holder code presents their credential (no holder key of theirs here: no KB).
    let ours = SdJwt::parse(credential)
        .unwrap()
        .present(&[ClaimPath::claim("is_over_18")], None)
        .unwrap();
    params.key_binding = None;
    let v = sd_jwt::verify(&ours, &params).unwrap();
    assert_eq!(v.claims["is_over_18"], true);
    assert_eq!(v.disclosed.len(), 1);

    assert_eq!(
        sd_jwt::verify(&tamper_disclosure(credential), &params)
            .unwrap_err()
            .code(),
        "disclosure_not_referenced"
    );
}

#[test]
fn our_credentials_verify_with_them() {
    let Some(dir) = harness() else { return };
    let issuer = SecretKey::from_bytes(Algorithm::P256, &[21; 32]).unwrap();
    // Their ES256-only test verifier checks the KB-JWT: a P-256 holder key.
    let holder = SecretKey::from_bytes(Algorithm::P256, &[22; 32]).unwrap();
    let claims = json!({
        "given_name": "Amina",
        "family_name": "Yusuf",
        "address": {"locality": "Kano", "country": "NG", "street_address": "4 Zoo Road"},
        "nationalities": ["NG", "NE", "TD"],
        "is_over_18": true
    });
    let policy = [
        ClaimPath::claim("given_name"),
        ClaimPath::claim("family_name"),
        ClaimPath::claim("address"),
        ClaimPath::claim("address").key("locality"),
        ClaimPath::claim("address").key("street_address"),
        ClaimPath::claim("nationalities").all(),
        ClaimPath::claim("is_over_18"),
    ];
    let mut params = IssueParams::new(
        "https://issuer.example/rs",
        "urn:laissez:interop",
        Timestamp(NOW),
    );
    params.expires = Some(Timestamp(NOW + 86_400));
    params.holder_key = Some(holder.public_key());
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
    let issued = sd_jwt::issue(
        claims.as_object().unwrap(),
        &policy,
        &params,
        &issuer,
        &mut rng,
    )
    .unwrap();
    let kb = KeyBindingInput {
        signer: &holder,
        aud: AUD,
        nonce: NONCE,
        iat: Timestamp(NOW),
    };
    let presentation = SdJwt::parse(&issued.sd_jwt)
        .unwrap()
        .present(
            &[
                ClaimPath::claim("address").key("locality"),
                ClaimPath::claim("nationalities").index(2),
            ],
            Some(&kb),
        )
        .unwrap();
    let verify = |input: &str, nonce: Option<&str>| {
        node(
            &dir,
            &json!({"op": "verify", "issuer_jwk": issuer.public_key().to_jwk(),
                    "now": NOW, "nonce": nonce, "input": input}),
        )
    };
    let full = verify(&issued.sd_jwt, None);
    assert_eq!(full["ok"], true, "{full}");
    assert_eq!(full["claims"]["address"]["street_address"], "4 Zoo Road");
    assert_eq!(full["claims"]["nationalities"], json!(["NG", "NE", "TD"]));

    let shown = verify(&presentation, Some(NONCE));
    assert_eq!(shown["ok"], true, "{shown}");
    assert_eq!(shown["kb"], true);
    assert_eq!(
        shown["claims"]["address"],
        json!({"country": "NG", "locality": "Kano"})
    );
    assert_eq!(shown["claims"]["nationalities"], json!(["TD"]));
    assert!(shown["claims"].get("given_name").is_none());

    let tampered = verify(&tamper_disclosure(&presentation), Some(NONCE));
    assert_eq!(tampered["ok"], false, "{tampered}");
    let wrong_nonce = verify(&presentation, Some("another"));
    assert_eq!(wrong_nonce["ok"], false, "{wrong_nonce}");
}
