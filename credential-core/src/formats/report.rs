//! Writing the outcome of another format into the common report: the same checks vocabulary
//! (`well_formed`, `data_model`, `proof_present`, `signature_valid`, `issuer_trusted`,
//! `valid_from`, `valid_until`, `revocation_status`), a `format`, labelled display fields.

use super::cose::Sign1;
use super::Format;
use crate::error::Error;
use crate::message;
use crate::message::Message;
use crate::model::Timestamp;
use crate::verify::{CheckCode, VerificationReport};
use serde::Serialize;

/// One value to show, with its label as a catalogue message (`field_name`, `field_birth_date`,
/// ...), rendered in the reader's language at the edge. Values are shown as they are (names,
/// dates, codes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisplayField {
    /// The label.
    pub label: Message,
    /// The value.
    pub value: String,
}

/// A report for `format` at `now`.
pub(crate) fn new(format: Format, now: Timestamp) -> VerificationReport {
    let mut r = VerificationReport::new("credential", now.to_rfc3339());
    r.format = format.as_str();
    r
}

/// A report whose input could not be decoded: `well_formed` fails with `err`.
pub(crate) fn refused(format: Format, now: Timestamp, err: &Error) -> VerificationReport {
    let mut r = new(format, now);
    r.fail(CheckCode::WellFormed, err);
    r.conclude();
    r
}

/// The report of a decoded credential (`verify(decoded)`), or the refusal of what did not decode.
pub(crate) fn decoded_or_refused<D>(
    format: Format,
    now: Timestamp,
    decoded: Result<D, Error>,
    verify: impl FnOnce(&D) -> VerificationReport,
) -> VerificationReport {
    match decoded {
        Ok(d) => verify(&d),
        Err(e) => refused(format, now, &e),
    }
}

/// Adds a display field when `value` is present and not empty.
pub(crate) fn field(r: &mut VerificationReport, label: Message, value: Option<String>) {
    if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
        r.credential.fields.push(DisplayField { label, value });
    }
}

/// `well_formed` passes: the input decoded as `format`.
pub(crate) fn decoded(r: &mut VerificationReport, format: Format) {
    r.pass(
        CheckCode::WellFormed,
        message!("format_decoded", format = format.as_str()),
    );
}

/// `proof_present` and `signature_valid` for a COSE_Sign1 checked (or not) with a key.
/// `outcome` is `None` when no key was found: the signature is then not checked (`skipped`,
/// which never yields `valid`) and `issuer_trusted` fails.
pub(crate) fn cose_signature(
    r: &mut VerificationReport,
    sign1: &Sign1,
    kid: &str,
    outcome: Option<Result<(), Error>>,
) {
    let alg = format!("COSE_Sign1 {}", sign1.alg.name());
    if !sign1.is_signed() {
        r.fail(CheckCode::ProofPresent, &Error::ProofMissing);
        r.skip(CheckCode::SignatureValid, message!("no_usable_proof"));
        return;
    }
    r.pass(
        CheckCode::ProofPresent,
        message!("enveloping_proof", format = &alg),
    );
    r.credential.cryptosuites = vec![alg.clone()];
    signature(r, &alg, kid, outcome);
}

/// `signature_valid` from the outcome of a check with the key named `kid` (`None`: no key).
pub(crate) fn signature(
    r: &mut VerificationReport,
    alg: &str,
    kid: &str,
    outcome: Option<Result<(), Error>>,
) {
    match outcome {
        Some(Ok(())) => r.pass(
            CheckCode::SignatureValid,
            message!("proofs_verify", suites = alg),
        ),
        Some(Err(e)) => r.fail(CheckCode::SignatureValid, &e),
        None => {
            r.skip(
                CheckCode::SignatureValid,
                message!("signing_key_not_in_bundle", kid = kid),
            );
            r.fail_with(
                CheckCode::IssuerTrusted,
                "issuer_key_unknown",
                message!("signing_key_not_in_bundle", kid = kid),
            );
        }
    }
}

/// `issuer_trusted` passes for the issuer the bundle names `name`.
pub(crate) fn issuer_recognised(r: &mut VerificationReport, name: &str, where_: Option<&str>) {
    r.credential.issuer_name = Some(name.to_owned());
    r.pass(
        CheckCode::IssuerTrusted,
        match where_ {
            Some(j) => message!("issuer_recognised_in", name = name, jurisdiction = j),
            None => message!("issuer_recognised", name = name),
        },
    );
}

/// Without a trust bundle nothing can check these formats' signatures (their keys are not in
/// the credential): a warning, next to the skipped signature.
pub(crate) fn no_bundle(r: &mut VerificationReport) {
    r.warn(CheckCode::TrustNotEvaluated, message!("no_trust_bundle"));
}

/// `valid_from` and `valid_until` from a start (`nbf`, else the issue time) and an end.
pub(crate) fn window(
    r: &mut VerificationReport,
    from: Option<Timestamp>,
    until: Option<Timestamp>,
    now: Timestamp,
) {
    r.credential.valid_from = from.map(Timestamp::to_rfc3339);
    r.credential.valid_until = until.map(Timestamp::to_rfc3339);
    match from {
        Some(t) if t > now => r.fail_with(
            CheckCode::ValidFrom,
            "invalid_property",
            message!("not_valid_before", time = t.to_rfc3339()),
        ),
        Some(t) => r.pass(
            CheckCode::ValidFrom,
            message!("valid_since", time = t.to_rfc3339()),
        ),
        None => r.pass(CheckCode::ValidFrom, message!("no_valid_from")),
    }
    match until {
        Some(t) if t <= now => r.fail_with(
            CheckCode::ValidUntil,
            "invalid_property",
            message!("expired_at", time = t.to_rfc3339()),
        ),
        Some(t) => r.pass(
            CheckCode::ValidUntil,
            message!("valid_until_time", time = t.to_rfc3339()),
        ),
        None => r.pass(CheckCode::ValidUntil, message!("no_valid_until")),
    }
}
