//! Verification: the pipeline from bytes to a [`VerificationReport`], one type for the CLI, the
//! WASM package and the tests.

mod codes;
mod enveloped;
mod report;
mod verifier;

pub use codes::{CheckCode, UnknownCode, Verdict};
pub use enveloped::KEY_BINDING_MAX_AGE;
pub use report::{Check, CheckStatus, CredentialSummary, TrustBundleUsed, VerificationReport};
pub use verifier::{Verifier, VerifyOptions};
