//! Verification: the pipeline from bytes to a [`VerificationReport`], one type for the CLI, the
//! WASM package and the tests.

mod report;
mod trust_checks;
mod verifier;

pub use report::{Check, CheckStatus, CredentialSummary, Verdict, VerificationReport};
pub use verifier::{Verifier, VerifyOptions};
