//! Offline trust through the CLI: issue -> publish status -> build and sign a bundle -> verify
//! (valid) -> revoke -> publish -> new bundle -> verify (revoked); an unauthorised issuer is
//! untrusted; a tampered or unsigned bundle is refused.

use predicates::prelude::*;
use std::path::{Path, PathBuf};

mod common;
use common::laissez;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles")
        .join(name)
}

fn build_bundle(
    dir: &Path,
    issuer: &Path,
    anchor: &Path,
    version: u32,
    types: Option<&str>,
) -> PathBuf {
    laissez(issuer)
        .args(["status", "publish"])
        .assert()
        .success();
    let b = dir.join(format!("bundle-{version}.json"));
    laissez(anchor)
        .args([
            "bundle",
            "create",
            "--version",
            &version.to_string(),
            "--out",
        ])
        .arg(&b)
        .assert()
        .success();
    let mut add = laissez(anchor);
    add.args(["bundle", "add-issuer"])
        .arg(&b)
        .arg("--from-home")
        .arg(issuer)
        .args(["--name", "en=Registry", "--name", "ar=السجل"]);
    if let Some(t) = types {
        add.args(["--types", t]);
    }
    add.assert().success();
    laissez(anchor)
        .args(["bundle", "sign", "--anchor-key", "ed25519-1"])
        .arg(&b)
        .assert()
        .success();
    b
}

/// A home for an issuer and one for a trust anchor, both initialised under `dir`, and the anchor
/// key's DID (`did:key` line of `laissez key show ed25519-1`).
fn issuer_and_anchor(dir: &Path) -> (PathBuf, PathBuf, String) {
    let issuer = dir.join("issuer");
    let anchor = dir.join("anchor");
    laissez(&issuer).arg("init").assert().success();
    laissez(&anchor).arg("init").assert().success();
    let shown = laissez(&anchor)
        .args(["key", "show", "ed25519-1"])
        .output()
        .unwrap()
        .stdout;
    let did = String::from_utf8(shown)
        .unwrap()
        .lines()
        .find(|l| l.starts_with("did:key"))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_owned();
    (issuer, anchor, did)
}

#[test]
fn issue_publish_bundle_verify_revoke() {
    let d = tempfile::tempdir().unwrap();
    let (issuer, anchor, anchor_did) = issuer_and_anchor(d.path());
    let cred = d.path().join("cred.json");
    laissez(&issuer)
        .args(["issue", "--profile", "legal-identity", "--subject"])
        .arg(example(
            "legal-identity/examples/valid/cyrillic-refugee.json",
        ))
        .arg("--out")
        .arg(&cred)
        .assert()
        .success();

    let b1 = build_bundle(d.path(), &issuer, &anchor, 1, None);
    laissez(&issuer)
        .arg("verify")
        .arg(&cred)
        .arg("--bundle")
        .arg(&b1)
        .args(["--anchor", &anchor_did])
        .assert()
        .code(0)
        .stdout(
            predicate::str::starts_with("VALID")
                .and(predicate::str::contains("pass issuer_trusted")),
        );

    let id = serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&cred).unwrap())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    laissez(&issuer).args(["revoke", &id]).assert().success();
    // Before a new bundle is distributed, verifiers still see the old list.
    laissez(&issuer)
        .arg("verify")
        .arg(&cred)
        .arg("--bundle")
        .arg(&b1)
        .args(["--anchor", &anchor_did])
        .assert()
        .code(0);
    let b2 = build_bundle(d.path(), &issuer, &anchor, 2, None);
    laissez(&issuer)
        .arg("verify")
        .arg(&cred)
        .arg("--bundle")
        .arg(&b2)
        .args(["--anchor", &anchor_did])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("REVOKED"));
    laissez(&issuer).args(["reinstate", &id]).assert().code(2);

    // Authorised only for vaccination: the identity credential is untrusted.
    let b3 = build_bundle(
        d.path(),
        &issuer,
        &anchor,
        3,
        Some("HealthRecordCredential,VaccinationCredential"),
    );
    let out = laissez(&issuer)
        .args(["verify", "--json"])
        .arg(&cred)
        .arg("--bundle")
        .arg(&b3)
        .args(["--anchor", &anchor_did])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["verdict"], "revoked",
        "revocation outranks the authorisation failure"
    );

    // Tampered and unsigned bundles are refused (exit 2, one line naming the code).
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&b1).unwrap()).unwrap();
    v["nextUpdate"] = serde_json::json!("2099-01-01T00:00:00Z");
    let tampered = d.path().join("tampered.json");
    std::fs::write(&tampered, v.to_string()).unwrap();
    laissez(&issuer)
        .arg("verify")
        .arg(&cred)
        .arg("--bundle")
        .arg(&tampered)
        .args(["--anchor", &anchor_did])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[invalid_signature]"));
    v.as_object_mut().unwrap().remove("proof");
    std::fs::write(&tampered, v.to_string()).unwrap();
    laissez(&issuer)
        .arg("verify")
        .arg(&cred)
        .arg("--bundle")
        .arg(&tampered)
        .args(["--anchor", &anchor_did])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[bundle_unsigned]"));
    // The wrong anchor.
    let other = d.path().join("other");
    laissez(&other).arg("init").assert().success();
    let other_key = String::from_utf8(
        laissez(&other)
            .args(["key", "show", "ed25519-1"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .lines()
    .find(|l| l.starts_with("multikey"))
    .unwrap()
    .split_whitespace()
    .nth(1)
    .unwrap()
    .to_owned();
    laissez(&issuer)
        .arg("verify")
        .arg(&cred)
        .arg("--bundle")
        .arg(&b1)
        .args(["--anchor", &other_key])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[bundle_unknown_anchor]"));
}

/// A credential issued with a suspension entry suspends, and verifies as suspended once the
/// lists are published and bundled; reinstated, it verifies again. The compact form of the same
/// record's profile has no suspension entry: suspending it is refused and changes nothing.
#[test]
fn suspension_reaches_verifiers_only_through_a_suspension_entry() {
    let d = tempfile::tempdir().unwrap();
    let (issuer, anchor, anchor_did) = issuer_and_anchor(d.path());
    let subject = example("legal-identity/examples/valid/arabic-stateless.json");
    let (full, compact) = (d.path().join("full.json"), d.path().join("compact.json"));
    for (file, record, form) in [(&full, "f-1", None), (&compact, "c-1", Some("--compact"))] {
        let mut issue = laissez(&issuer);
        issue
            .args([
                "issue",
                "--profile",
                "legal-identity",
                "--record-id",
                record,
            ])
            .arg("--subject")
            .arg(&subject)
            .arg("--out")
            .arg(file);
        if let Some(flag) = form {
            issue.arg(flag);
        }
        issue.assert().success();
    }
    let verdict = |cred: &Path, bundle: &Path| {
        let out = laissez(&issuer)
            .args(["verify", "--json"])
            .arg(cred)
            .arg("--bundle")
            .arg(bundle)
            .args(["--anchor", &anchor_did])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["verdict"].as_str().unwrap_or_default().to_owned()
    };
    let id = |record: &str| {
        let export = String::from_utf8(
            laissez(&issuer)
                .args(["registry", "export"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        let wanted = format!("legal-identity:{record}");
        let found = export
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|e| e["recordKey"] == wanted.as_str())
            .unwrap_or_else(|| panic!("{wanted} not in {export}"));
        found["credentialId"].as_str().unwrap().to_owned()
    };
    let (full_id, compact_id) = (id("f-1"), id("c-1"));

    let b1 = build_bundle(d.path(), &issuer, &anchor, 1, None);
    assert_eq!(verdict(&full, &b1), "valid");
    assert_eq!(verdict(&compact, &b1), "valid");
    laissez(&issuer)
        .args(["suspend", &compact_id])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("[status_entry_missing]")
                .and(predicate::str::contains("legal-identity:c-1")),
        );
    laissez(&issuer)
        .args(["suspend", &full_id])
        .assert()
        .success();
    let b2 = build_bundle(d.path(), &issuer, &anchor, 2, None);
    assert_eq!(verdict(&full, &b2), "suspended");
    assert_eq!(verdict(&compact, &b2), "valid");
    laissez(&issuer)
        .args(["reinstate", &full_id])
        .assert()
        .success();
    let b3 = build_bundle(d.path(), &issuer, &anchor, 3, None);
    assert_eq!(verdict(&full, &b3), "valid");
}
