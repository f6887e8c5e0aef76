//! `laissez qr encode|decode`: a credential to envelope text and QR images, and back.

use crate::cli::{QrCommand, QrEncodeArgs};
use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input, read_input_max, write_atomic, MAX_IMAGE_BYTES};
use crate::i18n::{self, note};
use crate::qr_image::{image_text, write_png};
use credential_core::envelope::{self, Encoding, EnvelopeLimits};
use credential_core::jsonld::ContextStore;
use credential_core::message;
use credential_core::qr::{Ecc, QrMatrix};
use serde_json::Value;
use std::path::Path;

/// Print resolution assumed for `--print-mm` PNG output.
const PRINT_DPI: f64 = 300.0;

/// `laissez qr …`.
pub fn run(cmd: QrCommand) -> CliResult<()> {
    match cmd {
        QrCommand::Encode(args) => encode(&args),
        QrCommand::Decode { input } => decode(&input),
    }
}

/// `laissez qr encode`: envelope text on standard output, images with `--png` / `--svg`, a size
/// summary on standard error.
fn encode(o: &QrEncodeArgs) -> CliResult<()> {
    let bytes = read_input(Path::new(&o.input))?;
    let cred = credential_core::json::parse_bounded(&bytes, Default::default())
        .map_err(|e| CliError::in_file(&o.input, &e.message()))?;
    let store = ContextStore::bundled();
    let (text, used) = match o.encoding.as_str() {
        "smallest" => envelope::encode_smallest(&cred, &store)?,
        name => {
            let e = Encoding::ALL
                .into_iter()
                .find(|e| e.name() == name)
                .ok_or_else(|| CliError::Input {
                    message: message!("qr_unknown_encoding", encoding = name),
                    hint: Some(message!("qr_encoding_hint")),
                })?;
            (envelope::encode(&cred, e, &store)?, e)
        }
    };
    let ecc = Ecc::from_name(&o.ecc).map_err(|e| {
        CliError::input(message!(
            "option_error",
            option = "--ecc",
            error = i18n::text(&e.message())
        ))
    })?;
    let m = QrMatrix::new(&text, ecc)?;
    let modules = m.width + 2 * o.quiet_zone;
    let module_px = match o.print_mm {
        Some(mm) if mm > 0.0 => {
            ((mm / 25.4 * PRINT_DPI) / modules as f64).floor().max(1.0) as usize
        }
        Some(_) => return Err(CliError::input(message!("qr_print_mm_positive"))),
        None => o.module_px.clamp(1, 64),
    };
    if let Some(png) = &o.png {
        write_png(png, &m, module_px, o.quiet_zone)?;
    }
    if let Some(svg) = &o.svg {
        let size = match o.print_mm {
            Some(mm) => format!("{mm}mm"),
            None => format!("{}px", modules * module_px),
        };
        write_atomic(svg, m.to_svg(&size, o.quiet_zone).as_bytes(), false)?;
    }
    let payload = (text.len() - envelope::PREFIX.len()) * 2 / 3;
    let ecc = format!("{:?}", m.ecc);
    match o.print_mm {
        Some(mm) => note!(
            "qr_summary_print",
            bytes = payload,
            characters = text.len(),
            encoding = used.name(),
            version = i64::from(m.version),
            ecc = ecc,
            width = m.width,
            mm = mm.to_string(),
            dpi = PRINT_DPI.to_string(),
            px = module_px
        ),
        None => note!(
            "qr_summary",
            bytes = payload,
            characters = text.len(),
            encoding = used.name(),
            version = i64::from(m.version),
            ecc = ecc,
            width = m.width
        ),
    }
    println!("{text}");
    Ok(())
}

/// A credential from file bytes: envelope text, or a QR image holding envelope text; `None` for
/// anything else.
fn credential_from_bytes(bytes: &[u8], store: &ContextStore) -> CliResult<Option<Value>> {
    let text = match image_text(bytes)? {
        Some(text) => text,
        None => match std::str::from_utf8(bytes) {
            Ok(t) if envelope::is_envelope(t) => t.to_owned(),
            _ => return Ok(None),
        },
    };
    let (doc, _) = envelope::decode(&text, EnvelopeLimits::default(), store)?;
    Ok(Some(doc))
}

/// `laissez qr decode IMAGE|TEXT|-`: the credential JSON on standard output.
fn decode(input: &str) -> CliResult<()> {
    let bytes = if Path::new(input).is_file() || input == "-" {
        read_input_max(Path::new(input), MAX_IMAGE_BYTES)?
    } else {
        input.as_bytes().to_vec()
    };
    match credential_from_bytes(&bytes, &ContextStore::bundled())? {
        Some(doc) => {
            let text = serde_json::to_string_pretty(&doc).map_err(|e| {
                CliError::input(message!(
                    "serialise_decoded_credential",
                    detail = e.to_string()
                ))
            })?;
            println!("{text}");
            Ok(())
        }
        None => Err(CliError::input(message!(
            "qr_decode_unrecognised",
            input = input,
            prefix = envelope::PREFIX
        ))),
    }
}
