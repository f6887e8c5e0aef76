//! `laissez verify`: a credential (Data Integrity JSON, derived `ecdsa-sd-2023`, `vc+jwt`,
//! SD-JWT VC, envelope text or QR image) or a Verifiable Presentation, optionally against a
//! trust bundle; the exit code carries the verdict.

use super::bundle::parse_anchors;
use crate::cli::VerifyArgs;
use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input_max, write_atomic, MAX_BUNDLE_BYTES, MAX_IMAGE_BYTES};
use crate::{clock, i18n, portrait, qr_image, report};
use credential_core::jsonld::ContextStore;
use credential_core::message;
use credential_core::model::Timestamp;
use credential_core::verify::{Verdict, VerificationReport, Verifier, VerifyOptions};
use serde_json::Value;
use std::path::Path;

/// `laissez verify INPUT`: exit 0 valid, 3 valid but the issuer not checked, 1 otherwise.
pub fn run(args: &VerifyArgs) -> CliResult<()> {
    // Images may be large; anything else still meets the verifier's own 1 MiB bound.
    let bytes = read_input_max(Path::new(&args.input), MAX_IMAGE_BYTES)?;
    let now = clock::parse_time("--at", args.at.as_deref())?.unwrap_or_else(clock::now);
    let mut verifier = Verifier::new(ContextStore::bundled());
    if let Some(path) = &args.bundle {
        load_bundle(&mut verifier, path, &args.anchor, now)?;
    }
    let opts = VerifyOptions {
        challenge: args.challenge.as_deref(),
        domain: args.domain.as_deref(),
        ..VerifyOptions::at(now)
    };
    // A QR image is read first; text (envelope, JSON, JWT) goes to the core as it is.
    let text = qr_image::image_text(&bytes)?;
    let input = text.as_ref().map_or(&bytes[..], |t| t.as_bytes());
    let (r, document) = verifier.verify_input_document(input, &opts);
    if args.json {
        let text = serde_json::to_string_pretty(&r)
            .map_err(|e| CliError::input(message!("serialise_report", detail = e.to_string())))?;
        println!("{text}");
    } else {
        print!("{}", report::render(&r));
        print!("{}", format_lines(&r));
        print!("{}", disclosed_lines(&r, document.as_ref(), &verifier));
        print!("{}", photo_line(&r));
    }
    if let Some(path) = &args.photo_out {
        write_photo(&r, path)?;
    }
    match r.verdict {
        Verdict::Valid => Ok(()),
        Verdict::IssuerNotChecked => Err(CliError::IssuerNotChecked),
        _ => Err(CliError::Negative(None)),
    }
}

/// Loads the trust bundle at `path`, signed by one of `anchors`, into `verifier`.
pub(super) fn load_bundle(
    verifier: &mut Verifier,
    path: &Path,
    anchors: &[String],
    now: Timestamp,
) -> CliResult<()> {
    let anchors = parse_anchors(anchors)?;
    let b = read_input_max(path, MAX_BUNDLE_BYTES)?;
    verifier.load_trust_bundle(&b, &anchors, now).map_err(|e| {
        CliError::input(message!(
            "verify_bundle_error",
            path = path.display().to_string(),
            error = i18n::text(&e.message()),
            code = e.code()
        ))
    })?;
    Ok(())
}

/// For a credential of another format (EU DCC, SMART Health Card, Claim 169): which, and the
/// labelled values it shows.
fn format_lines(r: &VerificationReport) -> String {
    if r.format == "laissez" {
        return String::new();
    }
    let mut out = format!(
        "  {}\n",
        i18n::text(&message!("report_format", format = r.format))
    );
    for f in &r.credential.fields {
        out += &format!("    {}: {}\n", i18n::text(&f.label), f.value);
    }
    out
}

/// The holder's portrait or face photo, when the report carries one (only after the
/// signatures verified): media type, dimensions, bytes.
fn photo_line(r: &VerificationReport) -> String {
    let Some(photo) = r.credential.photo.as_deref().and_then(portrait::describe) else {
        return String::new();
    };
    let (media, bytes) = (photo.media, photo.bytes.len());
    let line = match photo.size {
        Some((width, height)) => message!(
            "verify_photo",
            media = media,
            width = width,
            height = height,
            bytes = bytes
        ),
        None => message!("verify_photo_unsized", media = media, bytes = bytes),
    };
    format!("  {}\n", i18n::text(&line))
}

/// `--photo-out FILE`: the photo's bytes; a note (and no file) when the report has none, so
/// the exit code still says the verdict.
fn write_photo(r: &VerificationReport, path: &Path) -> CliResult<()> {
    let Some(photo) = r.credential.photo.as_deref().and_then(portrait::describe) else {
        i18n::note!("verify_no_photo");
        return Ok(());
    };
    write_atomic(path, &photo.bytes, false)?;
    i18n::note!("verify_photo_written", path = path.display().to_string());
    Ok(())
}

/// For each selectively disclosed credential in the report (itself or embedded in a
/// presentation): the claims it shows, with the profile's labels and their values.
fn disclosed_lines(r: &VerificationReport, document: Option<&Value>, v: &Verifier) -> String {
    let mut out = String::new();
    let credentials: Vec<(&VerificationReport, Option<&Value>)> = if r.kind == "presentation" {
        let embedded = document
            .and_then(|d| d.get("verifiableCredential"))
            .map(|c| match c {
                Value::Array(a) => a.iter().collect(),
                one => vec![one],
            })
            .unwrap_or_default();
        r.embedded
            .iter()
            .enumerate()
            .map(|(i, e)| (e, embedded.get(i).copied()))
            .collect()
    } else {
        vec![(r, document)]
    };
    for (report, doc) in credentials {
        let c = &report.credential;
        if c.disclosed.is_empty() {
            continue;
        }
        let profile = c.profile.as_deref().and_then(|p| v.profiles().get(p));
        let heading = message!("report_disclosed", count = c.disclosed.len());
        out += &format!("  {}\n", i18n::text(&heading));
        for pointer in &c.disclosed {
            let label = report::claim_label(profile, pointer);
            let value = doc
                .and_then(|d| d.pointer(pointer))
                .map(report::claim_value)
                .unwrap_or_default();
            out += &format!("    {label}: {value}  ({pointer})\n");
        }
    }
    out
}
