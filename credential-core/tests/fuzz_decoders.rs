//! Property-based fuzzing of every decoder that takes outside input: random and mutated input
//! must produce an error or a value, never a panic. (proptest reports a panic as a failure.) For
//! SD-JWT and `ecdsa-sd-2023`, edits of a real presentation or proof value are differential: an
//! edited input that still verifies must show exactly what the original shows.

use credential_core::did;
use credential_core::envelope::{self, EnvelopeLimits, PREFIX};
use credential_core::jsonld::ContextStore;
use credential_core::keys::{PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::qr;
use credential_core::status::StatusList;
use credential_core::verify::{Verifier, VerifyOptions};
use proptest::prelude::*;
use std::sync::OnceLock;

fn verifier() -> &'static Verifier {
    static V: OnceLock<Verifier> = OnceLock::new();
    V.get_or_init(|| Verifier::new(ContextStore::bundled()))
}

fn now() -> VerifyOptions<'static> {
    VerifyOptions::at(Timestamp(1_767_225_600))
}

/// CBOR-LD of a signed credential with nested objects, DIDs, dates and a multibase signature.
fn sample_cborld() -> &'static [u8] {
    static B: OnceLock<Vec<u8>> = OnceLock::new();
    B.get_or_init(|| {
        let key = SecretKey::from_bytes(credential_core::keys::Algorithm::Ed25519, &[7; 32]).unwrap();
        let doc = serde_json::json!({
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/laissez/legal-identity/v1"],
            "id": "urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d",
            "type": ["VerifiableCredential", "LegalIdentityCredential"],
            "issuer": did::did_key(&key.public_key()),
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": {"givenName": "Amina", "registrationDate": "2024-02-29"},
        });
        let opts = credential_core::proof::ProofOptions::assertion(
            credential_core::suites::Cryptosuite::EddsaRdfc2022,
            did::did_key_vm(&key.public_key()),
        );
        let signed = credential_core::issue::issue(
            &credential_core::model::Credential::from_json(doc).unwrap(),
            &opts,
            &key,
            verifier().processor(),
        )
        .unwrap();
        credential_core::cborld::encode(&signed.into_json(), store()).unwrap()
    })
}

const BASE45: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Names and IRIs JSON-LD treats specially: short and multi-byte terms, compact IRIs, blank
/// nodes, keywords, keyword look-alikes, relative and absolute IRIs.
const WORDS: &[&str] = &[
    "",
    "a",
    "b",
    "é",
    ":",
    "a:",
    ":a",
    "a:b",
    "é:x",
    "_:x",
    "x/y",
    "type",
    "id",
    "@id",
    "@type",
    "@vocab",
    "@context",
    "@reverse",
    "@nest",
    "@graph",
    "@list",
    "@set",
    "@json",
    "@none",
    "@value",
    "@language",
    "@included",
    "@index",
    "@foo",
    "http://e/",
    "http://e/p",
    "urn:x",
];

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(str::to_owned)
}

/// A term definition: null, an IRI-ish string, or an object of definition keywords.
fn definition() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let container = prop::sample::select(vec![
        json!("@list"),
        json!("@set"),
        json!("@graph"),
        json!("@index"),
        json!("@id"),
        json!("@type"),
        json!("@language"),
        json!(["@graph", "@id"]),
        json!("@bad"),
    ]);
    prop_oneof![
        Just(Value::Null),
        word().prop_map(Value::String),
        (
            prop::option::of(word()),
            prop::option::of(word()),
            prop::option::of(container),
            prop::option::of(word()),
            any::<bool>(),
            prop::option::of((word(), word())),
        )
            .prop_map(|(id, ty, container, reverse, protected, scoped)| {
                let mut o = serde_json::Map::new();
                if let Some(id) = id {
                    o.insert("@id".into(), json!(id));
                }
                if let Some(t) = ty {
                    o.insert("@type".into(), json!(t));
                }
                if let Some(c) = container {
                    o.insert("@container".into(), c);
                }
                if let Some(r) = reverse {
                    o.insert("@reverse".into(), json!(r));
                }
                if protected {
                    o.insert("@protected".into(), json!(true));
                }
                if let Some((k, v)) = scoped {
                    o.insert("@context".into(), json!({ k: v }));
                }
                Value::Object(o)
            }),
    ]
}

/// A JSON-LD document: an embedded context (maybe after the VC v2 context) and nested values.
fn jsonld_document() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let leaf = prop_oneof![
        word().prop_map(Value::String),
        any::<i32>().prop_map(|n| json!(n)),
        Just(json!(1.5)),
        Just(json!(true)),
        Just(Value::Null),
    ];
    let value = leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(word(), inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    (
        prop::collection::btree_map(word(), definition(), 0..6),
        any::<bool>(),
        prop::collection::btree_map(word(), value, 1..6),
    )
        .prop_map(|(context, with_v2, body)| {
            let context = Value::Object(context.into_iter().collect());
            let mut doc: serde_json::Map<String, Value> = body.into_iter().collect();
            let ctx = if with_v2 {
                json!(["https://www.w3.org/ns/credentials/v2", context])
            } else {
                context
            };
            doc.insert("@context".into(), ctx);
            Value::Object(doc)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn jsonld_to_rdf_never_panics(doc in jsonld_document()) {
        if let Ok(quads) = verifier().processor().to_rdf(doc.as_object().unwrap()) {
            let _ = credential_core::canon::rdfc::canonicalize(
                quads,
                credential_core::canon::rdfc::RdfcHash::Sha256,
                credential_core::canon::rdfc::RdfcLimits::default(),
            );
        }
    }

    #[test]
    fn verify_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = verifier().verify_credential_bytes(&bytes, &now());
    }

    #[test]
    fn json_shaped_input_never_panics(s in r#"\{"@context":\["https://www.w3.org/ns/credentials/v2"\],"type":\["VerifiableCredential"\],"issuer":"did:key:z6Mk[a-zA-Z0-9]{0,50}","credentialSubject":\{"[a-z@]{1,8}":"[^"\\]{0,20}"\},"proof":\{"type":"DataIntegrityProof","cryptosuite":"(eddsa|ecdsa)-(rdfc|jcs)-20(19|22)","proofPurpose":"assertionMethod","verificationMethod":"did:(key|jwk|web):[a-zA-Z0-9#]{0,60}","proofValue":"z[1-9A-Za-z]{0,100}"\}\}"#) {
        let _ = verifier().verify_credential_bytes(s.as_bytes(), &now());
    }

    #[test]
    fn envelope_decode_never_panics(body in prop::collection::vec(prop::sample::select(BASE45.chars().collect::<Vec<_>>()), 0..600)) {
        let text: String = PREFIX.chars().chain(body).collect();
        if let Ok((doc, _)) = envelope::decode(&text, EnvelopeLimits::default(), store()) {
            let _ = verifier().verify_credential(&doc, &now());
        }
    }

    #[test]
    fn envelope_of_random_bytes_never_panics(payload in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = format!("{PREFIX}{}", base45::encode(&payload));
        let _ = envelope::decode(&text, EnvelopeLimits::default(), store());
    }

    #[test]
    fn cborld_of_random_bytes_never_panics(payload in prop::collection::vec(any::<u8>(), 0..400)) {
        // Behind a valid CBOR-LD head (tag 51997, Laissez registry entry) the payload parser is
        // reached every time.
        let bytes = [&[0xD9, 0xCB, 0x1D, 0x82, 0x1A, 0x00, 0x01, 0x4C, 0x5A][..], &payload].concat();
        let _ = credential_core::cborld::decode(&bytes, store(), 32);
    }

    #[test]
    fn mutated_cborld_never_panics(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let mut bytes = sample_cborld().to_vec();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Ok(doc) = credential_core::cborld::decode(&bytes, store(), 32) {
            let _ = verifier().verify_credential(&doc, &now());
        }
    }

    #[test]
    fn status_list_decode_never_panics(s in "u[A-Za-z0-9_-]{0,300}") {
        let _ = StatusList::decode(&s);
    }

    #[test]
    fn keys_and_dids_never_panic(s in "z[1-9A-HJ-NP-Za-km-z]{0,120}", jwk in "\\{\"kty\":\"(EC|OKP)\",\"crv\":\"(P-256|Ed25519|P-384)\",\"x\":\"[A-Za-z0-9_-]{0,60}\",\"y\":\"[A-Za-z0-9_-]{0,60}\",\"d\":\"[A-Za-z0-9_-]{0,60}\"\\}") {
        let _ = PublicKey::from_multikey(&s);
        let _ = SecretKey::from_multikey(&s);
        let _ = did::resolve(&format!("did:key:{s}"), None);
        let _ = did::resolve(&format!("did:jwk:{s}#0"), None);
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&jwk) {
            let _ = PublicKey::from_jwk(&v);
            let _ = SecretKey::from_jwk(&v);
        }
        let _ = SecretKey::from_pkcs8_pem(&format!("-----BEGIN PRIVATE KEY-----\n{s}\n-----END PRIVATE KEY-----\n"));
    }

    #[test]
    fn trust_bundle_loading_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let mut v = Verifier::new(ContextStore::bundled());
        let _ = v.load_trust_bundle(&bytes, &[], Timestamp(0));
    }

    #[test]
    fn qr_frames_never_panic(w in 0usize..64, h in 0usize..64, seed in any::<u8>()) {
        let px: Vec<u8> = (0..w * h).map(|i| (i as u8).wrapping_mul(seed)).collect();
        let _ = qr::decode_luma(&px, w, h);
        let _ = qr::decode_rgba(&px, w, h / 4);
    }
}

/// The bundled contexts, parsed once for every test of this file.
fn store() -> &'static ContextStore {
    static STORE: std::sync::OnceLock<ContextStore> = std::sync::OnceLock::new();
    STORE.get_or_init(ContextStore::bundled)
}

/// An SD-JWT VC presentation (P-256 issuer, Ed25519 holder) with nested, recursive and array
/// disclosures, decoys and a Key Binding JWT; the issuer key; and the claims it verifies to.
struct SdJwtSample {
    presentation: String,
    issuer: PublicKey,
    claims: serde_json::Map<String, serde_json::Value>,
}

const SD_AUD: &str = "https://kiosk.example/fuzz";
const SD_NONCE: &str = "fuzz-nonce";
const SD_NOW: i64 = 1_780_000_000;

fn sample_sd_jwt() -> &'static SdJwtSample {
    static S: OnceLock<SdJwtSample> = OnceLock::new();
    S.get_or_init(|| {
        use credential_core::keys::Algorithm;
        use credential_core::sd_jwt::{self, ClaimPath, IssueParams, KeyBindingInput, SdJwt};
        use rand_chacha::rand_core::SeedableRng;
        let issuer = SecretKey::from_bytes(Algorithm::P256, &[71; 32]).unwrap();
        let holder = SecretKey::from_bytes(Algorithm::Ed25519, &[72; 32]).unwrap();
        let claims = serde_json::json!({
            "given_name": "Amina",
            "address": {"locality": "Kano", "country": "NG"},
            "nationalities": ["NG", "NE"]
        });
        let mut params = IssueParams::new(
            "https://issuer.example",
            "urn:laissez:fuzz",
            Timestamp(SD_NOW),
        );
        params.holder_key = Some(holder.public_key());
        let policy = [
            ClaimPath::claim("given_name"),
            ClaimPath::claim("address"),
            ClaimPath::claim("address").key("locality"),
            ClaimPath::claim("nationalities").all(),
        ];
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(71);
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
            aud: SD_AUD,
            nonce: SD_NONCE,
            iat: Timestamp(SD_NOW),
        };
        let presentation = SdJwt::parse(&issued.sd_jwt)
            .unwrap()
            .present(
                &[
                    ClaimPath::claim("address").key("locality"),
                    ClaimPath::claim("nationalities").index(1),
                ],
                Some(&kb),
            )
            .unwrap();
        let issuer = issuer.public_key();
        let claims = sd_jwt::verify(&presentation, &sd_params(&issuer))
            .unwrap()
            .claims;
        SdJwtSample {
            presentation,
            issuer,
            claims,
        }
    })
}

fn sd_params(issuer: &PublicKey) -> credential_core::sd_jwt::VerifyParams<'_> {
    let mut p = credential_core::sd_jwt::VerifyParams::new(issuer, Timestamp(SD_NOW));
    p.key_binding = Some(credential_core::sd_jwt::KeyBindingCheck {
        aud: SD_AUD,
        nonce: SD_NONCE,
        max_age: 300,
    });
    p
}

/// Characters that matter to an SD-JWT: base64url, the separators, and JSON punctuation.
const SD_ALPHABET: &str =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~.{}[]\":, =+/";

/// One edit of a text: replace, insert or delete a character at a position.
fn apply_edits(text: &str, edits: &[(prop::sample::Index, u8, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, kind, c) in edits {
        if chars.is_empty() {
            chars.push(*c);
            continue;
        }
        let i = at.index(chars.len());
        match kind % 3 {
            0 => chars[i] = *c,
            1 => chars.insert(i, *c),
            _ => {
                chars.remove(i);
            }
        }
    }
    chars.into_iter().collect()
}

/// Runs every SD-JWT entry point on `input`. A presentation that still verifies must show the
/// same claims as the original: no edit may change what a verifier sees.
fn sd_jwt_entry_points(input: &str) {
    use credential_core::sd_jwt::{self, SdJwt};
    let s = sample_sd_jwt();
    let _ = SdJwt::parse(input).map(|p| p.present(&[], None));
    let _ = sd_jwt::issuer_hint(input);
    let _ = sd_jwt::to_flattened_json(input);
    match sd_jwt::verify(input, &sd_params(&s.issuer)) {
        Ok(v) => assert_eq!(
            v.claims, s.claims,
            "an edited presentation verified to other claims"
        ),
        Err(e) => assert_eq!(e.message().id, e.code()),
    }
}

/// The derived `ecdsa-sd-2023` sample (P-256 issuer) and its parsed proof value.
struct EcdsaSdSample {
    derived: serde_json::Map<String, serde_json::Value>,
    proof_bytes: Vec<u8>,
    parsed: credential_core::sd::DerivedProofValue,
}

fn sample_ecdsa_sd() -> &'static EcdsaSdSample {
    static S: OnceLock<EcdsaSdSample> = OnceLock::new();
    S.get_or_init(|| {
        use credential_core::keys::Algorithm;
        use credential_core::sd::{self, BaseProofOptions};
        use rand_chacha::rand_core::SeedableRng;
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2023);
        let key = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
        let doc = serde_json::json!({
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/undefined-terms/v2"],
            "type": ["VerifiableCredential"],
            "issuer": did::did_key(&key.public_key()),
            "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": {"name": "Selam", "birthDate": "1990-04-02", "knowsLanguage": ["am", "en"]}
        });
        let options = BaseProofOptions::assertion(did::did_key_vm(&key.public_key())).mandatory(["/issuer"]);
        let base = sd::create_base_proof(doc.as_object().unwrap(), &options, &key, &mut rng, verifier().processor()).unwrap();
        let derived = sd::derive(&base, &["/credentialSubject/name".to_owned(), "/credentialSubject/knowsLanguage/1".to_owned()], verifier().processor()).unwrap();
        let value = derived["proof"]["proofValue"].as_str().unwrap();
        let proof_bytes = credential_core::codec::Base64::UrlSafeNoPad.decode(&value[1..]).unwrap();
        let parsed = sd::parse_derived_proof_value(value).unwrap();
        let r = verifier().verify_credential(&serde_json::Value::Object(derived.clone()), &now());
        assert!(r.is_authentic(), "{r:?}");
        EcdsaSdSample { derived, proof_bytes, parsed }
    })
}

/// Runs both proof value decoders on `value`; a derived value that parses must serialize back to
/// one that parses the same, and must verify only if it is the original.
fn ecdsa_sd_entry_points(value: &str, verify: bool) {
    use credential_core::sd;
    let s = sample_ecdsa_sd();
    let _ = sd::proof_value_kind(value);
    if let Err(e) = sd::parse_base_proof_value(value) {
        assert!(matches!(e.code(), "malformed_proof"), "{e}");
    }
    match sd::parse_derived_proof_value(value) {
        Err(e) => assert!(
            matches!(e.code(), "malformed_proof" | "base_proof_not_verifiable"),
            "{e}"
        ),
        Ok(parsed) => {
            let again = sd::serialize_derived_proof_value(&parsed).unwrap();
            assert_eq!(sd::parse_derived_proof_value(&again).unwrap(), parsed);
            if verify {
                let mut d = s.derived.clone();
                d["proof"]["proofValue"] = serde_json::json!(value);
                let r = verifier().verify_credential(&serde_json::Value::Object(d), &now());
                if r.is_authentic() {
                    assert_eq!(parsed, s.parsed, "an edited proof value verified");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn edited_sd_jwt_presentations_never_panic_nor_show_other_claims(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), prop::sample::select(SD_ALPHABET.chars().collect::<Vec<_>>())), 1..6),
        json in any::<bool>(),
    ) {
        let s = sample_sd_jwt();
        let text = if json {
            credential_core::sd_jwt::to_flattened_json(&s.presentation).unwrap().to_string()
        } else {
            s.presentation.clone()
        };
        sd_jwt_entry_points(&apply_edits(&text, &edits));
    }

    #[test]
    fn sd_jwts_of_random_parts_never_panic(
        parts in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..80), 1..8),
        kb in any::<bool>(),
    ) {
        // Random JSON-ish or binary parts, base64url-encoded where a JWT or disclosure goes.
        let b64 = |p: &[u8]| credential_core::codec::Base64::UrlSafeNoPad.encode(p);
        let jwt = format!("{}.{}.{}", b64(br#"{"alg":"ES256","typ":"dc+sd-jwt"}"#), b64(&parts[0]), b64(&parts[0]));
        let mut text = jwt;
        for p in &parts[1..] {
            text.push('~');
            text.push_str(&b64(p));
        }
        text.push('~');
        if kb {
            text.push_str(&format!("{}.{}.AA", b64(br#"{"alg":"EdDSA","typ":"kb+jwt"}"#), b64(&parts[parts.len() - 1])));
        }
        sd_jwt_entry_points(&text);
    }

    #[test]
    fn ecdsa_sd_proof_values_of_random_bytes_never_panic(
        body in prop::collection::vec(any::<u8>(), 0..600),
        base in any::<bool>(),
    ) {
        let header = if base { credential_core::sd::BASE_HEADER } else { credential_core::sd::DERIVED_HEADER };
        let bytes = [&header[..], &body].concat();
        ecdsa_sd_entry_points(&format!("u{}", credential_core::codec::Base64::UrlSafeNoPad.encode(bytes)), false);
    }
}

proptest! {
    // Each case canonicalizes the credential when the edited value still parses: fewer cases.
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn edited_ecdsa_sd_proof_values_never_panic_nor_verify(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let s = sample_ecdsa_sd();
        let mut bytes = s.proof_bytes.clone();
        for (at, value) in flips {
            // Past the header, so the derived decoder's structure checks are reached.
            let i = 3 + at.index(bytes.len() - 3);
            bytes[i] ^= value | 1;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        ecdsa_sd_entry_points(&format!("u{}", credential_core::codec::Base64::UrlSafeNoPad.encode(bytes)), true);
    }
}
