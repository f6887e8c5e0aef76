//! `ecdsa-sd-2023`: the issuer's base proof, the holder's derivation, the verifier's check of the
//! derived proof (through `Verifier::verify_credential`, as a kiosk runs it).
//! `cargo bench -p credential-core --bench ecdsa_sd`

use credential_core::did::{did_key, did_key_vm};
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::sd::{self, BaseProofOptions};
use credential_core::verify::{Verifier, VerifyOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
    let verifier = Verifier::new(ContextStore::bundled());
    let processor = verifier.processor();
    let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
    let key = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
    let did = did_key(&key.public_key());
    // 16 statements: 5 mandatory, 11 signed one by one.
    let credential = json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/undefined-terms/v2"
        ],
        "type": ["VerifiableCredential"],
        "issuer": {"id": did, "name": "Civil Registry"},
        "validFrom": "2025-01-01T00:00:00Z",
        "validUntil": "2035-01-01T00:00:00Z",
        "name": "Bench credential",
        "credentialSubject": {
            "name": "Selam Tesfaye",
            "birthDate": "1990-04-02",
            "birthPlace": "Gondar",
            "nationality": "ETH",
            "address": {"addressCountry": "ET", "addressLocality": "Addis Ababa"},
            "knowsLanguage": ["am", "en", "fr"]
        }
    });
    let credential = credential.as_object().unwrap().clone();
    let options = BaseProofOptions::assertion(did_key_vm(&key.public_key()))
        .created(now)
        .mandatory(["/issuer", "/validFrom", "/validUntil"]);
    let selective: Vec<String> = ["/credentialSubject/name", "/credentialSubject/birthDate"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let base = sd::create_base_proof(&credential, &options, &key, &mut rng, processor).unwrap();
    let derived = Value::Object(sd::derive(&base, &selective, processor).unwrap());
    assert!(verifier
        .verify_credential(&derived, &VerifyOptions::at(now))
        .is_authentic());

    c.bench_function("ecdsa-sd-2023/base-proof", |b| {
        b.iter(|| {
            sd::create_base_proof(black_box(&credential), &options, &key, &mut rng, processor)
                .unwrap()
        })
    });
    c.bench_function("ecdsa-sd-2023/derive", |b| {
        b.iter(|| sd::derive(black_box(&base), &selective, processor).unwrap())
    });
    c.bench_function("ecdsa-sd-2023/verify", |b| {
        b.iter(|| verifier.verify_credential(black_box(&derived), &VerifyOptions::at(now)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
