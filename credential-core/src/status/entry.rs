//! `credentialStatus` entries of type `BitstringStatusListEntry` (§2.1).

use crate::error::{Error, Result};
use crate::model::is_url;
use serde_json::{Map, Value};

/// A status purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusPurpose {
    /// Permanent cancellation.
    Revocation,
    /// Temporary suspension, which can be lifted.
    Suspension,
}

impl StatusPurpose {
    /// The `statusPurpose` value.
    pub fn name(self) -> &'static str {
        match self {
            StatusPurpose::Revocation => "revocation",
            StatusPurpose::Suspension => "suspension",
        }
    }

    /// Parses a `statusPurpose` value we act on (`message` and others are not status we check).
    pub fn from_name(s: &str) -> Option<Self> {
        match s {
            "revocation" => Some(StatusPurpose::Revocation),
            "suspension" => Some(StatusPurpose::Suspension),
            _ => None,
        }
    }
}

/// One parsed status entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEntry {
    /// Why the list exists.
    pub purpose: StatusPurpose,
    /// Position in the list.
    pub index: usize,
    /// URL of the `BitstringStatusListCredential`.
    pub list_url: String,
}

/// The revocation / suspension entries of a credential's `credentialStatus` (others, such as
/// `message` lists, are skipped). A malformed `BitstringStatusListEntry` is an error.
pub fn status_entries(credential: &Map<String, Value>) -> Result<Vec<StatusEntry>> {
    let Some(status) = credential.get("credentialStatus") else {
        return Ok(Vec::new());
    };
    let items: Vec<&Value> = match status {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    let bad = |reason: &str| Error::InvalidProperty {
        property: "credentialStatus".into(),
        reason: reason.into(),
    };
    let mut out = Vec::new();
    for item in items {
        let o = item
            .as_object()
            .ok_or_else(|| bad("each entry must be an object"))?;
        if o.get("type").and_then(Value::as_str) != Some("BitstringStatusListEntry") {
            continue;
        }
        let Some(purpose) = o
            .get("statusPurpose")
            .and_then(Value::as_str)
            .and_then(StatusPurpose::from_name)
        else {
            continue;
        };
        let index = o
            .get("statusListIndex")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<usize>().ok())
            .ok_or_else(|| bad("statusListIndex must be a string of decimal digits"))?;
        let list_url = o
            .get("statusListCredential")
            .and_then(Value::as_str)
            .filter(|u| is_url(u))
            .ok_or_else(|| bad("statusListCredential must be a URL"))?
            .to_owned();
        out.push(StatusEntry {
            purpose,
            index,
            list_url,
        });
    }
    Ok(out)
}
