//! `POST /credentials/status`: `{credentialId, credentialStatus: {type, statusPurpose}}` sets
//! the credential's revocation or suspension bit in the registry (`"status": false` lifts a
//! suspension); the list it is on is rebuilt on its next request. A purpose the credential does
//! not carry as issued (a compact credential's suspension, a client's own `credentialStatus`) is
//! refused with 422 and the refusal's code, and nothing changes.

use super::error::ApiError;
use super::AppState;
use crate::error::CliError;
use crate::registry::StatusChange;
use axum::http::StatusCode;
use credential_core::message;
use credential_core::status::StatusPurpose;
use serde_json::{json, Map, Value};

/// Applies the change `body` asks for. Blocking.
pub fn set(state: &AppState, body: &Map<String, Value>) -> Result<(StatusCode, Value), ApiError> {
    let Some(Value::String(id)) = body.get("credentialId") else {
        return Err(ApiError::bad_request(
            "missing_credential_id",
            message!("serve_missing_member", member = "credentialId"),
        ));
    };
    let Some(Value::Object(status)) = body.get("credentialStatus") else {
        return Err(ApiError::bad_request(
            "missing_credential_status",
            message!("serve_missing_member", member = "credentialStatus"),
        ));
    };
    if let Some(t) = status.get("type") {
        if t != "BitstringStatusListEntry" {
            return Err(ApiError::unprocessable(
                "unsupported_status_type",
                message!("serve_unsupported_status_type"),
            ));
        }
    }
    let purpose = status
        .get("statusPurpose")
        .and_then(Value::as_str)
        .and_then(StatusPurpose::from_name)
        .ok_or_else(|| {
            ApiError::unprocessable(
                "unknown_status_purpose",
                message!("serve_unknown_status_purpose"),
            )
        })?;
    let on = match body.get("status") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(ApiError::bad_request(
                "status_not_boolean",
                message!("serve_status_not_boolean"),
            ))
        }
    };
    let change = match (purpose, on) {
        (StatusPurpose::Revocation, true) => StatusChange::Revoke,
        (StatusPurpose::Suspension, true) => StatusChange::Suspend,
        (StatusPurpose::Suspension, false) => StatusChange::Reinstate,
        (StatusPurpose::Revocation, false) => {
            return Err(ApiError::unprocessable(
                "revocation_permanent",
                message!("status_reinstate_revoked", id = id.as_str()),
            ))
        }
    };
    let outcome = state.registry.with(|r| {
        let entry = r.get(id)?;
        let Some((entry, _)) = entry else {
            return Ok(None);
        };
        let message = r.change_status(id, change)?;
        Ok(Some((entry, message)))
    });
    let (entry, message) = match outcome {
        Ok(Some(found)) => found,
        Ok(None) => {
            return Err(ApiError::not_found(
                "unknown_credential",
                message!("registry_no_credential", id = id.as_str()),
            ))
        }
        Err(CliError::Input { message, .. }) => {
            return Err(ApiError::unprocessable(message.id, message))
        }
        // A purpose the credential does not carry: 422 as above, with the refusal's code.
        Err(e @ CliError::StatusRefused(_)) => return Err(ApiError::from_cli(e)),
        Err(e) => return Err(ApiError::internal(&e)),
    };
    if let Some(index) = entry.status_index {
        let size = state.home.config.status.list_size as i64;
        state
            .lists
            .invalidate(&(entry.key_name.clone(), purpose, index / size));
    }
    Ok((
        StatusCode::OK,
        json!({
            "credentialId": id,
            "statusPurpose": purpose.name(),
            "status": on,
            "detail": crate::i18n::text(&message),
        }),
    ))
}
