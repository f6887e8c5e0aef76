//! The status checks of a credential: what the trust bundle's cached status lists say of each of
//! its `credentialStatus` entries.

use super::{status_entries, StatusPurpose};
use crate::message;
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
        let purpose = entry.purpose.name();
        let Some(bundle) = bundle else {
            r.warn(
                CheckCode::StatusUnknown,
                message!("status_not_checked", purpose = purpose),
            );
            continue;
        };
        let list = match bundle.status_list(&entry.list_url) {
            None => {
                r.warn(
                    CheckCode::StatusUnknown,
                    message!(
                        "status_list_missing",
                        purpose = purpose,
                        list = &entry.list_url
                    ),
                );
                continue;
            }
            Some(Err(e)) => {
                r.warn(
                    CheckCode::StatusUnknown,
                    message!(
                        "status_list_unusable",
                        purpose = purpose,
                        list = &entry.list_url,
                        error = e.code()
                    ),
                );
                continue;
            }
            Some(Ok(list)) => list,
        };
        if list.issuer != issuer_id || list.purpose != entry.purpose {
            r.warn(
                CheckCode::StatusUnknown,
                message!(
                    "status_list_not_issuers",
                    purpose = purpose,
                    list = &entry.list_url
                ),
            );
            continue;
        }
        let days = list.valid_from.map(|f| (now.0 - f.0).max(0) / 86_400);
        match list.list.get(entry.index) {
            Ok(true) => r.fail_with(
                code,
                match entry.purpose {
                    StatusPurpose::Revocation => "revoked",
                    StatusPurpose::Suspension => "suspended",
                },
                match days {
                    Some(days) => message!("status_set", purpose = purpose, days = days),
                    None => message!("status_set_undated", purpose = purpose),
                },
            ),
            Ok(false) => r.pass(
                code,
                match days {
                    Some(days) => message!("status_clear", purpose = purpose, days = days),
                    None => message!("status_clear_undated", purpose = purpose),
                },
            ),
            Err(e) => r.fail(CheckCode::CredentialStatus, &e),
        }
    }
}
