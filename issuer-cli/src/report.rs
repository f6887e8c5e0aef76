//! Printing a `VerificationReport` for people: verdict first, then each check; colour on a TTY.

use credential_core::verify::{CheckStatus, Verdict, VerificationReport};
use std::io::IsTerminal;

fn paint(on: bool, code: &str, text: &str) -> String {
    if on {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// Renders the report as text (ANSI colours when stdout is a terminal).
pub fn render(r: &VerificationReport) -> String {
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (mark, col) = match r.verdict {
        Verdict::Valid => ("VALID", "1;32"),
        Verdict::IssuerNotChecked => ("SIGNATURE VALID, ISSUER NOT CHECKED", "1;33"),
        Verdict::Expired | Verdict::NotYetValid => ("NOT VALID NOW", "1;33"),
        Verdict::Untrusted => ("UNTRUSTED", "1;33"),
        Verdict::Invalid => ("INVALID", "1;31"),
        Verdict::Revoked => ("REVOKED", "1;31"),
        Verdict::Suspended => ("SUSPENDED", "1;33"),
    };
    let mut out = format!("{} ({})\n", paint(color, col, mark), r.verdict.code());
    let c = &r.credential;
    if let Some(id) = &c.id {
        out += &format!("  credential  {id}\n");
    }
    if let Some(issuer) = &c.issuer {
        match &c.issuer_name {
            Some(name) => out += &format!("  issuer      {name} ({issuer})\n"),
            None => out += &format!("  issuer      {issuer}\n"),
        }
    }
    if !c.types.is_empty() {
        out += &format!("  type        {}\n", c.types.join(", "));
    }
    if let Some(f) = &c.valid_from {
        out += &format!("  valid from  {f}\n");
    }
    if let Some(u) = &c.valid_until {
        out += &format!("  valid until {u}\n");
    }
    match &r.trust_bundle {
        Some(b) => {
            let name =
                b.id.as_deref()
                    .map(|id| format!("{id}, "))
                    .unwrap_or_default();
            out += &format!(
                "  trust       bundle {name}version {}, issued {} ({} days old)\n",
                b.version, b.issued, b.age_days
            );
        }
        None if r.kind == "credential" => {
            out += "  trust       none given (--bundle): the issuer was not checked\n"
        }
        None => {}
    }
    out += "  checks:\n";
    for check in &r.checks {
        let (label, col) = match check.status {
            CheckStatus::Pass => ("pass", "32"),
            CheckStatus::Fail => ("FAIL", "31"),
            CheckStatus::Warning => ("warn", "33"),
            CheckStatus::Skipped => ("skip", "90"),
        };
        out += &format!(
            "    {} {:<22} {}",
            paint(color, col, label),
            check.code,
            check.message
        );
        if let Some(e) = check.error {
            out += &format!(" [{e}]");
        }
        out.push('\n');
    }
    out
}
