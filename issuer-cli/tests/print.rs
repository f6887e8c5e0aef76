//! `laissez print`: a compact legal identity printed as an ID-1 card PDF. `pdftotext`
//! (poppler-utils) reads the holder's names back, in Latin letters and in Arabic; the page
//! rasterised by `pdftoppm` at 300 dpi is a QR image `laissez verify` accepts. Needs the Debian
//! packages poppler-utils and fonts-noto-core (scripts/test.sh installs them); under CI their
//! absence fails, elsewhere the test is skipped loudly.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

mod common;
use common::laissez;
#[path = "common/card.rs"]
mod card;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Issues the Arabic-script legal identity example in the compact form; returns the file.
fn issue_compact(dir: &Path, home: &Path) -> PathBuf {
    laissez(home).arg("init").assert().success();
    let file = dir.join("identity.json");
    laissez(home)
        .args([
            "issue",
            "--profile",
            "legal-identity",
            "--compact",
            "--record-id",
            "print-1",
            "--subject",
        ])
        .arg(root().join("specs/profiles/legal-identity/examples/valid/arabic-stateless.json"))
        .arg("--out")
        .arg(&file)
        .assert()
        .success();
    file
}

#[test]
fn a_printed_card_reads_back_and_its_qr_verifies() {
    if !card::poppler("print tests") {
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let home = d.path().join("home");
    let cred = issue_compact(d.path(), &home);
    for layout in ["id1", "a6", "a4"] {
        let pdf = d.path().join(format!("card-{layout}.pdf"));
        let summary = card::print(&home, layout, &pdf, &cred);
        assert!(summary.contains("card written"), "{summary}");

        let text = Process::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(text.status.success());
        let text = String::from_utf8(text.stdout).unwrap();
        for expected in [
            "YUSUF",
            "Amina",
            "Date of birth",
            "1990-04",
            "XXA",
            "LB-2023-77120",
        ] {
            assert!(
                text.contains(expected),
                "{layout}: {expected:?} not in {text}"
            );
        }
        // The Arabic given name, shaped and set right to left, extracts as its letters
        // (poppler gives them in logical order).
        assert!(
            text.contains("أمينة"),
            "{layout}: Arabic name not in {text}"
        );

        // Exit code 3: valid signature, issuer not checked (no trust bundle given).
        laissez(&home)
            .arg("verify")
            .arg(card::rasterise(&pdf))
            .assert()
            .code(3);
    }
}

#[test]
fn an_svg_card_carries_the_names_and_the_qr() {
    let d = tempfile::tempdir().unwrap();
    let home = d.path().join("home");
    if !Path::new("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf").is_file() {
        eprintln!("\n*** SKIPPING: fonts-noto-core missing ***\n");
        return;
    }
    let cred = issue_compact(d.path(), &home);
    let svg = d.path().join("card.svg");
    laissez(&home)
        .args(["print", "--labels", "fr", "--out"])
        .arg(&svg)
        .arg(&cred)
        .assert()
        .success();
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"));
    for expected in ["YUSUF Amina", "أمينة يوسف", "Date de naissance", "<path"] {
        assert!(text.contains(expected), "{expected:?}");
    }
}

#[test]
fn a_tampered_credential_is_not_printed() {
    let d = tempfile::tempdir().unwrap();
    let home = d.path().join("home");
    let cred = issue_compact(d.path(), &home);
    let text = std::fs::read_to_string(&cred)
        .unwrap()
        .replace("XXA", "SYR");
    std::fs::write(&cred, text).unwrap();
    let out = laissez(&home)
        .args(["print", "--out"])
        .arg(d.path().join("card.pdf"))
        .arg(&cred)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not printed"));
    assert!(!d.path().join("card.pdf").exists());
}
