//! The issuance registry's behaviour, the same on SQLite and on PostgreSQL (each test runs on
//! both): issuing, refusing a record twice, listing and exporting, status changes and
//! publication, idempotent batches that rewrite missing or damaged files, migrations and a
//! refused newer schema.

mod backends;

use backends::Backend;
use std::path::{Path, PathBuf};
use std::process::Output;

fn init(backend: &Backend) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let out = backend.laissez(&home).arg("init").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, home)
}

fn run(backend: &Backend, home: &Path, args: &[&str]) -> Output {
    backend.laissez(home).args(args).output().unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn error_line(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    err
}

fn subject(dir: &Path, record: &str) -> String {
    let p = dir.join(format!("{record}.json"));
    std::fs::write(
        &p,
        format!(r#"{{"recordId":"{record}","givenName":"Amina","familyName":"O'Brien; DROP TABLE credentials;--"}}"#),
    )
    .unwrap();
    p.display().to_string()
}

/// The credential ids of `registry list`, in order.
fn listed_ids(backend: &Backend, home: &Path) -> Vec<String> {
    ok(run(backend, home, &["registry", "list"]))
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect()
}

fn issue_refuse_twice_list_show_export(backend: &Backend) {
    let (d, home) = init(backend);
    for record in ["r-1", "r-2"] {
        let s = subject(d.path(), record);
        let out = d.path().join(format!("{record}.vc.json"));
        ok(run(
            backend,
            &home,
            &["issue", "--subject", &s, "--out", out.to_str().unwrap()],
        ));
    }
    let again = d.path().join("again.json");
    let out = run(
        backend,
        &home,
        &[
            "issue",
            "--subject",
            &subject(d.path(), "r-1"),
            "--out",
            again.to_str().unwrap(),
        ],
    );
    assert!(error_line(&out).contains("already issued"));
    assert!(!again.exists());
    assert_eq!(
        backend.query_i64(&home, "SELECT COUNT(*) FROM credentials"),
        2
    );
    assert_eq!(
        backend.query_i64(&home, "SELECT MAX(status_index) FROM credentials"),
        1,
        "indexes 0 and 1"
    );
    // The SQL-looking claim is data, stored and returned as given.
    assert_eq!(
        backend.query_i64(
            &home,
            "SELECT COUNT(*) FROM credentials WHERE credential LIKE '%DROP TABLE%'"
        ),
        2
    );
    let ids = listed_ids(backend, &home);
    assert_eq!(ids.len(), 2);
    let shown = ok(run(backend, &home, &["registry", "show", &ids[0]]));
    assert!(shown.contains("\"recordKey\": \"generic:r-"), "{shown}");
    let export = ok(run(backend, &home, &["registry", "export"]));
    let lines: Vec<serde_json::Value> = export
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let mut indexes: Vec<i64> = lines
        .iter()
        .map(|l| l["statusIndex"].as_i64().unwrap())
        .collect();
    indexes.sort();
    assert_eq!(indexes, [0, 1]);
    assert!(lines[0]["credential"]["proof"].is_object());
    let out = run(backend, &home, &["registry", "show", "urn:uuid:nope"]);
    assert!(error_line(&out).contains("urn:uuid:nope"));
}

fn status_changes_and_publication(backend: &Backend) {
    let (d, home) = init(backend);
    for record in ["s-1", "s-2"] {
        let s = subject(d.path(), record);
        ok(run(backend, &home, &["issue", "--subject", &s]));
    }
    let ids = listed_ids(backend, &home);
    let (a, b) = (&ids[0], &ids[1]);
    assert!(ok(run(backend, &home, &["revoke", a])).contains("revoked"));
    assert!(ok(run(backend, &home, &["revoke", a])).contains("already revoked"));
    error_line(&run(backend, &home, &["suspend", a]));
    error_line(&run(backend, &home, &["reinstate", a]));
    ok(run(backend, &home, &["suspend", b]));
    assert_eq!(
        backend.query_i64(
            &home,
            "SELECT COUNT(*) FROM credentials WHERE suspended = 1"
        ),
        1
    );
    ok(run(backend, &home, &["reinstate", b]));
    assert!(ok(run(backend, &home, &["reinstate", b])).contains("not suspended"));
    assert_eq!(
        backend.query_i64(&home, "SELECT COUNT(*) FROM credentials WHERE revoked = 1"),
        1
    );
    assert_eq!(
        backend.query_i64(
            &home,
            "SELECT COUNT(*) FROM credentials WHERE suspended = 1"
        ),
        0
    );
    let out = run(backend, &home, &["revoke", "urn:uuid:0000' OR '1'='1"]);
    assert!(error_line(&out).contains("no credential"));
    assert_eq!(
        backend.query_i64(&home, "SELECT COUNT(*) FROM credentials WHERE revoked = 1"),
        1
    );
    // Publication: one revocation and one suspension list credential for the key's list 0, the
    // revoked credential's bit set in the first.
    let status = d.path().join("status");
    ok(run(
        backend,
        &home,
        &["status", "publish", "--out", status.to_str().unwrap()],
    ));
    let mut files: Vec<String> = walk(&status);
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    let revocation = files.iter().find(|f| f.contains("revocation")).unwrap();
    let list: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(revocation).unwrap()).unwrap();
    assert_eq!(list["credentialSubject"]["statusPurpose"], "revocation");
}

/// Every file under `dir`, recursively.
fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path.display().to_string());
        }
    }
    found
}

fn batches_are_idempotent_and_repair_files(backend: &Backend) {
    let (d, home) = init(backend);
    let input = d.path().join("in.jsonl");
    let text: String = (0..60)
        .map(|i| format!("{{\"recordId\":\"b-{i:03}\",\"givenName\":\"P {i}\"}}\n"))
        .collect();
    std::fs::write(&input, text).unwrap();
    let out = d.path().join("out");
    let batch = |jobs: &str| {
        run(
            backend,
            &home,
            &[
                "issue-batch",
                "--jobs",
                jobs,
                "--input",
                input.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ],
        )
    };
    assert!(ok(batch("2")).contains("60 issued, 0 skipped"));
    std::fs::remove_file(out.join("b-007.json")).unwrap();
    std::fs::write(out.join("b-008.json"), "").unwrap();
    assert!(ok(batch("1")).contains("0 issued, 60 skipped"));
    let rows = backend.credentials(&home);
    assert_eq!(rows.len(), 60);
    for (key, json) in &rows {
        let record = key.strip_prefix("generic:").unwrap();
        let file = std::fs::read_to_string(out.join(format!("{record}.json"))).unwrap();
        assert_eq!(&file, json, "{record}");
    }
    assert_eq!(
        backend.query_i64(
            &home,
            "SELECT COUNT(DISTINCT status_index) FROM credentials"
        ),
        60
    );
    assert!(!walk(&out).iter().any(|f| f.ends_with(".laissez-tmp")));
}

fn migrations_run_once_and_a_newer_schema_is_refused(backend: &Backend) {
    let (_d, home) = init(backend);
    ok(run(backend, &home, &["registry", "list"]));
    ok(run(backend, &home, &["registry", "list"]));
    assert_eq!(
        backend.query_i64(&home, "SELECT COUNT(*) FROM schema_migrations"),
        3
    );
    backend.execute(
        &home,
        "INSERT INTO schema_migrations (version, applied_at) VALUES (99, 'later')",
    );
    let out = run(backend, &home, &["registry", "list"]);
    assert!(error_line(&out).contains("newer"));
}

/// Issues `--record-id RECORD` of the legal-identity example in the compact form (one
/// revocation entry, no suspension entry); returns its credential id.
fn issue_compact(backend: &Backend, home: &Path, record: &str) -> String {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles/legal-identity/examples/valid/arabic-stateless.json");
    ok(run(
        backend,
        home,
        &[
            "issue",
            "--profile",
            "legal-identity",
            "--compact",
            "--record-id",
            record,
            "--subject",
            example.to_str().unwrap(),
            "--out",
            home.join(format!("{record}.json")).to_str().unwrap(),
        ],
    ));
    id_of(backend, home, &format!("legal-identity:{record}"))
}

/// The credential id recorded for `record_key`.
fn id_of(backend: &Backend, home: &Path, record_key: &str) -> String {
    let ids = backend.strings(
        home,
        &format!("SELECT credential_id FROM credentials WHERE record_key = '{record_key}'"),
    );
    assert_eq!(ids.len(), 1, "{record_key}: {ids:?}");
    ids[0].clone()
}

/// Every row as the status changes see it: record key, flags, status purposes (NULL shown).
fn status_state(backend: &Backend, home: &Path) -> Vec<String> {
    backend.strings(
        home,
        "SELECT record_key || ' ' || revoked || ' ' || suspended || ' ' || COALESCE(status_purposes, 'NULL') FROM credentials ORDER BY record_key",
    )
}

/// `status publish` into `out`; -> the `encodedList` of the key's list 0 for each purpose
/// (revocation, suspension).
fn published_bits(backend: &Backend, home: &Path, out: &Path) -> [String; 2] {
    ok(run(
        backend,
        home,
        &["status", "publish", "--out", out.to_str().unwrap()],
    ));
    ["revocation", "suspension"].map(|purpose| {
        let path = out.join(format!("ed25519-1-{purpose}-0.json"));
        let list: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        list["credentialSubject"]["encodedList"]
            .as_str()
            .unwrap()
            .to_owned()
    })
}

/// A fresh registry with a compact credential (record `legal-identity:c-1`, revocation entry
/// only) and a full one (`generic:s-1`, both entries); returns the home and the compact one's id.
fn compact_and_full(backend: &Backend) -> (tempfile::TempDir, PathBuf, String) {
    let (d, home) = init(backend);
    let compact = issue_compact(backend, &home, "c-1");
    ok(run(
        backend,
        &home,
        &["issue", "--subject", &subject(d.path(), "s-1")],
    ));
    (d, home, compact)
}

/// A compact credential carries a revocation entry only: suspending it is refused (exit 2, the
/// code, the record named) and changes neither the registry nor the published lists' bits;
/// revoking it works. A full credential still suspends.
fn a_status_the_issued_form_does_not_carry_is_refused(backend: &Backend) {
    let (d, home, compact) = compact_and_full(backend);
    let full = id_of(backend, &home, "generic:s-1");
    assert_eq!(
        status_state(backend, &home),
        [
            "generic:s-1 0 0 revocation,suspension",
            "legal-identity:c-1 0 0 revocation"
        ]
    );
    // `registry list`'s last column.
    let list = ok(run(backend, &home, &["registry", "list"]));
    let mut listed: Vec<&str> = list
        .lines()
        .skip(1)
        .filter_map(|l| l.rsplit('\t').next())
        .collect();
    listed.sort();
    assert_eq!(listed, ["revocation", "revocation,suspension"], "{list}");
    let export = ok(run(backend, &home, &["registry", "export"]));
    let purposes: Vec<serde_json::Value> = export
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["statusPurposes"].clone())
        .collect();
    assert!(
        purposes.contains(&serde_json::json!(["revocation"])),
        "{export}"
    );

    let lists = d.path().join("status");
    let bits = published_bits(backend, &home, &lists);
    let before = status_state(backend, &home);
    let err = error_line(&run(backend, &home, &["suspend", &compact]));
    assert!(err.contains("[status_entry_missing]"), "{err}");
    assert!(
        err.contains(&compact) && err.contains("legal-identity:c-1"),
        "{err}"
    );
    assert!(err.contains("no suspension status entry"), "{err}");
    assert_eq!(status_state(backend, &home), before);
    assert_eq!(published_bits(backend, &home, &lists), bits);

    // What it carries still works, and so does suspending a credential that has the entry.
    assert!(ok(run(backend, &home, &["revoke", &compact])).contains("revoked"));
    ok(run(backend, &home, &["suspend", &full]));
    assert_eq!(
        status_state(backend, &home),
        [
            "generic:s-1 0 1 revocation,suspension",
            "legal-identity:c-1 1 0 revocation"
        ]
    );
    let after = published_bits(backend, &home, &lists);
    assert_ne!(after[0], bits[0]);
    assert_ne!(after[1], bits[1]);
}

/// A registry of schema version 2 (before `status_purposes`) is migrated: each row learns what
/// its stored credential carries; a row whose credential cannot be read stays unknown, and
/// status changes on it are refused. A row written afterwards without the column (a version-2
/// process still running) is judged from its stored credential.
fn an_old_registry_learns_what_its_credentials_carry(backend: &Backend) {
    let (d, home, compact) = compact_and_full(backend);
    ok(run(
        backend,
        &home,
        &[
            "issue",
            "--securing",
            "vc+jwt",
            "--subject",
            &subject(d.path(), "j-1"),
        ],
    ));
    let (full, jwt) = (
        id_of(backend, &home, "generic:s-1"),
        id_of(backend, &home, "generic:j-1"),
    );
    // Back to version 2, with two rows as older programs left them: a credential brought with
    // its own status (no index allocated here) and one whose stored text is damaged.
    backend.execute(
        &home,
        "ALTER TABLE credentials DROP COLUMN status_purposes;
         DELETE FROM schema_migrations WHERE version = 3;
         INSERT INTO credentials (credential_id, record_key, profile, suite, key_name, issued_at,
             status_purpose, status_index, digest, credential)
         SELECT 'urn:uuid:own-status', 'generic:own', profile, suite, key_name, issued_at,
             NULL, NULL, digest, credential FROM credentials WHERE record_key = 'generic:s-1';
         INSERT INTO credentials (credential_id, record_key, profile, suite, key_name, issued_at,
             status_purpose, status_index, digest, credential)
         SELECT 'urn:uuid:damaged', 'generic:damaged', profile, suite, key_name, issued_at,
             status_purpose, 99, digest, 'not a credential' FROM credentials
             WHERE record_key = 'generic:s-1';",
    );
    assert_eq!(
        backend.query_i64(&home, "SELECT MAX(version) FROM schema_migrations"),
        2
    );
    let list = ok(run(backend, &home, &["registry", "list"]));
    assert_eq!(
        backend.query_i64(&home, "SELECT MAX(version) FROM schema_migrations"),
        3
    );
    // The last column: none for the credential with its own status, unknown for the damaged.
    for (id, purposes) in [
        ("urn:uuid:own-status", "-"),
        ("urn:uuid:damaged", "unknown"),
    ] {
        let line = list.lines().find(|l| l.starts_with(id)).unwrap();
        assert!(line.ends_with(&format!("\t{purposes}")), "{line}");
    }
    assert_eq!(
        status_state(backend, &home),
        [
            "generic:damaged 0 0 NULL",
            "generic:j-1 0 0 revocation,suspension",
            "generic:own 0 0 ",
            "generic:s-1 0 0 revocation,suspension",
            "legal-identity:c-1 0 0 revocation",
        ]
    );
    let before = status_state(backend, &home);
    let err = error_line(&run(backend, &home, &["suspend", &compact]));
    assert!(err.contains("[status_entry_missing]"), "{err}");
    for change in ["revoke", "suspend"] {
        let err = error_line(&run(backend, &home, &[change, "urn:uuid:damaged"]));
        assert!(err.contains("[status_purposes_unknown]"), "{err}");
        assert!(err.contains("generic:damaged"), "{err}");
        let err = error_line(&run(backend, &home, &[change, "urn:uuid:own-status"]));
        assert!(err.contains("[status_entry_missing]"), "{err}");
    }
    assert_eq!(status_state(backend, &home), before);
    ok(run(backend, &home, &["suspend", &full]));
    ok(run(backend, &home, &["suspend", &jwt]));
    assert_eq!(
        backend.query_i64(
            &home,
            "SELECT COUNT(*) FROM credentials WHERE suspended = 1"
        ),
        2
    );
    backend.execute(
        &home,
        "INSERT INTO credentials (credential_id, record_key, profile, suite, key_name, issued_at,
             status_purpose, status_index, digest, credential)
         SELECT 'urn:uuid:old-writer', 'legal-identity:old', profile, suite, key_name, issued_at,
             status_purpose, 98, digest, credential FROM credentials
             WHERE record_key = 'legal-identity:c-1';",
    );
    let err = error_line(&run(backend, &home, &["suspend", "urn:uuid:old-writer"]));
    assert!(err.contains("[status_entry_missing]"), "{err}");
    ok(run(backend, &home, &["revoke", "urn:uuid:old-writer"]));
    assert_eq!(
        backend.query_i64(
            &home,
            "SELECT COUNT(*) FROM credentials WHERE revoked = 1 AND status_purposes IS NULL"
        ),
        1
    );
}

on_both_backends!(
    issue_refuse_twice_list_show_export,
    status_changes_and_publication,
    batches_are_idempotent_and_repair_files,
    migrations_run_once_and_a_newer_schema_is_refused,
    a_status_the_issued_form_does_not_carry_is_refused,
    an_old_registry_learns_what_its_credentials_carry,
);
