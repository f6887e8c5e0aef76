//! `laissez issue --portrait` (decision 0023): a photo is made into a 48 × 64 greyscale JPEG,
//! signed into a legal identity; `laissez verify` shows it and writes it out only while the
//! signature holds; photos that are not images, too large or corrupt are refused before
//! anything is issued; a card printed with the portrait still verifies from its raster.

#[path = "../../credential-core/tests/common/portrait.rs"]
mod portrait;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

mod common;
use common::laissez;
#[path = "common/card.rs"]
mod card;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A home, and the drawn test face as a 480 × 640 PNG, as a camera or scanner gives a photo.
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let home = dir.join("home");
    laissez(&home).arg("init").assert().success();
    let photo = dir.join("photo.png");
    portrait::drawn(480, 640, 3).save(&photo).unwrap();
    (home, photo)
}

/// `laissez issue --profile legal-identity --compact --portrait PHOTO`; the command's output.
fn issue(home: &Path, photo: &Path, out: &Path, record: &str) -> std::process::Output {
    laissez(home)
        .args(["issue", "--profile", "legal-identity", "--compact"])
        .args(["--record-id", record, "--portrait"])
        .arg(photo)
        .arg("--subject")
        .arg(root().join("specs/profiles/legal-identity/examples/valid/arabic-stateless.json"))
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn a_portrait_is_signed_shown_and_written_out() {
    let d = tempfile::tempdir().unwrap();
    let (home, photo) = setup(d.path());
    let cred = d.path().join("id.json");
    let out = issue(&home, &photo, &cred, "p-1");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&cred).unwrap()).unwrap();
    let url = doc["credentialSubject"]["portrait"].as_str().unwrap();
    assert!(url.starts_with("data:image/jpeg;base64,"), "{url}");
    assert_eq!(
        doc["@context"].as_array().unwrap().last().unwrap(),
        "https://w3id.org/laissez/portrait/v1"
    );

    let jpeg = d.path().join("face.jpg");
    let out = laissez(&home)
        .arg("verify")
        .arg(&cred)
        .arg("--photo-out")
        .arg(&jpeg)
        .output()
        .unwrap();
    // Exit code 3: valid signature, issuer not checked (no trust bundle given).
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let bytes = std::fs::read(&jpeg).unwrap();
    let line = format!(
        "Portrait (signed): image/jpeg, 48 × 64 pixels, {} bytes",
        bytes.len()
    );
    assert!(text.contains(&line), "{line:?} not in {text}");
    let image = image::load_from_memory(&bytes).unwrap();
    assert_eq!((image.width(), image.height()), (48, 64));
    assert!(bytes.len() < 1024, "{} bytes", bytes.len());

    // The report as JSON carries it as credential.photo.
    let out = laissez(&home)
        .args(["verify", "--json"])
        .arg(&cred)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["credential"]["photo"], url);
}

#[test]
fn tampering_with_the_portrait_breaks_the_signature() {
    let d = tempfile::tempdir().unwrap();
    let (home, photo) = setup(d.path());
    let cred = d.path().join("id.json");
    assert!(issue(&home, &photo, &cred, "p-2").status.success());
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&cred).unwrap()).unwrap();
    // Another face: the same drawing with other noise, through the same pipeline.
    let other = portrait::jpeg(&portrait::drawn(480, 640, 99), 48, 64, 30);
    doc["credentialSubject"]["portrait"] = portrait::data_url(&other).into();
    std::fs::write(&cred, doc.to_string()).unwrap();
    let jpeg = d.path().join("face.jpg");
    let out = laissez(&home)
        .args(["verify", "--json", "--photo-out"])
        .arg(&jpeg)
        .arg(&cred)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"], "invalid");
    let signature = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "signature_valid")
        .unwrap();
    assert_eq!(signature["status"], "fail", "{signature}");
    assert!(report["credential"].get("photo").is_none());
    assert!(
        !jpeg.exists(),
        "no portrait is written from a forged credential"
    );
}

#[test]
fn photos_that_are_not_images_too_large_or_corrupt_are_refused() {
    let d = tempfile::tempdir().unwrap();
    let (home, photo) = setup(d.path());
    let garbage = d.path().join("garbage.jpg");
    std::fs::write(&garbage, b"not a photo at all, just text".repeat(10)).unwrap();
    let huge = d.path().join("huge.png");
    image::GrayImage::new(9000, 8).save(&huge).unwrap();
    let truncated = d.path().join("truncated.png");
    let bytes = std::fs::read(&photo).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    for (file, expected) in [
        (&garbage, "is not a JPEG or PNG image"),
        (&huge, "is 9000 × 8 pixels; at most 8192 on a side"),
        (&truncated, "cannot be decoded"),
    ] {
        let out_file = d.path().join("never.json");
        let out = issue(&home, file, &out_file, "p-3");
        assert_eq!(out.status.code(), Some(2), "{file:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{expected:?} not in {err}");
        assert!(!out_file.exists());
    }
    // Nothing was recorded: the same record issues once the photo is a photo.
    assert!(issue(&home, &photo, &d.path().join("ok.json"), "p-3")
        .status
        .success());
}

#[test]
fn a_card_printed_with_the_portrait_still_verifies_from_its_raster() {
    if !card::poppler("portrait print test") {
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let (home, photo) = setup(d.path());
    let cred = d.path().join("id.json");
    assert!(issue(&home, &photo, &cred, "p-4").status.success());
    let pdf = d.path().join("card.pdf");
    card::print(&home, "a6", &pdf, &cred);
    // The PDF holds one image: the portrait, at its 48 × 64 pixels.
    let images = Process::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&images.stdout);
    assert!(
        list.lines().any(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            cols.get(3) == Some(&"48") && cols.get(4) == Some(&"64")
        }),
        "{list}"
    );
    let out = laissez(&home)
        .arg("verify")
        .arg(card::rasterise(&pdf))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Portrait (signed): image/jpeg, 48 × 64"));
}
