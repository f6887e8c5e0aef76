//! Hostile inputs for the selective-disclosure formats (SD-JWT, `ecdsa-sd-2023`), each with the
//! error code it must be refused with. Shared by the functional test (`tests/hostile_sd.rs`,
//! which checks the codes) and the `hostile` criterion bench (`benches/hostile.rs`, which
//! measures how long each refusal takes): the time bound is a measurement, not a timed test.

use credential_core::codec::Base64::UrlSafeNoPad as B64;
use credential_core::did::{did_key, did_key_vm};
use credential_core::jsonld::{ContextStore, JsonLdProcessor};
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::sd::{self, BaseProofOptions};
use credential_core::sd_jwt::{
    self, jws, ClaimPath, Disclosure, HashAlg, IssueParams, VerifyParams,
};
use credential_core::verify::{CheckStatus, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Map, Value};

/// The time of every verification here.
pub const NOW: i64 = 1_780_000_000;

/// One hostile input and the code it must be refused with (`"ok"`: accepted, for a large but
/// legitimate input measured alongside).
pub struct Case {
    /// What it is, for reports and bench names.
    pub name: &'static str,
    /// The input.
    pub input: Input,
    /// The error code expected.
    pub code: &'static str,
}

/// Where the input goes.
pub enum Input {
    /// To `sd_jwt::verify` (SD-JWT VC, no key binding required).
    SdJwt(String),
    /// To `Verifier::verify_credential_bytes` (a JSON credential, here with an `ecdsa-sd-2023`
    /// proof).
    Credential(Vec<u8>),
}

/// The verifiers the cases run against.
pub struct Target {
    issuer: PublicKey,
    verifier: Verifier,
}

impl Target {
    /// The SD-JWT issuer key of [`sd_jwt_cases`] and a verifier over the bundled contexts.
    pub fn new() -> Self {
        Target {
            issuer: sd_jwt_issuer().public_key(),
            verifier: Verifier::new(ContextStore::bundled()),
        }
    }

    /// Runs `input`: `"ok"`, or the code it was refused with.
    pub fn run(&self, input: &Input) -> &'static str {
        match input {
            Input::SdJwt(text) => {
                match sd_jwt::verify(text, &VerifyParams::new(&self.issuer, Timestamp(NOW))) {
                    Ok(_) => "ok",
                    Err(e) => e.code(),
                }
            }
            Input::Credential(bytes) => {
                let r = self
                    .verifier
                    .verify_credential_bytes(bytes, &VerifyOptions::at(Timestamp(NOW)));
                r.checks
                    .iter()
                    .find(|c| c.status == CheckStatus::Fail)
                    .and_then(|c| c.error)
                    .unwrap_or("ok")
            }
        }
    }
}

fn sd_jwt_issuer() -> SecretKey {
    SecretKey::from_bytes(Algorithm::P256, &[61; 32]).unwrap()
}

/// A JWT signed by the issuer key over any payload (for structurally hostile credentials).
fn signed(payload: Value) -> String {
    let mut header = Map::new();
    header.insert("typ".into(), "dc+sd-jwt".into());
    jws::sign(header, &payload, &sd_jwt_issuer()).unwrap()
}

const SALT: &str = "c2FsdHNhbHRzYWx0c2FsdA";

/// The SD-JWT cases: 10,000 disclosures, deep nesting (in the payload and through recursive
/// disclosures), `_sd` inside a disclosure, huge salts, disclosures and inputs; and, measured
/// alongside, a legitimate credential with 1,000 disclosures.
pub fn sd_jwt_cases() -> Vec<Case> {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(61);
    let claims = json!({"given_name": "Amina", "address": {"locality": "Kano"}});
    let issued = sd_jwt::issue(
        claims.as_object().unwrap(),
        &[
            ClaimPath::claim("given_name"),
            ClaimPath::claim("address"),
            ClaimPath::claim("address").key("locality"),
        ],
        &IssueParams::new("https://issuer.example", "urn:laissez:test", Timestamp(NOW)),
        &sd_jwt_issuer(),
        &mut rng,
    )
    .unwrap();
    let jwt = issued.sd_jwt.split('~').next().unwrap().to_owned();
    let d = Disclosure::object_member(SALT.into(), "a", json!(1));
    let mut cases = vec![Case {
        name: "sd-jwt/10,000 disclosures",
        input: Input::SdJwt(format!(
            "{jwt}~{}",
            format!("{}~", d.encoded()).repeat(10_000)
        )),
        code: "sd_jwt_malformed",
    }];
    let json_form = json!({"protected": "e30", "payload": "e30", "signature": "AA",
                           "header": {"disclosures": vec![d.encoded(); 10_000]}});
    cases.push(Case {
        name: "sd-jwt/10,000 disclosures, JSON serialization",
        input: Input::SdJwt(json_form.to_string()),
        // Refused by the JSON parser's array bound, before any disclosure is looked at.
        code: "array_too_long",
    });
    cases.push(Case {
        name: "sd-jwt/600 KiB input",
        input: Input::SdJwt(format!("{jwt}~{}~", "A".repeat(600 * 1024))),
        code: "input_too_large",
    });
    cases.push(Case {
        name: "sd-jwt/300 KiB disclosure",
        input: Input::SdJwt(format!("{jwt}~{}~", "A".repeat(300 * 1024))),
        code: "disclosure_invalid",
    });
    let salty = Disclosure::object_member("s".repeat(100_000), "a", json!(1));
    cases.push(Case {
        name: "sd-jwt/100 KB salt",
        input: Input::SdJwt(format!("{jwt}~{}~", salty.encoded())),
        code: "disclosure_invalid",
    });
    // 100,000 levels of arrays in the signed payload: refused while parsing, before the
    // signature is checked.
    let deep_payload = format!(
        "{{\"vct\":\"v\",\"a\":{}1{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    cases.push(Case {
        name: "sd-jwt/payload nested 100,000 deep",
        input: Input::SdJwt(format!(
            "{}.{}.AA~",
            B64.encode(r#"{"alg":"ES256","typ":"dc+sd-jwt"}"#),
            B64.encode(deep_payload)
        )),
        code: "json_too_deep",
    });
    let deep_disclosure = Disclosure::object_member(
        SALT.into(),
        "a",
        serde_json::from_str(&format!("{}1{}", "[".repeat(40), "]".repeat(40))).unwrap(),
    );
    let top = signed(json!({"vct": "v", "_sd": [deep_disclosure.digest(HashAlg::Sha256)]}));
    cases.push(Case {
        name: "sd-jwt/disclosure value nested 40 deep",
        input: Input::SdJwt(format!("{top}~{}~", deep_disclosure.encoded())),
        code: "json_too_deep",
    });
    // A chain of 40 recursive disclosures, each the parent of the next.
    let mut chain = Vec::new();
    let mut next: Option<String> = None;
    for _ in 0..40 {
        let value = match &next {
            Some(digest) => json!({"_sd": [digest]}),
            None => json!(1),
        };
        let d = Disclosure::object_member(SALT.into(), "n", value);
        next = Some(d.digest(HashAlg::Sha256));
        chain.push(d.encoded().to_owned());
    }
    let top = signed(json!({"vct": "v", "_sd": [next.unwrap()]}));
    cases.push(Case {
        name: "sd-jwt/40 nested disclosures",
        input: Input::SdJwt(format!("{top}~{}~", chain.join("~"))),
        code: "json_too_deep",
    });
    // `_sd` inside a disclosure: as the disclosed claim's name, and as a claim of an array
    // element's value that the payload does not reference.
    let named = Disclosure::object_member(SALT.into(), "_sd", json!(["x"]));
    let top = signed(json!({"vct": "v", "_sd": [named.digest(HashAlg::Sha256)]}));
    cases.push(Case {
        name: "sd-jwt/_sd as a disclosed claim name",
        input: Input::SdJwt(format!("{top}~{}~", named.encoded())),
        code: "disclosure_invalid",
    });
    let inner = Disclosure::array_element(SALT.into(), json!({"_sd": "not an array"}));
    let top = signed(json!({"vct": "v", "list": [{"...": inner.digest(HashAlg::Sha256)}]}));
    cases.push(Case {
        name: "sd-jwt/_sd of the wrong type inside a disclosure",
        input: Input::SdJwt(format!("{top}~{}~", inner.encoded())),
        code: "sd_jwt_malformed",
    });
    // A digest listed 1,000 times.
    let top = signed(json!({"vct": "v", "_sd": vec![d.digest(HashAlg::Sha256); 1000]}));
    cases.push(Case {
        name: "sd-jwt/one digest listed 1,000 times",
        input: Input::SdJwt(format!("{top}~{}~", d.encoded())),
        code: "disclosure_digest_duplicate",
    });
    // A 200 KB Key Binding JWT of garbage after a valid credential.
    cases.push(Case {
        name: "sd-jwt/200 KB KB-JWT",
        input: Input::SdJwt(format!("{}{}", issued.sd_jwt, "A".repeat(200 * 1024))),
        code: "key_binding_invalid",
    });
    // Legitimate and large: 1,000 disclosures, each referenced (the limit is 1,024).
    let mut digests = Vec::new();
    let mut ds = Vec::new();
    for i in 0..1000 {
        let d = Disclosure::object_member(SALT.into(), &format!("c{i}"), json!(i));
        digests.push(d.digest(HashAlg::Sha256));
        ds.push(d.encoded().to_owned());
    }
    cases.push(Case {
        name: "sd-jwt/1,000 disclosures (accepted)",
        input: Input::SdJwt(format!(
            "{}~{}~",
            signed(json!({"vct": "v", "_sd": digests})),
            ds.join("~")
        )),
        code: "ok",
    });
    cases
}

/// A derived `ecdsa-sd-2023` credential (P-256 issuer, fixed keys) and its proof value.
fn derived_credential() -> Map<String, Value> {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2023);
    let key = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
    let did = did_key(&key.public_key());
    let processor = JsonLdProcessor::new(ContextStore::bundled());
    let doc = json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/undefined-terms/v2"
        ],
        "type": ["VerifiableCredential"],
        "issuer": did,
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {"name": "Selam Tesfaye", "birthDate": "1990-04-02"}
    });
    let options = BaseProofOptions::assertion(did_key_vm(&key.public_key()))
        .created(Timestamp::parse("2026-01-01T00:00:00Z").unwrap())
        .mandatory(["/issuer"]);
    let base = sd::create_base_proof(
        doc.as_object().unwrap(),
        &options,
        &key,
        &mut rng,
        &processor,
    )
    .unwrap();
    sd::derive(&base, &["/credentialSubject/name".to_owned()], &processor).unwrap()
}

fn with_proof_value(doc: &Map<String, Value>, value: &str) -> Vec<u8> {
    let mut d = doc.clone();
    d["proof"]["proofValue"] = json!(value);
    serde_json::to_vec(&d).unwrap()
}

/// `u` + base64url of a derived header and `components` (raw CBOR).
fn derived_value(components: &[u8]) -> String {
    let mut bytes = sd::DERIVED_HEADER.to_vec();
    bytes.extend_from_slice(components);
    format!("u{}", B64.encode(bytes))
}

/// CBOR of a derived proof value's first two components: a 64-byte base signature and a P-256
/// Multikey.
fn signature_and_key() -> Vec<u8> {
    let mut out = vec![0x58, 0x40];
    out.extend([1u8; 64]);
    out.extend([0x58, 0x23, 0x80, 0x24, 0x02]);
    out.extend([7u8; 32]);
    out
}

fn signature() -> Vec<u8> {
    let mut s = vec![0x58, 0x40];
    s.extend([1u8; 64]);
    s
}

/// The `ecdsa-sd-2023` cases, through the `Verifier`: a huge proof value, 10,000 mandatory
/// indexes, 10,000 signatures, 2^32 signatures claimed, a label map over the limit, a deep
/// credential, and a base proof shown to a verifier.
pub fn ecdsa_sd_cases() -> Vec<Case> {
    let derived = derived_credential();
    let mut cases = vec![Case {
        name: "ecdsa-sd/900 KB proofValue",
        input: Input::Credential(with_proof_value(
            &derived,
            &format!("u{}", "A".repeat(900 * 1024)),
        )),
        code: "malformed_proof",
    }];
    // 10,000 mandatory indexes (ascending, each in range but for the count).
    let mut c = vec![0x85];
    c.extend(signature_and_key());
    c.push(0x80); // no signatures
    c.push(0xa0); // no labels
    c.extend([0x99, 0x27, 0x10]); // an array of 10,000
    for i in 0..10_000u16 {
        c.extend([0x19, (i >> 8) as u8, i as u8]);
    }
    cases.push(Case {
        name: "ecdsa-sd/10,000 mandatory indexes",
        input: Input::Credential(with_proof_value(&derived, &derived_value(&c))),
        code: "malformed_proof",
    });
    // 10,000 signatures (over the proof value length limit), and 4,097 (under it, over the
    // statement limit).
    for n in [10_000usize, sd::MAX_STATEMENTS + 1] {
        let mut c = vec![0x85];
        c.extend(signature_and_key());
        c.extend([0x99, (n >> 8) as u8, n as u8]);
        for _ in 0..n {
            c.extend(signature());
        }
        c.extend([0xa0, 0x80]);
        cases.push(Case {
            name: if n == 10_000 {
                "ecdsa-sd/10,000 signatures"
            } else {
                "ecdsa-sd/4,097 signatures"
            },
            input: Input::Credential(with_proof_value(&derived, &derived_value(&c))),
            code: "malformed_proof",
        });
    }
    // An array header claiming 2^32 signatures, with no bytes behind it.
    let mut c = vec![0x85];
    c.extend(signature_and_key());
    c.extend([0x9b, 0, 0, 0, 1, 0, 0, 0, 0]);
    cases.push(Case {
        name: "ecdsa-sd/2^32 signatures claimed",
        input: Input::Credential(with_proof_value(&derived, &derived_value(&c))),
        code: "malformed_proof",
    });
    // A label map over the limit.
    let n = sd::MAX_LABELS + 1;
    let mut c = vec![0x85];
    c.extend(signature_and_key());
    c.push(0x80);
    c.extend([0xb9, (n >> 8) as u8, n as u8]);
    for k in 0..n {
        c.extend([0x19, (k >> 8) as u8, k as u8, 0x58, 0x20]);
        c.extend([9u8; 32]);
    }
    c.push(0x80);
    cases.push(Case {
        name: "ecdsa-sd/2,001 labels",
        input: Input::Credential(with_proof_value(&derived, &derived_value(&c))),
        code: "malformed_proof",
    });
    // CBOR nested 10,000 deep inside the proof value.
    let mut c = vec![0x85];
    c.extend(signature_and_key());
    c.extend(std::iter::repeat_n(0x81, 10_000));
    c.push(0x00);
    cases.push(Case {
        name: "ecdsa-sd/CBOR nested 10,000 deep",
        input: Input::Credential(with_proof_value(&derived, &derived_value(&c))),
        code: "malformed_proof",
    });
    // A deep credential: the subject nested 100,000 deep (over the JSON depth bound) ...
    let text = serde_json::to_string(&derived).unwrap();
    let deep = text.replacen(
        "\"credentialSubject\":{",
        &format!(
            "\"credentialSubject\":{{\"x\":{}1{},",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        1,
    );
    assert_ne!(deep, text);
    cases.push(Case {
        name: "ecdsa-sd/subject nested 100,000 deep",
        input: Input::Credential(deep.into_bytes()),
        code: "json_too_deep",
    });
    // ... and 60 objects deep, within the JSON bounds: 60 nested blank nodes, refused by the
    // canonicalization bounds.
    let mut nested = json!("leaf");
    for _ in 0..60 {
        nested = json!({"x": nested});
    }
    let mut d = derived.clone();
    d["credentialSubject"]["x"] = nested;
    cases.push(Case {
        name: "ecdsa-sd/subject nested 60 deep",
        input: Input::Credential(serde_json::to_vec(&d).unwrap()),
        code: "canonicalization_limit",
    });
    // The holder's base proof shown to a verifier.
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
    let key = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
    let processor = JsonLdProcessor::new(ContextStore::bundled());
    let mut doc = derived.clone();
    doc.remove("proof");
    doc["issuer"] = json!(did_key(&key.public_key()));
    let base = sd::create_base_proof(
        &doc,
        &BaseProofOptions::assertion(did_key_vm(&key.public_key())).mandatory(["/issuer"]),
        &key,
        &mut rng,
        &processor,
    )
    .unwrap();
    cases.push(Case {
        name: "ecdsa-sd/base proof",
        input: Input::Credential(serde_json::to_vec(&base).unwrap()),
        code: "base_proof_not_verifiable",
    });
    // Legitimate: the derived credential itself (its issuer is not in a trust bundle here, so
    // no check fails).
    cases.push(Case {
        name: "ecdsa-sd/derived credential (accepted)",
        input: Input::Credential(serde_json::to_vec(&derived).unwrap()),
        code: "ok",
    });
    cases
}
