//! Sign and verify per cryptosuite, CBOR-LD encode and decode and the verify of a CBOR-LD QR
//! envelope, with a raw Ed25519 verify for reference.
//! `cargo bench -p credential-core --bench suites`

use credential_core::cborld;
use credential_core::did::did_key_vm;
use credential_core::envelope::{self, Encoding};
use credential_core::issue::issue;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{SecretKey, Signer};
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::ProofOptions;
use credential_core::suites::Cryptosuite;
use credential_core::verify::{Verifier, VerifyOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use rand_chacha::rand_core::SeedableRng;
use serde_json::json;
use std::hint::black_box;

fn credential(issuer: &str) -> Credential {
    Credential::from_json(json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:3f1c2a8e-6b1d-4a7e-9c1e-2d5b7f0a9e41",
        "type": ["VerifiableCredential"],
        "issuer": {"id": issuer, "name": "Civil Registry"},
        "name": "Bench credential",
        "description": "A credential using only VC 2.0 base terms.",
        "validFrom": "2025-01-01T00:00:00Z",
        "validUntil": "2035-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:holder"}
    }))
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
    let verifier = Verifier::new(ContextStore::bundled());
    let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
    for suite in Cryptosuite::ALL {
        let key = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
        let did = credential_core::did::did_key(&key.public_key());
        let cred = credential(&did);
        let mut options = ProofOptions::assertion(suite, did_key_vm(&key.public_key()));
        options.created = Some(now);
        let signed = issue(&cred, &options, &key, verifier.processor()).unwrap();
        let signed_json = signed.clone().into_json();
        assert!(verifier
            .verify_credential(&signed_json, &VerifyOptions::at(now))
            .is_authentic());
        c.bench_function(&format!("{suite}/sign"), |b| {
            b.iter(|| issue(black_box(&cred), &options, &key, verifier.processor()).unwrap())
        });
        c.bench_function(&format!("{suite}/verify"), |b| {
            b.iter(|| verifier.verify_credential(black_box(&signed_json), &VerifyOptions::at(now)))
        });
        // From the bytes a verifier receives: the bounded, duplicate-refusing parse included.
        let bytes = serde_json::to_vec(&signed_json).unwrap();
        c.bench_function(&format!("{suite}/verify-bytes"), |b| {
            b.iter(|| verifier.verify_input(black_box(&bytes), &VerifyOptions::at(now)))
        });
        if suite == Cryptosuite::EddsaRdfc2022 {
            cborld_benches(c, &verifier, &signed_json, now);
        }
    }
    let key = SecretKey::generate(credential_core::keys::Algorithm::Ed25519, &mut rng).unwrap();
    let msg = [7u8; 64];
    let sig = key.sign(&msg).unwrap();
    let public = key.public_key();
    c.bench_function("raw-ed25519/verify", |b| {
        b.iter(|| public.verify(black_box(&msg), black_box(&sig)).unwrap())
    });
    // P-256: this crate's verification (one interleaved pass, decision 0030) and the `p256`
    // crate's own `VerifyingKey::verify`, on the same signature.
    let key = SecretKey::generate(credential_core::keys::Algorithm::P256, &mut rng).unwrap();
    let sig = key.sign(&msg).unwrap();
    let public = key.public_key();
    c.bench_function("raw-p256/verify", |b| {
        b.iter(|| public.verify(black_box(&msg), black_box(&sig)).unwrap())
    });
    let reference = p256::ecdsa::VerifyingKey::from_sec1_bytes(&public.to_bytes()).unwrap();
    let reference_sig = p256::ecdsa::Signature::from_slice(&sig).unwrap();
    c.bench_function("p256-crate/verify", |b| {
        b.iter(|| {
            use p256::ecdsa::signature::Verifier as _;
            reference
                .verify(black_box(&msg), black_box(&reference_sig))
                .unwrap()
        })
    });
}

/// CBOR-LD encode and decode of a signed credential, and the verify of its CBOR-LD envelope
/// (what a QR scan costs).
fn cborld_benches(
    c: &mut Criterion,
    verifier: &Verifier,
    signed: &serde_json::Value,
    now: Timestamp,
) {
    let store = verifier.processor().store();
    let bytes = cborld::encode(signed, store).unwrap();
    assert_eq!(&cborld::decode(&bytes, store, 32).unwrap(), signed);
    c.bench_function("cborld/encode", |b| {
        b.iter(|| cborld::encode(black_box(signed), store).unwrap())
    });
    c.bench_function("cborld/decode", |b| {
        b.iter(|| cborld::decode(black_box(&bytes), store, 32).unwrap())
    });
    let text = envelope::encode(signed, Encoding::CborLd, store).unwrap();
    c.bench_function("envelope/verify", |b| {
        b.iter(|| verifier.verify_input(black_box(text.as_bytes()), &VerifyOptions::at(now)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
