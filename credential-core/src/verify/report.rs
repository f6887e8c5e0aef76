//! The verification report: a verdict and every check performed, each with a stable code.

use crate::error::Error;
use serde::Serialize;

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every check passed (warnings allowed).
    Valid,
    /// Malformed, tampered, or a signature that does not verify.
    Invalid,
    /// Past `validUntil` / `expirationDate`.
    Expired,
    /// Before `validFrom`.
    NotYetValid,
    /// The signature is good, but the key that made it is not the issuer's (or, with a trust
    /// bundle, the issuer is not recognised for this credential).
    Untrusted,
    /// The issuer revoked the credential (its status list says so).
    Revoked,
    /// The issuer suspended the credential.
    Suspended,
}

impl Verdict {
    /// Stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Expired => "expired",
            Verdict::NotYetValid => "not_yet_valid",
            Verdict::Untrusted => "untrusted",
            Verdict::Revoked => "revoked",
            Verdict::Suspended => "suspended",
        }
    }
}

/// The status of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// The check passed.
    Pass,
    /// The check failed.
    Fail,
    /// Not a failure, but the verifier should know (e.g. trust not evaluated).
    Warning,
    /// Not performed because an earlier check failed.
    Skipped,
}

/// One check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Stable snake_case code of the check (e.g. `signature_valid`).
    pub code: &'static str,
    /// Outcome.
    pub status: CheckStatus,
    /// English explanation.
    pub message: String,
    /// Code of the error behind a failure or warning (e.g. `data_loss_detected`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'static str>,
}

/// What the report says about the credential itself (for display).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialSummary {
    /// The credential `id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The issuer's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The issuer's display name, when a trust bundle recognises it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// The `type` values.
    pub types: Vec<String>,
    /// Start of validity (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// End of validity (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// Cryptosuites of the proofs.
    pub cryptosuites: Vec<String>,
    /// The Laissez profile the credential claims (by its types), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

/// The result of verifying a credential or presentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VerificationReport {
    /// The verdict.
    pub verdict: Verdict,
    /// `credential` or `presentation`.
    pub kind: &'static str,
    /// Every check, in the order performed.
    pub checks: Vec<Check>,
    /// About the credential.
    pub credential: CredentialSummary,
    /// The verification time (RFC 3339).
    pub verified_at: String,
    /// For a presentation: the report of each embedded credential.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub embedded: Vec<VerificationReport>,
}

impl VerificationReport {
    pub(crate) fn new(kind: &'static str, verified_at: String) -> Self {
        VerificationReport {
            verdict: Verdict::Invalid,
            kind,
            checks: Vec::new(),
            credential: CredentialSummary::default(),
            verified_at,
            embedded: Vec::new(),
        }
    }

    pub(crate) fn pass(&mut self, code: &'static str, message: impl Into<String>) {
        self.push(code, CheckStatus::Pass, message.into(), None);
    }

    pub(crate) fn fail(&mut self, code: &'static str, err: &Error) {
        self.push(code, CheckStatus::Fail, err.to_string(), Some(err.code()));
    }

    /// A failure with its own message and error code (trust and status outcomes).
    pub(crate) fn fail_with(&mut self, code: &'static str, error: &'static str, message: String) {
        self.push(code, CheckStatus::Fail, message, Some(error));
    }

    pub(crate) fn warn(&mut self, code: &'static str, message: impl Into<String>) {
        self.push(code, CheckStatus::Warning, message.into(), None);
    }

    pub(crate) fn skip(&mut self, code: &'static str, why: &str) {
        self.push(code, CheckStatus::Skipped, why.to_owned(), None);
    }

    fn push(
        &mut self,
        code: &'static str,
        status: CheckStatus,
        message: String,
        error: Option<&'static str>,
    ) {
        self.checks.push(Check {
            code,
            status,
            message,
            error,
        });
    }

    /// The check with `code`, if performed.
    pub fn check(&self, code: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.code == code)
    }

    /// Whether the verdict is `valid`.
    pub fn is_valid(&self) -> bool {
        self.verdict == Verdict::Valid
    }

    /// Derives the verdict from the checks: any failure of an integrity check is `invalid`;
    /// then validity-period failures; a skipped check never yields `valid`.
    pub(crate) fn conclude(&mut self) {
        let failed = |code: &str| {
            self.checks
                .iter()
                .any(|c| c.code == code && c.status == CheckStatus::Fail)
        };
        let other_failure = self.checks.iter().any(|c| {
            c.status == CheckStatus::Fail
                && !matches!(
                    c.code,
                    "valid_from"
                        | "valid_until"
                        | "issuer_key_binding"
                        | "issuer_trusted"
                        | "issuer_authorised_for_type"
                        | "revocation_status"
                        | "suspension_status"
                )
        });
        let skipped = self.checks.iter().any(|c| c.status == CheckStatus::Skipped);
        let embedded_bad = self.embedded.iter().find(|r| r.verdict != Verdict::Valid);
        self.verdict = if other_failure || skipped || self.checks.is_empty() {
            Verdict::Invalid
        } else if failed("revocation_status") {
            Verdict::Revoked
        } else if failed("suspension_status") {
            Verdict::Suspended
        } else if failed("issuer_key_binding")
            || failed("issuer_trusted")
            || failed("issuer_authorised_for_type")
        {
            Verdict::Untrusted
        } else if failed("valid_until") {
            Verdict::Expired
        } else if failed("valid_from") {
            Verdict::NotYetValid
        } else if let Some(bad) = embedded_bad {
            bad.verdict
        } else {
            Verdict::Valid
        };
    }
}
