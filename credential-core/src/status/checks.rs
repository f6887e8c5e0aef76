//! The status checks of a credential: what the trust bundle's cached status lists say of each of
//! its `credentialStatus` entries.

use super::{status_entries, StatusPurpose};
use crate::model::{Credential, Timestamp};
use crate::trust::TrustBundle;
use crate::verify::{CheckCode, VerificationReport};

/// Adds `revocation_status` / `suspension_status` (or `status_unknown` warnings) for each entry.
pub(crate) fn check_status(
    r: &mut VerificationReport,
    bundle: Option<&TrustBundle>,
    cred: &Credential,
    now: Timestamp,
) {
    let entries = match status_entries(cred.as_json()) {
        Ok(e) => e,
        Err(e) => {
            r.fail(CheckCode::CredentialStatus, &e);
            return;
        }
    };
    let issuer_id = cred.issuer().map(|i| i.id).unwrap_or_default();
    for entry in entries {
        let code = match entry.purpose {
            StatusPurpose::Revocation => CheckCode::RevocationStatus,
            StatusPurpose::Suspension => CheckCode::SuspensionStatus,
        };
        let Some(bundle) = bundle else {
            r.warn(
                CheckCode::StatusUnknown,
                format!(
                    "{} status not checked: no trust bundle with status lists is configured",
                    entry.purpose.name()
                ),
            );
            continue;
        };
        let list = match bundle.status_list(&entry.list_url) {
            None => {
                r.warn(
                    CheckCode::StatusUnknown,
                    format!(
                        "{} status unknown: the trust bundle has no copy of {}",
                        entry.purpose.name(),
                        entry.list_url
                    ),
                );
                continue;
            }
            Some(Err(e)) => {
                r.warn(
                    CheckCode::StatusUnknown,
                    format!(
                        "{} status unknown: the cached list {} is not usable ({e})",
                        entry.purpose.name(),
                        entry.list_url
                    ),
                );
                continue;
            }
            Some(Ok(list)) => list,
        };
        if list.issuer != issuer_id || list.purpose != entry.purpose {
            r.warn(
                CheckCode::StatusUnknown,
                format!(
                    "{} status unknown: the list {} is not the issuer's {} list",
                    entry.purpose.name(),
                    entry.list_url,
                    entry.purpose.name()
                ),
            );
            continue;
        }
        let age = list
            .valid_from
            .map(|f| format!("list issued {} days ago", (now.0 - f.0).max(0) / 86_400))
            .unwrap_or_else(|| "list date unknown".into());
        match list.list.get(entry.index) {
            Ok(true) => r.fail_with(
                code,
                match entry.purpose {
                    StatusPurpose::Revocation => "revoked",
                    StatusPurpose::Suspension => "suspended",
                },
                format!(
                    "the issuer has {} this credential ({age})",
                    match entry.purpose {
                        StatusPurpose::Revocation => "revoked",
                        StatusPurpose::Suspension => "suspended",
                    }
                ),
            ),
            Ok(false) => r.pass(
                code,
                format!(
                    "not {} ({age})",
                    match entry.purpose {
                        StatusPurpose::Revocation => "revoked",
                        StatusPurpose::Suspension => "suspended",
                    }
                ),
            ),
            Err(e) => r.fail(CheckCode::CredentialStatus, &e),
        }
    }
}
