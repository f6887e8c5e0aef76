//! A credential through the QR path: compact envelope text (`LZ1:…`), a QR symbol, its pixels as a
//! camera would see them, and back to a verified credential.
//!
//! `cargo run -p credential-core --example qr_round_trip`

use credential_core::envelope::{self, EnvelopeLimits};
use credential_core::issue::Issuer;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::qr::{self, Ecc, QrMatrix};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{Verifier, VerifyOptions};

fn main() -> Result<(), credential_core::Error> {
    let now = Timestamp::parse("2026-06-01T09:00:00Z").expect("a valid time");
    let key = SecretKey::generate(Algorithm::Ed25519, &mut rand_core::OsRng)?;
    let issuer = Issuer::new(key, Cryptosuite::EddsaRdfc2022)?;
    // One of the profile's example records (its `recordId` is the issuer's, not a claim).
    let mut subject: serde_json::Value = serde_json::from_str(include_str!(
        "../../specs/profiles/health-vaccination/examples/valid/yellow-fever-ihr.json"
    ))
    .expect("the example is JSON");
    subject
        .as_object_mut()
        .expect("an object")
        .remove("recordId");
    let credential = issuer
        .credential()
        .profile("health-vaccination")?
        .subject(subject)
        .issue(now)?
        .into_json();

    // The smallest envelope for this credential (CBOR-LD in zlib, here), then a QR symbol.
    let store = ContextStore::bundled();
    let (text, encoding) = envelope::encode_smallest(&credential, &store)?;
    let symbol = QrMatrix::new(&text, Ecc::M)?;
    println!(
        "{} characters ({encoding:?}), QR version {}",
        text.len(),
        symbol.version
    );

    // Render 4 pixels per module with a 4-module quiet zone, and read it back as a scanner does.
    let (side, pixels) = symbol.to_luma(4, 4);
    let scanned = qr::decode_luma(&pixels, side, side)?;
    let (decoded, _) = envelope::decode(&scanned, EnvelopeLimits::default(), &store)?;
    assert_eq!(decoded, credential);

    let report = Verifier::new(store).verify_input(scanned.as_bytes(), &VerifyOptions::at(now));
    println!("verdict: {}", report.verdict);
    assert!(report.is_authentic());
    Ok(())
}
