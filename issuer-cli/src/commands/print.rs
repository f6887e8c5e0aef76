//! `laissez print CRED --layout id1|a6|a4 --out card.pdf|card.svg`: a printable card of a
//! credential (JSON, envelope text or QR image), verified first: an invalid credential is not
//! printed.

use super::verify::load_bundle;
use crate::card::content::Content;
use crate::card::fonts::Fonts;
use crate::card::layout::{lay_out, Layout};
use crate::card::{pdf, svg};
use crate::cli::PrintArgs;
use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input_max, write_atomic, MAX_IMAGE_BYTES};
use crate::{clock, i18n, qr_image, report};
use credential_core::jsonld::ContextStore;
use credential_core::qr::{Ecc, QrMatrix};
use credential_core::verify::{Verdict, VerificationReport, Verifier, VerifyOptions};
use credential_core::{message, Message};
use serde_json::Value;
use std::path::Path;

/// Languages of the labels when `--labels` is not given: the reader's, then Arabic (English
/// alone when the reader's is Arabic).
fn default_langs() -> Vec<&'static str> {
    match i18n::current().lang() {
        "ar" => vec!["ar", "en"],
        own => vec![own, "ar"],
    }
}

/// The one or two label languages of `--lang en,ar`.
fn langs(arg: Option<&str>) -> CliResult<Vec<&'static str>> {
    let Some(arg) = arg else {
        return Ok(default_langs());
    };
    let chosen = arg
        .split(',')
        .map(|l| i18n::choose(Some(l.trim())))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|available| {
            CliError::input(message!(
                "print_bad_lang",
                lang = arg,
                available = available
            ))
        })?;
    if chosen.is_empty() || chosen.len() > 2 {
        return Err(CliError::input(message!(
            "print_bad_lang",
            lang = arg,
            available = "en, fr, es, ar"
        )));
    }
    Ok(chosen)
}

/// `laissez print`.
pub fn run(args: &PrintArgs) -> CliResult<()> {
    let layout = Layout::from_name(&args.layout)
        .ok_or_else(|| CliError::input(message!("print_bad_layout", layout = &args.layout)))?;
    if !args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("svg"))
    {
        return Err(CliError::input(message!(
            "print_bad_output",
            path = args.out.display().to_string()
        )));
    }
    let langs = langs(args.labels.as_deref())?;
    let bytes = read_input_max(Path::new(&args.input), MAX_IMAGE_BYTES)?;
    let now = clock::parse_time("--at", args.at.as_deref())?.unwrap_or_else(clock::now);
    let mut verifier = Verifier::new(ContextStore::bundled());
    if let Some(path) = &args.bundle {
        load_bundle(&mut verifier, path, &args.anchor, now)?;
    }
    let text = qr_image::image_text(&bytes)?;
    let input = text.as_ref().map_or(&bytes[..], |t| t.as_bytes());
    let (r, document) = verifier.verify_input_document(input, &VerifyOptions::at(now));
    let document = match (r.verdict, document) {
        (Verdict::Invalid, _) | (_, None) => {
            return Err(CliError::input(message!(
                "print_not_valid",
                verdict = i18n::text(&report::verdict_name(r.verdict))
            )))
        }
        (_, Some(d)) => d,
    };
    let summary = write_card(&document, &r, &verifier, layout, &langs, &args.out)?;
    println!("{}", i18n::text(&summary));
    Ok(())
}

/// Lays out the card of `document` (verified in `r`) on `layout` with labels in `langs`, and
/// writes it to `out` (PDF or SVG by its extension). Returns the summary line.
pub(super) fn write_card(
    document: &Value,
    r: &VerificationReport,
    verifier: &Verifier,
    layout: Layout,
    langs: &[&str],
    out: &Path,
) -> CliResult<Message> {
    let (envelope, _) =
        credential_core::envelope::encode_smallest(document, verifier.processor().store())?;
    let m = QrMatrix::new(&envelope, Ecc::M)?;
    let profile = r
        .credential
        .profile
        .as_deref()
        .and_then(|p| verifier.profiles().get(p));
    let content = Content::new(document, r, profile, langs);
    let fonts = Fonts::load()?;
    let sheet = lay_out(layout, &content, &m, &fonts)?;
    let is_svg = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    let bytes = if is_svg {
        svg::render(&sheet, &m, r.credential.photo.as_deref()).into_bytes()
    } else {
        pdf::render(&sheet, &m, &fonts, content.portrait.as_ref())?
    };
    write_atomic(out, &bytes, false)?;
    Ok(message!(
        "print_written",
        path = out.display().to_string(),
        version = i64::from(m.version),
        characters = envelope.len(),
        module = format!("{:.2}", sheet.module)
    ))
}
