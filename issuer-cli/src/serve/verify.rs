//! `POST /credentials/verify`, `POST /presentations/verify` and `POST /credentials/derive`: the
//! core verifier and `ecdsa-sd-2023` derivation behind the VC API's request and response shapes.
//!
//! A credential verifies (200) when its verdict is `valid`, or `issuer_not_checked` (the server
//! holds no trust bundle: the signature and contents are good, nobody vouched for the issuer).
//! Status entries pointing at this server's own lists are checked against them. A request that
//! cannot be read is 400; a credential or presentation that does not verify is 422, with the
//! failed checks as `errors`.

use super::error::{pointer_list, ApiError};
use super::lists::parse_purpose;
use super::AppState;
use crate::clock;
use axum::http::StatusCode;
use credential_core::message;
use credential_core::status::status_entries;
use credential_core::verify::{CheckStatus, Verdict, VerificationReport, VerifyOptions};
use serde_json::{json, Map, Value};

fn string_option<'a>(options: Option<&'a Value>, name: &str) -> Option<&'a str> {
    options.and_then(|o| o.get(name)).and_then(Value::as_str)
}

/// The VC API verification result for `report`, with `extra` failures found by the server.
fn result(report: &VerificationReport, extra: Vec<Value>) -> (StatusCode, Value) {
    let mut checks = Vec::new();
    let mut warnings = Vec::new();
    let mut errors = extra;
    for c in &report.checks {
        let entry = || {
            json!({
                "code": c.error.unwrap_or(c.code.as_str()),
                "check": c.code.as_str(),
                "detail": crate::i18n::text(&c.message),
            })
        };
        match c.status {
            CheckStatus::Pass => checks.push(json!(c.code.as_str())),
            CheckStatus::Warning => warnings.push(entry()),
            CheckStatus::Fail => errors.push(entry()),
            CheckStatus::Skipped => {}
        }
    }
    let good = matches!(report.verdict, Verdict::Valid | Verdict::IssuerNotChecked);
    let verified = good && errors.is_empty();
    let status = if verified {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (
        status,
        json!({
            "verified": verified,
            "verdict": report.verdict,
            "checks": checks,
            "warnings": warnings,
            "errors": errors,
        }),
    )
}

/// For each status entry of `credential` on one of this server's lists: an error when its bit
/// is set.
fn own_status(state: &AppState, credential: &Map<String, Value>) -> Vec<Value> {
    let Ok(entries) = status_entries(credential) else {
        return Vec::new();
    };
    let base = state.home.config.status.base_url.trim_end_matches('/');
    let mut errors = Vec::new();
    for entry in entries {
        let Some(rest) = entry
            .list_url
            .strip_prefix(base)
            .and_then(|r| r.strip_prefix('/'))
        else {
            continue;
        };
        let parts: Vec<&str> = rest.split('/').collect();
        let [key, purpose, number] = parts[..] else {
            continue;
        };
        let (Ok(purpose), Ok(number)) = (parse_purpose(purpose), number.parse::<i64>()) else {
            continue;
        };
        if purpose != entry.purpose {
            continue;
        }
        let Ok(list) = state
            .lists
            .get(state, &(key.to_owned(), purpose, number), false)
        else {
            continue;
        };
        if list.list.get(entry.index).unwrap_or(false) {
            errors.push(json!({
                "code": purpose.name(),
                "check": format!("{}_status", purpose.name()),
                "detail": crate::i18n::text(&message!("serve_status_set", purpose = purpose.name())),
            }));
        }
    }
    errors
}

/// `POST /credentials/verify`. CPU work (a status list rebuild moves itself off the async
/// worker).
pub fn credential(
    state: &AppState,
    mut body: Map<String, Value>,
) -> Result<(StatusCode, Value), ApiError> {
    let credential = body.remove("verifiableCredential");
    let options = body.get("options");
    let challenge = string_option(options, "challenge");
    let domain = string_option(options, "domain");
    let opts = VerifyOptions {
        challenge,
        domain,
        ..VerifyOptions::at(clock::now())
    };
    match credential {
        Some(vc @ Value::Object(_)) => {
            let report = state.verifier.verify_credential(&vc, &opts);
            let extra = match &vc {
                Value::Object(vc)
                    if matches!(report.verdict, Verdict::Valid | Verdict::IssuerNotChecked) =>
                {
                    own_status(state, vc)
                }
                _ => Vec::new(),
            };
            Ok(result(&report, extra))
        }
        // A vc+jwt or SD-JWT VC in its compact form (JSON text is not a credential: a
        // credential is a map).
        Some(Value::String(text)) if !text.trim_start().starts_with('{') => {
            let report = state.verifier.verify_input(text.as_bytes(), &opts);
            Ok(result(&report, Vec::new()))
        }
        _ => Err(ApiError::bad_request(
            "missing_credential",
            message!("serve_missing_member", member = "verifiableCredential"),
        )),
    }
}

/// `POST /presentations/verify`. CPU work.
pub fn presentation(
    state: &AppState,
    body: &Map<String, Value>,
) -> Result<(StatusCode, Value), ApiError> {
    let options = body.get("options");
    let opts = VerifyOptions {
        challenge: string_option(options, "challenge"),
        domain: string_option(options, "domain"),
        ..VerifyOptions::at(clock::now())
    };
    match body.get("verifiablePresentation") {
        Some(vp @ Value::Object(_)) => {
            let report = state.verifier.verify_presentation(vp, &opts);
            Ok(result(&report, Vec::new()))
        }
        _ => Err(ApiError::bad_request(
            "missing_presentation",
            message!("serve_missing_member", member = "verifiablePresentation"),
        )),
    }
}

/// `POST /credentials/derive`: `{verifiableCredential, options: {selectivePointers}}` with an
/// `ecdsa-sd-2023` base proof -> the derived credential. CPU work.
pub fn derive(
    state: &AppState,
    body: &Map<String, Value>,
) -> Result<(StatusCode, Value), ApiError> {
    let Some(Value::Object(vc)) = body.get("verifiableCredential") else {
        return Err(ApiError::bad_request(
            "missing_credential",
            message!("serve_missing_member", member = "verifiableCredential"),
        ));
    };
    let pointers = pointer_list(
        body.get("options").and_then(Value::as_object),
        "selectivePointers",
    )?;
    let derived = credential_core::sd::derive(vc, &pointers, state.verifier.processor())
        .map_err(|e| ApiError::core(&e))?;
    Ok((
        StatusCode::CREATED,
        json!({"verifiableCredential": derived}),
    ))
}
