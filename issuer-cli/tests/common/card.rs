//! What the printed-card tests share: `laissez print` to a PDF and the PDF's page rasterised by
//! poppler-utils' `pdftoppm`, as a camera sees the card. Included by path by the tests that print
//! (`#[path = "common/card.rs"]`), beside `mod common`.

use crate::common::laissez;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

/// Whether poppler-utils and the Arabic Noto font are installed (scripts/test.sh installs them):
/// under CI their absence fails, elsewhere the test that asks is skipped loudly, as `what`.
pub fn poppler(what: &str) -> bool {
    let ready = Process::new("pdftotext").arg("-v").output().is_ok()
        && Process::new("pdftoppm").arg("-v").output().is_ok()
        && Path::new("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf").is_file();
    if !ready && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("poppler-utils or fonts-noto-core missing: see scripts/test.sh");
    }
    if !ready {
        eprintln!("\n*** SKIPPING {what}: install poppler-utils and fonts-noto-core ***\n");
    }
    ready
}

/// `laissez print --layout LAYOUT --labels en,ar --out PDF CREDENTIAL` with its home at `home`,
/// which must succeed; returns its standard output.
pub fn print(home: &Path, layout: &str, pdf: &Path, credential: &Path) -> String {
    let done = laissez(home)
        .args(["print", "--layout", layout, "--labels", "en,ar", "--out"])
        .arg(pdf)
        .arg(credential)
        .assert()
        .success();
    String::from_utf8_lossy(&done.get_output().stdout).into_owned()
}

/// The page of `pdf` rasterised at 300 dpi (`pdftoppm -singlefile`) into a PNG beside it, named
/// as the PDF; returns the PNG's path.
pub fn rasterise(pdf: &Path) -> PathBuf {
    let stem = pdf.with_extension("");
    let status = Process::new("pdftoppm")
        .args(["-r", "300", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&stem)
        .status()
        .unwrap();
    assert!(status.success());
    stem.with_extension("png")
}
