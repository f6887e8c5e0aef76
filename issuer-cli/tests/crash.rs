//! Crash safety: `issue-batch` over 5,000 records, SIGKILLed at several random points, then run to
//! completion, on SQLite and on PostgreSQL, with both output layouts (one file per credential, one
//! JSON Lines file). The registry must hold exactly one credential per record, every credential
//! must verify, the output must hold exactly the registry's copies, and status indexes must be
//! unique.

mod backends;

use backends::Backend;
use credential_core::jsonld::ContextStore;
use credential_core::model::Timestamp;
use credential_core::verify::{Verifier, VerifyOptions};
use rand::{Rng, SeedableRng};
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

const RECORDS: usize = 5_000;

/// The output layouts of `issue-batch --out`.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Files,
    Lines,
}

fn sigkilled_batches_resume_without_loss_or_duplicates(backend: &Backend) {
    crash_and_resume(backend, Layout::Files);
}

fn sigkilled_json_lines_batches_resume_without_loss_or_duplicates(backend: &Backend) {
    crash_and_resume(backend, Layout::Lines);
}

fn crash_and_resume(backend: &Backend, layout: Layout) {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    assert!(backend
        .laissez(&home)
        .arg("init")
        .status()
        .unwrap()
        .success());
    let input = dir.path().join("records.jsonl");
    let mut f = std::fs::File::create(&input).unwrap();
    for i in 0..RECORDS {
        writeln!(
            f,
            r#"{{"recordId":"rec-{i:05}","givenName":"Person {i}","birthDate":"19{:02}"}}"#,
            i % 100
        )
        .unwrap();
    }
    drop(f);
    let out = dir.path().join(match layout {
        Layout::Files => "out",
        Layout::Lines => "out.jsonl",
    });
    let run = |home: &Path| {
        backend
            .laissez(home)
            .args(["issue-batch", "--jobs", "2", "--input"])
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };

    let seed = std::env::var("LAISSEZ_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::thread_rng().gen());
    eprintln!("crash test seed {seed} (set LAISSEZ_CRASH_SEED to replay)");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut kills = 0;
    for _ in 0..4 {
        let mut child = run(&home);
        std::thread::sleep(Duration::from_millis(rng.gen_range(150..1500)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL on Unix
            kills += 1;
        }
        child.wait().unwrap();
    }
    eprintln!("killed {kills} runs");
    let status = run(&home).wait().unwrap();
    assert!(status.success(), "final run failed: {status}");

    let q = |sql: &str| backend.query_i64(&home, sql);
    assert_eq!(q("SELECT COUNT(*) FROM credentials"), RECORDS as i64);
    assert_eq!(
        q("SELECT COUNT(DISTINCT record_key) FROM credentials"),
        RECORDS as i64
    );
    assert_eq!(
        q("SELECT COUNT(DISTINCT status_index) FROM credentials WHERE status_index IS NOT NULL"),
        RECORDS as i64
    );
    let rows = backend.credentials(&home);
    match layout {
        Layout::Files => assert_eq!(
            std::fs::read_dir(&out)
                .unwrap()
                .filter(|e| e
                    .as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "json"))
                .count(),
            RECORDS
        ),
        Layout::Lines => {
            let text = std::fs::read_to_string(&out).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), RECORDS);
            let lines: HashSet<&str> = lines.into_iter().collect();
            let registry: HashSet<&str> = rows.iter().map(|(_, json)| json.as_str()).collect();
            assert_eq!(
                lines, registry,
                "the JSON Lines file differs from the registry"
            );
            assert!(!dir.path().join(".out.jsonl.laissez-tmp").exists());
        }
    }
    let now = Timestamp::parse("2100-01-01T00:00:00Z").unwrap();
    std::thread::scope(|s| {
        for part in rows.chunks(RECORDS.div_ceil(2)) {
            let out = &out;
            s.spawn(move || {
                let verifier = Verifier::new(ContextStore::bundled());
                for (key, json) in part {
                    let record = key.strip_prefix("generic:").unwrap();
                    if layout == Layout::Files {
                        let file =
                            std::fs::read_to_string(out.join(format!("{record}.json"))).unwrap();
                        assert_eq!(&file, json, "{record}: file differs from the registry");
                    }
                    let r =
                        verifier.verify_credential_bytes(json.as_bytes(), &VerifyOptions::at(now));
                    assert!(r.is_authentic(), "{record}: {r:#?}");
                }
            });
        }
    });
}

on_both_backends!(
    sigkilled_batches_resume_without_loss_or_duplicates,
    sigkilled_json_lines_batches_resume_without_loss_or_duplicates
);
