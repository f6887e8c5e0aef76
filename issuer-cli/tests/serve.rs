//! `laissez serve` end to end: the real binary on a free port with a temporary home, a real
//! HTTPS client (ureq with rustls; the server's certificate is self-signed, so verification of
//! it is off), and the registry read back with SQLite.
//!
//! The round trip (issue, verify, revoke, publish, the list at its URL, verify again); OAuth2
//! client credentials (access tokens that expire, scopes, wrong secrets, revoked clients); and
//! bad input, on SQLite and on PostgreSQL: malformed JSON, a 10 MB body, an unknown suite, no or
//! a revoked API key, a key without the scope, an expired access token, SQL-looking strings in
//! every field. Each gets a clear 4xx and leaves the registry as it was.

mod backends;

use backends::Backend;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

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
/// `settings`, and a running server with its registry on `backend`.
fn start(backend: &Backend, settings: &str) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let port = free_port();
    let base = format!("https://127.0.0.1:{port}");
    let init = backend
        .laissez(&home)
        .args(["init", "--status-base-url", &format!("{base}/status")])
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    std::fs::write(home.join("serve.toml"), settings).unwrap();
    let mut child = backend
        .laissez(&home)
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

/// `serve client add` -> client id and secret.
fn oauth_client(home: &Path, scopes: &str) -> (String, String) {
    let out = run_ok(home, &["serve", "client", "add", "--scope", scopes]);
    let secret = out.lines().last().unwrap().to_owned();
    let id = out.split_whitespace().nth(2).unwrap().to_owned();
    (id, secret)
}

/// POST a form to `/oauth/token`, with `Authorization: Basic` when `basic` (id, secret) is given;
/// -> status and the JSON answer.
fn token_request(s: &Server, basic: Option<(&str, &str)>, form: &str) -> (u16, Value) {
    use base64::Engine;
    let mut req = agent()
        .post(&format!("{}/oauth/token", s.base))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if let Some((id, secret)) = basic {
        let pair = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
        req = req.header("Authorization", &format!("Basic {pair}"));
    }
    let mut r = req.send(form.as_bytes()).unwrap();
    let status = r.status().as_u16();
    assert_eq!(
        r.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-store")
    );
    let text = r.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
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

/// The registry as its database sees it: the table names (a dropped table shows), credential
/// rows with their statuses and digests, and the index allocation.
fn registry_state(backend: &Backend, home: &Path) -> Vec<Vec<String>> {
    let mut out = vec![backend.tables(home)];
    for sql in [
        "SELECT credential_id || ' ' || record_key || ' ' || revoked || ' ' || suspended || ' ' || COALESCE(status_index, -1) || ' ' || digest FROM credentials ORDER BY credential_id",
        "SELECT purpose || ' ' || next_index FROM status_allocation ORDER BY purpose",
    ] {
        out.push(backend.strings(home, sql));
    }
    out
}

/// The only credential row: id, revoked, suspended, status index.
fn row(backend: &Backend, home: &Path) -> Vec<String> {
    let rows = &registry_state(backend, home)[1];
    assert_eq!(rows.len(), 1, "{rows:?}");
    let f: Vec<&str> = rows[0].split(' ').collect();
    [f[0], f[2], f[3], f[4]].map(str::to_owned).to_vec()
}

#[test]
fn issue_verify_revoke_publish_round_trip() {
    let backend = Backend::Sqlite;
    let s = start(&backend, "");
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
    assert_eq!(row(&backend, &s.home), [CREDENTIAL_ID, "0", "0", "0"]);

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
    assert_eq!(row(&backend, &s.home), [CREDENTIAL_ID, "1", "0", "0"]);

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

fn bad_input_gets_a_clear_4xx_and_changes_nothing(backend: &Backend) {
    let s = start(backend, "open_verify = false\ntoken_lifetime_seconds = 1\n");
    let (_, token) = api_key(&s.home, "issue,status");
    let (revoked_id, revoked) = api_key(&s.home, "issue,status,verify");
    let (_, verify_only) = api_key(&s.home, "verify");
    run_ok(&s.home, &["serve", "key", "revoke", &revoked_id]);
    // An access token that expires one second after it is made (checked at the end).
    let (client, secret) = oauth_client(&s.home, "issue,status");
    let minted = std::time::Instant::now();
    let (status, answer) = token_request(
        &s,
        None,
        &format!("grant_type=client_credentials&client_id={client}&client_secret={secret}"),
    );
    assert_eq!(status, 200, "{answer}");
    let access = answer["access_token"].as_str().unwrap().to_owned();
    // It works (authenticated; no verify scope).
    let r = post(&s, "/credentials/verify", Some(&access), &json!({}));
    assert_eq!(
        (r.0, r.1["code"].clone()),
        (403, json!("forbidden")),
        "{}",
        r.1
    );
    let good = json!({"credential": credential(json!({"givenName": "Amina"}))});
    // One credential issued, to have rows that must stay as they are.
    let (status, issued) = post(
        &s,
        "/credentials/issue",
        Some(&token),
        &json!({"credential": with_id(credential(json!({"givenName": "Amina"})))}),
    );
    assert_eq!(status, 201, "{issued}");
    let before = registry_state(backend, &s.home);

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
    // SQL-looking strings as credentials and in token requests.
    let r = post(&s, "/credentials/issue", Some(sql), &good);
    assert_eq!((r.0, code(&r)), (401, "unauthenticated".into()));
    let r = post(
        &s,
        "/credentials/issue",
        Some(&format!("lzt_{sql}.{sql}")),
        &good,
    );
    assert_eq!((r.0, code(&r)), (401, "unauthenticated".into()));
    let encoded = sql
        .replace(' ', "+")
        .replace(';', "%3B")
        .replace('\'', "%27");
    for form in [
        format!("grant_type={encoded}&client_id={client}&client_secret={secret}"),
        format!("grant_type=client_credentials&client_id={encoded}&client_secret={secret}"),
        format!("grant_type=client_credentials&client_id={client}&client_secret={encoded}"),
        format!("grant_type=client_credentials&client_id={client}&client_secret={secret}&scope={encoded}"),
    ] {
        let (status, answer) = token_request(&s, None, &form);
        assert!((400..500).contains(&status), "{form}: {status} {answer}");
        assert!(answer["error"].is_string(), "{form}: {answer}");
    }
    // Once expired, the access token is refused with its own code.
    std::thread::sleep(Duration::from_millis(1100).saturating_sub(minted.elapsed()));
    let r = post(&s, "/credentials/issue", Some(&access), &good);
    assert_eq!((r.0, code(&r)), (401, "token_expired".into()), "{}", r.1);
    assert_eq!(
        r.1["type"],
        "https://www.w3.org/TR/vc-data-model#UNAUTHORIZED"
    );
    assert_eq!(registry_state(backend, &s.home), before);

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
    let after = registry_state(backend, &s.home);
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
    assert_eq!(registry_state(backend, &s.home), after);
}

/// `POST /credentials/status` for a purpose the credential does not carry as issued: a
/// credential that brought its own `credentialStatus` (no entry of this issuer), and a compact
/// one issued by the CLI into the same registry (revocation only). 422 with the refusal's code
/// in the server's problem details, and the registry as it was; what it carries still changes.
fn status_the_credential_does_not_carry_is_refused(backend: &Backend) {
    let s = start(backend, "");
    let (_, token) = api_key(&s.home, "issue,status");
    let mut own = with_id(credential(json!({"givenName": "Amina"})));
    own["credentialStatus"] = json!({
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "5",
        "statusListCredential": "https://status.example/lists/1"
    });
    let (status, issued) = post(
        &s,
        "/credentials/issue",
        Some(&token),
        &json!({"credential": own}),
    );
    assert_eq!(status, 201, "{issued}");
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles/legal-identity/examples/valid/arabic-stateless.json");
    let out = backend
        .laissez(&s.home)
        .args(["issue", "--profile", "legal-identity", "--compact"])
        .args(["--record-id", "c-1", "--subject"])
        .arg(&example)
        .arg("--out")
        .arg(s.home.join("c-1.json"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let compact = backend.strings(
        &s.home,
        "SELECT credential_id FROM credentials WHERE record_key = 'legal-identity:c-1'",
    )[0]
    .clone();
    let change = |id: &str, purpose: &str| {
        post(
            &s,
            "/credentials/status",
            Some(&token),
            &json!({"credentialId": id,
                    "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": purpose}}),
        )
    };
    let before = registry_state(backend, &s.home);
    for (id, purpose) in [
        (CREDENTIAL_ID, "revocation"),
        (CREDENTIAL_ID, "suspension"),
        (compact.as_str(), "suspension"),
    ] {
        let (status, problem) = change(id, purpose);
        assert_eq!(status, 422, "{id} {purpose}: {problem}");
        assert_eq!(problem["code"], "status_entry_missing", "{problem}");
        assert_eq!(
            problem["type"],
            "https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR"
        );
        assert!(
            problem["detail"].as_str().unwrap().contains(id),
            "{problem}"
        );
    }
    assert_eq!(registry_state(backend, &s.home), before);
    let (status, changed) = change(&compact, "revocation");
    assert_eq!(status, 200, "{changed}");
    assert_ne!(registry_state(backend, &s.home), before);
}

on_both_backends!(
    bad_input_gets_a_clear_4xx_and_changes_nothing,
    status_the_credential_does_not_carry_is_refused,
);

#[test]
fn oauth_client_credentials_give_scoped_tokens_that_expire() {
    let backend = Backend::Sqlite;
    let s = start(&backend, "token_lifetime_seconds = 2\n");
    let (_, api_token) = api_key(&s.home, "issue");
    let (client, secret) = oauth_client(&s.home, "issue,verify");
    let issue_body = |n: u32| json!({"credential": credential(json!({"givenName": "Amina"})), "options": {"recordId": format!("r{n}")}});
    let grant = "grant_type=client_credentials";

    // HTTP Basic client authentication, every scope of the client by default.
    let minted = std::time::Instant::now();
    let (status, answer) = token_request(&s, Some((&client, &secret)), grant);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["token_type"], "Bearer");
    assert_eq!(answer["expires_in"], 2);
    assert_eq!(answer["scope"], "issue verify");
    let token = answer["access_token"].as_str().unwrap().to_owned();
    let r = post(&s, "/credentials/issue", Some(&token), &issue_body(1));
    assert_eq!(r.0, 201, "{}", r.1);
    // Scope enforced: the client has no status scope.
    let r = post(
        &s,
        "/credentials/status",
        Some(&token),
        &json!({"credentialId": "urn:x", "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "revocation"}}),
    );
    assert_eq!((r.0, r.1["code"].clone()), (403, json!("forbidden")));
    // A narrower token (credentials in the body): issue only.
    let (status, answer) = token_request(
        &s,
        None,
        &format!("{grant}&scope=verify&client_id={client}&client_secret={secret}"),
    );
    assert_eq!((status, answer["scope"].clone()), (200, json!("verify")));
    let narrow = answer["access_token"].as_str().unwrap().to_owned();
    let r = post(&s, "/credentials/issue", Some(&narrow), &issue_body(2));
    assert_eq!((r.0, r.1["code"].clone()), (403, json!("forbidden")));
    // A token changed by one character is refused.
    let mut forged = token.clone().into_bytes();
    let i = forged.len() - 3;
    forged[i] = if forged[i] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).unwrap();
    let r = post(&s, "/credentials/issue", Some(&forged), &issue_body(3));
    assert_eq!((r.0, r.1["code"].clone()), (401, json!("unauthenticated")));

    // Refused token requests (RFC 6749 § 5.2).
    let refused = |basic: Option<(&str, &str)>, form: &str| {
        let (status, answer) = token_request(&s, basic, form);
        (
            status,
            answer["error"].as_str().unwrap_or_default().to_owned(),
        )
    };
    assert_eq!(
        refused(Some((&client, "lzs_wrong")), grant),
        (401, "invalid_client".into())
    );
    assert_eq!(
        refused(Some(("nobody", &secret)), grant),
        (401, "invalid_client".into())
    );
    assert_eq!(refused(None, grant), (401, "invalid_client".into()));
    assert_eq!(
        refused(Some((&client, &secret)), "grant_type=password"),
        (400, "unsupported_grant_type".into())
    );
    assert_eq!(
        refused(Some((&client, &secret)), ""),
        (400, "invalid_request".into())
    );
    assert_eq!(
        refused(Some((&client, &secret)), &format!("{grant}&scope=status")),
        (400, "invalid_scope".into())
    );
    assert_eq!(
        refused(Some((&client, &secret)), &format!("{grant}&{grant}")),
        (400, "invalid_request".into())
    );

    // Expired: 401 with a stable code; API keys keep working.
    std::thread::sleep(Duration::from_millis(2100).saturating_sub(minted.elapsed()));
    let r = post(&s, "/credentials/issue", Some(&token), &issue_body(4));
    assert_eq!(
        (r.0, r.1["code"].clone()),
        (401, json!("token_expired")),
        "{}",
        r.1
    );
    let r = post(&s, "/credentials/issue", Some(&api_token), &issue_body(5));
    assert_eq!(r.0, 201, "{}", r.1);

    // A revoked client: its live tokens and its secret are refused.
    let (status, answer) = token_request(&s, Some((&client, &secret)), grant);
    assert_eq!(status, 200);
    let live = answer["access_token"].as_str().unwrap().to_owned();
    run_ok(&s.home, &["serve", "client", "revoke", &client]);
    let r = post(&s, "/credentials/issue", Some(&live), &issue_body(6));
    assert_eq!((r.0, r.1["code"].clone()), (401, json!("unauthenticated")));
    assert_eq!(
        refused(Some((&client, &secret)), grant),
        (401, "invalid_client".into())
    );
    // Only the two issuances that were allowed are in the registry.
    assert_eq!(registry_state(&backend, &s.home)[1].len(), 2);
    let listed = run_ok(&s.home, &["serve", "client", "list"]);
    assert!(
        listed.contains(&client) && listed.contains("revoked"),
        "{listed}"
    );
    assert!(!listed.contains(&secret));
}
