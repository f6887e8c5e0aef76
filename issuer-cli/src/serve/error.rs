//! Error responses: problem details as the VC Data Model 2.0 defines them (§ 7.1 "Problem
//! Details": `type` a URL naming the kind of problem, `title`, `detail`), with Laissez's stable
//! snake_case `code` beside them. 400 for a request that cannot be read, 401/403 for access,
//! 404, 409 for a credential id already issued, 413 for size, 422 for a well-formed request
//! whose content is refused, 429 for the rate limit, 500/503 for the server's own failures.

use crate::error::CliError;
use crate::i18n;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use credential_core::{message, Message};
use serde_json::json;

/// The VC Data Model 2.0 problem type base.
const TYPE_BASE: &str = "https://www.w3.org/TR/vc-data-model#";

/// An error response.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Problem type (the fragment after the VC Data Model 2.0 base: `PARSING_ERROR`, …).
    pub kind: &'static str,
    /// Stable code.
    pub code: String,
    /// What went wrong.
    pub message: Message,
}

impl ApiError {
    /// An error with every part given.
    pub fn new(status: StatusCode, kind: &'static str, code: &str, message: Message) -> Self {
        ApiError {
            status,
            kind,
            code: code.to_owned(),
            message,
        }
    }

    /// 400: the body is not the JSON the endpoint takes.
    pub fn bad_request(code: &str, message: Message) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "PARSING_ERROR", code, message)
    }

    /// 422: well-formed, but the content is refused.
    pub fn unprocessable(code: &str, message: Message) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "MALFORMED_VALUE_ERROR",
            code,
            message,
        )
    }

    /// 413.
    pub fn too_large(max: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PARSING_ERROR",
            "body_too_large",
            message!("serve_body_too_large", max = max),
        )
    }

    /// 404.
    pub fn not_found(code: &str, message: Message) -> Self {
        Self::new(StatusCode::NOT_FOUND, "NOT_FOUND", code, message)
    }

    /// 500, for failures of the server itself (registry, keys); the detail goes to the log
    /// only when it names no person (registry errors name none).
    pub fn internal(detail: &dyn std::fmt::Display) -> Self {
        eprintln!(
            "{}",
            json!({"level": "error", "detail": detail.to_string()})
        );
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL_ERROR",
            "internal_error",
            message!("serve_internal_error"),
        )
    }

    /// A core error found in the client's document: 422 (400 for JSON that does not parse).
    pub fn core(e: &credential_core::Error) -> Self {
        let (status, kind) = match e.code() {
            "malformed_json" | "invalid_utf8" | "input_too_large" | "json_too_deep"
            | "too_many_objects" | "too_many_values" | "array_too_long" | "duplicate_member" => {
                (StatusCode::BAD_REQUEST, "PARSING_ERROR")
            }
            "proof_missing" | "invalid_signature" | "malformed_proof" => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "CRYPTOGRAPHIC_SECURITY_ERROR",
            ),
            _ => (StatusCode::UNPROCESSABLE_ENTITY, "MALFORMED_VALUE_ERROR"),
        };
        Self::new(status, kind, e.code(), e.message())
    }

    /// A CLI-level error of the client's input (422), or of the server (500).
    pub fn from_cli(e: CliError) -> Self {
        match e {
            CliError::Core(c) => Self::core(&c),
            CliError::StatusRefused(r) => Self::unprocessable(r.code(), r.message()),
            CliError::Input { message, .. } => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "MALFORMED_VALUE_ERROR",
                message.id,
                message,
            ),
            other => Self::internal(&other),
        }
    }

    /// The problem-details body.
    pub fn body(&self) -> serde_json::Value {
        json!({
            "type": format!("{TYPE_BASE}{}", self.kind),
            "code": self.code,
            "title": self.kind,
            "detail": i18n::text(&self.message),
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(self.status, &self.body())
    }
}

/// `value` as an `application/json` response with `status`.
pub fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    (
        status,
        [(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/json"),
        )],
        value.to_string(),
    )
        .into_response()
}

/// A request option holding a list of JSON Pointers (`mandatoryPointers`, `selectivePointers`):
/// absent or null is empty; anything but an array of strings is a 400.
pub fn pointer_list(
    options: Option<&serde_json::Map<String, serde_json::Value>>,
    name: &str,
) -> Result<Vec<String>, ApiError> {
    use serde_json::Value;
    let not_strings = || {
        ApiError::bad_request(
            "option_not_string",
            credential_core::message!("serve_option_not_string", option = name),
        )
    };
    match options.and_then(|o| o.get(name)) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .map(|p| p.as_str().map(str::to_owned))
            .collect::<Option<_>>()
            .ok_or_else(not_strings),
        Some(_) => Err(not_strings()),
    }
}
