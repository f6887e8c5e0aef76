//! The checks a trust bundle enables: is the issuer recognised, for this type, with this key; is
//! the trust data fresh.

use crate::model::{Credential, Timestamp};
use crate::profiles::{Profile, Profiles};
use crate::proof::ProofOutcome;
use crate::trust::TrustBundle;
use crate::verify::{CheckCode, VerificationReport};

/// What the trust check needs to know of the credential's Laissez profile: the profile its
/// expanded types select (if any), among all profiles.
pub(crate) struct ProfileMatch<'a> {
    /// Every Laissez profile.
    pub all: &'a Profiles,
    /// The profile the credential's expanded type IRIs select.
    pub selected: Option<&'a Profile>,
}

/// Adds `issuer_trusted`, `issuer_authorised_for_type` and `trust_data_fresh`.
///
/// The bundle authorises types by name. A name that is a Laissez profile's type counts only
/// when the credential's types expand to that profile's IRIs: another vocabulary's
/// `TravelEligibilityCredential` is not the one the bundle authorises.
pub(crate) fn check_trust(
    r: &mut VerificationReport,
    bundle: &TrustBundle,
    cred: &Credential,
    profile: ProfileMatch<'_>,
    outcomes: Option<&[ProofOutcome]>,
    now: Timestamp,
) {
    let issuer_id = cred.issuer().map(|i| i.id).unwrap_or_default();
    match bundle.issuer(&issuer_id) {
        None => {
            r.fail_with(
                CheckCode::IssuerTrusted,
                "issuer_unknown",
                format!("{issuer_id} is not in the trust bundle"),
            );
            r.fail_with(
                CheckCode::IssuerAuthorisedForType,
                "issuer_not_authorised",
                format!(
                    "{issuer_id} is not recognised, so it is authorised for no credential type"
                ),
            );
        }
        Some(issuer) => {
            r.credential.issuer_name = Some(issuer.display_name("en").to_owned());
            let signer_keys: Vec<_> = outcomes
                .unwrap_or_default()
                .iter()
                .filter(|o| o.result.is_ok())
                .filter_map(|o| o.verification_method.as_ref().map(|vm| &vm.public_key))
                .collect();
            let in_window = issuer.valid_from.is_none_or(|f| f <= now)
                && issuer.valid_until.is_none_or(|u| now < u);
            if !in_window {
                r.fail_with(
                    CheckCode::IssuerTrusted,
                    "issuer_not_in_validity",
                    format!(
                        "{} is recognised only from {} until {}",
                        issuer.display_name("en"),
                        issuer
                            .valid_from
                            .map(|t| t.to_rfc3339())
                            .unwrap_or_else(|| "-".into()),
                        issuer
                            .valid_until
                            .map(|t| t.to_rfc3339())
                            .unwrap_or_else(|| "-".into())
                    ),
                );
            } else if signer_keys.is_empty() {
                r.skip(CheckCode::IssuerTrusted, "no proof verified");
            } else if !signer_keys.iter().all(|k| issuer.public_keys.contains(k)) {
                r.fail_with(
                    CheckCode::IssuerTrusted,
                    "issuer_key_unknown",
                    format!(
                        "{} is recognised, but the signing key is not one of its listed keys",
                        issuer.display_name("en")
                    ),
                );
            } else {
                r.pass(
                    CheckCode::IssuerTrusted,
                    format!(
                        "{} is a recognised issuer{}",
                        issuer.display_name("en"),
                        issuer
                            .jurisdiction
                            .as_ref()
                            .map(|j| format!(" ({j})"))
                            .unwrap_or_default()
                    ),
                );
            }
            let missing: Vec<&str> = cred
                .types()
                .into_iter()
                .filter(|t| {
                    let listed = issuer.credential_types.iter().any(|a| a == t);
                    let laissez_name = profile
                        .all
                        .all()
                        .iter()
                        .any(|p| p.types().iter().any(|pt| pt == t));
                    let ours = profile
                        .selected
                        .is_some_and(|p| p.types().iter().any(|pt| pt == t));
                    *t != "VerifiableCredential" && !(listed && (!laissez_name || ours))
                })
                .collect();
            if missing.is_empty() {
                r.pass(
                    CheckCode::IssuerAuthorisedForType,
                    format!("authorised for {}", cred.types().join(", ")),
                );
            } else {
                r.fail_with(
                    CheckCode::IssuerAuthorisedForType,
                    "issuer_not_authorised",
                    format!(
                        "{} is not authorised to issue {}",
                        issuer.display_name("en"),
                        missing.join(", ")
                    ),
                );
            }
        }
    }
    let age = bundle.age_days(now);
    if now > bundle.next_update {
        let late = (now.0 - bundle.next_update.0) / 86_400;
        r.warn(CheckCode::TrustDataFresh, format!("the trust bundle (version {}) is {age} days old and {late} days past its next update ({}): load a newer one", bundle.version, bundle.next_update.to_rfc3339()));
    } else {
        r.pass(
            CheckCode::TrustDataFresh,
            format!(
                "trust bundle version {} issued {age} days ago; next update {}",
                bundle.version,
                bundle.next_update.to_rfc3339()
            ),
        );
    }
}
