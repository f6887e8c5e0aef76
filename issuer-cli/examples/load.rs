//! Load generator for `laissez serve`: N client threads, each with its own keep-alive HTTPS
//! connection, issue (or verify) M credentials; prints one table row: requests per second, the
//! p50 / p99 latency, and the CPU time per request of the generator and (with `--server-pid`) of
//! the servers. Several `--base` URLs spread the clients over several servers (one registry
//! behind them); every issued credential's status index is checked to be distinct.
//!
//! The generator shares the machine with the servers, so it keeps its own work out of the timed
//! loop: request bodies are built before it, responses are only read there (status code, body
//! bytes kept), and parsed afterwards, when the status indexes are collected and a sample of the
//! issued credentials (`--check`, default 16) is verified through the server.
//!
//! ```sh
//! cargo run --release -p issuer-cli --example load -- --base https://127.0.0.1:8443 \
//!     --token lzk_… --mode issue --clients 4 --count 2000 --suite eddsa-jcs-2022
//! ```
//! `scripts/load.sh` starts the servers and runs it for SQLite and PostgreSQL with one and two
//! servers.

use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::{Duration, Instant};

struct Options {
    bases: Vec<String>,
    token: String,
    mode: String,
    clients: usize,
    count: usize,
    suite: String,
    label: String,
    check: usize,
    server_pids: Vec<u32>,
}

fn options() -> Options {
    let mut o = Options {
        bases: Vec::new(),
        token: String::new(),
        mode: "issue".into(),
        clients: 4,
        count: 500,
        suite: "eddsa-jcs-2022".into(),
        label: String::new(),
        check: 16,
        server_pids: Vec::new(),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i + 1 < args.len() {
        let v = args[i + 1].clone();
        match args[i].as_str() {
            "--base" => o.bases.push(v),
            "--token" => o.token = v,
            "--mode" => o.mode = v,
            "--clients" => o.clients = v.parse().expect("--clients"),
            "--count" => o.count = v.parse().expect("--count"),
            "--suite" => o.suite = v,
            "--label" => o.label = v,
            "--check" => o.check = v.parse().expect("--check"),
            "--server-pid" => o.server_pids.push(v.parse().expect("--server-pid")),
            other => panic!("unknown option {other}"),
        }
        i += 2;
    }
    assert!(!o.bases.is_empty(), "--base URL is required");
    o
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .disable_verification(true)
                .build(),
        )
        .http_status_as_error(false)
        .max_idle_connections_per_host(1)
        .build()
        .into()
}

/// POSTs `body` (JSON bytes) with the `Authorization` header `auth`; the status and body bytes.
fn post(agent: &ureq::Agent, url: &str, auth: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut r = agent
        .post(url)
        .header("Authorization", auth)
        .header("Content-Type", "application/json")
        .send(body)
        .expect("request");
    let status = r.status().as_u16();
    let bytes = r.body_mut().read_to_vec().expect("body");
    (status, bytes)
}

fn credential(n: usize, client: usize, run: u128) -> Value {
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/undefined-terms/v2"
        ],
        "type": ["VerifiableCredential"],
        "credentialSubject": {"recordNumber": format!("{run}-{client}-{n}")}
    })
}

/// CPU time (user + system) of process `pid` so far, from /proc (Linux); `None` elsewhere.
fn cpu_time(pid: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every Linux architecture that matters here.
    Some(Duration::from_millis(ticks * 10))
}

/// CPU time of the servers named by `--server-pid`, summed; `None` without any.
fn servers_cpu(pids: &[u32]) -> Option<Duration> {
    if pids.is_empty() {
        return None;
    }
    pids.iter().map(|p| cpu_time(&p.to_string())).sum()
}

/// What one client thread saw: latencies, response bodies of successful issuances, errors.
struct ClientRun {
    latencies: Vec<Duration>,
    issued: Vec<Vec<u8>>,
    errors: usize,
}

fn main() {
    let o = options();
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let auth = format!("Bearer {}", o.token);
    let issue_body = |n, c| {
        json!({"credential": credential(n, c, run), "options": {"cryptosuite": o.suite}})
            .to_string()
            .into_bytes()
    };
    // For verification: one credential, verified again and again.
    let verify_body = if o.mode == "verify" {
        let (status, body) = post(
            &agent(),
            &format!("{}/credentials/issue", o.bases[0]),
            &auth,
            &issue_body(0, usize::MAX),
        );
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        assert_eq!(status, 201, "{body}");
        Some(json!({"verifiableCredential": body["verifiableCredential"]}).to_string())
    } else {
        None
    };
    // Every request body, built before the clock starts.
    let bodies: Vec<Vec<Vec<u8>>> = (0..o.clients)
        .map(|c| {
            (0..o.count)
                .map(|n| match &verify_body {
                    Some(b) => b.clone().into_bytes(),
                    None => issue_body(n, c),
                })
                .collect()
        })
        .collect();
    let own_cpu = || cpu_time("self");
    let (gen_before, servers_before) = (own_cpu(), servers_cpu(&o.server_pids));
    let started = Instant::now();
    let threads: Vec<_> = bodies
        .into_iter()
        .enumerate()
        .map(|(c, bodies)| {
            let base = &o.bases[c % o.bases.len()];
            let url = match o.mode.as_str() {
                "verify" => format!("{base}/credentials/verify"),
                _ => format!("{base}/credentials/issue"),
            };
            let expected = if o.mode == "verify" { 200 } else { 201 };
            let keep = o.mode != "verify";
            let auth = auth.clone();
            std::thread::spawn(move || {
                let agent = agent();
                let mut seen = ClientRun {
                    latencies: Vec::with_capacity(bodies.len()),
                    issued: Vec::with_capacity(if keep { bodies.len() } else { 0 }),
                    errors: 0,
                };
                for body in &bodies {
                    let t = Instant::now();
                    let (status, answer) = post(&agent, &url, &auth, body);
                    seen.latencies.push(t.elapsed());
                    if status != expected {
                        seen.errors += 1;
                        if seen.errors <= 3 {
                            eprintln!("status {status}: {}", String::from_utf8_lossy(&answer));
                        }
                    } else if keep {
                        seen.issued.push(answer);
                    }
                }
                seen
            })
        })
        .collect();
    let runs: Vec<ClientRun> = threads
        .into_iter()
        .map(|t| t.join().expect("client thread"))
        .collect();
    let secs = started.elapsed().as_secs_f64();
    let (gen_after, servers_after) = (own_cpu(), servers_cpu(&o.server_pids));

    let mut latencies: Vec<Duration> = runs.iter().flat_map(|r| r.latencies.clone()).collect();
    let errors: usize = runs.iter().map(|r| r.errors).sum();
    latencies.sort();
    let pct = |p: f64| {
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].as_secs_f64() * 1e3
    };
    // After the clock: the issued credentials, their status indexes, a sample verified.
    let credentials: Vec<Value> = runs
        .iter()
        .flat_map(|r| &r.issued)
        .map(|b| {
            let v: Value = serde_json::from_slice(b).expect("issue response is JSON");
            v["verifiableCredential"].clone()
        })
        .collect();
    let indexes: Vec<String> = credentials
        .iter()
        .map(|vc| {
            let entry = &vc["credentialStatus"][0];
            format!(
                "{}#{}",
                entry["statusListCredential"].as_str().unwrap_or_default(),
                entry["statusListIndex"].as_str().unwrap_or_default()
            )
        })
        .collect();
    let distinct: HashSet<&String> = indexes.iter().collect();
    let step = (credentials.len() / o.check.max(1)).max(1);
    let checker = agent();
    for vc in credentials.iter().step_by(step).take(o.check) {
        let body = json!({"verifiableCredential": vc}).to_string();
        let url = format!("{}/credentials/verify", o.bases[0]);
        let (status, answer) = post(&checker, &url, &auth, body.as_bytes());
        assert_eq!(
            status,
            200,
            "an issued credential does not verify: {}",
            String::from_utf8_lossy(&answer)
        );
    }
    let n = latencies.len() as f64;
    let per_request = |before: Option<Duration>, after: Option<Duration>| match (before, after) {
        (Some(b), Some(a)) => format!("{:.0} µs", (a - b).as_secs_f64() * 1e6 / n),
        _ => "?".into(),
    };
    println!(
        "| {} | {} | {} server(s) | {} clients | {} requests | {:.1} s | {:.0}/s | p50 {:.1} ms | p99 {:.1} ms | {} errors | {} distinct status indexes | generator {} | servers {} |",
        o.label,
        o.mode,
        o.bases.len(),
        o.clients,
        latencies.len(),
        secs,
        n / secs,
        pct(0.50),
        pct(0.99),
        errors,
        distinct.len(),
        per_request(gen_before, gen_after),
        per_request(servers_before, servers_after),
    );
    assert_eq!(
        distinct.len(),
        indexes.len(),
        "a status index was used twice"
    );
    assert_eq!(errors, 0, "some requests failed");
}
