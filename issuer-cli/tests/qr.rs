//! `laissez qr encode|decode` and `laissez verify` reading QR images and envelope text.

use predicates::prelude::*;
use std::path::Path;

mod common;
use common::laissez;

#[test]
fn encode_images_and_verify_them() {
    let d = tempfile::tempdir().unwrap();
    let home = d.path().join("home");
    laissez(&home).arg("init").assert().success();
    let cred = d.path().join("cred.json");
    let subject = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles/health-vaccination/examples/valid/yellow-fever-ihr.json");
    laissez(&home)
        .args(["issue", "--profile", "health-vaccination", "--subject"])
        .arg(&subject)
        .arg("--out")
        .arg(&cred)
        .assert()
        .success();

    let (png, svg) = (d.path().join("q.png"), d.path().join("q.svg"));
    let out = laissez(&home)
        .args(["qr", "encode"])
        .arg(&cred)
        .arg("--png")
        .arg(&png)
        .arg("--svg")
        .arg(&svg)
        .args(["--print-mm", "40", "--ecc", "Q"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(text.starts_with("LZ1:"));
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        report.contains("QR version") && report.contains("ECC Q") && report.contains("40 mm"),
        "{report}"
    );
    assert!(std::fs::read_to_string(&svg)
        .unwrap()
        .contains("width=\"40mm\""));

    // verify reads the image, the envelope text file, and the JSON alike.
    laissez(&home)
        .arg("verify")
        .arg(&png)
        .assert()
        .code(3)
        .stdout(predicate::str::starts_with("SIGNATURE VALID"));
    let txt = d.path().join("q.txt");
    std::fs::write(&txt, &text).unwrap();
    laissez(&home).arg("verify").arg(&txt).assert().code(3);
    laissez(&home)
        .args(["qr", "decode", &text])
        .assert()
        .success()
        .stdout(predicate::str::contains("VaccinationCredential"));
    laissez(&home)
        .args(["qr", "decode"])
        .arg(&png)
        .assert()
        .success()
        .stdout(predicate::str::contains("XM0N24"));

    // A tampered envelope never verifies; bad inputs are clear errors.
    let mut chars: Vec<char> = text.chars().collect();
    let i = chars.len() / 2;
    chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    std::fs::write(&txt, chars.into_iter().collect::<String>()).unwrap();
    let out = laissez(&home).arg("verify").arg(&txt).output().unwrap();
    assert_ne!(out.status.code(), Some(0));
    laissez(&home)
        .args(["qr", "decode", "HC1:NCFOXN%TS3DH"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("neither"));
    laissez(&home)
        .args(["qr", "decode", "LZ1:%%%"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("envelope"));
    let blank = d.path().join("blank.png");
    image::GrayImage::from_pixel(200, 200, image::Luma([255]))
        .save(&blank)
        .unwrap();
    laissez(&home)
        .arg("verify")
        .arg(&blank)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("qr_not_found"));
}

#[test]
fn every_encoding_can_be_chosen_and_verifies() {
    let d = tempfile::tempdir().unwrap();
    let home = d.path().join("home");
    laissez(&home).arg("init").assert().success();
    let cred = d.path().join("cred.json");
    let subject = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles/legal-identity/examples/valid/latin-colombia.json");
    laissez(&home)
        .args(["issue", "--profile", "legal-identity", "--subject"])
        .arg(&subject)
        .arg("--out")
        .arg(&cred)
        .assert()
        .success();
    let mut lengths = Vec::new();
    for encoding in [
        "generic",
        "generic-dict",
        "cborld",
        "cborld-zlib",
        "smallest",
    ] {
        let out = laissez(&home)
            .args(["qr", "encode", "--encoding", encoding])
            .arg(&cred)
            .output()
            .unwrap();
        assert!(out.status.success(), "{encoding}");
        let report = String::from_utf8_lossy(&out.stderr);
        let text = String::from_utf8(out.stdout).unwrap().trim().to_owned();
        if encoding != "smallest" {
            assert!(
                report.contains(&format!("characters, {encoding})")),
                "{report}"
            );
        }
        lengths.push(text.len());
        let txt = d.path().join(format!("{encoding}.txt"));
        std::fs::write(&txt, &text).unwrap();
        laissez(&home)
            .arg("verify")
            .arg(&txt)
            .assert()
            .code(3)
            .stdout(predicate::str::starts_with("SIGNATURE VALID"));
    }
    // The default is the smallest, and the semantic encoding beats the generic ones.
    assert_eq!(lengths[4], *lengths.iter().min().unwrap());
    assert!(
        lengths[2] < lengths[0] && lengths[3] < lengths[1],
        "{lengths:?}"
    );
    laissez(&home)
        .args(["qr", "encode", "--encoding", "zip"])
        .arg(&cred)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cborld"));
}

/// CRC-32 (ISO-HDLC), as PNG chunks use.
fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xedb8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

#[test]
fn an_image_claiming_huge_dimensions_is_refused_before_decoding() {
    let d = tempfile::tempdir().unwrap();
    // A real 1×1 PNG whose header is rewritten to claim 60,000 × 60,000 pixels (3.6 gigapixels).
    let mut buf = std::io::Cursor::new(Vec::new());
    image::GrayImage::from_pixel(1, 1, image::Luma([255]))
        .write_to(&mut buf, image::ImageFormat::Png)
        .unwrap();
    let mut png = buf.into_inner();
    png[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    let path = d.path().join("bomb.png");
    std::fs::write(&path, &png).unwrap();
    let started = std::time::Instant::now();
    laissez(d.path())
        .arg("verify")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the image"));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}
