//! What wraps every request: a per-client rate limit (token bucket), a time limit, the request
//! size limit (checked on `Content-Length` before any body is read, and again while reading),
//! one structured log line and the metrics.
//!
//! The log line is JSON with the time, method, route (the pattern, never the path with its
//! identifiers), status, latency and client (API key id, or `anonymous`): no request content,
//! so no names or subject claims.

use super::error::ApiError;
use super::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use credential_core::message;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The client a response was made for (set by the handlers that authenticate).
#[derive(Clone)]
pub struct ClientId(pub String);

/// The address of the connection a request came on.
#[derive(Clone, Copy)]
pub struct Peer(pub SocketAddr);

/// Token buckets per client.
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

/// Buckets kept before idle ones are dropped.
const MAX_BUCKETS: usize = 100_000;

impl RateLimiter {
    /// `rate` requests per second, bursts of `burst`.
    pub fn new(rate: f64, burst: f64) -> Self {
        RateLimiter {
            rate,
            burst: burst.max(1.0),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `client` may make one more request now.
    pub fn allow(&self, client: &str) -> bool {
        let now = Instant::now();
        let mut b = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if b.len() >= MAX_BUCKETS {
            let (rate, burst) = (self.rate, self.burst);
            b.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < burst
            });
        }
        let (tokens, at) = b.entry(client.to_owned()).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.rate).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The rate-limit key of a request: its bearer token (hashed: the limiter never holds tokens),
/// else the client address.
fn limit_key(req: &Request) -> String {
    match req.headers().get(AUTHORIZATION) {
        Some(v) => {
            let h = Sha256::digest(v.as_bytes());
            format!("t:{}", credential_core::codec::hex(&h[..12]))
        }
        None => match req.extensions().get::<Peer>() {
            Some(p) => format!("a:{}", p.0.ip()),
            None => "a:unknown".into(),
        },
    }
}

/// Seconds since the Unix epoch with milliseconds, for the log.
fn log_time() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!("{}.{:03}", now.as_secs(), now.subsec_millis())
}

/// The middleware around every route.
pub async fn guard(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let too_large = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > state.config.max_body_bytes as u64);
    let response = if too_large {
        ApiError::too_large(state.config.max_body_bytes).into_response()
    } else if !state.limiter.allow(&limit_key(&req)) {
        ApiError::new(
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            "RATE_LIMITED",
            "rate_limited",
            message!("serve_rate_limited"),
        )
        .into_response()
    } else {
        let limit = Duration::from_secs(state.config.timeout_seconds);
        match tokio::time::timeout(limit, next.run(req)).await {
            Ok(r) => r,
            Err(_) => ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "TIMEOUT",
                "timeout",
                message!("serve_timeout", seconds = state.config.timeout_seconds),
            )
            .into_response(),
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    state.metrics.request(&route, &method, status, seconds);
    let client = response
        .extensions()
        .get::<ClientId>()
        .map_or("anonymous", |c| c.0.as_str());
    log(&method, &route, status, seconds, client);
    response
}

/// Writes the log line of one request to stderr: built in one string (no JSON tree), written in
/// one call.
fn log(method: &str, route: &str, status: u16, seconds: f64, client: &str) {
    use std::io::Write;
    let text = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let line = format!(
        "{{\"ts\":\"{}\",\"method\":{},\"route\":{},\"status\":{status},\"ms\":{:.3},\"client\":{}}}\n",
        log_time(),
        text(method),
        text(route),
        seconds * 1e3,
        text(client),
    );
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// The body of `req`, at most `max` bytes (413 beyond: a chunked body has no `Content-Length`).
pub async fn body(req: Body, max: usize) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(req, max)
        .await
        .map_err(|_| ApiError::too_large(max))
}
