//! `laissez serve`: the W3C VC API over HTTPS (HTTP/1.1, rustls), for integrators and the W3C
//! test suites. Stateless apart from the registry: any number of front-ends can share one
//! registry database (status indexes are allocated in it, never in memory).
//!
//! `routes` maps the endpoints to `issue`, `verify` (credentials, presentations, derivation),
//! `status` (revocation and suspension) and `lists` (status list credentials at their URLs);
//! `auth` checks API keys, `oauth` issues and checks OAuth2 access tokens, `limits` wraps every request (rate, size, time, log, metrics),
//! `commit` records issuances in groups and hands out status indexes from reserved blocks,
//! `metrics` renders Prometheus text, `tls` makes the TLS configuration, `config` reads
//! `serve.toml`, `error` shapes error responses.

pub mod auth;
mod commit;
mod config;
mod error;
mod issue;
mod limits;
mod lists;
mod metrics;
mod oauth;
mod routes;
mod status;
mod tls;
mod verify;

use crate::cli::ServeArgs;
use crate::error::{CliError, CliResult};
use crate::home::Home;
use crate::i18n::say;
use crate::keystore;
use crate::registry::{Database, Registry};
use config::ServeConfig;
use credential_core::did::{did_key, did_key_vm};
use credential_core::keys::SecretKey;
use credential_core::message;
use credential_core::verify::Verifier;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// Registry connections, opened on demand up to `keep` and reused; each serves one blocking call
/// at a time. When all are busy a call waits for one (rather than opening and closing a
/// connection per request, which costs PostgreSQL a process start each time).
pub struct Pool {
    database: Database,
    /// Idle connections, and how many are open (idle or in use).
    idle: Mutex<(Vec<Registry>, usize)>,
    freed: Condvar,
    keep: usize,
}

impl Pool {
    /// A pool of at most `keep` connections to `database`.
    fn new(database: Database, keep: usize) -> Pool {
        Pool {
            database,
            idle: Mutex::new((Vec::new(), 0)),
            freed: Condvar::new(),
            keep,
        }
    }

    /// Runs `f` with a connection (blocking). A connection whose call failed is closed (it may
    /// be broken); the next call opens a new one.
    pub fn with<T>(&self, f: impl FnOnce(&mut Registry) -> CliResult<T>) -> CliResult<T> {
        let lock = || self.idle.lock().unwrap_or_else(|p| p.into_inner());
        let mut idle = lock();
        let reused = loop {
            if let Some(r) = idle.0.pop() {
                break Some(r);
            }
            if idle.1 < self.keep {
                idle.1 += 1;
                break None;
            }
            idle = self.freed.wait(idle).unwrap_or_else(|p| p.into_inner());
        };
        drop(idle);
        let connected = match reused {
            Some(r) => Ok(r),
            None => Registry::connect(&self.database),
        };
        let (registry, result) = match connected {
            Ok(mut r) => {
                let result = f(&mut r);
                (Some(r).filter(|_| result.is_ok()), result)
            }
            Err(e) => (None, Err(e)),
        };
        let mut idle = lock();
        match registry {
            Some(r) => idle.0.push(r),
            None => idle.1 -= 1,
        }
        drop(idle);
        self.freed.notify_one();
        result
    }
}

/// A signing key of the home, with its identifiers worked out once (not per request).
pub struct IssuerKey {
    /// The key.
    pub secret: SecretKey,
    /// Its `did:key`.
    pub did: String,
    /// Its verification method id (`did:key:…#…`).
    pub vm: String,
}

/// What every request shares.
pub struct AppState {
    /// The issuer home.
    pub home: Home,
    /// Its signing keys, by name.
    pub keys: BTreeMap<String, IssuerKey>,
    /// The verifier (and its JSON-LD processor, shared with signing).
    pub verifier: Verifier,
    /// The registry.
    pub registry: Pool,
    /// Issued credentials, recorded in groups.
    pub commits: commit::GroupCommit,
    /// Status indexes, reserved in blocks.
    pub indexes: commit::IndexBlocks,
    /// Settings.
    pub config: ServeConfig,
    /// API keys.
    pub api_keys: auth::KeyRing,
    /// OAuth2 clients.
    pub clients: auth::KeyRing,
    /// The key of OAuth2 access tokens.
    pub token_key: oauth::TokenKey,
    /// Per-client rate limit.
    pub limiter: limits::RateLimiter,
    /// Counters.
    pub metrics: metrics::Metrics,
    /// Status list credentials built so far.
    pub lists: lists::ListCache,
    /// URL path under which status lists are served (the path of the home's status base URL).
    pub status_path: String,
}

/// The path part of the status base URL (`https://host/a/b` -> `/a/b`), `/status` when empty.
fn url_path(base: &str) -> String {
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        "/status".into()
    } else {
        path.to_owned()
    }
}

/// `laissez serve`: loads keys and settings, binds, prints the URL, serves until killed. The
/// registry is `database` (the home's SQLite file unless `--database` names another, e.g. a
/// PostgreSQL database shared by several front-ends).
pub fn run(home: Home, database: Database, args: &ServeArgs, pass: Option<&str>) -> CliResult<()> {
    let config = ServeConfig::load(&home, args)?;
    let mut keys = BTreeMap::new();
    for info in keystore::list(&home)? {
        let secret = keystore::load(&home, &info.name, pass)?;
        let public = secret.public_key();
        let key = IssuerKey {
            did: did_key(&public),
            vm: did_key_vm(&public),
            secret,
        };
        keys.insert(info.name, key);
    }
    // Opens (and migrates) the registry once before serving, so a bad registry fails early.
    Registry::connect(&database)?;
    let acceptor = tls::acceptor(args.cert.as_deref(), args.tls_key.as_deref())?;
    let state = Arc::new(AppState {
        status_path: url_path(&home.config.status.base_url),
        api_keys: auth::KeyRing::open(&home, auth::Kind::ApiKey)?,
        clients: auth::KeyRing::open(&home, auth::Kind::Client)?,
        token_key: oauth::TokenKey::open(&home)?,
        limiter: limits::RateLimiter::new(config.rate_per_second, config.rate_burst),
        lists: lists::ListCache::new(Duration::from_secs(config.status_list_max_age_seconds)),
        commits: commit::GroupCommit::start(database.clone())?,
        indexes: commit::IndexBlocks::new(
            crate::issuing::STATUS_PURPOSE,
            config.status_index_block,
        ),
        registry: Pool::new(database, config.registry_connections),
        metrics: metrics::Metrics::default(),
        verifier: Verifier::new(config.context_store()?),
        keys,
        home,
        config,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::input(message!("serve_start_failed", detail = e.to_string())))?;
    runtime.block_on(serve(state, acceptor))
}

/// Accepts connections until SIGINT or SIGTERM.
async fn serve(state: Arc<AppState>, acceptor: tokio_rustls::TlsAcceptor) -> CliResult<()> {
    let listener = TcpListener::bind(&state.config.listen).await.map_err(|e| {
        CliError::input(message!(
            "serve_bind_failed",
            address = &state.config.listen,
            detail = e.to_string()
        ))
    })?;
    let local = listener
        .local_addr()
        .map_err(|e| CliError::input(message!("serve_start_failed", detail = e.to_string())))?;
    say!("serve_listening", url = format!("https://{local}"));
    let app = routes::router(state.clone());
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = &mut shutdown => break,
        };
        let Ok((tcp, peer)) = accepted else {
            continue;
        };
        let _ = tcp.set_nodelay(true);
        let acceptor = acceptor.clone();
        let app = app.clone();
        tokio::spawn(async move {
            let handshake = tokio::time::timeout(Duration::from_secs(10), acceptor.accept(tcp));
            let Ok(Ok(tls)) = handshake.await else {
                return;
            };
            let service =
                hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                    let mut req = req.map(axum::body::Body::new);
                    req.extensions_mut().insert(limits::Peer(peer));
                    app.clone().oneshot(req)
                });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(Duration::from_secs(10))
                .serve_connection(TokioIo::new(tls), service)
                .await;
        });
    }
    say!("serve_stopped");
    Ok(())
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
