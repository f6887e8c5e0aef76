//! Several issuing processes on one PostgreSQL registry: 4 `issue-batch` clients, each with its
//! own records and a share of records every client also holds, plus single `issue` commands
//! running beside them. Every record gets exactly one credential, every credential verifies,
//! no status index is used twice. `LAISSEZ_CONCURRENCY_RECORDS` sets each client's own records
//! (default 150; the benchmarks run thousands).

mod backends;

use backends::Backend;
use credential_core::jsonld::ContextStore;
use credential_core::model::Timestamp;
use credential_core::verify::{Verifier, VerifyOptions};
use std::collections::HashSet;
use std::fmt::Write as _;

const CLIENTS: usize = 4;
const SHARED: usize = 40;
const SINGLES: usize = 6;

#[test]
fn concurrent_clients_on_one_postgres_issue_each_record_once() {
    let Some(backend) = Backend::postgres() else {
        return;
    };
    let per_client: usize = std::env::var("LAISSEZ_CONCURRENCY_RECORDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150);
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    assert!(backend
        .laissez(&home)
        .arg("init")
        .status()
        .unwrap()
        .success());

    let inputs: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let mut text = String::new();
            for i in 0..per_client {
                writeln!(text, r#"{{"recordId":"c{c}-{i:05}","givenName":"P {i}"}}"#).unwrap();
            }
            for i in 0..SHARED {
                writeln!(
                    text,
                    r#"{{"recordId":"shared-{i:03}","givenName":"S {i}"}}"#
                )
                .unwrap();
            }
            let path = dir.path().join(format!("client-{c}.jsonl"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();

    let batches: Vec<_> = inputs
        .iter()
        .enumerate()
        .map(|(c, input)| {
            backend
                .laissez(&home)
                .args(["issue-batch", "--jobs", "1", "--input"])
                .arg(input)
                .arg("--out")
                .arg(dir.path().join(format!("out-{c}")))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    std::thread::scope(|s| {
        for t in 0..2 {
            let (backend, home, dir) = (&backend, &home, dir.path());
            s.spawn(move || {
                for i in 0..SINGLES {
                    let subject = dir.join(format!("single-{t}-{i}.json"));
                    std::fs::write(
                        &subject,
                        format!(r#"{{"recordId":"single-{t}-{i}","givenName":"One"}}"#),
                    )
                    .unwrap();
                    let out = backend
                        .laissez(home)
                        .args(["issue", "--subject"])
                        .arg(&subject)
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "{out:?}");
                }
            });
        }
    });
    for child in batches {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let total = CLIENTS * per_client + SHARED + 2 * SINGLES;
    let rows = backend.credentials(&home);
    assert_eq!(rows.len(), total);
    let keys: HashSet<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys.len(), total);
    assert_eq!(
        backend.query_i64(
            &home,
            "SELECT COUNT(DISTINCT status_index) FROM credentials"
        ),
        total as i64
    );
    // Each client's output holds its records, shared ones as the registry has them.
    for c in 0..CLIENTS {
        let out = dir.path().join(format!("out-{c}"));
        for (key, json) in &rows {
            let record = key.strip_prefix("generic:").unwrap();
            if record.starts_with(&format!("c{c}-")) || record.starts_with("shared-") {
                let file = std::fs::read_to_string(out.join(format!("{record}.json"))).unwrap();
                assert_eq!(&file, json, "client {c}, {record}");
            }
        }
    }
    let now = Timestamp::parse("2100-01-01T00:00:00Z").unwrap();
    std::thread::scope(|s| {
        for part in rows.chunks(rows.len().div_ceil(2)) {
            s.spawn(move || {
                let verifier = Verifier::new(ContextStore::bundled());
                for (key, json) in part {
                    let r =
                        verifier.verify_credential_bytes(json.as_bytes(), &VerifyOptions::at(now));
                    assert!(r.is_authentic(), "{key}: {r:#?}");
                }
            });
        }
    });
}
