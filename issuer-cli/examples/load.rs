//! Load generator for `laissez serve`: N client threads, each with its own keep-alive HTTPS
//! connection, issue (or verify) M credentials; prints one table row: requests per second and
//! the p50 / p99 latency. Several `--base` URLs spread the clients over several servers (one
//! registry behind them); every issued credential's status index is checked to be distinct.
//!
//! ```sh
//! cargo run --release -p issuer-cli --example load -- --base https://127.0.0.1:8443 \
//!     --token lzk_… --mode issue --clients 4 --count 2000 --suite eddsa-jcs-2022
//! ```
//! `scripts/load.sh` starts the servers and runs it for SQLite with one and two servers.

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

fn post(agent: &ureq::Agent, url: &str, token: &str, body: &Value) -> (u16, Value) {
    let mut r = agent
        .post(url)
        .header("Authorization", &format!("Bearer {token}"))
        .header("Content-Type", "application/json")
        .send(body.to_string().as_bytes())
        .expect("request");
    let status = r.status().as_u16();
    let text = r.body_mut().read_to_string().expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
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

fn main() {
    let o = options();
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    // For verification: one credential, verified again and again.
    let sample = if o.mode == "verify" {
        let (status, body) = post(
            &agent(),
            &format!("{}/credentials/issue", o.bases[0]),
            &o.token,
            &json!({"credential": credential(0, 0, run), "options": {"cryptosuite": o.suite}}),
        );
        assert_eq!(status, 201, "{body}");
        Some(body["verifiableCredential"].clone())
    } else {
        None
    };
    let started = Instant::now();
    let threads: Vec<_> = (0..o.clients)
        .map(|c| {
            let base = o.bases[c % o.bases.len()].clone();
            let (token, mode, suite, count) = (o.token.clone(), o.mode.clone(), o.suite.clone(), o.count);
            let sample = sample.clone();
            std::thread::spawn(move || {
                let agent = agent();
                let mut latencies = Vec::with_capacity(count);
                let mut indexes = Vec::with_capacity(count);
                let mut errors = 0usize;
                for n in 0..count {
                    let t = Instant::now();
                    let (status, body) = match &sample {
                        Some(vc) => post(
                            &agent,
                            &format!("{base}/credentials/verify"),
                            &token,
                            &json!({"verifiableCredential": vc}),
                        ),
                        None => post(
                            &agent,
                            &format!("{base}/credentials/issue"),
                            &token,
                            &json!({"credential": credential(n, c, run), "options": {"cryptosuite": suite}}),
                        ),
                    };
                    latencies.push(t.elapsed());
                    let ok = if mode == "verify" { status == 200 } else { status == 201 };
                    if !ok {
                        errors += 1;
                        if errors <= 3 {
                            eprintln!("status {status}: {body}");
                        }
                    } else if sample.is_none() {
                        let entry = &body["verifiableCredential"]["credentialStatus"][0];
                        indexes.push(format!(
                            "{}#{}",
                            entry["statusListCredential"].as_str().unwrap_or_default(),
                            entry["statusListIndex"].as_str().unwrap_or_default()
                        ));
                    }
                }
                (latencies, indexes, errors)
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut indexes = Vec::new();
    let mut errors = 0;
    for t in threads {
        let (l, i, e) = t.join().expect("client thread");
        latencies.extend(l);
        indexes.extend(i);
        errors += e;
    }
    let secs = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].as_secs_f64() * 1e3
    };
    let distinct: HashSet<&String> = indexes.iter().collect();
    println!(
        "| {} | {} | {} server(s) | {} clients | {} requests | {:.1} s | {:.0}/s | p50 {:.1} ms | p99 {:.1} ms | {} errors | {} distinct status indexes |",
        o.label,
        o.mode,
        o.bases.len(),
        o.clients,
        latencies.len(),
        secs,
        latencies.len() as f64 / secs,
        pct(0.50),
        pct(0.99),
        errors,
        distinct.len()
    );
    assert_eq!(
        distinct.len(),
        indexes.len(),
        "a status index was used twice"
    );
    assert_eq!(errors, 0, "some requests failed");
}
