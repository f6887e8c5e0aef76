//! The formats module's logic, natively: detection, a report per format with the holder's name,
//! refusal of Laissez text, and no trust without a bundle (`signature_valid` skipped). The
//! browser path (bundle from the kiosk, verdicts on screen) is verifier-wasm/tests/formats.test.mjs.

use credential_core::model::Timestamp;
use credential_core::verify::{CheckCode, CheckStatus, Verdict};
use formats_wasm::session::{detect, Session};
use serde_json::Value;
use std::path::PathBuf;

fn vectors() -> Option<PathBuf> {
    let dir = std::env::var_os("LAISSEZ_VECTORS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors"))
        .join("other-formats");
    if dir.is_dir() {
        Some(dir)
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "vectors missing at {}",
            dir.display()
        );
        eprintln!("*** SKIPPING: no vectors at {} ***", dir.display());
        None
    }
}

fn json(p: PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn each_format_is_detected_and_reported_with_its_holder() {
    let Some(dir) = vectors() else { return };
    let dcc = json(dir.join("eu-dcc/DE-1.json"))["PREFIX"]
        .as_str()
        .unwrap()
        .to_owned();
    let shc = std::fs::read_to_string(
        dir.join("smart-health-cards/example-00-f-qr-code-numeric-value-0.txt"),
    )
    .unwrap();
    let c169 = json(dir.join("claim-169/valid/ed25519-signed.json"))["qr_data"]
        .as_str()
        .unwrap()
        .to_owned();
    let session = Session::new();
    let now = Timestamp(1_760_000_000);
    for (text, format) in [(&dcc, "eu-dcc"), (&shc, "shc"), (&c169, "claim169")] {
        assert_eq!(detect(text), format);
        let r = session.verify(text, now).unwrap();
        assert_eq!(r.format, format);
        assert!(r.credential.holder.is_some(), "{format}: no holder name");
        // No bundle: the signer's key is unknown, so the signature is not checked.
        let sig = r
            .checks
            .iter()
            .find(|c| c.code == CheckCode::SignatureValid)
            .unwrap();
        assert_eq!(sig.status, CheckStatus::Skipped, "{format}");
        assert_eq!(r.verdict, Verdict::Invalid, "{format}");
    }
    assert_eq!(
        json(dir.join("claim-169/valid/ed25519-signed.json"))["expected_claim169"]["fullName"],
        session
            .verify(&c169, now)
            .unwrap()
            .credential
            .holder
            .unwrap()
    );
}

#[test]
fn laissez_text_is_left_to_the_verifier_module() {
    let session = Session::new();
    assert_eq!(detect("LZ1:ABC"), "laissez");
    let e = session
        .verify("{\"@context\":[]}", Timestamp(0))
        .unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
}
