//! `laissez verify`: a credential (JSON, JWT, envelope text or QR image), optionally against a
//! trust bundle; the exit code carries the verdict.

use super::bundle::parse_anchors;
use crate::cli::VerifyArgs;
use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input_max, MAX_BUNDLE_BYTES, MAX_IMAGE_BYTES};
use crate::{clock, i18n, qr_image, report};
use credential_core::jsonld::ContextStore;
use credential_core::message;
use credential_core::verify::{Verdict, Verifier, VerifyOptions};
use std::path::Path;

/// `laissez verify INPUT`: exit 0 valid, 3 valid but the issuer not checked, 1 otherwise.
pub fn run(args: &VerifyArgs) -> CliResult<()> {
    // Images may be large; anything else still meets the verifier's own 1 MiB bound.
    let bytes = read_input_max(Path::new(&args.input), MAX_IMAGE_BYTES)?;
    let now = clock::parse_time("--at", args.at.as_deref())?.unwrap_or_else(clock::now);
    let mut verifier = Verifier::new(ContextStore::bundled());
    if let Some(path) = &args.bundle {
        let anchors = parse_anchors(&args.anchor)?;
        let b = read_input_max(path, MAX_BUNDLE_BYTES)?;
        verifier.load_trust_bundle(&b, &anchors, now).map_err(|e| {
            CliError::input(message!(
                "verify_bundle_error",
                path = path.display().to_string(),
                error = i18n::text(&e.message()),
                code = e.code()
            ))
        })?;
    }
    let opts = VerifyOptions::at(now);
    // A QR image is read first; text (envelope, JSON, JWT) goes to the core as it is.
    let r = match qr_image::image_text(&bytes)? {
        Some(text) => verifier.verify_input(text.as_bytes(), &opts),
        None => verifier.verify_input(&bytes, &opts),
    };
    if args.json {
        let text = serde_json::to_string_pretty(&r)
            .map_err(|e| CliError::input(message!("serialise_report", detail = e.to_string())))?;
        println!("{text}");
    } else {
        print!("{}", report::render(&r));
    }
    match r.verdict {
        Verdict::Valid => Ok(()),
        Verdict::IssuerNotChecked => Err(CliError::IssuerNotChecked),
        _ => Err(CliError::Negative(None)),
    }
}
