//! The verification report: a verdict and every check performed, each with a stable code.

use super::codes::{CheckCode, Verdict};
use crate::error::Error;
use crate::message::Message;
use serde::Serialize;

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
    /// What was checked (serialised as its stable code, e.g. `signature_valid`).
    pub code: CheckCode,
    /// Outcome.
    pub status: CheckStatus,
    /// Why, as a catalogue message (rendered in the reader's language at the edge).
    pub message: Message,
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
    /// For a selectively disclosed credential (derived `ecdsa-sd-2023` proof, SD-JWT VC): JSON
    /// pointers of exactly the subject claims it shows (in SD-JWT VC form, as pointers into
    /// its credential view: `/credentialSubject/<claim>`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disclosed: Vec<String>,
    /// The holder's name, for credentials of other formats that name their holder (a DCC, a
    /// SMART Health Card, a Claim 169 identity).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// What to show of a credential of another format: labelled values, in order.
    #[cfg(feature = "other-formats")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<crate::formats::DisplayField>,
    /// The holder's photo as a `data:` URL, for display: a Claim 169 face image, or a Laissez
    /// credential's signed `portrait` claim (only once its signatures verified).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

/// The result of verifying a credential or presentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VerificationReport {
    /// The verdict.
    pub verdict: Verdict,
    /// `credential` or `presentation`.
    pub kind: &'static str,
    /// The credential's format: `laissez`, or (feature `other-formats`) `eu-dcc`, `shc`,
    /// `claim169`.
    pub format: &'static str,
    /// Every check, in the order performed.
    pub checks: Vec<Check>,
    /// About the credential.
    pub credential: CredentialSummary,
    /// The verification time (RFC 3339).
    pub verified_at: String,
    /// The trust bundle the issuer and status were evaluated against (absent: none loaded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_bundle: Option<TrustBundleUsed>,
    /// For a presentation: the report of each embedded credential.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub embedded: Vec<VerificationReport>,
}

impl VerificationReport {
    pub(crate) fn new(kind: &'static str, verified_at: String) -> Self {
        VerificationReport {
            verdict: Verdict::Invalid,
            kind,
            format: "laissez",
            checks: Vec::new(),
            credential: CredentialSummary::default(),
            verified_at,
            trust_bundle: None,
            embedded: Vec::new(),
        }
    }

    pub(crate) fn pass(&mut self, code: CheckCode, message: Message) {
        self.push(code, CheckStatus::Pass, message, None);
    }

    pub(crate) fn fail(&mut self, code: CheckCode, err: &Error) {
        self.push(code, CheckStatus::Fail, err.message(), Some(err.code()));
    }

    /// A failure with its own message and error code (trust and status outcomes).
    pub(crate) fn fail_with(&mut self, code: CheckCode, error: &'static str, message: Message) {
        self.push(code, CheckStatus::Fail, message, Some(error));
    }

    pub(crate) fn warn(&mut self, code: CheckCode, message: Message) {
        self.push(code, CheckStatus::Warning, message, None);
    }

    pub(crate) fn skip(&mut self, code: CheckCode, why: Message) {
        self.push(code, CheckStatus::Skipped, why, None);
    }

    fn push(
        &mut self,
        code: CheckCode,
        status: CheckStatus,
        message: Message,
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
    pub fn check(&self, code: CheckCode) -> Option<&Check> {
        self.checks.iter().find(|c| c.code == code)
    }

    /// Whether the verdict is `valid`: authentic, current, and from an issuer the loaded trust
    /// bundle recognises.
    pub fn is_valid(&self) -> bool {
        self.verdict == Verdict::Valid
    }

    /// Whether the credential is authentic and current, its issuer aside: `valid`, or
    /// `issuer_not_checked` (no trust bundle was loaded). For callers with their own issuer
    /// policy; a person-facing verdict should use [`VerificationReport::verdict`].
    pub fn is_authentic(&self) -> bool {
        matches!(self.verdict, Verdict::Valid | Verdict::IssuerNotChecked)
    }

    /// Derives the verdict from the checks: any failure of an integrity check is `invalid`;
    /// then revocation, suspension, trust and validity-period failures; a skipped check never
    /// yields `valid`; with no trust bundle the best outcome is `issuer_not_checked`.
    pub(crate) fn conclude(&mut self) {
        let failed = |code: CheckCode| {
            self.checks
                .iter()
                .any(|c| c.code == code && c.status == CheckStatus::Fail)
        };
        let invalid = self
            .checks
            .iter()
            .any(|c| c.status == CheckStatus::Fail && c.code.failure_is_invalid());
        let skipped = self.checks.iter().any(|c| c.status == CheckStatus::Skipped);
        // The worst verdict of the embedded credentials (not the first that is not `valid`:
        // without a trust bundle every good one is `issuer_not_checked`).
        let embedded_bad = self
            .embedded
            .iter()
            .map(|r| r.verdict)
            .max_by_key(|v| v.severity())
            .filter(|v| *v != Verdict::Valid);
        self.verdict = if invalid || skipped || self.checks.is_empty() {
            Verdict::Invalid
        } else if failed(CheckCode::RevocationStatus) {
            Verdict::Revoked
        } else if failed(CheckCode::SuspensionStatus) {
            Verdict::Suspended
        } else if failed(CheckCode::IssuerKeyBinding)
            || failed(CheckCode::IssuerTrusted)
            || failed(CheckCode::IssuerAuthorisedForType)
        {
            Verdict::Untrusted
        } else if failed(CheckCode::ValidUntil) {
            Verdict::Expired
        } else if failed(CheckCode::ValidFrom) {
            Verdict::NotYetValid
        } else if let Some(bad) = embedded_bad {
            bad
        } else if self.check(CheckCode::TrustNotEvaluated).is_some() {
            Verdict::IssuerNotChecked
        } else {
            Verdict::Valid
        };
    }
}

/// Which trust bundle a verification used: enough to tell an operator how current it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustBundleUsed {
    /// The bundle's `id`, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its monotonic version.
    pub version: u64,
    /// When the anchor issued it (RFC 3339).
    pub issued: String,
    /// When a newer bundle is expected (RFC 3339).
    pub next_update: String,
    /// Whole days between its issue and the verification time.
    pub age_days: i64,
}
