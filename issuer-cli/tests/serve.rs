//! `laissez serve` end to end: the real binary on a free port with a temporary home, a real
//! HTTPS client (ureq with rustls; the server's certificate is self-signed, so verification of
//! it is off), and the registry read back with SQLite.
//!
//! The round trip (issue, verify, revoke, publish, the list at its URL, verify again) and bad
//! input: malformed JSON, a 10 MB body, an unknown suite, no or a revoked API key, a key without
//! the scope, SQL-looking strings in every field. Each gets a clear 4xx and leaves the registry
//! as it was.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn laissez(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_laissez"));
    c.env("LAISSEZ_HOME", home)
        .env_remove("LAISSEZ_PASSPHRASE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

fn run_ok(home: &Path, args: &[&str]) -> String {
    let out = laissez(home).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A free TCP port (bound, read, released).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running server; killed on drop.
struct Server {
    child: Child,
    base: String,
    home: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A home with an Ed25519 key, the status lists under the server's own URL, `serve.toml` from
/// `settings`, and a running server.
fn start(settings: &str) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let port = free_port();
    let base = format!("https://127.0.0.1:{port}");
    run_ok(
        &home,
        &["init", "--status-base-url", &format!("{base}/status")],
    );
    std::fs::write(home.join("serve.toml"), settings).unwrap();
    let mut child = laissez(&home)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains(&base), "server said: {line}");
    Server {
        child,
        base,
        home,
        _dir: dir,
    }
}

/// `serve key add` -> the token (the last line).
fn api_key(home: &Path, scopes: &str) -> (String, String) {
    let out = run_ok(home, &["serve", "key", "add", "--scope", scopes]);
    let token = out.lines().last().unwrap().to_owned();
    let id = out.split_whitespace().nth(2).unwrap().to_owned();
    (id, token)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .disable_verification(true)
                .build(),
        )
        .http_status_as_error(false)
        .build()
        .into()
}

/// POST `body` (raw) to `path`; -> status and the JSON answer (Null when none).
fn post_raw(s: &Server, path: &str, token: Option<&str>, body: &[u8]) -> (u16, Value) {
    let url = if path.starts_with("https://") {
        path.to_owned()
    } else {
        format!("{}{path}", s.base)
    };
    let mut req = agent()
        .post(&url)
        .header("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    match req.send(body) {
        Ok(mut r) => {
            let status = r.status().as_u16();
            let text = r.body_mut().read_to_string().unwrap_or_default();
            (status, serde_json::from_str(&text).unwrap_or(Value::Null))
        }
        // The server may answer 413 and close before the whole body is sent.
        Err(e) => (0, json!(e.to_string())),
    }
}

fn post(s: &Server, path: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    post_raw(s, path, token, body.to_string().as_bytes())
}

fn get(url: &str) -> (u16, Value) {
    let mut r = agent().get(url).call().unwrap();
    let status = r.status().as_u16();
    let text = r.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

const CREDENTIAL_ID: &str = "urn:uuid:0c07c1ce-57cb-41bf-9a42-0d2fd8ab1c01";

fn with_id(mut credential: Value) -> Value {
    credential["id"] = json!(CREDENTIAL_ID);
    credential
}

fn credential(subject: Value) -> Value {
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/undefined-terms/v2"
        ],
        "type": ["VerifiableCredential"],
        "credentialSubject": subject
    })
}

/// The registry as SQLite sees it: credential rows and their statuses, the index allocation,
/// and the table names (a dropped table shows).
fn registry_state(home: &Path) -> Vec<Vec<String>> {
    let conn = rusqlite::Connection::open(home.join("registry.sqlite")).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT name FROM sqlite_master ORDER BY name",
        "SELECT credential_id || ' ' || revoked || ' ' || suspended || ' ' || COALESCE(status_index, -1) FROM credentials ORDER BY credential_id",
        "SELECT purpose || ' ' || next_index FROM status_allocation ORDER BY purpose",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.push(rows.map(Result::unwrap).collect());
    }
    out
}

#[test]
fn issue_verify_revoke_publish_round_trip() {
    let s = start("");
    let (_, token) = api_key(&s.home, "issue,status");
    let (status, issued) = post(
        &s,
        "/credentials/issue",
        Some(&token),
        &json!({"credential": with_id(credential(json!({"id": "did:example:holder", "givenName": "Amina"}))),
                "options": {"cryptosuite": "eddsa-jcs-2022"}}),
    );
    assert_eq!(status, 201, "{issued}");
    let vc = &issued["verifiableCredential"];
    assert_eq!(vc["proof"]["cryptosuite"], "eddsa-jcs-2022");
    assert!(vc["issuer"].as_str().unwrap().starts_with("did:key:z6Mk"));
    let entries = vc["credentialStatus"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(vc["id"], CREDENTIAL_ID);
    assert_eq!(
        registry_state(&s.home)[1],
        [format!("{CREDENTIAL_ID} 0 0 0")]
    );

    let (status, result) = post(
        &s,
        "/credentials/verify",
        None,
        &json!({"verifiableCredential": vc}),
    );
    assert_eq!(status, 200, "{result}");
    assert_eq!(result["verified"], true);

    // A changed claim no longer verifies: 422 with the failed check.
    let mut tampered = vc.clone();
    tampered["credentialSubject"]["givenName"] = json!("Amira");
    let (status, result) = post(
        &s,
        "/credentials/verify",
        None,
        &json!({"verifiableCredential": tampered}),
    );
    assert_eq!(status, 422, "{result}");
    assert_eq!(result["verified"], false);

    // The revocation list at its URL: signed, nothing set yet.
    let list_url = entries
        .iter()
        .find(|e| e["statusPurpose"] == "revocation")
        .unwrap()["statusListCredential"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(list_url.starts_with(&s.base), "{list_url}");
    let (status, list) = get(&list_url);
    assert_eq!(status, 200);
    assert!(list["type"]
        .as_array()
        .unwrap()
        .contains(&json!("BitstringStatusListCredential")));
    assert!(list["proof"].is_object());
    let (_, list_check) = post(
        &s,
        "/credentials/verify",
        None,
        &json!({"verifiableCredential": list}),
    );
    assert_eq!(list_check["verified"], true, "{list_check}");

    let (status, changed) = post(
        &s,
        "/credentials/status",
        Some(&token),
        &json!({"credentialId": CREDENTIAL_ID,
                "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "revocation"}}),
    );
    assert_eq!(status, 200, "{changed}");
    let (status, _) = post(&s, &format!("{list_url}/publish"), Some(&token), &json!({}));
    assert_eq!(status, 204);
    let (_, list_after) = get(&list_url);
    assert_ne!(
        list_after["credentialSubject"]["encodedList"],
        list["credentialSubject"]["encodedList"]
    );
    let (status, result) = post(
        &s,
        "/credentials/verify",
        None,
        &json!({"verifiableCredential": vc}),
    );
    assert_eq!(status, 422, "{result}");
    assert_eq!(result["errors"][0]["code"], "revocation", "{result}");
    assert_eq!(
        registry_state(&s.home)[1],
        [format!("{CREDENTIAL_ID} 1 0 0")]
    );

    // Health, metrics (the issuance counted), OpenAPI.
    assert_eq!(get(&format!("{}/healthz", s.base)).1["status"], "ok");
    let mut r = agent().get(&format!("{}/metrics", s.base)).call().unwrap();
    let metrics = r.body_mut().read_to_string().unwrap();
    assert!(
        metrics.contains("laissez_credentials_issued_total 1"),
        "{metrics}"
    );
    assert!(metrics.contains("laissez_http_request_duration_seconds_bucket"));
    assert_eq!(
        get(&format!("{}/openapi.json", s.base)).1["openapi"],
        "3.1.0"
    );
}

#[test]
fn bad_input_gets_a_clear_4xx_and_changes_nothing() {
    let s = start("open_verify = false\n");
    let (_, token) = api_key(&s.home, "issue,status");
    let (revoked_id, revoked) = api_key(&s.home, "issue,status,verify");
    let (_, verify_only) = api_key(&s.home, "verify");
    run_ok(&s.home, &["serve", "key", "revoke", &revoked_id]);
    let good = json!({"credential": credential(json!({"givenName": "Amina"}))});
    // One credential issued, to have rows that must stay as they are.
    let (status, issued) = post(
        &s,
        "/credentials/issue",
        Some(&token),
        &json!({"credential": with_id(credential(json!({"givenName": "Amina"})))}),
    );
    assert_eq!(status, 201, "{issued}");
    let before = registry_state(&s.home);

    let code = |r: &(u16, Value)| r.1["code"].as_str().unwrap_or_default().to_owned();
    let r = post_raw(
        &s,
        "/credentials/issue",
        Some(&token),
        b"{\"credential\": {",
    );
    assert_eq!((r.0, code(&r)), (400, "malformed_json".into()), "{}", r.1);
    let r = post_raw(&s, "/credentials/issue", Some(&token), b"[1, 2]");
    assert_eq!((r.0, code(&r)), (400, "body_not_object".into()));
    let big = vec![b' '; 10 * 1024 * 1024];
    let r = post_raw(&s, "/credentials/issue", Some(&token), &big);
    assert!(r.0 == 413 || r.0 == 0, "{} {}", r.0, r.1);
    let r = post(
        &s,
        "/credentials/issue",
        Some(&token),
        &json!({"credential": good["credential"], "options": {"cryptosuite": "eddsa-2099"}}),
    );
    assert_eq!((r.0, code(&r)), (422, "unknown_cryptosuite".into()));
    let r = post(&s, "/credentials/issue", None, &good);
    assert_eq!((r.0, code(&r)), (401, "unauthenticated".into()));
    let r = post(
        &s,
        "/credentials/issue",
        Some("lzk_not-a-real-token"),
        &good,
    );
    assert_eq!((r.0, code(&r)), (401, "unauthenticated".into()));
    let r = post(&s, "/credentials/issue", Some(&revoked), &good);
    assert_eq!((r.0, code(&r)), (401, "unauthenticated".into()));
    let r = post(&s, "/credentials/issue", Some(&verify_only), &good);
    assert_eq!((r.0, code(&r)), (403, "forbidden".into()));
    // Verification is protected by this configuration.
    let r = post(
        &s,
        "/credentials/verify",
        None,
        &json!({"verifiableCredential": issued["verifiableCredential"]}),
    );
    assert_eq!(r.0, 401);
    let r = post(
        &s,
        "/credentials/verify",
        Some(&verify_only),
        &json!({"verifiableCredential": issued["verifiableCredential"]}),
    );
    assert_eq!(r.0, 200, "{}", r.1);
    // An issuer other than the endpoint's key.
    let mut other = good.clone();
    other["credential"]["issuer"] = json!("did:example:someone-else");
    let r = post(&s, "/credentials/issue", Some(&token), &other);
    assert_eq!((r.0, code(&r)), (422, "issuer_mismatch".into()));

    // SQL-looking strings in every field of the requests.
    let sql = "x'); DROP TABLE credentials; --";
    let sql_requests = [
        (
            "/credentials/issue",
            json!({"credential": credential(json!({"givenName": "A"})), "options": {"cryptosuite": sql}}),
        ),
        (
            "/credentials/issue",
            json!({"credential": credential(json!({"givenName": "A"})), "options": {"type": sql}}),
        ),
        (
            "/credentials/issue",
            json!({"credential": {"@context": [sql], "type": ["VerifiableCredential"], "credentialSubject": {"givenName": "A"}}}),
        ),
        (
            "/credentials/issue",
            json!({"credential": {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": [sql], "credentialSubject": {"givenName": "A"}}}),
        ),
        (
            "/credentials/issue",
            json!({"credential": {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": sql, "type": ["VerifiableCredential"], "credentialSubject": {"id": "did:example:1"}}}),
        ),
        (
            "/credentials/issue",
            json!({"credential": {"@context": ["https://www.w3.org/ns/credentials/v2"], "issuer": sql, "type": ["VerifiableCredential"], "credentialSubject": {"id": "did:example:1"}}}),
        ),
        (
            "/credentials/issue",
            json!({"credential": {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "credentialSubject": {"id": sql}}}),
        ),
        (
            "/credentials/issue",
            json!({"credential": {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "credentialSubject": {sql: "A"}}}),
        ),
        (
            "/credentials/issue",
            json!({"credential": {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "validFrom": sql, "credentialSubject": {"id": "did:example:1"}}}),
        ),
        (
            "/issuers/x'%20OR%201=1%20--/credentials/issue",
            good.clone(),
        ),
        (
            "/credentials/status",
            json!({"credentialId": sql, "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "revocation"}}),
        ),
        (
            "/credentials/status",
            json!({"credentialId": CREDENTIAL_ID, "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": sql}}),
        ),
        (
            "/credentials/status",
            json!({"credentialId": CREDENTIAL_ID, "credentialStatus": {"type": sql, "statusPurpose": "revocation"}}),
        ),
        (
            "/credentials/status",
            json!({"credentialId": CREDENTIAL_ID, "credentialStatus": {"statusPurpose": "suspension"}, "status": sql}),
        ),
    ];
    for (path, body) in &sql_requests {
        let r = post(&s, path, Some(&token), body);
        assert!((400..500).contains(&r.0), "{path} {body}: {} {}", r.0, r.1);
        assert!(r.1["detail"].is_string(), "{path}: {}", r.1);
    }
    let r = post(
        &s,
        "/status/ed25519-1/x%27%29%3B%20DROP%20TABLE%20credentials%3B%20--/0/publish",
        Some(&token),
        &json!({}),
    );
    assert_eq!(r.0, 404);
    assert_eq!(registry_state(&s.home), before);

    // A SQL-looking claim is data: issued, stored verbatim, the tables intact.
    let r = post(
        &s,
        "/credentials/issue",
        Some(&token),
        &json!({"credential": credential(json!({"givenName": sql})), "options": {"recordId": sql}}),
    );
    assert_eq!(r.0, 201, "{}", r.1);
    assert_eq!(
        r.1["verifiableCredential"]["credentialSubject"]["givenName"],
        sql
    );
    let after = registry_state(&s.home);
    assert_eq!(after[0], before[0], "tables");
    assert_eq!(after[1].len(), before[1].len() + 1);
    // The same record id again: 409, nothing added.
    let r = post(
        &s,
        "/credentials/issue",
        Some(&token),
        &json!({"credential": credential(json!({"givenName": "B"})), "options": {"recordId": sql}}),
    );
    assert_eq!((r.0, code(&r)), (409, "already_issued".into()));
    assert_eq!(registry_state(&s.home), after);
}
