//! Status list credentials served at their URLs: built from the registry (every index of one
//! key's list), signed with that key (`eddsa-rdfc-2022` or `ecdsa-rdfc-2019`), and kept for
//! `status_list_max_age_seconds`. `POST {list}/publish` and a status change made through this
//! server rebuild a list at once; other front-ends see a change when their copy ages out or is
//! published (see specs/deployment.md).

use super::error::ApiError;
use super::AppState;
use crate::clock;
use crate::issuing::{list_url, STATUS_PURPOSE};
use crate::signing::{rdfc_suite, sign_document};
use credential_core::message;
use credential_core::model::Timestamp;
use credential_core::status::{list_credential, StatusList, StatusPurpose};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Days a served list credential stays valid (`validUntil`).
const VALID_DAYS: i64 = 30;

/// Which list: key name, purpose, list number.
pub type ListId = (String, StatusPurpose, i64);

/// One built list.
pub struct Built {
    at: Instant,
    /// The signed list credential (JSON text).
    pub json: String,
    /// The bits.
    pub list: StatusList,
}

/// The lists built so far.
pub struct ListCache {
    max_age: Duration,
    built: Mutex<HashMap<ListId, Arc<Built>>>,
}

impl ListCache {
    /// An empty cache whose lists are rebuilt after `max_age`.
    pub fn new(max_age: Duration) -> Self {
        ListCache {
            max_age,
            built: Mutex::new(HashMap::new()),
        }
    }

    /// Forgets list `id`, so the next request rebuilds it.
    pub fn invalidate(&self, id: &ListId) {
        self.built
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(id);
    }

    /// List `id`, rebuilt when `fresh` or when the copy is too old. A rebuild (registry,
    /// signing) is moved off the async worker when it runs on one.
    pub fn get(&self, state: &AppState, id: &ListId, fresh: bool) -> Result<Arc<Built>, ApiError> {
        if !fresh {
            let built = self.built.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(b) = built.get(id).filter(|b| b.at.elapsed() < self.max_age) {
                return Ok(b.clone());
            }
        }
        let b = Arc::new(tokio::task::block_in_place(|| build(state, id))?);
        self.built
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.clone(), b.clone());
        Ok(b)
    }
}

/// The purpose a list URL names (`revocation` or `suspension`); 404 otherwise.
pub fn parse_purpose(name: &str) -> Result<StatusPurpose, ApiError> {
    StatusPurpose::from_name(name).ok_or_else(|| {
        ApiError::not_found("unknown_status_list", message!("serve_unknown_status_list"))
    })
}

fn build(state: &AppState, id: &ListId) -> Result<Built, ApiError> {
    let (key_name, purpose, number) = id;
    let Some(key) = state.keys.get(key_name) else {
        return Err(ApiError::not_found(
            "unknown_status_list",
            message!("serve_unknown_status_list"),
        ));
    };
    let size = state.home.config.status.list_size as i64;
    let rows = state
        .registry
        .with(|r| r.status_rows())
        .map_err(|e| ApiError::internal(&e))?;
    let mut list = StatusList::new(size as usize);
    let mut known = *number == 0;
    for row in rows.iter().filter(|r| {
        &r.key_name == key_name && r.purpose == STATUS_PURPOSE && r.index / size == *number
    }) {
        known = true;
        let on = match purpose {
            StatusPurpose::Revocation => row.revoked,
            StatusPurpose::Suspension => row.suspended,
        };
        if on {
            list.set((row.index % size) as usize, true)
                .map_err(|e| ApiError::core(&e))?;
        }
    }
    if !known {
        return Err(ApiError::not_found(
            "unknown_status_list",
            message!("serve_unknown_status_list"),
        ));
    }
    let now = clock::now();
    let url = list_url(&state.home, key_name, *purpose, number * size);
    let unsigned = list_credential(
        &url,
        &key.did,
        *purpose,
        &list,
        now,
        Some(Timestamp(now.0 + VALID_DAYS * 86_400)),
    );
    let signed = sign_document(
        &unsigned,
        &key.secret,
        rdfc_suite(&key.secret),
        &state.verifier,
        now,
    )
    .map_err(ApiError::from_cli)?;
    Ok(Built {
        at: Instant::now(),
        json: signed.to_string(),
        list,
    })
}
