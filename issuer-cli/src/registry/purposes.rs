//! Which status purposes an issued credential carries: the status entries a verifier of it can
//! ever read. The registry records them with each credential (`credentials.status_purposes`,
//! schema version 3) and refuses a revocation or suspension the credential does not carry, which
//! would set a bit nobody reads (decision 0032).
//!
//! The column holds the purpose names, comma-separated, in a fixed order: `revocation,suspension`
//! (a full Bitstring Status List credential; an SD-JWT VC, whose 2-bit Token Status List entry
//! carries both), `revocation` (a compact credential), the empty string (no status entry of this
//! issuer: issued without an index, or a `laissez serve` client's own `credentialStatus`), or
//! NULL: not recorded (a row the migration could not read, or one a process of version 2 still
//! running wrote after it); a status change then reads the purposes from the stored credential
//! ([`Purposes::of_stored`]) and refuses when it cannot.

use super::StatusChange;
use crate::error::CliError;
use crate::issuing::TOKEN_STATUS_PURPOSE;
use credential_core::status::{status_entries, StatusPurpose};
use credential_core::vc_jose::VcJwt;
use credential_core::{message, Message};
use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde_json::Value;

/// The status purposes one credential carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Purposes {
    revocation: bool,
    suspension: bool,
}

impl Purposes {
    /// No status entry of this issuer.
    pub const NONE: Purposes = Purposes {
        revocation: false,
        suspension: false,
    };
    /// Revocation and suspension.
    pub const BOTH: Purposes = Purposes {
        revocation: true,
        suspension: true,
    };

    /// The purposes in `purposes`.
    pub fn of(purposes: impl IntoIterator<Item = StatusPurpose>) -> Purposes {
        purposes.into_iter().fold(Purposes::NONE, |mut p, purpose| {
            match purpose {
                StatusPurpose::Revocation => p.revocation = true,
                StatusPurpose::Suspension => p.suspension = true,
            }
            p
        })
    }

    /// Whether `purpose` is carried.
    pub fn carries(self, purpose: StatusPurpose) -> bool {
        match purpose {
            StatusPurpose::Revocation => self.revocation,
            StatusPurpose::Suspension => self.suspension,
        }
    }

    /// The carried purposes, revocation first.
    fn names(self) -> impl Iterator<Item = &'static str> {
        [StatusPurpose::Revocation, StatusPurpose::Suspension]
            .into_iter()
            .filter(move |p| self.carries(*p))
            .map(StatusPurpose::name)
    }

    /// The column's text.
    pub fn column(self) -> &'static str {
        match (self.revocation, self.suspension) {
            (false, false) => "",
            (true, false) => "revocation",
            (false, true) => "suspension",
            (true, true) => "revocation,suspension",
        }
    }

    /// From the column's text; `None` for anything [`Purposes::column`] does not write (an
    /// unknown name: the credential counts as unknown, and status changes on it are refused).
    pub fn from_column(text: &str) -> Option<Purposes> {
        let mut purposes = Vec::new();
        for name in text.split(',').filter(|n| !n.is_empty()) {
            purposes.push(StatusPurpose::from_name(name)?);
        }
        Some(Purposes::of(purposes))
    }

    /// For a row recorded before version 3: what its issued form carries, from its allocation
    /// (`status_purpose`, `status_index`) and its stored credential. No index: nothing (the
    /// server allocates none for a credential that brings its own `credentialStatus`). A Token
    /// Status List index: both (SD-JWT VC). A Bitstring index: the purposes of the credential's
    /// `BitstringStatusListEntry` entries (JSON, or the payload of a `vc+jwt`). `None` when the
    /// credential cannot be read that way.
    pub fn of_stored(
        status_purpose: Option<&str>,
        status_index: Option<i64>,
        credential: Option<&str>,
    ) -> Option<Purposes> {
        if status_index.is_none() {
            return Some(Purposes::NONE);
        }
        if status_purpose == Some(TOKEN_STATUS_PURPOSE) {
            return Some(Purposes::BOTH);
        }
        let text = credential?.trim();
        let document = if text.starts_with('{') {
            serde_json::from_str::<Value>(text).ok()?
        } else {
            VcJwt::decode(text).ok()?.credential()
        };
        let entries = status_entries(document.as_object()?).ok()?;
        Some(Purposes::of(entries.iter().map(|e| e.purpose)))
    }
}

/// A list of names (`["revocation", "suspension"]`), as `registry show` and `export` write it.
impl Serialize for Purposes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for name in self.names() {
            seq.serialize_element(name)?;
        }
        seq.end()
    }
}

/// A revocation or suspension refused because the credential, as issued, carries no entry for
/// it (or the registry does not know what it carries). Nothing is written.
#[derive(Debug)]
pub struct StatusRefusal {
    /// The credential.
    pub credential_id: String,
    /// Its record key (`<profile>:<record id>`).
    pub record_key: String,
    /// The purpose the change needs.
    pub purpose: StatusPurpose,
    /// What the credential carries; `None`: unknown.
    pub carried: Option<Purposes>,
}

impl StatusRefusal {
    /// Checks that a credential carrying `carried` can take `change`: revoking needs a
    /// revocation entry, suspending a suspension entry; lifting a suspension needs none (it
    /// clears a flag a registry from before version 3 may hold without an entry).
    pub fn check(
        credential_id: &str,
        record_key: &str,
        change: StatusChange,
        carried: Option<Purposes>,
    ) -> Result<(), CliError> {
        let purpose = match change {
            StatusChange::Revoke => StatusPurpose::Revocation,
            StatusChange::Suspend => StatusPurpose::Suspension,
            StatusChange::Reinstate => return Ok(()),
        };
        if carried.is_some_and(|c| c.carries(purpose)) {
            return Ok(());
        }
        Err(CliError::StatusRefused(StatusRefusal {
            credential_id: credential_id.to_owned(),
            record_key: record_key.to_owned(),
            purpose,
            carried,
        }))
    }

    /// The stable code: `status_entry_missing`, or `status_purposes_unknown`.
    pub fn code(&self) -> &'static str {
        match self.carried {
            Some(_) => "status_entry_missing",
            None => "status_purposes_unknown",
        }
    }

    /// What was refused and why, naming the credential and its record.
    pub fn message(&self) -> Message {
        let (id, record) = (self.credential_id.as_str(), self.record_key.as_str());
        match (self.carried, self.purpose) {
            (None, _) => message!("status_purposes_unknown", id = id, record = record),
            (Some(_), StatusPurpose::Suspension) => {
                message!("status_no_suspension_entry", id = id, record = record)
            }
            (Some(_), StatusPurpose::Revocation) => {
                message!("status_no_revocation_entry", id = id, record = record)
            }
        }
    }

    /// What to do instead.
    pub fn hint(&self) -> Message {
        let id = self.credential_id.as_str();
        match self.carried {
            None => message!("hint_status_purposes_unknown", id = id),
            Some(c) if c.carries(StatusPurpose::Revocation) => {
                message!("hint_status_revoke_instead", id = id)
            }
            Some(_) => message!("hint_status_no_entry"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_reads_back_and_refuses_unknown_names() {
        for p in [
            Purposes::NONE,
            Purposes::BOTH,
            Purposes::of([StatusPurpose::Revocation]),
            Purposes::of([StatusPurpose::Suspension]),
        ] {
            assert_eq!(Purposes::from_column(p.column()), Some(p));
        }
        assert_eq!(Purposes::from_column("revocation,message"), None);
        assert_eq!(
            serde_json::to_string(&Purposes::BOTH).unwrap(),
            r#"["revocation","suspension"]"#
        );
    }

    #[test]
    fn a_stored_credential_tells_its_purposes() {
        let entry = |purpose: &str| {
            serde_json::json!({
                "type": "BitstringStatusListEntry", "statusPurpose": purpose,
                "statusListIndex": "7", "statusListCredential": "https://example.org/s/0"
            })
        };
        let compact = serde_json::json!({"credentialStatus": entry("revocation")}).to_string();
        let full =
            serde_json::json!({"credentialStatus": [entry("revocation"), entry("suspension")]})
                .to_string();
        let stored = |purpose, index, text: &str| Purposes::of_stored(purpose, index, Some(text));
        assert_eq!(
            stored(Some("revocation"), Some(7), &compact),
            Some(Purposes::of([StatusPurpose::Revocation]))
        );
        assert_eq!(
            stored(Some("revocation"), Some(7), &full),
            Some(Purposes::BOTH)
        );
        assert_eq!(stored(None, None, &full), Some(Purposes::NONE));
        assert_eq!(
            stored(Some(TOKEN_STATUS_PURPOSE), Some(3), "a~b~"),
            Some(Purposes::BOTH)
        );
        assert_eq!(
            stored(Some("revocation"), Some(7), "not a credential"),
            None
        );
        assert_eq!(Purposes::of_stored(Some("revocation"), Some(7), None), None);
    }
}
