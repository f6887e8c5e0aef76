//! Printing a `VerificationReport` for people, in their language: verdict first, then each check;
//! colour on a TTY. The verdict, check names and check messages come from the same catalogue
//! entries the kiosk shows.

use crate::i18n;
use credential_core::message;
use credential_core::profiles::Profile;
use credential_core::verify::{CheckStatus, Verdict, VerificationReport};
use credential_core::Message;
use serde_json::Value;
use std::io::IsTerminal;

fn paint(on: bool, code: &str, text: &str) -> String {
    if on {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// The catalogue name of a verdict (`verdict_<code>`).
pub fn verdict_name(v: Verdict) -> Message {
    match v {
        Verdict::Valid => message!("verdict_valid"),
        Verdict::IssuerNotChecked => message!("verdict_issuer_not_checked"),
        Verdict::Invalid => message!("verdict_invalid"),
        Verdict::Expired => message!("verdict_expired"),
        Verdict::NotYetValid => message!("verdict_not_yet_valid"),
        Verdict::Untrusted => message!("verdict_untrusted"),
        Verdict::Revoked => message!("verdict_revoked"),
        Verdict::Suspended => message!("verdict_suspended"),
    }
}

/// Renders the report as text (ANSI colours when stdout is a terminal).
pub fn render(r: &VerificationReport) -> String {
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let col = match r.verdict {
        Verdict::Valid => "1;32",
        Verdict::Invalid | Verdict::Revoked => "1;31",
        Verdict::IssuerNotChecked
        | Verdict::Expired
        | Verdict::NotYetValid
        | Verdict::Untrusted
        | Verdict::Suspended => "1;33",
    };
    let t = |m: Message| i18n::text(&m);
    let mark = t(verdict_name(r.verdict)).to_uppercase();
    let mut out = format!("{} ({})\n", paint(color, col, &mark), r.verdict.code());
    let mut line = |m: Message| {
        out += "  ";
        out += &t(m);
        out.push('\n');
    };
    let c = &r.credential;
    if let Some(id) = &c.id {
        line(message!("report_credential", id = id));
    }
    if let Some(issuer) = &c.issuer {
        match &c.issuer_name {
            Some(name) => line(message!(
                "report_issuer_named",
                name = name,
                issuer = issuer
            )),
            None => line(message!("report_issuer", issuer = issuer)),
        }
    }
    if !c.types.is_empty() {
        line(message!("report_type", types = c.types.join(", ")));
    }
    if let Some(f) = &c.valid_from {
        line(message!("report_valid_from", time = f));
    }
    if let Some(u) = &c.valid_until {
        line(message!("report_valid_until", time = u));
    }
    match &r.trust_bundle {
        Some(b) => line(message!(
            "report_trust_bundle",
            id = b.id.as_deref().unwrap_or("-"),
            version = b.version,
            issued = &b.issued,
            age = b.age_days
        )),
        None if r.kind == "credential" => line(message!("report_no_trust_bundle")),
        None => {}
    }
    line(message!("report_checks"));
    for check in &r.checks {
        let (label, col) = match check.status {
            CheckStatus::Pass => (message!("report_pass"), "32"),
            CheckStatus::Fail => (message!("report_fail"), "31"),
            CheckStatus::Warning => (message!("report_warn"), "33"),
            CheckStatus::Skipped => (message!("report_skip"), "90"),
        };
        let label = t(label);
        out += &format!(
            "    {} {:<22} {}",
            paint(color, col, &label),
            check.code.as_str(),
            t(check.message.clone())
        );
        if let Some(e) = check.error {
            out += &format!(" [{e}]");
        }
        out.push('\n');
    }
    out
}

/// The label of the claim at `pointer` (`/credentialSubject/vaccination/0/vaccine`) in the
/// reader's language: the profile's label of its field (`vaccination.vaccine`), array indexes
/// left out, else the pointer's last segment.
pub fn claim_label(profile: Option<&Profile>, pointer: &str) -> String {
    let segments: Vec<&str> = pointer
        .strip_prefix("/credentialSubject/")
        .unwrap_or(pointer)
        .split('/')
        .filter(|s| s.parse::<usize>().is_err())
        .collect();
    let field = segments.join(".");
    match profile {
        Some(p) if p.fields().any(|f| f == field) => {
            p.label(&field, i18n::current().lang()).to_owned()
        }
        _ => segments.last().copied().unwrap_or(pointer).to_owned(),
    }
}

/// A claim's value for display: strings as they are, anything else as JSON.
pub fn claim_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
