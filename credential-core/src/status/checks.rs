//! The status checks of a credential: what the trust bundle's cached status lists say of each of
//! its `credentialStatus` entries.

use super::{status_entries, StatusPurpose};
use crate::message;
use crate::model::{Credential, Timestamp};
use crate::trust::TrustBundle;
use crate::verify::{CheckCode, VerificationReport};

/// Adds `revocation_status` / `suspension_status` (or `status_unknown` warnings) for each entry.
pub(crate) fn check_status<'a>(
    r: &mut VerificationReport,
    bundle: Option<&'a TrustBundle>,
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
        let lookup = |b: &'a TrustBundle| b.status_list(&entry.list_url);
        let Some(list) = usable_list(r, bundle, purpose, &entry.list_url, lookup, |l| {
            l.issuer == issuer_id && l.purpose == entry.purpose
        }) else {
            continue;
        };
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

/// The cached list a status entry names, for `purpose`, when the bundle has a usable one that
/// `is_issuers` accepts (the credential issuer's list, of that purpose); otherwise `None`, with
/// the `status_unknown` warning saying why: no bundle, no copy of the list, a copy that failed
/// verification, or someone else's list. Shared by Bitstring Status Lists and Token Status Lists.
pub(crate) fn usable_list<'a, T>(
    r: &mut VerificationReport,
    bundle: Option<&'a TrustBundle>,
    purpose: &str,
    url: &str,
    lookup: impl FnOnce(&'a TrustBundle) -> Option<Result<&'a T, &'a crate::error::Error>>,
    is_issuers: impl FnOnce(&T) -> bool,
) -> Option<&'a T> {
    let Some(bundle) = bundle else {
        r.warn(
            CheckCode::StatusUnknown,
            message!("status_not_checked", purpose = purpose),
        );
        return None;
    };
    let list = match lookup(bundle) {
        None => {
            r.warn(
                CheckCode::StatusUnknown,
                message!("status_list_missing", purpose = purpose, list = url),
            );
            return None;
        }
        Some(Err(e)) => {
            r.warn(
                CheckCode::StatusUnknown,
                message!(
                    "status_list_unusable",
                    purpose = purpose,
                    list = url,
                    error = e.code()
                ),
            );
            return None;
        }
        Some(Ok(list)) => list,
    };
    if !is_issuers(list) {
        r.warn(
            CheckCode::StatusUnknown,
            message!("status_list_not_issuers", purpose = purpose, list = url),
        );
        return None;
    }
    Some(list)
}
