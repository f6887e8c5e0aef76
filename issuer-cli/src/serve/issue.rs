//! `POST /credentials/issue`: secure the credential a client sends (`{credential, options}`)
//! with one of the home's keys, give it Bitstring Status List entries (an index allocated in the
//! registry, so never used twice, whichever front-end allocates it), record it, return it.
//!
//! The client's credential is kept as sent, except `issuer` (set to the signing key's
//! `did:key` when absent; refused when it names another issuer) and `credentialStatus` (added
//! when absent). A credential id already issued is refused (409); without an `id`, the registry
//! row gets a fresh `urn:uuid:`. `options.recordId` (a Laissez extension) is the idempotency key
//! of the issuer's own records: one credential per record id.
//!
//! [`sign`] does the work up to the signature (CPU, with a registry look-up only when the
//! request names an id or a record id, and an index reservation when the reserved ones run out);
//! [`record`] waits, without holding a thread, for the group commit that records it.

use super::error::{pointer_list, ApiError};
use super::{AppState, IssuerKey};
use crate::clock;
use crate::issuing::{list_url, record_key, GENERIC, STATUS_PURPOSE};
use crate::registry::{Entry, Purposes};
use crate::securing::Securing;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use credential_core::codec::{hex, urn_uuid};
use credential_core::message;
use credential_core::model::{Credential, DataModelVersion};
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::sd::{self, BaseProofOptions};
use credential_core::status::StatusPurpose;
use credential_core::suites::Cryptosuite;
use rand_core::{OsRng, RngCore};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Longest credential id or record id the registry takes, in bytes.
const MAX_ID: usize = 200;

/// The members of an object member, or 400.
fn object<'a>(
    body: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a Map<String, Value>>, ApiError> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => Err(ApiError::bad_request(
            "member_not_object",
            message!("serve_member_not_object", member = name),
        )),
    }
}

/// An optional string option, or 400.
fn string_option<'a>(
    options: Option<&'a Map<String, Value>>,
    name: &str,
) -> Result<Option<&'a str>, ApiError> {
    match options.and_then(|o| o.get(name)) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::bad_request(
            "option_not_string",
            message!("serve_option_not_string", option = name),
        )),
    }
}

/// The key and securing mechanism for a request: the path's key (`/issuers/{key}/…`) or the key
/// that suits `options.cryptosuite` (the home's default key first); the suite from the options,
/// else the home's default when it suits the key, else the key's RDFC suite.
fn choose<'a>(
    state: &'a AppState,
    key_name: Option<&str>,
    suite: Option<&str>,
) -> Result<(&'a str, &'a IssuerKey, Securing), ApiError> {
    let parse = |name: &str| {
        if name == "ecdsa-sd-2023" {
            return Ok(Securing::EcdsaSd);
        }
        Cryptosuite::from_name(name)
            .map(Securing::DataIntegrity)
            .map_err(|_| {
                ApiError::unprocessable(
                    "unknown_cryptosuite",
                    message!("serve_unknown_cryptosuite", suite = name),
                )
            })
    };
    let fits = |s: Securing, key: &IssuerKey| s.check_key("", key.secret.algorithm()).is_ok();
    let default_suite = &state.home.config.issuance.default_suite;
    if let Some(name) = key_name {
        let Some((name, key)) = state.keys.get_key_value(name) else {
            return Err(ApiError::not_found(
                "unknown_issuer",
                message!("serve_unknown_issuer", key = name),
            ));
        };
        let securing = match suite {
            Some(s) => parse(s)?,
            None => match parse(default_suite) {
                Ok(s) if fits(s, key) => s,
                _ => Securing::DataIntegrity(crate::signing::rdfc_suite(&key.secret)),
            },
        };
        if !fits(securing, key) {
            return Err(ApiError::unprocessable(
                "key_suite_mismatch",
                message!(
                    "serve_key_suite_mismatch",
                    key = name.as_str(),
                    suite = securing.name()
                ),
            ));
        }
        return Ok((name.as_str(), key, securing));
    }
    let securing = parse(suite.unwrap_or(default_suite))?;
    let default_key = &state.home.config.issuer.default_key;
    let key = state
        .keys
        .get_key_value(default_key)
        .filter(|(_, k)| fits(securing, k))
        .or_else(|| state.keys.iter().find(|(_, k)| fits(securing, k)));
    match key {
        Some((name, key)) => Ok((name.as_str(), key, securing)),
        None => Err(ApiError::unprocessable(
            "no_key_for_suite",
            message!("serve_no_key_for_suite", suite = securing.name()),
        )),
    }
}

/// Sets `issuer` to `did` when absent; refuses another issuer.
fn check_issuer(credential: &mut Map<String, Value>, did: &str) -> Result<(), ApiError> {
    let named = match credential.get_mut("issuer") {
        None => {
            credential.insert("issuer".into(), json!(did));
            return Ok(());
        }
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Object(o)) => match o.get("id") {
            Some(Value::String(s)) => s.as_str(),
            _ => "",
        },
        Some(_) => "",
    };
    if named == did {
        Ok(())
    } else {
        Err(ApiError::unprocessable(
            "issuer_mismatch",
            message!("serve_issuer_mismatch", issuer = did),
        ))
    }
}

/// What the VC Data Model 2.0 requires of `credentialSubject` and `relatedResource` beyond the
/// core's checks: each subject holds at least one claim (§ 4.8); each related resource is an
/// object with an `id` (unique among them) and a `digestSRI` or `digestMultibase` (§ 5.3).
fn check_shapes(doc: &Map<String, Value>) -> Result<(), ApiError> {
    let refuse = |property: &str| {
        Err(ApiError::unprocessable(
            "invalid_property",
            message!("serve_invalid_shape", property = property),
        ))
    };
    let subjects = match doc.get("credentialSubject") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    if subjects
        .iter()
        .any(|s| s.as_object().is_some_and(|o| o.is_empty()))
    {
        return refuse("credentialSubject");
    }
    if let Some(related) = doc.get("relatedResource") {
        let items = match related {
            Value::Array(a) => a.iter().collect(),
            one => vec![one],
        };
        let mut ids = std::collections::HashSet::new();
        for item in items {
            let Some(o) = item.as_object() else {
                return refuse("relatedResource");
            };
            let id = o.get("id").and_then(Value::as_str);
            let digest = o.contains_key("digestSRI") || o.contains_key("digestMultibase");
            if !digest || !id.is_some_and(|i| ids.insert(i.to_owned())) {
                return refuse("relatedResource");
            }
        }
    }
    Ok(())
}

/// A credential signed and not recorded yet.
pub struct Signed {
    entry: Entry,
    /// The signed credential's JSON text (what is recorded and returned).
    text: String,
}

/// 409: the record (or credential id) was issued already.
fn conflict() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "CONFLICT",
        "already_issued",
        message!("serve_already_issued"),
    )
}

/// Whether the registry holds `credential_id` or `record_key` (blocking).
fn issued_already(
    state: &AppState,
    credential_id: &str,
    record_key: &str,
) -> Result<bool, ApiError> {
    state
        .registry
        .with(|r| Ok(r.get(credential_id)?.is_some() || r.find_record(record_key)?.is_some()))
        .map_err(|e| ApiError::internal(&e))
}

/// A status index for a new credential: from the reserved blocks, or (seldom) from a new
/// reservation, moved off the async worker. Starts reserving the next block in the background
/// when half of the current one is handed out.
fn status_index(state: &Arc<AppState>) -> Result<i64, ApiError> {
    let index = match state.indexes.take() {
        Some(i) => i,
        None => tokio::task::block_in_place(|| state.indexes.take_reserving(&state.registry))
            .map_err(|e| ApiError::internal(&e))?,
    };
    if state.indexes.claim_top_up() {
        let state = state.clone();
        tokio::task::spawn_blocking(move || state.indexes.top_up(&state.registry));
    }
    Ok(index)
}

/// Checks and signs what `body` asks, as key `key_name` when the route names one. CPU work; the
/// registry calls it may make are moved off the async worker.
pub fn sign(
    state: &Arc<AppState>,
    key_name: Option<&str>,
    mut body: Map<String, Value>,
) -> Result<Signed, ApiError> {
    let credential = match body.remove("credential") {
        None | Some(Value::Null) => {
            return Err(ApiError::bad_request(
                "missing_credential",
                message!("serve_missing_member", member = "credential"),
            ))
        }
        Some(Value::Object(o)) => o,
        Some(_) => {
            return Err(ApiError::bad_request(
                "member_not_object",
                message!("serve_member_not_object", member = "credential"),
            ))
        }
    };
    let options = object(&body, "options")?;
    if let Some(t) = string_option(options, "type")? {
        if t != "DataIntegrityProof" {
            return Err(ApiError::unprocessable(
                "unsupported_proof_type",
                message!("serve_unsupported_proof_type", proof_type = t),
            ));
        }
    }
    let (key_name, key, securing) =
        choose(state, key_name, string_option(options, "cryptosuite")?)?;
    let mut doc = credential;
    check_issuer(&mut doc, &key.did)?;
    // Everything that can refuse the credential comes before an index is allocated, so a
    // refused request changes nothing: the data model (VC 2.0 only), every term defined (no
    // data loss, whatever the suite), no proof yet.
    let processor = state.verifier.processor();
    let checked = Credential::from_json(Value::Object(doc)).map_err(|e| ApiError::core(&e))?;
    match checked.validate() {
        Ok(DataModelVersion::V2_0) => {}
        Ok(_) => {
            return Err(ApiError::unprocessable(
                "unsupported_version",
                message!("serve_vc_1_1_not_issued"),
            ))
        }
        Err(e) => return Err(ApiError::core(&e)),
    }
    let Value::Object(mut doc) = checked.into_json() else {
        return Err(ApiError::bad_request(
            "member_not_object",
            message!("serve_member_not_object", member = "credential"),
        ));
    };
    check_shapes(&doc)?;
    if doc.contains_key("proof") {
        return Err(ApiError::unprocessable(
            "already_secured",
            message!("serve_already_secured"),
        ));
    }
    processor.to_rdf(&doc).map_err(|e| ApiError::core(&e))?;
    let credential_id = match doc.get("id") {
        Some(Value::String(id)) => id.clone(),
        _ => {
            let mut b = [0u8; 16];
            OsRng.fill_bytes(&mut b);
            urn_uuid(b, 4)
        }
    };
    let record_id = string_option(options, "recordId")?.unwrap_or(&credential_id);
    if credential_id.len() > MAX_ID || record_id.len() > MAX_ID {
        return Err(ApiError::unprocessable(
            "id_too_long",
            message!("serve_id_too_long", max = MAX_ID),
        ));
    }
    let rkey = record_key(GENERIC, record_id);
    // A fresh random id with no record id cannot have been issued: no look-up then (one
    // database round trip less); otherwise refuse a repeat before allocating and signing.
    let fresh = !doc.contains_key("id") && string_option(options, "recordId")?.is_none();
    if !fresh && tokio::task::block_in_place(|| issued_already(state, &credential_id, &rkey))? {
        return Err(conflict());
    }
    let index = if doc.contains_key("credentialStatus") {
        None
    } else {
        let i = status_index(state)?;
        let size = state.home.config.status.list_size as i64;
        let entries: Vec<Value> = [StatusPurpose::Revocation, StatusPurpose::Suspension]
            .iter()
            .map(|p| {
                let url = list_url(&state.home, key_name, *p, i);
                json!({
                    "id": format!("{url}#{}", i % size),
                    "type": "BitstringStatusListEntry",
                    "statusPurpose": p.name(),
                    "statusListIndex": (i % size).to_string(),
                    "statusListCredential": url,
                })
            })
            .collect();
        doc.insert("credentialStatus".into(), Value::Array(entries));
        Some(i)
    };
    credential_core::status::status_entries(&doc).map_err(|e| ApiError::core(&e))?;
    let now = clock::now();
    let vm = key.vm.clone();
    let signed = match securing {
        // Checked above (data model, terms): the proof is all that is left.
        Securing::DataIntegrity(suite) => {
            let opts = ProofOptions::assertion(suite, vm).created(now);
            add_proof(&doc, &opts, &key.secret, processor).map_err(|e| ApiError::core(&e))?
        }
        _ => {
            let mandatory = pointer_list(options, "mandatoryPointers")?;
            let opts = BaseProofOptions::assertion(vm)
                .created(now)
                .mandatory(mandatory);
            sd::create_base_proof(&doc, &opts, &key.secret, &mut OsRng, processor)
                .map_err(|e| ApiError::core(&e))?
        }
    };
    let text = serde_json::to_string(&signed).map_err(|e| ApiError::internal(&e))?;
    let entry = Entry {
        credential_id,
        record_key: rkey,
        profile: GENERIC.into(),
        suite: securing.name().into(),
        key_name: key_name.to_owned(),
        issued_at: now.to_rfc3339(),
        status_purpose: index.map(|_| STATUS_PURPOSE.to_owned()),
        status_index: index,
        digest: hex(&Sha256::digest(text.as_bytes())),
        // Both entries when the server added them; none of this issuer's when the client
        // brought its own `credentialStatus`.
        status_purposes: Some(index.map_or(Purposes::NONE, |_| Purposes::BOTH)),
    };
    Ok(Signed { entry, text })
}

/// Records `signed` with the other requests waiting (group commit) and answers 201 with it once
/// committed; 409 when its record or id was issued meanwhile.
pub async fn record(state: &Arc<AppState>, signed: Signed) -> Result<Response, ApiError> {
    let Signed { entry, text } = signed;
    let ids = (entry.credential_id.clone(), entry.record_key.clone());
    // The response body around the text already serialised for the registry.
    let mut body = String::with_capacity(text.len() + 26);
    body.push_str("{\"verifiableCredential\":");
    body.push_str(&text);
    body.push('}');
    match state.commits.insert((entry, text)).await {
        Ok(true) => {}
        // Another request recorded the same record between the check and now.
        Ok(false) => return Err(conflict()),
        // The same credential id, perhaps.
        Err(e) => {
            let s = state.clone();
            let again = tokio::task::spawn_blocking(move || issued_already(&s, &ids.0, &ids.1))
                .await
                .map_err(|e| ApiError::internal(&e))??;
            if again {
                return Err(conflict());
            }
            return Err(ApiError::internal(&e));
        }
    }
    state.metrics.issued();
    Ok((
        StatusCode::CREATED,
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        body,
    )
        .into_response())
}
