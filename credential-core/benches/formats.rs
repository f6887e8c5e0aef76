//! The other formats (EU DCC, SMART Health Cards, Claim 169): how long each hostile input takes
//! to be refused (`tests/common/hostile_formats.rs`; the project's bound is 50 ms each), and how
//! long a verification takes per format, on the reference files of `../shared/vectors`.
//! `cargo bench -p credential-core --bench formats`

#[path = "../tests/common/hostile_formats.rs"]
mod hostile_formats;

use credential_core::codec::Base64;
use credential_core::formats::{
    claim169, dcc, shc, Claim169Issuer, DccSigner, FormatLimits, FormatTrust, ShcIssuer,
};
use credential_core::keys::{Algorithm, PublicKey};
use credential_core::model::Timestamp;
use credential_core::verify::Verdict;
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::Value;
use std::hint::black_box;
use std::path::PathBuf;

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_formats");
    for case in hostile_formats::cases() {
        assert_eq!(hostile_formats::run(&case), case.code, "{}", case.name);
        group.bench_function(case.name, |b| {
            b.iter(|| hostile_formats::run(black_box(&case)))
        });
    }
    group.finish();
}

fn vectors() -> Option<PathBuf> {
    let dir = std::env::var_os("LAISSEZ_VECTORS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors"))
        .join("other-formats");
    dir.is_dir().then_some(dir)
}

fn json(p: PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn verify(c: &mut Criterion) {
    let Some(dir) = vectors() else {
        eprintln!("*** SKIPPING verify_formats: no vectors ***");
        return;
    };
    let limits = FormatLimits::default();
    let mut group = c.benchmark_group("verify_formats");

    // EU DCC: ES256 (DE-1) and PS256 (common-CO1), each with its file's certificate.
    for (label, file) in [
        ("eu_dcc_es256", "DE-1.json"),
        ("eu_dcc_ps256", "common-CO1.json"),
    ] {
        let v = json(dir.join("eu-dcc").join(file));
        let der = Base64::Standard
            .decode(v["TESTCTX"]["CERTIFICATE"].as_str().unwrap())
            .unwrap();
        let trust = FormatTrust {
            dcc_signers: vec![DccSigner::from_certificate(&der, None).unwrap()],
            ..Default::default()
        };
        let now = Timestamp::parse(v["TESTCTX"]["VALIDATIONCLOCK"].as_str().unwrap()).unwrap();
        let text = v["PREFIX"].as_str().unwrap().to_owned();
        assert_eq!(
            dcc::verify(&text, Some(&trust), now, &limits).verdict,
            Verdict::Valid
        );
        group.bench_function(label, |b| {
            b.iter(|| dcc::verify(black_box(&text), Some(&trust), now, &limits))
        });
    }

    // SMART Health Card example 00 with the issuer's JWKS and revocation list.
    let shc_dir = dir.join("smart-health-cards");
    let jwks = json(shc_dir.join("issuer/.well-known/jwks.json"));
    let mut issuer = ShcIssuer::from_jwks(
        "https://spec.smarthealth.cards/examples/issuer",
        None,
        &jwks,
    )
    .unwrap();
    for e in std::fs::read_dir(shc_dir.join("issuer/.well-known/crl")).unwrap() {
        issuer.add_crl(&json(e.unwrap().path())).unwrap();
    }
    let trust = FormatTrust {
        shc_issuers: vec![issuer],
        ..Default::default()
    };
    let text =
        std::fs::read_to_string(shc_dir.join("example-00-f-qr-code-numeric-value-0.txt")).unwrap();
    let now = Timestamp::parse("2026-06-01T00:00:00Z").unwrap();
    assert_eq!(
        shc::verify(&text, Some(&trust), now, &limits).verdict,
        Verdict::Valid
    );
    group.bench_function("shc_es256", |b| {
        b.iter(|| shc::verify(black_box(&text), Some(&trust), now, &limits))
    });

    // Claim 169, Ed25519 and ES256.
    for (label, file, alg) in [
        (
            "claim169_ed25519",
            "ed25519-signed.json",
            Algorithm::Ed25519,
        ),
        ("claim169_es256", "ecdsa-p256-signed.json", Algorithm::P256),
    ] {
        let v = json(dir.join("claim-169/valid").join(file));
        let hex = v["signing_key"]["public_key_hex"].as_str().unwrap();
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let key = PublicKey::from_bytes(alg, &bytes).unwrap();
        let iss = v["expected_cwt_meta"]["issuer"].as_str().unwrap();
        let trust = FormatTrust {
            claim169_issuers: vec![Claim169Issuer::new(iss, None, vec![key])],
            ..Default::default()
        };
        let text = v["qr_data"].as_str().unwrap().to_owned();
        let now = Timestamp(1_760_000_000);
        assert_eq!(
            claim169::verify(&text, Some(&trust), now, &limits).verdict,
            Verdict::Valid
        );
        group.bench_function(label, |b| {
            b.iter(|| claim169::verify(black_box(&text), Some(&trust), now, &limits))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = hostile, verify
}
criterion_main!(benches);
