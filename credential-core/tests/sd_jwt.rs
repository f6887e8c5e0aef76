//! SD-JWT VC: issue, present and verify round trips, and the attacks a verifier must refuse,
//! each with its own error code.

use credential_core::codec::Base64::UrlSafeNoPad as B64;
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::sd_jwt::jws;
use credential_core::sd_jwt::status_list::{StatusListToken, StatusReference, TokenStatus};
use credential_core::sd_jwt::{
    self, ClaimPath, Decoys, Disclosure, HashAlg, IssueParams, KeyBindingCheck, KeyBindingInput,
    SdJwt, VerifyParams,
};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Map, Value};

const NOW: i64 = 1_780_000_000;
const AUD: &str = "https://kiosk.example/border-1";
const NONCE: &str = "c5d1e2f3-nonce";

fn now() -> Timestamp {
    Timestamp(NOW)
}

fn issuer() -> SecretKey {
    SecretKey::from_bytes(Algorithm::P256, &[11; 32]).unwrap()
}

fn holder() -> SecretKey {
    SecretKey::from_bytes(Algorithm::Ed25519, &[12; 32]).unwrap()
}

fn rng(seed: u64) -> rand_chacha::ChaCha20Rng {
    rand_chacha::ChaCha20Rng::seed_from_u64(seed)
}

fn claims() -> Map<String, Value> {
    json!({
        "given_name": "Selam",
        "family_name": "Tesfaye",
        "birthdate": "1994-03-07",
        "address": {"street_address": "12 Bole Road", "locality": "Addis Ababa", "country": "ET"},
        "nationalities": ["ET", "KE"],
        "is_over_18": true
    })
    .as_object()
    .unwrap()
    .clone()
}

fn policy() -> Vec<ClaimPath> {
    vec![
        ClaimPath::claim("given_name"),
        ClaimPath::claim("family_name"),
        ClaimPath::claim("birthdate"),
        ClaimPath::claim("address"),
        ClaimPath::claim("address").key("street_address"),
        ClaimPath::claim("address").key("locality"),
        ClaimPath::claim("nationalities").all(),
        ClaimPath::claim("is_over_18"),
    ]
}

fn params() -> IssueParams {
    let mut p = IssueParams::new(
        "https://registry.example/et",
        "urn:laissez:legal-identity",
        now(),
    );
    p.expires = Some(Timestamp(NOW + 86_400 * 365));
    p.holder_key = Some(holder().public_key());
    p.kid = Some("registry-2026".into());
    p
}

fn issue_with(claims: &Map<String, Value>, policy: &[ClaimPath], p: &IssueParams) -> String {
    sd_jwt::issue(claims, policy, p, &issuer(), &mut rng(1))
        .unwrap()
        .sd_jwt
}

fn issued() -> String {
    issue_with(&claims(), &policy(), &params())
}

fn kb(iat: i64) -> (SecretKey, i64) {
    (holder(), iat)
}

fn present(sd_jwt: &str, select: &[ClaimPath], aud: &str, nonce: &str, iat: i64) -> String {
    let (h, iat) = kb(iat);
    let input = KeyBindingInput {
        signer: &h,
        aud,
        nonce,
        iat: Timestamp(iat),
    };
    SdJwt::parse(sd_jwt)
        .unwrap()
        .present(select, Some(&input))
        .unwrap()
}

fn verify_params(key: &PublicKey) -> VerifyParams<'_> {
    let mut p = VerifyParams::new(key, now());
    p.key_binding = Some(KeyBindingCheck {
        aud: AUD,
        nonce: NONCE,
        max_age: 300,
    });
    p
}

fn code(input: &str) -> &'static str {
    let key = issuer().public_key();
    sd_jwt::verify(input, &verify_params(&key))
        .map(|_| "ok")
        .unwrap_or_else(|e| e.code())
}

/// Signs an arbitrary payload with the issuer key (for structurally hostile credentials).
fn signed(payload: Value) -> String {
    let mut header = Map::new();
    header.insert("typ".into(), "dc+sd-jwt".into());
    jws::sign(header, &payload, &issuer()).unwrap()
}

fn cnf() -> Value {
    json!({"jwk": holder().public_key().to_jwk()})
}

#[test]
fn issue_present_verify_round_trip() {
    let sd = issued();
    let hint = sd_jwt::issuer_hint(&sd).unwrap();
    assert_eq!(hint.kid.as_deref(), Some("registry-2026"));
    assert_eq!(hint.iss.as_deref(), Some("https://registry.example/et"));
    assert_eq!(hint.alg, jws::JwsAlg::Es256);
    let held = SdJwt::parse(&sd).unwrap();
    assert_eq!(held.claims()["address"]["locality"], "Addis Ababa");
    assert_eq!(held.disclosable().count(), 9);

    let shown = present(
        &sd,
        &[
            ClaimPath::claim("address").key("locality"),
            ClaimPath::claim("is_over_18"),
        ],
        AUD,
        NONCE,
        NOW - 10,
    );
    let key = issuer().public_key();
    let v = sd_jwt::verify(&shown, &verify_params(&key)).unwrap();
    assert_eq!(
        Value::Object(v.claims.clone()),
        json!({
            "iss": "https://registry.example/et", "iat": NOW, "exp": NOW + 86_400 * 365,
            "vct": "urn:laissez:legal-identity",
            "address": {"country": "ET", "locality": "Addis Ababa"},
            // Its elements are disclosable, not the array: it is there, empty.
            "nationalities": [],
            "is_over_18": true,
            "cnf": cnf()
        })
    );
    let disclosed: Vec<Value> = v.disclosed.iter().map(ClaimPath::to_json).collect();
    assert_eq!(disclosed.len(), 3);
    for p in [
        json!(["address"]),
        json!(["address", "locality"]),
        json!(["is_over_18"]),
    ] {
        assert!(disclosed.contains(&p), "{p}");
    }
    assert_eq!(v.vct(), Some("urn:laissez:legal-identity"));
    assert_eq!(v.header["kid"], "registry-2026");
    assert_eq!(v.key_binding.unwrap().nonce, NONCE);

    // One array element, by its index as issued.
    let shown = present(
        &sd,
        &[ClaimPath::claim("nationalities").index(1)],
        AUD,
        NONCE,
        NOW,
    );
    let v = sd_jwt::verify(&shown, &verify_params(&key)).unwrap();
    assert_eq!(v.claims["nationalities"], json!(["KE"]));
    assert!(v.claims.get("given_name").is_none());

    // Selecting a whole object discloses what is inside it.
    let shown = present(&sd, &[ClaimPath::claim("address")], AUD, NONCE, NOW);
    let v = sd_jwt::verify(&shown, &verify_params(&key)).unwrap();
    assert_eq!(v.claims["address"], claims()["address"]);

    // The same presentation in the flattened JSON serialization (RFC 9901 §8.1).
    let json = sd_jwt::to_flattened_json(&shown).unwrap();
    assert!(json["header"]["kb_jwt"].is_string());
    let from_json = sd_jwt::verify(&json.to_string(), &verify_params(&key)).unwrap();
    assert_eq!(from_json.claims, v.claims);
    assert_eq!(from_json.disclosed, v.disclosed);

    // Nothing disclosed, no key binding required: only the always-visible claims.
    let bare = SdJwt::parse(&sd).unwrap().present(&[], None).unwrap();
    let v = sd_jwt::verify(&bare, &VerifyParams::new(&key, now())).unwrap();
    assert_eq!(v.claims.len(), 6);
    assert!(v.disclosed.is_empty());
    // ... but a verifier that requires key binding refuses it.
    assert_eq!(code(&bare), "key_binding_missing");

    // Unknown claim paths are refused when presenting.
    assert_eq!(
        SdJwt::parse(&sd)
            .unwrap()
            .present(&[ClaimPath::claim("passport_number")], None)
            .unwrap_err()
            .code(),
        "invalid_property"
    );
}

#[test]
fn eddsa_issuer_sha512_and_decoys() {
    let key = SecretKey::from_bytes(Algorithm::Ed25519, &[5; 32]).unwrap();
    let mut p = params();
    p.hash = HashAlg::Sha512;
    p.decoys = Decoys::Exactly(3);
    p.not_before = Some(now());
    let issued = sd_jwt::issue(&claims(), &policy(), &p, &key, &mut rng(2)).unwrap();
    let payload: Value = serde_json::from_slice(
        &B64.decode(issued.sd_jwt.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(payload["_sd_alg"], "sha-512");
    // 4 disclosable top-level claims + 3 decoys; address: 2 + 3.
    assert_eq!(payload["_sd"].as_array().unwrap().len(), 4 + 3 + 1);
    let v = sd_jwt::verify(&issued.sd_jwt, &VerifyParams::new(&key.public_key(), now())).unwrap();
    let mut expected = claims();
    expected.extend(
        json!({"iss": p.issuer, "iat": NOW, "nbf": NOW, "exp": NOW + 86_400 * 365,
               "vct": p.vct, "cnf": cnf()})
        .as_object()
        .unwrap()
        .clone(),
    );
    assert_eq!(Value::Object(v.claims), Value::Object(expected));
    // Salts are 128 bits from the caller's RNG: two issuances differ.
    let again = sd_jwt::issue(&claims(), &policy(), &p, &key, &mut rng(3)).unwrap();
    assert_ne!(
        again.disclosures[0].1.salt(),
        issued.disclosures[0].1.salt()
    );
    assert_eq!(issued.disclosures[0].1.salt().len(), 22);
}

#[test]
fn issuance_refuses_bad_claims_and_policies() {
    let mut c = claims();
    c.insert("iss".into(), json!("https://other.example"));
    let err = sd_jwt::issue(&c, &policy(), &params(), &issuer(), &mut rng(1)).unwrap_err();
    assert_eq!(err.code(), "invalid_property");
    let mut c = claims();
    c.insert("x".into(), json!({"_sd": []}));
    let err = sd_jwt::issue(&c, &[], &params(), &issuer(), &mut rng(1)).unwrap_err();
    assert_eq!(err.code(), "invalid_property");
    let err = sd_jwt::issue(
        &claims(),
        &[ClaimPath::claim("passport")],
        &params(),
        &issuer(),
        &mut rng(1),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_property");
    let mut p = params();
    p.salt_bytes = 8;
    let err = sd_jwt::issue(&claims(), &policy(), &p, &issuer(), &mut rng(1)).unwrap_err();
    assert_eq!(err.code(), "invalid_property");
}

#[test]
fn a_disclosure_swapped_from_another_credential_is_refused() {
    let mine = issued();
    let mut other_claims = claims();
    other_claims.insert("given_name".into(), json!("Mallory"));
    let theirs =
        sd_jwt::issue(&other_claims, &policy(), &params(), &issuer(), &mut rng(9)).unwrap();
    let stolen = theirs
        .disclosures
        .iter()
        .find(|(p, _)| *p == ClaimPath::claim("given_name"))
        .unwrap()
        .1
        .encoded()
        .to_owned();
    let bare = SdJwt::parse(&mine).unwrap().present(&[], None).unwrap();
    let forged = format!("{bare}{stolen}~");
    let key = issuer().public_key();
    let err = sd_jwt::verify(&forged, &VerifyParams::new(&key, now())).unwrap_err();
    assert_eq!(err.code(), "disclosure_not_referenced");
    // A disclosure nobody issued, too.
    let made_up =
        Disclosure::object_member("c2FsdHNhbHRzYWx0c2FsdA".into(), "is_over_65", json!(true));
    let forged = format!("{bare}{}~", made_up.encoded());
    assert_eq!(
        sd_jwt::verify(&forged, &VerifyParams::new(&key, now()))
            .unwrap_err()
            .code(),
        "disclosure_not_referenced"
    );
}

#[test]
fn digests_and_disclosures_are_used_once() {
    let d = Disclosure::object_member("c2FsdHNhbHRzYWx0c2FsdA".into(), "given_name", json!("A"));
    let digest = d.digest(HashAlg::Sha256);
    let key = issuer().public_key();
    let p = VerifyParams::new(&key, now());
    let base = json!({"iss": "i", "iat": NOW, "vct": "v", "_sd_alg": "sha-256"});
    let with = |extra: Value| {
        let mut payload = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            payload[k] = v.clone();
        }
        signed(payload)
    };
    // A digest listed twice, in one object or in two.
    let jwt = with(json!({"_sd": [digest, digest]}));
    let err = sd_jwt::verify(&format!("{jwt}~{}~", d.encoded()), &p).unwrap_err();
    assert_eq!(err.code(), "disclosure_digest_duplicate");
    let jwt = with(json!({"_sd": [digest], "a": {"_sd": [digest]}}));
    let err = sd_jwt::verify(&format!("{jwt}~{}~", d.encoded()), &p).unwrap_err();
    assert_eq!(err.code(), "disclosure_digest_duplicate");
    // Even undisclosed (a decoy listed twice).
    let jwt = with(json!({"_sd": [digest, digest]}));
    assert_eq!(
        sd_jwt::verify(&format!("{jwt}~"), &p).unwrap_err().code(),
        "disclosure_digest_duplicate"
    );
    // One disclosure given twice.
    let jwt = with(json!({"_sd": [digest]}));
    let err = sd_jwt::verify(&format!("{jwt}~{0}~{0}~", d.encoded()), &p).unwrap_err();
    assert_eq!(err.code(), "disclosure_digest_duplicate");
    // A disclosed name that is already a plain claim.
    let jwt = with(json!({"_sd": [digest], "given_name": "B"}));
    let err = sd_jwt::verify(&format!("{jwt}~{}~", d.encoded()), &p).unwrap_err();
    assert_eq!(err.code(), "disclosure_invalid");
    // An object member's disclosure referenced as an array element, and the reverse.
    let jwt = with(json!({"list": [{"...": digest}]}));
    let err = sd_jwt::verify(&format!("{jwt}~{}~", d.encoded()), &p).unwrap_err();
    assert_eq!(err.code(), "disclosure_invalid");
    let e = Disclosure::array_element("c2FsdHNhbHRzYWx0c2FsdA".into(), json!("A"));
    let jwt = with(json!({"_sd": [e.digest(HashAlg::Sha256)]}));
    let err = sd_jwt::verify(&format!("{jwt}~{}~", e.encoded()), &p).unwrap_err();
    assert_eq!(err.code(), "disclosure_invalid");
    // `_sd` or `...` as a disclosed claim name.
    for name in ["_sd", "..."] {
        let bad = Disclosure::object_member("c2FsdHNhbHRzYWx0c2FsdA".into(), name, json!([]));
        let jwt = with(json!({"_sd": [bad.digest(HashAlg::Sha256)]}));
        let err = sd_jwt::verify(&format!("{jwt}~{}~", bad.encoded()), &p).unwrap_err();
        assert_eq!(err.code(), "disclosure_invalid", "{name}");
    }
    // An SD-JWT VC may not disclose `iss`, `exp`, `cnf`, `vct`, `status` selectively.
    let iss = Disclosure::object_member("c2FsdHNhbHRzYWx0c2FsdA".into(), "exp", json!(NOW + 10));
    let jwt = with(json!({"_sd": [iss.digest(HashAlg::Sha256)]}));
    let err = sd_jwt::verify(&format!("{jwt}~{}~", iss.encoded()), &p).unwrap_err();
    assert_eq!(err.code(), "disclosure_invalid");
    // Unknown _sd_alg.
    let jwt = with(json!({"_sd_alg": "md5"}));
    assert_eq!(
        sd_jwt::verify(&format!("{jwt}~"), &p).unwrap_err().code(),
        "sd_jwt_unsupported_algorithm"
    );
}

#[test]
fn key_binding_is_checked() {
    let sd = issued();
    let select = [ClaimPath::claim("is_over_18")];
    assert_eq!(code(&present(&sd, &select, AUD, NONCE, NOW - 5)), "ok");
    // Made for another verifier, or another transaction.
    assert_eq!(
        code(&present(
            &sd,
            &select,
            "https://elsewhere.example",
            NONCE,
            NOW
        )),
        "key_binding_mismatch"
    );
    assert_eq!(
        code(&present(&sd, &select, AUD, "old-nonce", NOW)),
        "key_binding_mismatch"
    );
    // Too old, or from the future.
    assert_eq!(
        code(&present(&sd, &select, AUD, NONCE, NOW - 301)),
        "key_binding_stale"
    );
    assert_eq!(
        code(&present(&sd, &select, AUD, NONCE, NOW + 3600)),
        "key_binding_invalid"
    );
    // Signed by a key that is not the holder's.
    let thief = SecretKey::from_bytes(Algorithm::Ed25519, &[13; 32]).unwrap();
    let input = KeyBindingInput {
        signer: &thief,
        aud: AUD,
        nonce: NONCE,
        iat: now(),
    };
    let shown = SdJwt::parse(&sd)
        .unwrap()
        .present(&select, Some(&input))
        .unwrap();
    assert_eq!(code(&shown), "key_binding_invalid");
    // A KB-JWT moved onto another choice of disclosures (sd_hash).
    let shown = present(&sd, &select, AUD, NONCE, NOW);
    let kb_jwt = shown.rsplit('~').next().unwrap();
    let other = SdJwt::parse(&sd)
        .unwrap()
        .present(&[ClaimPath::claim("birthdate")], None)
        .unwrap();
    let err = sd_jwt::verify(
        &format!("{other}{kb_jwt}"),
        &verify_params(&issuer().public_key()),
    )
    .unwrap_err();
    assert_eq!(err.code(), "key_binding_mismatch");
    assert!(err.to_string().contains("sd_hash"));
    // A disclosure dropped after binding.
    let shown = present(&sd, &[ClaimPath::claim("address")], AUD, NONCE, NOW);
    let mut parts: Vec<&str> = shown.split('~').collect();
    parts.remove(1);
    assert_eq!(code(&parts.join("~")), "key_binding_mismatch");
}

#[test]
fn signature_type_and_validity_period() {
    let sd = issued();
    let key = issuer().public_key();
    // Another issuer's key.
    let other = SecretKey::from_bytes(Algorithm::P256, &[99; 32])
        .unwrap()
        .public_key();
    assert_eq!(
        sd_jwt::verify(&sd, &VerifyParams::new(&other, now()))
            .unwrap_err()
            .code(),
        "invalid_signature"
    );
    // An Ed25519 key for an ES256 JWT.
    assert_eq!(
        sd_jwt::verify(&sd, &VerifyParams::new(&holder().public_key(), now()))
            .unwrap_err()
            .code(),
        "key_type_mismatch"
    );
    // Wrong kid.
    let mut p = VerifyParams::new(&key, now());
    p.expected_kid = Some("registry-2025");
    assert_eq!(
        sd_jwt::verify(&sd, &p).unwrap_err().code(),
        "verification_method_not_found"
    );
    // A changed payload.
    let mut parts: Vec<String> = sd.split('.').map(str::to_owned).collect();
    let mut payload: Value = serde_json::from_slice(&B64.decode(&parts[1]).unwrap()).unwrap();
    payload["vct"] = json!("urn:laissez:visa");
    parts[1] = B64.encode(payload.to_string());
    assert_eq!(
        sd_jwt::verify(&parts.join("."), &VerifyParams::new(&key, now()))
            .unwrap_err()
            .code(),
        "invalid_signature"
    );
    // Expired; not yet valid.
    let later = Timestamp(NOW + 86_400 * 366);
    assert_eq!(
        sd_jwt::verify(&sd, &VerifyParams::new(&key, later))
            .unwrap_err()
            .code(),
        "sd_jwt_expired"
    );
    let earlier = Timestamp(NOW - 3600);
    assert_eq!(
        sd_jwt::verify(&sd, &VerifyParams::new(&key, earlier))
            .unwrap_err()
            .code(),
        "sd_jwt_not_yet_valid"
    );
    // Not an SD-JWT VC typ.
    let jwt = {
        let mut header = Map::new();
        header.insert("typ".into(), "JWT".into());
        jws::sign(header, &json!({"vct": "v"}), &issuer()).unwrap()
    };
    assert_eq!(
        sd_jwt::verify(&format!("{jwt}~"), &VerifyParams::new(&key, now()))
            .unwrap_err()
            .code(),
        "sd_jwt_malformed"
    );
    // An SD-JWT VC without vct.
    let jwt = signed(json!({"iss": "i"}));
    assert_eq!(
        sd_jwt::verify(&format!("{jwt}~"), &VerifyParams::new(&key, now()))
            .unwrap_err()
            .code(),
        "sd_jwt_malformed"
    );
}

#[test]
fn status_list_check() {
    let mut p = params();
    p.status = Some(StatusReference {
        idx: 3,
        uri: "https://registry.example/status/1".into(),
    });
    let sd = issue_with(&claims(), &policy(), &p);
    let key = issuer().public_key();
    let v = sd_jwt::verify(&sd, &VerifyParams::new(&key, now())).unwrap();
    let list = StatusListToken::issue(
        "https://registry.example/status/1",
        2,
        &[0, 0, 0, 2, 1],
        now(),
        Some(Timestamp(NOW + 3600)),
        &issuer(),
    )
    .unwrap();
    let list = StatusListToken::verify(&list, &key, now()).unwrap();
    assert_eq!(list.check(&v).unwrap(), Some(TokenStatus::Suspended));
    let other =
        StatusListToken::issue("https://x.example/2", 1, &[0], now(), None, &issuer()).unwrap();
    let other = StatusListToken::verify(&other, &key, now()).unwrap();
    assert_eq!(other.check(&v).unwrap_err().code(), "status_list_invalid");
    let forged = StatusListToken::issue(
        "https://registry.example/status/1",
        1,
        &[0],
        now(),
        None,
        &holder(),
    )
    .unwrap();
    assert_eq!(
        StatusListToken::verify(&forged, &key, now())
            .unwrap_err()
            .code(),
        "key_type_mismatch"
    );
}

/// Each malformed input is refused with its code. (The large and deep hostile inputs, and how
/// long their refusal takes, are in `hostile_sd.rs` and the `hostile` bench.)
fn refused(what: &str, input: &str, expected: &str) {
    let key = issuer().public_key();
    let err = sd_jwt::verify(input, &VerifyParams::new(&key, now())).unwrap_err();
    assert_eq!(err.code(), expected, "{what}: {err}");
}

#[test]
fn malformed_inputs_are_refused_with_their_codes() {
    let sd = issued();
    let jwt = sd.split('~').next().unwrap().to_owned();
    // Bad base64 in a disclosure, in the JWT.
    refused(
        "bad base64 disclosure",
        &format!("{jwt}~a+b/~"),
        "disclosure_invalid",
    );
    refused("bad base64 JWT", &format!("{}!~", jwt), "sd_jwt_malformed");
    refused("no JWT", "~~", "sd_jwt_malformed");
    refused("empty disclosure", &format!("{jwt}~~"), "sd_jwt_malformed");
    // Duplicate members in the header and in the payload.
    let payload_b64 = jwt.split('.').nth(1).unwrap();
    let dup_header = format!(
        "{}.{payload_b64}.AAAA~",
        B64.encode(r#"{"alg":"ES256","typ":"dc+sd-jwt","typ":"JWT"}"#)
    );
    refused("duplicate header member", &dup_header, "duplicate_member");
    let dup_payload = format!(
        "{}.{}.AAAA~",
        jwt.split('.').next().unwrap(),
        B64.encode(r#"{"vct":"a","vct":"b"}"#)
    );
    refused("duplicate payload member", &dup_payload, "duplicate_member");
    // Deep nesting just over the bound, in the signed payload.
    let deep = signed(
        serde_json::from_str(&format!(
            "{{\"vct\":\"v\",\"a\":{}1{}}}",
            "[".repeat(40),
            "]".repeat(40)
        ))
        .unwrap(),
    );
    refused("deep payload", &format!("{deep}~"), "json_too_deep");
}

#[test]
fn every_one_character_change_of_a_presentation_is_refused() {
    let sd = issued();
    let shown = present(
        &sd,
        &[
            ClaimPath::claim("address").key("locality"),
            ClaimPath::claim("nationalities").index(0),
        ],
        AUD,
        NONCE,
        NOW,
    );
    assert_eq!(code(&shown), "ok");
    let bytes = shown.as_bytes();
    let mut refused = 0;
    for i in 0..bytes.len() {
        for replacement in [b'A', b'-', b'~'] {
            if bytes[i] == replacement {
                continue;
            }
            let mut changed = bytes.to_vec();
            changed[i] = replacement;
            let changed = String::from_utf8(changed).unwrap();
            let result = code(&changed);
            assert_ne!(result, "ok", "byte {i} -> {}", replacement as char);
            refused += 1;
        }
    }
    assert!(refused > 3 * 1000);
}
