//! Writes the seed corpora of the fuzz targets to `fuzz/corpus/<target>/`: small, real inputs
//! made with credential-core itself (fixed keys and times, so the output is the same every run),
//! each checked to decode or verify before it is written.
//!
//! Run: `cargo run --example gen_seeds` in `fuzz/` (stable or nightly).

use credential_core::cborld;
use credential_core::did::{did_key, did_key_vm};
use credential_core::envelope::{self, Encoding, EnvelopeLimits};
use credential_core::issue::issue;
use credential_core::jsonld::{ContextStore, CONTEXT_V2, LEGAL_IDENTITY_V1};
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::qr::{self, Ecc, QrMatrix};
use credential_core::sd;
use credential_core::sd_jwt::{self, ClaimPath, Decoys, IssueParams, KeyBindingInput, SdJwt};
use credential_core::status::{list_credential, StatusList, StatusPurpose};
use credential_core::suites::Cryptosuite;
use credential_core::verify::Verifier;
use credential_core_fuzz::{
    anchor_secret, anchors, ecdsa_sd_documents, frame_input, now, sd_jwt_holder, sd_jwt_issuer,
    sd_jwt_params, store, verifier, NOW, SD_JWT_AUD, SD_JWT_NONCE,
};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const LIST: &str = "https://status.example.org/lists/revocation/0";

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = corpus().join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
    println!("{target}/{name}: {} bytes", bytes.len());
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A legal identity credential by `key`'s did:key with `suite`, with a revocation entry.
fn identity(key: &SecretKey, suite: Cryptosuite, index: usize) -> Value {
    let cred = Credential::from_json(json!({
        "@context": [CONTEXT_V2, LEGAL_IDENTITY_V1],
        "id": "urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d",
        "type": ["VerifiableCredential", "LegalIdentityCredential"],
        "issuer": did_key(&key.public_key()),
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSchema": {"id": "https://w3id.org/laissez/schemas/legal-identity/v1.json", "type": "JsonSchema"},
        "credentialStatus": {"id": format!("{LIST}#{index}"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": index.to_string(), "statusListCredential": LIST},
        "credentialSubject": {"givenName": "Selam", "familyName": "Tesfaye", "sex": "not-known", "birthDateCertainty": "unknown", "nationality": "XXC", "registrationNumber": "ETH-1", "registeringAuthority": "RRS"}
    }))
    .unwrap();
    let opts = ProofOptions::assertion(suite, did_key_vm(&key.public_key()))
        .created(t("2025-01-01T00:00:00Z"));
    let signed = issue(&cred, &opts, key, verifier().processor())
        .unwrap()
        .into_json();
    let r = verifier().verify_credential(&signed, &now());
    assert!(r.is_authentic(), "seed credential does not verify: {r:?}");
    signed
}

/// A signed revocation list of `issuer` with `revoked` set.
fn status_list(issuer: &SecretKey, list: &StatusList) -> Value {
    let unsigned = list_credential(
        LIST,
        &did_key(&issuer.public_key()),
        StatusPurpose::Revocation,
        list,
        t("2025-06-01T00:00:00Z"),
        None,
    );
    let opts =
        ProofOptions::assertion(Cryptosuite::EddsaRdfc2022, did_key_vm(&issuer.public_key()))
            .created(t("2025-06-01T00:00:00Z"));
    Value::Object(
        add_proof(
            unsigned.as_object().unwrap(),
            &opts,
            issuer,
            verifier().processor(),
        )
        .unwrap(),
    )
}

/// A trust bundle signed by the fuzz targets' anchor: one issuer, its status list, one pinned
/// context and one did:web DID document.
fn bundle(issuer: &SecretKey, list: Value) -> Vec<u8> {
    let context = r#"{"@context":{"ex":"https://example.org/vocab#"}}"#;
    let sha = Sha256::digest(context.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    let web = "did:web:registry.example";
    let body = json!({
        "type": "LaissezTrustBundle",
        "version": 7,
        "issued": "2025-06-01T00:00:00Z",
        "nextUpdate": "2026-07-01T00:00:00Z",
        "issuers": [{
            "id": did_key(&issuer.public_key()),
            "name": {"en": "Civil Registry of Testland", "fr": "État civil de Testland"},
            "publicKeys": [issuer.public_key().to_multikey()],
            "credentialTypes": ["LegalIdentityCredential"],
            "jurisdiction": "XTL",
            "validFrom": "2024-01-01T00:00:00Z"
        }],
        "statusLists": [list],
        "contexts": [{"url": "https://example.org/contexts/ex/v1", "sha256": sha, "document": context}],
        "didDocuments": [{
            "id": web,
            "verificationMethod": [{"id": format!("{web}#key-1"), "type": "Multikey", "controller": web, "publicKeyMultibase": issuer.public_key().to_multikey()}],
            "assertionMethod": [format!("{web}#key-1")]
        }]
    });
    let anchor = anchor_secret();
    let opts = ProofOptions::assertion(Cryptosuite::EddsaJcs2022, did_key_vm(&anchor.public_key()))
        .created(t("2025-06-01T00:00:00Z"));
    let signed: Map<String, Value> = add_proof(
        body.as_object().unwrap(),
        &opts,
        &anchor,
        verifier().processor(),
    )
    .unwrap();
    let bytes = serde_json::to_vec(&signed).unwrap();
    let mut v = Verifier::new(ContextStore::bundled());
    let loaded = v.load_trust_bundle(&bytes, anchors(), NOW).unwrap();
    assert!(
        matches!(loaded.status_list(LIST), Some(Ok(_))),
        "the seed bundle's status list is not usable"
    );
    bytes
}

fn main() {
    let corpus = corpus();
    if corpus.exists() {
        std::fs::remove_dir_all(&corpus).unwrap();
    }
    let issuer = SecretKey::from_bytes(Algorithm::Ed25519, &[7; 32]).unwrap();
    let p256 = SecretKey::from_bytes(Algorithm::P256, &[9; 32]).unwrap();
    let rdfc = identity(&issuer, Cryptosuite::EddsaRdfc2022, 42);
    let jcs = identity(&p256, Cryptosuite::EcdsaJcs2019, 43);
    let mut bits = StatusList::new(0);
    bits.set(42, true).unwrap();
    let list = status_list(&issuer, &bits);

    // json_bounds: signed credentials (both canonicalizations) and a status list credential.
    write(
        "json_bounds",
        "identity-eddsa-rdfc",
        &serde_json::to_vec(&rdfc).unwrap(),
    );
    write(
        "json_bounds",
        "identity-ecdsa-jcs",
        &serde_json::to_vec(&jcs).unwrap(),
    );
    write(
        "json_bounds",
        "status-list-credential",
        &serde_json::to_vec(&list).unwrap(),
    );

    // envelope: the credential in every encoding, and a tiny generic document.
    for encoding in Encoding::ALL.into_iter().filter(|e| *e != Encoding::Jwt) {
        let text = envelope::encode(&rdfc, encoding, store()).unwrap();
        let (back, _) = envelope::decode(&text, EnvelopeLimits::default(), store()).unwrap();
        assert_eq!(back, rdfc, "{} does not round-trip", encoding.name());
        write("envelope", encoding.name(), text.as_bytes());
    }
    let tiny = envelope::encode(&json!({"a": 1}), Encoding::Generic, store()).unwrap();
    write("envelope", "tiny-generic", tiny.as_bytes());

    // cborld: compressed (Laissez registry entry) and uncompressed (entry 0) CBOR-LD.
    for (name, doc) in [("identity", &rdfc), ("status-list-credential", &list)] {
        let bytes = cborld::encode(doc, store()).unwrap();
        assert_eq!(&cborld::decode(&bytes, store(), 32).unwrap(), doc);
        write("cborld", name, &bytes);
    }
    let plain = cborld::encode_with(&rdfc, store(), 0).unwrap();
    assert_eq!(cborld::decode(&plain, store(), 32).unwrap(), rdfc);
    write("cborld", "identity-uncompressed", &plain);

    // status_list: a list with one bit set, and an empty one.
    write("status_list", "one-revoked", bits.encode().as_bytes());
    write(
        "status_list",
        "empty",
        StatusList::new(0).encode().as_bytes(),
    );

    // trust_bundle: signed by the targets' anchor, loads with it.
    write("trust_bundle", "bundle", &bundle(&issuer, list));

    sd_jwt_seeds();
    ecdsa_sd_seeds();
    p256_verify_seeds();

    // qr_frame: a tiny envelope as a greyscale frame, 3 pixels a module, 4 modules of quiet
    // zone; the same at 2 pixels a module as RGBA; the credential's envelope, greyscale.
    let m = QrMatrix::new(&tiny, Ecc::M).unwrap();
    let (side, luma) = m.to_luma(3, 4);
    assert_eq!(qr::decode_luma(&luma, side, side).unwrap(), tiny);
    write(
        "qr_frame",
        "tiny-luma-3px",
        &frame_input(side as u16, &luma),
    );
    let (side, luma) = m.to_luma(2, 4);
    let rgba: Vec<u8> = luma.iter().flat_map(|&p| [p, p, p, 255]).collect();
    assert_eq!(qr::decode_rgba(&rgba, side, side).unwrap(), tiny);
    let mut input = frame_input(side as u16, &rgba);
    input[0] = 1;
    write("qr_frame", "tiny-rgba-2px", &input);
    // The real credential's smallest envelope, 2 pixels a module, quiet zone of 2.
    let (text, _) = envelope::encode_smallest(&rdfc, store()).unwrap();
    let m = QrMatrix::new(&text, Ecc::L).unwrap();
    let (side, luma) = m.to_luma(2, 2);
    assert_eq!(qr::decode_luma(&luma, side, side).unwrap(), text);
    write(
        "qr_frame",
        "identity-luma-2px",
        &frame_input(side as u16, &luma),
    );
}

/// sd_jwt: a presentation with a KB-JWT (compact and JSON serialization) of a credential with
/// nested, recursive and array disclosures and decoys; a presentation with the same KB-JWT
/// disclosing everything.
fn sd_jwt_seeds() {
    let claims = json!({
        "given_name": "Amina",
        "address": {"locality": "Kano", "country": "NG"},
        "nationalities": ["NG", "NE"],
        "is_over_18": true
    });
    let policy = [
        ClaimPath::claim("given_name"),
        ClaimPath::claim("address"),
        ClaimPath::claim("address").key("locality"),
        ClaimPath::claim("nationalities").all(),
        ClaimPath::claim("is_over_18"),
    ];
    let holder = sd_jwt_holder();
    let mut params = IssueParams::new("https://issuer.example", "urn:laissez:fuzz", NOW);
    params.holder_key = Some(holder.public_key());
    params.decoys = Decoys::Exactly(1);
    // Deterministic salts and decoys: a fixed-seed RNG built from SHA-256 of a counter.
    let mut rng = SeedRng(0);
    let issued = sd_jwt::issue(
        claims.as_object().unwrap(),
        &policy,
        &params,
        &sd_jwt_issuer(),
        &mut rng,
    )
    .unwrap();
    let kb = KeyBindingInput {
        signer: &holder,
        aud: SD_JWT_AUD,
        nonce: SD_JWT_NONCE,
        iat: NOW,
    };
    let held = SdJwt::parse(&issued.sd_jwt).unwrap();
    let some = held
        .present(
            &[
                ClaimPath::claim("address").key("locality"),
                ClaimPath::claim("nationalities").index(1),
            ],
            Some(&kb),
        )
        .unwrap();
    let all = held.present(&policy, Some(&kb)).unwrap();
    for (name, text) in [
        ("presentation".to_owned(), some.clone()),
        ("presentation-all".to_owned(), all),
        (
            "presentation-json".to_owned(),
            sd_jwt::to_flattened_json(&some).unwrap().to_string(),
        ),
    ] {
        sd_jwt::verify(&text, &sd_jwt_params()).unwrap();
        write("sd_jwt", &name, text.as_bytes());
    }
}

/// ecdsa_sd: the derived proof value the target verifies, and the base proof value it came from.
fn ecdsa_sd_seeds() {
    let (base, derived) = ecdsa_sd_documents();
    let r = verifier().verify_credential(&Value::Object(derived.clone()), &now());
    assert!(r.is_authentic(), "the derived seed does not verify: {r:?}");
    let value = |doc: &Map<String, Value>| doc["proof"]["proofValue"].as_str().unwrap().to_owned();
    sd::parse_derived_proof_value(&value(derived)).unwrap();
    sd::parse_base_proof_value(&value(base)).unwrap();
    write("ecdsa_sd", "derived", value(derived).as_bytes());
    write("ecdsa_sd", "base", value(base).as_bytes());
}

/// p256_verify: one input per mode (byte 0), each with a valid secret key, a tweak that is also
/// a valid secret key (mode 4 makes it the key) and a short message.
fn p256_verify_seeds() {
    for mode in 0..5u8 {
        let mut input = vec![mode];
        input.extend_from_slice(&[9; 32]);
        input.extend_from_slice(&[mode + 1; 64]);
        input.extend_from_slice(b"legal identity");
        write("p256_verify", &format!("mode-{mode}"), &input);
    }
}

/// A deterministic RNG for the seeds (SHA-256 in counter mode): the same corpus every run.
struct SeedRng(u64);

impl rand_core::RngCore for SeedRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }

    fn next_u64(&mut self) -> u64 {
        let mut b = [0; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(32) {
            self.0 += 1;
            let block = Sha256::digest(self.0.to_le_bytes());
            chunk.copy_from_slice(&block[..chunk.len()]);
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl rand_core::CryptoRng for SeedRng {}
