//! SD-JWT interop with the OpenWallet Foundation's reference implementation in Python, `sd-jwt`
//! on PyPI (openwallet-foundation-labs/sd-jwt-python, pinned with hashes in
//! `tests/interop/py/requirements.txt`; harness `tests/interop/py/sd_jwt_harness.py`). Both ways,
//! ES256 and EdDSA, nested objects, recursive and array-element disclosures, decoys, and Key
//! Binding JWTs with `aud` and `nonce`; tampered copies fail on both sides (so the harness itself
//! can fail).
//!
//! Needs the venv made by `tests/interop/py/setup.sh` (`target/py-interop/venv`, or
//! `$LAISSEZ_PY_INTEROP_VENV`). Under CI a missing venv fails; elsewhere the test is skipped
//! loudly.
//!
//! What `sd-jwt` 0.10.4 does differently (decision record 0011): its JSON serialization puts
//! `disclosures` and `kb_jwt` at the top level (RFC 9901 §8.1 puts them in the unprotected
//! header; we read both), and its KB-JWT `sd_hash` in that serialization is over the JSON text,
//! not the compact form, so we refuse its JSON presentations with `key_binding_mismatch`; its
//! verifier ignores a disclosure the credential does not reference instead of refusing it,
//! checks neither `exp` nor the KB-JWT's age, and verifies Key Binding JWTs with ES256 only.

mod common;

use credential_core::codec::Base64;
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::sd_jwt::{
    self, ClaimPath, Decoys, IssueParams, KeyBindingCheck, KeyBindingInput, SdJwt, VerifyParams,
};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: i64 = 1_780_000_000;
const AUD: &str = "https://kiosk.example/py-interop";
const NONCE: &str = "py-interop-nonce-7";

/// The venv's Python, if the harness is installed.
fn python() -> Option<PathBuf> {
    let venv = std::env::var_os("LAISSEZ_PY_INTEROP_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/py-interop/venv"));
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import sd_jwt, jwcrypto"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ready {
        return Some(python);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("SD-JWT Python interop harness not installed: run tests/interop/py/setup.sh");
    }
    eprintln!("\n*** SKIPPING SD-JWT Python interop: run tests/interop/py/setup.sh ***\n");
    None
}

fn py(python: &Path, request: &Value) -> Value {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/interop/py/sd_jwt_harness.py");
    let script = script.to_string_lossy();
    common::run_harness(python, &[script.as_ref()], Path::new("."), request)
}

/// What the Python side is asked to issue.
struct Theirs {
    alg: &'static str,
    holder_alg: &'static str,
    decoys: bool,
    format: &'static str,
}

fn their_issuance(python: &Path, t: &Theirs) -> Value {
    py(
        python,
        &json!({"op": "issue", "alg": t.alg, "holder_alg": t.holder_alg, "now": NOW,
                "aud": AUD, "nonce": NONCE, "kb_iat": NOW, "decoys": t.decoys,
                "format": t.format}),
    )
}

fn code(input: &str, issuer: &PublicKey, now: i64, kb: Option<(&str, &str)>) -> &'static str {
    let mut params = VerifyParams::new(issuer, Timestamp(now));
    params.key_binding = kb.map(|(aud, nonce)| KeyBindingCheck {
        aud,
        nonce,
        max_age: 300,
    });
    match sd_jwt::verify(input, &params) {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

/// The disclosure of `name` in a compact SD-JWT.
fn disclosure_of(sd_jwt: &str, name: &str) -> String {
    SdJwt::parse(sd_jwt)
        .unwrap()
        .disclosures()
        .iter()
        .find(|(p, _)| *p == ClaimPath::claim(name))
        .unwrap_or_else(|| panic!("no disclosure of {name}"))
        .1
        .encoded()
        .to_owned()
}

fn their_compact_credentials_verify_with_us(alg: &'static str, holder_alg: &'static str) {
    let Some(python) = python() else { return };
    let theirs = their_issuance(
        &python,
        &Theirs {
            alg,
            holder_alg,
            decoys: true,
            format: "compact",
        },
    );
    let issuer = PublicKey::from_jwk(&theirs["issuer_jwk"]).unwrap();
    let credential = theirs["credential"].as_str().unwrap();
    let presentation = theirs["presentation"].as_str().unwrap();

    let all = sd_jwt::verify(credential, &VerifyParams::new(&issuer, Timestamp(NOW))).unwrap();
    assert_eq!(all.header["alg"], alg);
    assert_eq!(all.claims["given_name"], "Amina");
    assert_eq!(
        all.claims["address"],
        json!({"country": "NG", "locality": "Kano", "street_address": "4 Zoo Road"})
    );
    assert_eq!(all.claims["nationalities"], json!(["NG", "NE", "TD"]));
    assert_eq!(all.claims["is_over_18"], true);
    // given_name, family_name, address and two of its members, two nationalities, is_over_18.
    assert_eq!(all.disclosed.len(), 8, "{:?}", all.disclosed);
    assert!(all
        .disclosed
        .contains(&ClaimPath::claim("nationalities").index(1)));
    // Decoys: more digests than disclosures in the top-level `_sd`.
    let payload = jwt_payload(credential);
    assert!(payload["_sd"].as_array().unwrap().len() > 4, "{payload}");

    let mut params = VerifyParams::new(&issuer, Timestamp(NOW));
    params.key_binding = Some(KeyBindingCheck {
        aud: AUD,
        nonce: NONCE,
        max_age: 300,
    });
    let shown = sd_jwt::verify(presentation, &params).unwrap();
    assert_eq!(shown.claims["given_name"], "Amina");
    assert_eq!(
        shown.claims["address"],
        json!({"country": "NG", "locality": "Kano"})
    );
    assert_eq!(shown.claims["nationalities"], json!(["NE", "TD"]));
    assert!(shown.claims.get("family_name").is_none());
    assert!(shown.claims.get("is_over_18").is_none());
    let kb = shown.key_binding.unwrap();
    assert_eq!((kb.aud.as_str(), kb.nonce.as_str()), (AUD, NONCE));

    // Refusals, each with its code.
    let kb_for = |aud, nonce| Some((aud, nonce));
    assert_eq!(
        code(presentation, &issuer, NOW, kb_for(AUD, NONCE)),
        "ok",
        "the baseline"
    );
    assert_eq!(
        code(
            presentation,
            &issuer,
            NOW,
            kb_for("https://elsewhere.example", NONCE)
        ),
        "key_binding_mismatch"
    );
    assert_eq!(
        code(presentation, &issuer, NOW, kb_for(AUD, "another-nonce")),
        "key_binding_mismatch"
    );
    assert_eq!(
        code(presentation, &issuer, NOW + 301, kb_for(AUD, NONCE)),
        "key_binding_stale"
    );
    // given_name's disclosure swapped for the one of another credential by the same issuer.
    let stolen = disclosure_of(theirs["other"].as_str().unwrap(), "given_name");
    let own = disclosure_of(credential, "given_name");
    assert_eq!(
        code(
            &presentation.replace(&own, &stolen),
            &issuer,
            NOW,
            kb_for(AUD, NONCE)
        ),
        "disclosure_not_referenced"
    );
    let bare = SdJwt::parse(credential)
        .unwrap()
        .present(&[], None)
        .unwrap();
    assert_eq!(
        code(&format!("{bare}{stolen}~"), &issuer, NOW, None),
        "disclosure_not_referenced"
    );
    // A disclosure dropped after binding.
    assert_eq!(
        code(
            &presentation.replace(&format!("{own}~"), ""),
            &issuer,
            NOW,
            kb_for(AUD, NONCE)
        ),
        "key_binding_mismatch"
    );
    // Another issuer key.
    let other_key = SecretKey::from_bytes(Algorithm::P256, &[41; 32])
        .unwrap()
        .public_key();
    assert_ne!(code(credential, &other_key, NOW, None), "ok");

    // Our holder code presents their credential (their holder key stays with them: no KB).
    let ours = SdJwt::parse(credential)
        .unwrap()
        .present(&[ClaimPath::claim("nationalities").index(0)], None)
        .unwrap();
    let v = sd_jwt::verify(&ours, &VerifyParams::new(&issuer, Timestamp(NOW))).unwrap();
    assert_eq!(v.claims["nationalities"], json!(["NG", "TD"]));
    assert_eq!(v.disclosed.len(), 1);
}

fn jwt_payload(sd_jwt: &str) -> Value {
    let payload = sd_jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&Base64::UrlSafeNoPad.decode(payload).unwrap()).unwrap()
}

#[test]
fn their_es256_credentials_and_presentations_verify_with_us() {
    their_compact_credentials_verify_with_us("ES256", "ES256");
}

#[test]
fn their_eddsa_credentials_and_presentations_verify_with_us() {
    their_compact_credentials_verify_with_us("EdDSA", "EdDSA");
}

#[test]
fn their_json_serialization_is_read_and_its_key_binding_refused() {
    let Some(python) = python() else { return };
    let theirs = their_issuance(
        &python,
        &Theirs {
            alg: "ES256",
            holder_alg: "ES256",
            decoys: false,
            format: "json",
        },
    );
    let issuer = PublicKey::from_jwk(&theirs["issuer_jwk"]).unwrap();
    let credential = theirs["credential"].as_str().unwrap();
    // Flattened JWS JSON with the disclosures at the top level.
    let parsed: Value = serde_json::from_str(credential).unwrap();
    assert!(parsed["disclosures"].is_array(), "{parsed}");
    let all = sd_jwt::verify(credential, &VerifyParams::new(&issuer, Timestamp(NOW))).unwrap();
    assert_eq!(all.claims["address"]["street_address"], "4 Zoo Road");
    assert_eq!(all.disclosed.len(), 8);

    // Their KB-JWT's sd_hash in this serialization is over the JSON text (RFC 9901 §8.1: over
    // the compact form), so the binding does not hold for us.
    let presentation = theirs["presentation"].as_str().unwrap();
    let mut params = VerifyParams::new(&issuer, Timestamp(NOW));
    params.key_binding = Some(KeyBindingCheck {
        aud: AUD,
        nonce: NONCE,
        max_age: 300,
    });
    let err = sd_jwt::verify(presentation, &params).unwrap_err();
    assert_eq!(err.code(), "key_binding_mismatch");
    assert!(err.to_string().contains("sd_hash"), "{err}");
    // Everything but the binding is right: without the KB-JWT the presentation verifies.
    let mut unbound: Value = serde_json::from_str(presentation).unwrap();
    unbound.as_object_mut().unwrap().remove("kb_jwt");
    let shown = sd_jwt::verify(
        &unbound.to_string(),
        &VerifyParams::new(&issuer, Timestamp(NOW)),
    )
    .unwrap();
    assert_eq!(shown.claims["nationalities"], json!(["NE", "TD"]));
    assert!(shown.claims.get("family_name").is_none());
}

/// A credential of ours: nested and recursive disclosures, array elements, three decoys per
/// object, a P-256 holder key (their verifier checks KB-JWTs with ES256 only).
struct Ours {
    issuer: SecretKey,
    holder: SecretKey,
    sd_jwt: String,
}

fn our_credential(alg: Algorithm, seed: u8) -> Ours {
    let issuer = SecretKey::from_bytes(alg, &[seed; 32]).unwrap();
    let holder = SecretKey::from_bytes(Algorithm::P256, &[seed + 1; 32]).unwrap();
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
    params.decoys = Decoys::Exactly(3);
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(u64::from(seed));
    let issued = sd_jwt::issue(
        claims.as_object().unwrap(),
        &policy,
        &params,
        &issuer,
        &mut rng,
    )
    .unwrap();
    Ours {
        issuer,
        holder,
        sd_jwt: issued.sd_jwt,
    }
}

/// Their verifier's answer; `kb`: the audience and nonce it requires.
fn their_verify(
    python: &Path,
    issuer: &PublicKey,
    input: &str,
    kb: Option<(&str, &str)>,
    format: &str,
) -> Value {
    py(
        python,
        &json!({"op": "verify", "issuer_jwk": issuer.to_jwk(), "input": input,
                "aud": kb.map(|k| k.0), "nonce": kb.map(|k| k.1), "format": format}),
    )
}

fn our_credentials_verify_with_them(alg: Algorithm, seed: u8) {
    let Some(python) = python() else { return };
    let ours = our_credential(alg, seed);
    let issuer = ours.issuer.public_key();
    let kb = KeyBindingInput {
        signer: &ours.holder,
        aud: AUD,
        nonce: NONCE,
        iat: Timestamp(NOW),
    };
    let presentation = SdJwt::parse(&ours.sd_jwt)
        .unwrap()
        .present(
            &[
                ClaimPath::claim("given_name"),
                ClaimPath::claim("address").key("locality"),
                ClaimPath::claim("nationalities").index(2),
            ],
            Some(&kb),
        )
        .unwrap();
    let verify = |input: &str, kb| their_verify(&python, &issuer, input, kb, "compact");

    let full = verify(&ours.sd_jwt, None);
    assert_eq!(full["ok"], true, "{full}");
    assert_eq!(
        full["claims"]["address"],
        json!({"locality": "Kano", "country": "NG", "street_address": "4 Zoo Road"})
    );
    assert_eq!(full["claims"]["nationalities"], json!(["NG", "NE", "TD"]));
    assert_eq!(full["claims"]["iss"], "https://issuer.example/rs");

    let shown = verify(&presentation, Some((AUD, NONCE)));
    assert_eq!(shown["ok"], true, "{shown}");
    assert_eq!(shown["claims"]["given_name"], "Amina");
    assert_eq!(
        shown["claims"]["address"],
        json!({"country": "NG", "locality": "Kano"})
    );
    assert_eq!(shown["claims"]["nationalities"], json!(["TD"]));
    assert!(shown["claims"].get("family_name").is_none());

    // Tampered copies fail with them too.
    for (what, input, kb) in [
        (
            "another audience",
            presentation.clone(),
            Some(("https://elsewhere.example", NONCE)),
        ),
        (
            "another nonce",
            presentation.clone(),
            Some((AUD, "another")),
        ),
        (
            "a disclosure dropped after binding",
            presentation.replacen(
                &format!("{}~", disclosure_of(&presentation, "given_name")),
                "",
                1,
            ),
            Some((AUD, NONCE)),
        ),
    ] {
        let answer = verify(&input, kb);
        assert_eq!(answer["ok"], false, "{what}: {answer}");
    }
    let other_issuer = SecretKey::from_bytes(alg, &[seed + 7; 32])
        .unwrap()
        .public_key();
    let answer = their_verify(&python, &other_issuer, &ours.sd_jwt, None, "compact");
    assert_eq!(answer["ok"], false, "another issuer key: {answer}");
    // A disclosure from another credential: with key binding, refused (sd_hash); without,
    // their verifier drops it (we refuse it: disclosure_not_referenced), never shows it.
    let mallory = {
        let mut params = IssueParams::new(
            "https://issuer.example/rs",
            "urn:laissez:interop",
            Timestamp(NOW),
        );
        params.holder_key = Some(ours.holder.public_key());
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(99);
        let other = sd_jwt::issue(
            json!({"given_name": "Mallory"}).as_object().unwrap(),
            &[ClaimPath::claim("given_name")],
            &params,
            &ours.issuer,
            &mut rng,
        )
        .unwrap();
        disclosure_of(&other.sd_jwt, "given_name")
    };
    let swapped = presentation.replace(&disclosure_of(&presentation, "given_name"), &mallory);
    let answer = verify(&swapped, Some((AUD, NONCE)));
    assert_eq!(answer["ok"], false, "swapped disclosure, bound: {answer}");
    let bare = SdJwt::parse(&ours.sd_jwt)
        .unwrap()
        .present(&[], None)
        .unwrap();
    let forged = format!("{bare}{mallory}~");
    let answer = verify(&forged, None);
    assert_ne!(answer["claims"]["given_name"], "Mallory", "{answer}");
    assert_eq!(
        code(&forged, &issuer, NOW, None),
        "disclosure_not_referenced"
    );

    // Their holder code presents our credential with its own KB-JWT (given our holder key).
    let theirs = py(
        &python,
        &json!({"op": "present", "credential": ours.sd_jwt,
                "holder_jwk": serde_json::from_str::<Value>(&ours.holder.to_jwk()).unwrap(),
                "holder_alg": "ES256",
                "disclose": {"address": {"street_address": true}, "nationalities": [null, true],
                             "is_over_18": true},
                "aud": AUD, "nonce": NONCE, "kb_iat": NOW, "format": "compact"}),
    );
    let their_presentation = theirs["presentation"].as_str().unwrap();
    let mut params = VerifyParams::new(&issuer, Timestamp(NOW));
    params.key_binding = Some(KeyBindingCheck {
        aud: AUD,
        nonce: NONCE,
        max_age: 300,
    });
    let v = sd_jwt::verify(their_presentation, &params).unwrap();
    assert_eq!(
        v.claims["address"],
        json!({"country": "NG", "street_address": "4 Zoo Road"})
    );
    assert_eq!(v.claims["nationalities"], json!(["NE"]));
    assert_eq!(v.claims["is_over_18"], true);
    assert!(v.claims.get("given_name").is_none());
    assert_eq!(
        code(their_presentation, &issuer, NOW, Some((AUD, "another"))),
        "key_binding_mismatch"
    );
}

#[test]
fn our_es256_credentials_and_presentations_verify_with_them() {
    our_credentials_verify_with_them(Algorithm::P256, 21);
}

#[test]
fn our_eddsa_credentials_and_presentations_verify_with_them() {
    our_credentials_verify_with_them(Algorithm::Ed25519, 31);
}

#[test]
fn our_json_serialization_verifies_with_them_in_their_layout() {
    let Some(python) = python() else { return };
    let ours = our_credential(Algorithm::P256, 51);
    let issuer = ours.issuer.public_key();
    let shown = SdJwt::parse(&ours.sd_jwt)
        .unwrap()
        .present(&[ClaimPath::claim("address").key("locality")], None)
        .unwrap();
    let json = sd_jwt::to_flattened_json(&shown).unwrap();
    // sd-jwt 0.10 reads the disclosures at the top level; the signed parts are unchanged.
    let mut theirs: Map<String, Value> = json.as_object().unwrap().clone();
    let header = theirs.remove("header").unwrap();
    theirs.insert("disclosures".into(), header["disclosures"].clone());
    let theirs = Value::Object(theirs).to_string();
    let answer = their_verify(&python, &issuer, &theirs, None, "json");
    assert_eq!(answer["ok"], true, "{answer}");
    assert_eq!(
        answer["claims"]["address"],
        json!({"country": "NG", "locality": "Kano"})
    );
    // We read both layouts, to the same claims.
    let p = VerifyParams::new(&issuer, Timestamp(NOW));
    let a = sd_jwt::verify(&theirs, &p).unwrap();
    let b = sd_jwt::verify(&json.to_string(), &p).unwrap();
    assert_eq!(a.claims, b.claims);
    // A changed payload fails with them.
    let mut forged: Value = serde_json::from_str(&theirs).unwrap();
    let mut payload = jwt_payload(&format!("x.{}.y", forged["payload"].as_str().unwrap()));
    payload["vct"] = json!("urn:laissez:forged");
    forged["payload"] = json!(Base64::UrlSafeNoPad.encode(payload.to_string()));
    let answer = their_verify(&python, &issuer, &forged.to_string(), None, "json");
    assert_eq!(answer["ok"], false, "{answer}");
}
