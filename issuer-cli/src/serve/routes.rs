//! The HTTP routes and their handlers: each checks access, reads the body (bounded), and runs
//! the work: signing and verifying (CPU) in place on the async worker when the body is small,
//! registry work and large bodies on tokio's blocking pool.

use super::auth::Denied;
use super::error::{json_response, ApiError};
use super::limits::{self, ClientId};
use super::lists::parse_purpose;
use super::{issue, oauth, status, verify, AppState};
use crate::cli::Scope;
use crate::clock;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, PRAGMA, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use credential_core::json::{parse_bounded, JsonLimits};
use credential_core::message;
use serde_json::{Map, Value};
use std::sync::Arc;

type Shared = State<Arc<AppState>>;

/// Bodies up to this size are verified or signed where they were read, on the async worker:
/// that takes a few hundred microseconds for a credential of a few kilobytes, and handing it to a
/// pool thread and back costs two thread switches more on two cores. Larger bodies go to the
/// blocking pool, so that one large document does not hold a worker's other connections up.
const IN_PLACE_BYTES: usize = 16 * 1024;

/// Where a handler's work runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Runs {
    /// CPU work whose rare registry calls move themselves off the worker (`block_in_place`):
    /// in place for a small body.
    Cpu,
    /// Registry work: on the blocking pool.
    Blocking,
}

/// The OpenAPI document (specs/openapi.json).
const OPENAPI: &str = include_str!("../../../specs/openapi.json");

/// Every route, with the guard (limits, log, metrics) around each.
pub fn router(state: Arc<AppState>) -> Router {
    let lists = state.status_path.clone();
    Router::new()
        .route("/credentials/issue", post(issue_default))
        .route("/issuers/{key}/credentials/issue", post(issue_as))
        .route("/credentials/verify", post(verify_credential))
        .route("/presentations/verify", post(verify_presentation))
        .route("/credentials/derive", post(derive))
        .route("/credentials/status", post(set_status))
        .route(
            &format!("{lists}/{{key}}/{{purpose}}/{{number}}"),
            get(status_list),
        )
        .route(
            &format!("{lists}/{{key}}/{{purpose}}/{{number}}/publish"),
            post(publish),
        )
        .route("/oauth/token", post(token))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), limits::guard))
        .with_state(state)
}

/// The key id allowed to do `scope`, `None` for open verification; 401 or 403 otherwise.
fn authorize(
    state: &AppState,
    headers: &HeaderMap,
    scope: Scope,
) -> Result<Option<String>, ApiError> {
    if scope == Scope::Verify && state.config.open_verify {
        return Ok(None);
    }
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map_or("", str::trim);
    let checked = if token.starts_with(oauth::TOKEN_PREFIX) {
        oauth::check(&state.token_key, token, scope, clock::now().0, |id| {
            state.clients.active_scopes(id)
        })
    } else {
        state.api_keys.check(token, scope)
    };
    match checked {
        Ok(id) => Ok(Some(id)),
        Err(Denied::Expired) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            "token_expired",
            message!("serve_token_expired"),
        )),
        Err(Denied::Unauthenticated) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            "unauthenticated",
            message!("serve_unauthenticated"),
        )),
        Err(Denied::Forbidden) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "FORBIDDEN",
            "forbidden",
            message!("serve_forbidden", scope = super::auth::scope_name(scope)),
        )),
    }
}

/// The response for `result`, marked with the client it was made for.
fn reply(client: Option<String>, result: Result<Response, ApiError>) -> Response {
    let mut response = match result {
        Ok(r) => r,
        Err(e) => {
            let unauthenticated = e.status == StatusCode::UNAUTHORIZED;
            let mut r = e.into_response();
            if unauthenticated {
                r.headers_mut()
                    .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            r
        }
    };
    if let Some(c) = client {
        response.extensions_mut().insert(ClientId(c));
    }
    response
}

/// Reads the body (bounded) as a JSON object and runs `work` on it where `runs` says.
async fn run<T, F>(state: &Arc<AppState>, body: Body, runs: Runs, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Arc<AppState>, Map<String, Value>) -> Result<T, ApiError> + Send + 'static,
{
    let max = state.config.max_body_bytes;
    let bytes = limits::body(body, max).await?;
    let in_place = runs == Runs::Cpu && bytes.len() <= IN_PLACE_BYTES;
    let state = state.clone();
    let job = move || {
        let limits = JsonLimits {
            max_bytes: max,
            ..JsonLimits::default()
        };
        let value = parse_bounded(&bytes, limits).map_err(|e| ApiError::core(&e))?;
        let Value::Object(map) = value else {
            return Err(ApiError::bad_request(
                "body_not_object",
                message!("serve_body_not_object"),
            ));
        };
        work(&state, map)
    };
    if in_place {
        job()
    } else {
        tokio::task::spawn_blocking(job)
            .await
            .map_err(|e| ApiError::internal(&e))?
    }
}

/// Checks access for `scope`, reads the body as a JSON object and runs `work` on it (see
/// [`run`]); answers with the JSON it returns.
async fn handle<F>(
    state: Arc<AppState>,
    headers: HeaderMap,
    body: Body,
    scope: Scope,
    runs: Runs,
    work: F,
) -> Response
where
    F: FnOnce(&AppState, Map<String, Value>) -> Result<(StatusCode, Value), ApiError>
        + Send
        + 'static,
{
    let client = match authorize(&state, &headers, scope) {
        Ok(c) => c,
        Err(e) => return reply(None, Err(e)),
    };
    let result = run(&state, body, runs, move |s, map| {
        work(s, map).map(|(status, v)| json_response(status, &v))
    })
    .await;
    reply(client, result)
}

/// `POST /credentials/issue` as the key `key` names, else the default: signed (see [`run`]),
/// then recorded with the group commit; answered once committed.
async fn issue(
    state: Arc<AppState>,
    key: Option<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let client = match authorize(&state, &headers, Scope::Issue) {
        Ok(c) => c,
        Err(e) => return reply(None, Err(e)),
    };
    let result = async {
        let signed = run(&state, body, Runs::Cpu, move |s, map| {
            issue::sign(s, key.as_deref(), map)
        })
        .await?;
        issue::record(&state, signed).await
    }
    .await;
    reply(client, result)
}

async fn issue_default(State(state): Shared, headers: HeaderMap, body: Body) -> Response {
    issue(state, None, headers, body).await
}

async fn issue_as(
    State(state): Shared,
    Path(key): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    issue(state, Some(key), headers, body).await
}

async fn verify_credential(State(state): Shared, headers: HeaderMap, body: Body) -> Response {
    handle(
        state,
        headers,
        body,
        Scope::Verify,
        Runs::Cpu,
        verify::credential,
    )
    .await
}

async fn verify_presentation(State(state): Shared, headers: HeaderMap, body: Body) -> Response {
    handle(state, headers, body, Scope::Verify, Runs::Cpu, |s, b| {
        verify::presentation(s, &b)
    })
    .await
}

async fn derive(State(state): Shared, headers: HeaderMap, body: Body) -> Response {
    handle(state, headers, body, Scope::Verify, Runs::Cpu, |s, b| {
        verify::derive(s, &b)
    })
    .await
}

async fn set_status(State(state): Shared, headers: HeaderMap, body: Body) -> Response {
    handle(
        state,
        headers,
        body,
        Scope::Status,
        Runs::Blocking,
        |s, b| status::set(s, &b),
    )
    .await
}

/// `GET {status base}/{key}/{purpose}/{number}`: the signed list credential.
async fn status_list(
    State(state): Shared,
    Path((key, purpose, number)): Path<(String, String, String)>,
) -> Response {
    let result = list(state, key, purpose, number, false).await;
    match result {
        Ok(json) => (
            StatusCode::OK,
            [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
            json,
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

/// `POST {status base}/{key}/{purpose}/{number}/publish`: rebuild the list now (204).
async fn publish(
    State(state): Shared,
    Path((key, purpose, number)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let client = match authorize(&state, &headers, Scope::Status) {
        Ok(c) => c,
        Err(e) => return reply(None, Err(e)),
    };
    let mut response = match list(state, key, purpose, number, true).await {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => e.into_response(),
    };
    if let Some(c) = client {
        response.extensions_mut().insert(ClientId(c));
    }
    response
}

/// `POST /oauth/token`: an access token for a client's id and secret (RFC 6749 § 4.4), or the
/// § 5.2 error; never cached (§ 5.1).
async fn token(State(state): Shared, headers: HeaderMap, body: Body) -> Response {
    let bytes = match limits::body(body, state.config.max_body_bytes).await {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let authorization = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    let lifetime = state.config.token_lifetime_seconds as i64;
    let result = oauth::token(
        &state.clients,
        &state.token_key,
        lifetime,
        authorization,
        &bytes,
        clock::now().0,
    );
    let mut response = match result {
        Ok((answer, client)) => {
            let mut r = json_response(StatusCode::OK, &answer);
            r.extensions_mut().insert(ClientId(client));
            r
        }
        Err(refusal) => {
            let body = serde_json::json!({
                "error": refusal.error,
                "error_description": crate::i18n::text(&refusal.message),
            });
            let mut r = json_response(refusal.status, &body);
            if refusal.status == StatusCode::UNAUTHORIZED {
                r.headers_mut().insert(
                    WWW_AUTHENTICATE,
                    HeaderValue::from_static("Basic realm=\"laissez\""),
                );
            }
            r
        }
    };
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// The list named by the path parts, rebuilt when `fresh`.
async fn list(
    state: Arc<AppState>,
    key: String,
    purpose: String,
    number: String,
    fresh: bool,
) -> Result<String, ApiError> {
    let purpose = parse_purpose(&purpose)?;
    let number: i64 = number.parse().ok().filter(|n| *n >= 0).ok_or_else(|| {
        ApiError::not_found("unknown_status_list", message!("serve_unknown_status_list"))
    })?;
    tokio::task::spawn_blocking(move || {
        state
            .lists
            .get(&state, &(key, purpose, number), fresh)
            .map(|b| b.json.clone())
    })
    .await
    .map_err(|e| ApiError::internal(&e))?
}

async fn healthz() -> Response {
    json_response(StatusCode::OK, &serde_json::json!({"status": "ok"}))
}

async fn metrics(State(state): Shared) -> Response {
    (
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4"),
        )],
        state.metrics.render(),
    )
        .into_response()
}

async fn openapi() -> Response {
    (
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        OPENAPI,
    )
        .into_response()
}

async fn not_found() -> Response {
    ApiError::not_found("not_found", message!("serve_not_found")).into_response()
}
