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
        2
    );
    backend.execute(
        &home,
        "INSERT INTO schema_migrations (version, applied_at) VALUES (99, 'later')",
    );
    let out = run(backend, &home, &["registry", "list"]);
    assert!(error_line(&out).contains("newer"));
}

on_both_backends!(
    issue_refuse_twice_list_show_export,
    status_changes_and_publication,
    batches_are_idempotent_and_repair_files,
    migrations_run_once_and_a_newer_schema_is_refused,
);
