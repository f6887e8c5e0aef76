//! The checks a trust bundle enables: is the issuer recognised, for this type, with this key; is
//! the trust data fresh.

use crate::message;
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
                message!("issuer_not_in_bundle", issuer = &issuer_id),
            );
            r.fail_with(
                CheckCode::IssuerAuthorisedForType,
                "issuer_not_authorised",
                message!("issuer_authorised_for_nothing", issuer = &issuer_id),
            );
        }
        Some(issuer) => {
            let name = issuer.display_name("en");
            r.credential.issuer_name = Some(name.to_owned());
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
                    message!(
                        "issuer_outside_validity",
                        name = name,
                        from = issuer.valid_from.map_or("-".into(), |t| t.to_rfc3339()),
                        until = issuer.valid_until.map_or("-".into(), |t| t.to_rfc3339())
                    ),
                );
            } else if signer_keys.is_empty() {
                r.skip(CheckCode::IssuerTrusted, message!("no_proof_verified"));
            } else if !signer_keys.iter().all(|k| issuer.public_keys.contains(k)) {
                r.fail_with(
                    CheckCode::IssuerTrusted,
                    "issuer_key_unknown",
                    message!("issuer_key_not_listed", name = name),
                );
            } else {
                r.pass(
                    CheckCode::IssuerTrusted,
                    match &issuer.jurisdiction {
                        Some(j) => message!("issuer_recognised_in", name = name, jurisdiction = j),
                        None => message!("issuer_recognised", name = name),
                    },
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
                    message!("issuer_authorised_for", types = cred.types().join(", ")),
                );
            } else {
                r.fail_with(
                    CheckCode::IssuerAuthorisedForType,
                    "issuer_not_authorised",
                    message!(
                        "issuer_not_authorised_for",
                        name = name,
                        types = missing.join(", ")
                    ),
                );
            }
        }
    }
    let age = bundle.age_days(now);
    if now > bundle.next_update {
        let late = (now.0 - bundle.next_update.0) / 86_400;
        r.warn(
            CheckCode::TrustDataFresh,
            message!(
                "trust_bundle_stale",
                version = bundle.version,
                age = age,
                late = late,
                next = bundle.next_update.to_rfc3339()
            ),
        );
    } else {
        r.pass(
            CheckCode::TrustDataFresh,
            message!(
                "trust_bundle_fresh",
                version = bundle.version,
                age = age,
                next = bundle.next_update.to_rfc3339()
            ),
        );
    }
}
