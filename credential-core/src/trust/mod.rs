//! Offline trust: signed trust bundles (who may issue what, their keys, their status lists) and
//! the checks they enable. Format: `specs/trust-bundle.md`.

mod bundle;
mod checks;

pub use bundle::{
    TrustBundle, TrustedIssuer, VerifiedStatusList, VerifiedStatusToken, BUNDLE_TYPE,
};
pub(crate) use checks::{check_trust, ProfileMatch};
