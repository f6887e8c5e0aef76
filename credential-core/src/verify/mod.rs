//! Verification: the pipeline from bytes to a [`VerificationReport`], one type for the CLI, the
//! WASM package and the tests.

mod codes;
mod report;
mod verifier;

pub use codes::{CheckCode, UnknownCode, Verdict};
pub use report::{Check, CheckStatus, CredentialSummary, TrustBundleUsed, VerificationReport};
pub use verifier::{Verifier, VerifyOptions};
