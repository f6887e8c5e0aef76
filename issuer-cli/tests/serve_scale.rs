//! Many front-ends, one PostgreSQL: two `laissez serve` processes on one registry database, four
//! HTTPS clients on each, issuing concurrently (issue 16's acceptance run: 2 servers × 4 clients
//! × 2,000 issuances = 16,000 credentials). Every record gets exactly one credential, every
//! credential verifies, no status index is used twice; record ids every client sends (to both
//! servers at once) give one credential and 409 for the rest.
//!
//! The crash test SIGKILLs one server while clients issue against it and the other, restarts it
//! and lets the clients finish (retrying what got no answer): every issuance acknowledged with
//! 2xx is in the registry as acknowledged, no record twice, no status index reused.
//!
//! Each client's issuances: `LAISSEZ_SERVE_SCALE_ISSUANCES` (default 2,000: the acceptance run,
//! about 40 s in a debug build) and `LAISSEZ_SERVE_CRASH_ISSUANCES` (default 300). Both
//! need `LAISSEZ_TEST_POSTGRES_URL` (scripts/with-postgres.sh); without it they are skipped with
//! a note, unless `LAISSEZ_REQUIRE_POSTGRES=1`.

mod backends;

use backends::Backend;
use credential_core::jsonld::ContextStore;
use credential_core::model::Timestamp;
use credential_core::verify::{Verifier, VerifyOptions};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const SERVERS: usize = 2;
const CLIENTS_PER_SERVER: usize = 4;
/// Record ids every client sends.
const SHARED: usize = 20;

fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A home on `backend` with an Ed25519 key, no rate limit, and an API key for issuing: its token.
fn prepare(backend: &Backend, home: &Path) -> String {
    let init = backend.laissez(home).arg("init").output().unwrap();
    assert!(init.status.success(), "{init:?}");
    std::fs::write(
        home.join("serve.toml"),
        "rate_per_second = 1000000.0\nrate_burst = 1000000.0\n",
    )
    .unwrap();
    let out = backend
        .laissez(home)
        .args(["serve", "key", "add", "--scope", "issue"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_owned()
}

/// A `laissez serve` on `port`, started and listening; killed (SIGKILL) on drop.
struct Server(Child);

impl Server {
    fn start(backend: &Backend, home: &Path, port: u16) -> Server {
        let mut child = backend
            .laissez(home)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(line.contains(&port.to_string()), "server said: {line}");
        Server(child)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .disable_verification(true)
                .build(),
        )
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// One issuance: status and answer, or `None` when no answer came (connection refused or cut).
fn issue(agent: &ureq::Agent, base: &str, token: &str, record: &str) -> Option<(u16, Value)> {
    let body = json!({
        "credential": {
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://www.w3.org/ns/credentials/undefined-terms/v2"
            ],
            "type": ["VerifiableCredential"],
            "credentialSubject": {"recordNumber": record}
        },
        "options": {"cryptosuite": "eddsa-jcs-2022", "recordId": record}
    });
    let mut r = agent
        .post(&format!("{base}/credentials/issue"))
        .header("Authorization", &format!("Bearer {token}"))
        .header("Content-Type", "application/json")
        .send(body.to_string().as_bytes())
        .ok()?;
    let status = r.status().as_u16();
    let text = r.body_mut().read_to_string().ok()?;
    Some((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
}

/// What one client saw: the credential acknowledged (201) per record id, and the record ids
/// answered 409 (issued already).
#[derive(Default)]
struct Seen {
    issued: HashMap<String, Value>,
    conflicts: Vec<String>,
}

/// Sends each of `records` until it gets an answer (retrying, with a new connection, what got
/// none: the server may be down for a moment); 201 and 409 are the only answers taken.
fn client(base: &str, token: &str, records: &[String], acked: &AtomicUsize) -> Seen {
    let mut seen = Seen::default();
    let mut agent = agent();
    for record in records {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            match issue(&agent, base, token, record) {
                Some((201, body)) => {
                    seen.issued
                        .insert(record.clone(), body["verifiableCredential"].clone());
                    acked.fetch_add(1, Ordering::Relaxed);
                    break;
                }
                Some((409, body)) => {
                    assert_eq!(body["code"], "already_issued", "{record}: {body}");
                    seen.conflicts.push(record.clone());
                    break;
                }
                Some((status, body)) => panic!("{record}: {status} {body}"),
                None => {
                    assert!(Instant::now() < deadline, "{record}: no answer for 60 s");
                    std::thread::sleep(Duration::from_millis(50));
                    agent = self::agent();
                }
            }
        }
    }
    seen
}

/// The record ids of client `c` (of `n` own records), with the shared ones spread among them.
fn records(c: usize, n: usize) -> Vec<String> {
    let mut out: Vec<String> = (0..n).map(|i| format!("c{c}-{i:05}")).collect();
    for k in 0..SHARED {
        out.insert(k * n / SHARED + k, format!("shared-{k:03}"));
    }
    out
}

/// Checks the registry against what the clients saw: one row per record id sent, each
/// acknowledged credential stored as acknowledged, each record answered 409 stored, distinct
/// status indexes below the allocator's next one, every credential verifying. -> rows.
fn check_registry(backend: &Backend, home: &Path, seen: &[Seen], sent: &HashSet<String>) -> usize {
    let rows = backend.credentials(home);
    let stored: HashMap<&str, &str> = rows
        .iter()
        .map(|(k, json)| (k.strip_prefix("generic:").unwrap(), json.as_str()))
        .collect();
    assert_eq!(rows.len(), stored.len(), "a record key twice");
    let stored_ids: HashSet<String> = stored.keys().map(|k| k.to_string()).collect();
    assert_eq!(&stored_ids, sent, "records in the registry != records sent");
    let mut acknowledged = HashSet::new();
    for s in seen {
        for (record, vc) in &s.issued {
            assert!(
                acknowledged.insert(record.clone()),
                "{record} acknowledged twice"
            );
            let row: Value = serde_json::from_str(stored[record.as_str()]).unwrap();
            assert_eq!(&row, vc, "{record}: the registry holds another credential");
        }
    }
    for s in seen {
        for record in &s.conflicts {
            assert!(stored.contains_key(record.as_str()), "{record}");
        }
    }
    let q = |sql: &str| backend.query_i64(home, sql);
    assert_eq!(
        q("SELECT COUNT(DISTINCT status_index) FROM credentials WHERE status_index IS NOT NULL"),
        rows.len() as i64
    );
    assert!(
        q("SELECT MAX(next_index) FROM status_allocation")
            > q("SELECT MAX(status_index) FROM credentials")
    );
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
    rows.len()
}

/// A temporary directory with a home in it.
fn home_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    (dir, home)
}

#[test]
fn two_servers_four_clients_each_issue_every_record_once() {
    let Some(backend) = Backend::postgres() else {
        return;
    };
    let n = count("LAISSEZ_SERVE_SCALE_ISSUANCES", 2_000);
    let (_dir, home) = home_dir();
    let token = prepare(&backend, &home);
    let ports: Vec<u16> = (0..SERVERS).map(|_| free_port()).collect();
    let _servers: Vec<Server> = ports
        .iter()
        .map(|p| Server::start(&backend, &home, *p))
        .collect();
    let acked = AtomicUsize::new(0);
    let started = Instant::now();
    let seen: Vec<Seen> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..SERVERS * CLIENTS_PER_SERVER)
            .map(|c| {
                let base = format!("https://127.0.0.1:{}", ports[c % SERVERS]);
                let (token, acked) = (&token, &acked);
                s.spawn(move || client(&base, token, &records(c, n), acked))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let secs = started.elapsed().as_secs_f64();
    let clients = SERVERS * CLIENTS_PER_SERVER;
    eprintln!(
        "{} issuances by {clients} clients on {SERVERS} servers in {secs:.1} s ({:.0}/s)",
        acked.load(Ordering::Relaxed),
        acked.load(Ordering::Relaxed) as f64 / secs
    );
    // Each shared record: one credential, and 409 for every other client.
    for k in 0..SHARED {
        let record = format!("shared-{k:03}");
        let issued = seen
            .iter()
            .filter(|s| s.issued.contains_key(&record))
            .count();
        let refused = seen
            .iter()
            .filter(|s| s.conflicts.contains(&record))
            .count();
        assert_eq!((issued, refused), (1, clients - 1), "{record}");
    }
    let sent: HashSet<String> = (0..clients).flat_map(|c| records(c, n)).collect();
    let rows = check_registry(&backend, &home, &seen, &sent);
    assert_eq!(rows, clients * n + SHARED);
    assert_eq!(acked.load(Ordering::Relaxed), rows);
}

#[test]
fn a_server_killed_under_load_loses_and_repeats_nothing() {
    let Some(backend) = Backend::postgres() else {
        return;
    };
    let n = count("LAISSEZ_SERVE_CRASH_ISSUANCES", 300);
    let (_dir, home) = home_dir();
    let token = prepare(&backend, &home);
    let ports: Vec<u16> = (0..SERVERS).map(|_| free_port()).collect();
    let mut servers: Vec<Server> = ports
        .iter()
        .map(|p| Server::start(&backend, &home, *p))
        .collect();
    let clients = SERVERS * CLIENTS_PER_SERVER;
    let total = clients * n + SHARED;
    let acked = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let seen: Vec<Seen> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                let base = format!("https://127.0.0.1:{}", ports[c % SERVERS]);
                let (token, acked, done) = (&token, &acked, &done);
                s.spawn(move || {
                    let seen = client(&base, token, &records(c, n), acked);
                    done.fetch_add(1, Ordering::Relaxed);
                    seen
                })
            })
            .collect();
        // Kill server 0 once a third of the work is acknowledged (its clients are then in the
        // middle of requests), restart it on the same port.
        while acked.load(Ordering::Relaxed) < total / 3 && done.load(Ordering::Relaxed) < clients {
            std::thread::sleep(Duration::from_millis(5));
        }
        let before = acked.load(Ordering::Relaxed);
        drop(servers.remove(0)); // SIGKILL (Child::kill on Unix), then wait
        std::thread::sleep(Duration::from_millis(300));
        servers.insert(0, Server::start(&backend, &home, ports[0]));
        eprintln!(
            "server 0 killed after {before} acknowledged issuances of {total}, restarted at {}",
            acked.load(Ordering::Relaxed)
        );
        assert!(before < total, "the clients finished before the kill");
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let sent: HashSet<String> = (0..clients).flat_map(|c| records(c, n)).collect();
    let rows = check_registry(&backend, &home, &seen, &sent);
    assert_eq!(rows, total);
    let conflicts: usize = seen.iter().map(|s| s.conflicts.len()).sum();
    // Shared records give clients - 1 conflicts each; any more are issuances committed before
    // the kill whose answer was lost, found on retry.
    eprintln!(
        "{} acknowledged, {} committed without an answer",
        acked.load(Ordering::Relaxed),
        conflicts - SHARED * (clients - 1)
    );
}
