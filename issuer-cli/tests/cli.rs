//! The `laissez` command end to end: every command, and bad input (exit code 2, one clear line,
//! no partial output).

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

mod common;
use common::laissez;

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    laissez(&home).arg("init").assert().success();
    (dir, home)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const SUBJECT: &str = r#"{"recordId": "r-1", "givenName": "Amina", "familyName": "Yusuf"}"#;

/// The single error line on stderr.
fn one_line_error(out: &std::process::Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "stderr: {err}");
    assert!(err.starts_with("laissez: "), "{err}");
    err
}

#[test]
fn init_refuses_to_overwrite() {
    let (_d, home) = setup();
    assert!(home.join("laissez.toml").is_file());
    assert!(home.join("registry.sqlite").is_file());
    let out = laissez(&home).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains("refusing to overwrite"));
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn keys_generate_list_show_import_export() {
    let (d, home) = setup();
    laissez(&home)
        .args(["key", "generate", "--alg", "p256", "--name", "ops"])
        .assert()
        .success();
    #[cfg(unix)]
    assert_eq!(mode(&home.join("keys/ops.json")), 0o600);
    laissez(&home)
        .args(["key", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ed25519-1").and(predicate::str::contains("ops\tp256")));
    laissez(&home)
        .args(["key", "show", "ops"])
        .assert()
        .success()
        .stdout(predicate::str::contains("did:key:zDn").and(predicate::str::contains("did:jwk:")));
    // Public export needs no flag; a secret export needs --secret and lands 0600.
    laissez(&home)
        .args(["key", "export", "ops", "--format", "pem"])
        .assert()
        .success()
        .stdout(predicate::str::contains("BEGIN PUBLIC KEY"));
    let secret = d.path().join("ops.pem");
    laissez(&home)
        .args([
            "key", "export", "ops", "--format", "pem", "--secret", "--out",
        ])
        .arg(&secret)
        .assert()
        .success();
    #[cfg(unix)]
    assert_eq!(mode(&secret), 0o600);
    assert!(std::fs::read_to_string(&secret)
        .unwrap()
        .contains("BEGIN PRIVATE KEY"));
    laissez(&home)
        .args(["key", "import", "--name", "ops2"])
        .arg(&secret)
        .assert()
        .success()
        .stdout(predicate::str::contains("ops2\tp256"));
    let out = laissez(&home)
        .args(["key", "import", "--name", "bad"])
        .arg(write(d.path(), "k.txt", "hello"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    one_line_error(&out);
    let out = laissez(&home)
        .args(["key", "show", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains("no key named nope"));
}

#[test]
fn encrypted_keys_need_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    laissez(&home)
        .env("LAISSEZ_PASSPHRASE", "correct horse")
        .arg("init")
        .assert()
        .success();
    let text = std::fs::read_to_string(home.join("keys/ed25519-1.json")).unwrap();
    assert!(text.contains("argon2id") && !text.contains("secretKeyMultibase"));
    let subject = write(dir.path(), "s.json", SUBJECT);
    let out = laissez(&home)
        .args(["issue", "--subject"])
        .arg(&subject)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains("encrypted"));
    let out = laissez(&home)
        .env("LAISSEZ_PASSPHRASE", "wrong")
        .args(["issue", "--subject"])
        .arg(&subject)
        .output()
        .unwrap();
    assert!(one_line_error(&out).contains("wrong passphrase"));
    laissez(&home)
        .env("LAISSEZ_PASSPHRASE", "correct horse")
        .args(["issue", "--subject"])
        .arg(&subject)
        .assert()
        .success();
}

#[test]
fn issue_verify_and_registry() {
    let (d, home) = setup();
    let subject = write(d.path(), "s.json", SUBJECT);
    let cred = d.path().join("cred.json");
    laissez(&home)
        .args([
            "issue",
            "--suite",
            "eddsa-jcs-2022",
            "--valid-until",
            "2099-01-01T00:00:00Z",
            "--subject",
        ])
        .arg(&subject)
        .arg("--out")
        .arg(&cred)
        .assert()
        .success();
    laissez(&home)
        .arg("verify")
        .arg(&cred)
        .assert()
        .code(3)
        .stdout(predicate::str::starts_with("SIGNATURE VALID"));
    let json = laissez(&home)
        .args(["verify", "--json"])
        .arg(&cred)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    // No trust bundle was given: the signature is good, the issuer unchecked (exit 3).
    assert_eq!(report["verdict"], "issuer_not_checked");
    // From standard input too.
    laissez(&home)
        .args(["verify", "-"])
        .pipe_stdin(&cred)
        .unwrap()
        .assert()
        .code(3);
    // Tampered: exit 1.
    let tampered = std::fs::read_to_string(&cred)
        .unwrap()
        .replace("Amina", "Amira");
    laissez(&home)
        .arg("verify")
        .arg(write(d.path(), "t.json", &tampered))
        .assert()
        .code(1)
        // The verdict line: its name (from the catalogue), then its code.
        .stdout(predicate::str::is_match(r"^[^\n]* \(invalid\)\n").unwrap());
    // Expired at a later time: exit 1.
    laissez(&home)
        .args(["verify", "--at", "2100-01-01T00:00:00Z"])
        .arg(&cred)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("expired"));
    // Same record again: refused, nothing written.
    let again = d.path().join("again.json");
    let out = laissez(&home)
        .args(["issue", "--subject"])
        .arg(&subject)
        .arg("--out")
        .arg(&again)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains("already issued"));
    assert!(!again.exists());
    // Registry.
    let list = laissez(&home).args(["registry", "list"]).output().unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert_eq!(list.lines().count(), 2, "{list}");
    let id = list
        .lines()
        .nth(1)
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_owned();
    laissez(&home)
        .args(["registry", "show", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("eddsa-jcs-2022"));
    laissez(&home)
        .args(["registry", "export"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"statusIndex\":0"));
    let out = laissez(&home)
        .args(["registry", "show", "urn:uuid:nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_input_is_exit_2_with_one_line_and_no_output_file() {
    let (d, home) = setup();
    let out_file = d.path().join("out.json");
    let subject = write(d.path(), "s.json", SUBJECT);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "issue".into(),
                "--subject".into(),
                d.path().join("missing.json").display().to_string(),
            ],
            "cannot read",
        ),
        (
            vec![
                "issue".into(),
                "--subject".into(),
                write(d.path(), "bad.json", "{\"a\": ")
                    .display()
                    .to_string(),
            ],
            "not valid JSON",
        ),
        (
            vec![
                "issue".into(),
                "--subject".into(),
                write(d.path(), "arr.json", "[1]").display().to_string(),
            ],
            "JSON object",
        ),
        (
            vec![
                "issue".into(),
                "--profile".into(),
                "passport".into(),
                "--subject".into(),
                subject.display().to_string(),
            ],
            "unknown profile",
        ),
        (
            vec![
                "issue".into(),
                "--suite".into(),
                "rsa-2048".into(),
                "--subject".into(),
                subject.display().to_string(),
            ],
            "unknown suite",
        ),
        (
            vec![
                "issue".into(),
                "--suite".into(),
                "ecdsa-rdfc-2019".into(),
                "--subject".into(),
                subject.display().to_string(),
            ],
            "needs p256",
        ),
        (
            vec![
                "issue".into(),
                "--valid-until".into(),
                "tomorrow".into(),
                "--subject".into(),
                subject.display().to_string(),
            ],
            "RFC 3339",
        ),
        (
            vec![
                "issue".into(),
                "--subject".into(),
                write(d.path(), "undef.json", r#"{"recordId":"u","@nope":"x"}"#)
                    .display()
                    .to_string(),
            ],
            "data_loss_detected",
        ),
    ];
    for (args, needle) in cases {
        let out = laissez(&home)
            .args(&args)
            .arg("--out")
            .arg(&out_file)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = one_line_error(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!out_file.exists(), "{args:?} left an output file");
    }
    // An unwritable output location: exit 2, no registry entry left behind.
    let out = laissez(&home)
        .args(["issue", "--subject"])
        .arg(&subject)
        .args(["--out", "/proc/self/laissez-out/cred.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    one_line_error(&out);
    let list = laissez(&home).args(["registry", "list"]).output().unwrap();
    assert_eq!(String::from_utf8(list.stdout).unwrap().lines().count(), 1);
    // No home.
    let out = laissez(&d.path().join("nowhere"))
        .args(["key", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains("laissez init"));
    // Usage error.
    laissez(&home).args(["issue"]).assert().code(2);
    laissez(&home)
        .args(["verify", "/nonexistent.json"])
        .assert()
        .code(2);
}

#[test]
fn corrupt_and_locked_registries_are_clear_errors() {
    let (d, home) = setup();
    let subject = write(d.path(), "s.json", SUBJECT);
    // Locked: another connection holds an exclusive lock.
    let conn = rusqlite::Connection::open(home.join("registry.sqlite")).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let out = laissez(&home)
        .args(["issue", "--subject"])
        .arg(&subject)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains("another laissez process"));
    drop(conn);
    // Corrupt: not a database.
    std::fs::write(home.join("registry.sqlite"), vec![0x42u8; 4096]).unwrap();
    let _ = std::fs::remove_file(home.join("registry.sqlite-wal"));
    let _ = std::fs::remove_file(home.join("registry.sqlite-shm"));
    let out = laissez(&home)
        .args(["issue", "--subject"])
        .arg(&subject)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains("corrupt"));
}

#[test]
fn a_corrupt_registry_row_is_an_error_naming_the_credential() {
    let (d, home) = setup();
    let subject = write(d.path(), "s.json", SUBJECT);
    laissez(&home)
        .args(["issue", "--subject"])
        .arg(&subject)
        .assert()
        .success();
    let conn = rusqlite::Connection::open(home.join("registry.sqlite")).unwrap();
    let id: String = conn
        .query_row("SELECT credential_id FROM credentials", [], |r| r.get(0))
        .unwrap();
    // Not JSON: export refuses rather than writing `"credential":null`.
    conn.execute("UPDATE credentials SET credential = '{not json'", [])
        .unwrap();
    let out = laissez(&home)
        .args(["registry", "export"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains(&id));
    assert!(out.stdout.is_empty());
    // Not text at all.
    conn.execute("UPDATE credentials SET credential = X'00ff'", [])
        .unwrap();
    let out = laissez(&home)
        .args(["registry", "export"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains(&id));
}

#[test]
fn a_status_list_without_an_id_is_refused_by_add_issuer() {
    let (d, home) = setup();
    let bundle = d.path().join("bundle.json");
    laissez(&home)
        .args(["bundle", "create", "--out"])
        .arg(&bundle)
        .assert()
        .success();
    let before = std::fs::read(&bundle).unwrap();
    let list = write(
        d.path(),
        "list.json",
        r#"{"type": ["VerifiableCredential", "BitstringStatusListCredential"]}"#,
    );
    let out = laissez(&home)
        .args(["bundle", "add-issuer"])
        .arg(&bundle)
        .arg("--from-home")
        .arg(&home)
        .arg("--status-list")
        .arg(&list)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line_error(&out).contains("needs a string id"));
    assert_eq!(std::fs::read(&bundle).unwrap(), before);
}

#[test]
fn batch_reports_bad_rows_and_is_idempotent() {
    let (d, home) = setup();
    let csv = write(d.path(), "in.csv", "record_id,givenName,familyName\na-1,Amina,Yusuf\n,No,Id\na-2,Fatima,Zahra\na-3,\"Unclosed,X\n");
    let out_dir = d.path().join("out");
    let out = laissez(&home)
        .args(["issue-batch", "--input"])
        .arg(&csv)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("2 issued")
            && stdout.contains("row 2: empty record_id")
            && stdout.contains("row 4:"),
        "{stdout}"
    );
    assert!(out_dir.join("a-1.json").is_file() && out_dir.join("a-2.json").is_file());
    laissez(&home)
        .arg("verify")
        .arg(out_dir.join("a-2.json"))
        .assert()
        .code(3);
    // Re-run: nothing issued twice.
    let out = laissez(&home)
        .args(["issue-batch", "--input"])
        .arg(&csv)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 issued, 2 skipped"));
    // JSONL, 2 jobs.
    let jsonl = write(d.path(), "in.jsonl", "{\"recordId\":\"j-1\",\"name\":\"Ada\"}\n{\"recordId\":\"j-2\",\"name\":\"Lin\"}\nnot json\n{\"name\":\"no id\"}\n");
    let out = laissez(&home)
        .args(["issue-batch", "--jobs", "2", "--input"])
        .arg(&jsonl)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("2 issued")
            && stdout.contains("row 3:")
            && stdout.contains("row 4: missing recordId"),
        "{stdout}"
    );
    // Unsupported input and unwritable output dir.
    let out = laissez(&home)
        .args(["issue-batch", "--input"])
        .arg(write(d.path(), "in.txt", "x"))
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = laissez(&home)
        .args(["issue-batch", "--input"])
        .arg(&csv)
        .args(["--out", "/proc/self/laissez-out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    one_line_error(&out);
}

#[test]
fn demo_runs_end_to_end() {
    let d = tempfile::tempdir().unwrap();
    Command::cargo_bin("laissez")
        .unwrap()
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .arg("demo")
        .arg(d.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("demo complete"));
    assert!(d.path().join("credentials/tampered.json").is_file());
    // The compact legal identity as a printable card.
    let card = std::fs::read(d.path().join("credentials/legal-identity-card.pdf")).unwrap();
    assert!(card.starts_with(b"%PDF-"));
}
