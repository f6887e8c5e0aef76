//! `laissez qr encode|decode`, and reading credentials given as a QR image or envelope text.

use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input, read_input_max, write_atomic, MAX_IMAGE_BYTES};
use credential_core::envelope::{self, Encoding, EnvelopeLimits};
use credential_core::jsonld::ContextStore;
use credential_core::qr::{self, Ecc, QrMatrix};
use serde_json::Value;
use std::path::Path;

/// Print resolution assumed for `--print-mm` PNG output.
const PRINT_DPI: f64 = 300.0;

/// Options of `qr encode`.
pub struct EncodeOptions<'a> {
    /// Credential file (or -).
    pub input: &'a str,
    /// PNG output.
    pub png: Option<&'a Path>,
    /// SVG output.
    pub svg: Option<&'a Path>,
    /// `generic`, `generic-dict`, or `smallest`.
    pub encoding: &'a str,
    /// Error correction.
    pub ecc: &'a str,
    /// Pixels per module (PNG).
    pub module_px: usize,
    /// Printed width in millimetres, quiet zone included.
    pub print_mm: Option<f64>,
    /// Quiet zone in modules.
    pub quiet_zone: usize,
}

/// `laissez qr encode`.
pub fn encode(o: EncodeOptions<'_>) -> CliResult<()> {
    let bytes = read_input(Path::new(o.input))?;
    let cred = credential_core::json::parse_bounded(&bytes, Default::default())
        .map_err(|e| CliError::input(format!("{}: {e}", o.input)))?;
    let store = ContextStore::bundled();
    let (text, used) = match o.encoding {
        "smallest" => envelope::encode_smallest(&cred, &store)?,
        name => {
            let e = Encoding::ALL
                .into_iter()
                .find(|e| e.name() == name)
                .ok_or_else(|| {
                    CliError::input(format!(
                        "unknown encoding {name:?} (use generic, generic-dict, cborld, cborld-zlib or smallest)"
                    ))
                })?;
            (envelope::encode(&cred, e, &store)?, e)
        }
    };
    let ecc = Ecc::from_name(o.ecc).map_err(|e| CliError::input(format!("--ecc: {e}")))?;
    let m = QrMatrix::new(&text, ecc)?;
    let modules = m.width + 2 * o.quiet_zone;
    let module_px = match o.print_mm {
        Some(mm) if mm > 0.0 => {
            ((mm / 25.4 * PRINT_DPI) / modules as f64).floor().max(1.0) as usize
        }
        Some(_) => return Err(CliError::input("--print-mm must be positive")),
        None => o.module_px.clamp(1, 64),
    };
    if let Some(png) = o.png {
        write_png(png, &m, module_px, o.quiet_zone)?;
    }
    if let Some(svg) = o.svg {
        let size = match o.print_mm {
            Some(mm) => format!("{mm}mm"),
            None => format!("{}px", modules * module_px),
        };
        write_atomic(svg, m.to_svg(&size, o.quiet_zone).as_bytes(), false)?;
    }
    let print_note = match o.print_mm {
        Some(mm) => format!(", {mm} mm at {PRINT_DPI} dpi = {module_px} px/module"),
        None => String::new(),
    };
    eprintln!(
        "payload {} bytes ({} characters, {}), QR version {}, ECC {:?}, {}×{} modules{print_note}",
        (text.len() - envelope::PREFIX.len()) * 2 / 3,
        text.len(),
        used.name(),
        m.version,
        m.ecc,
        m.width,
        m.width,
    );
    println!("{text}");
    Ok(())
}

/// Writes `m` as a greyscale PNG, atomically.
pub fn write_png(path: &Path, m: &QrMatrix, module_px: usize, quiet: usize) -> CliResult<()> {
    let (side, px) = m.to_luma(module_px, quiet);
    let img = image::GrayImage::from_raw(side as u32, side as u32, px)
        .ok_or_else(|| CliError::input("internal: raster size mismatch"))?;
    let mut buf = std::io::Cursor::new(Vec::new());
    img.write_to(&mut buf, image::ImageFormat::Png)
        .map_err(|e| CliError::input(format!("cannot encode PNG: {e}")))?;
    write_atomic(path, buf.get_ref(), false)
}

/// Whether bytes are a PNG or JPEG image.
fn is_image(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(&[0xff, 0xd8, 0xff])
}

/// Largest image side accepted, in pixels (a 64-megapixel photo is 9,248 px wide).
const MAX_IMAGE_SIDE: u32 = 10_000;

/// Reads the QR code in a PNG / JPEG image. Dimensions and decoder memory are bounded before any
/// pixel is decompressed, so a small file claiming a huge image is refused.
fn read_image(bytes: &[u8]) -> CliResult<String> {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| CliError::input(format!("cannot read the image: {e}")))?;
    reader.limits(limits);
    let img = reader
        .decode()
        .map_err(|e| CliError::input(format!("cannot read the image: {e}")))?;
    let luma = img.to_luma8();
    let (w, h) = luma.dimensions();
    Ok(qr::decode_luma(luma.as_raw(), w as usize, h as usize)?)
}

/// The text of the QR code in `bytes`, if they are an image (PNG, JPEG).
pub fn image_text(bytes: &[u8]) -> CliResult<Option<String>> {
    if is_image(bytes) {
        Ok(Some(read_image(bytes)?))
    } else {
        Ok(None)
    }
}

/// A credential from file bytes: JSON, envelope text, or a QR image holding envelope text.
pub fn credential_from_bytes(bytes: &[u8], store: &ContextStore) -> CliResult<Option<Value>> {
    let text = if is_image(bytes) {
        read_image(bytes)?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(t) if envelope::is_envelope(t) => t.to_owned(),
            _ => return Ok(None),
        }
    };
    let (doc, _) = envelope::decode(&text, EnvelopeLimits::default(), store)?;
    Ok(Some(doc))
}

/// `laissez qr decode IMAGE|TEXT|-`.
pub fn decode(input: &str) -> CliResult<()> {
    let bytes = if Path::new(input).is_file() || input == "-" {
        read_input_max(Path::new(input), MAX_IMAGE_BYTES)?
    } else {
        input.as_bytes().to_vec()
    };
    match credential_from_bytes(&bytes, &ContextStore::bundled())? {
        Some(doc) => {
            let text = serde_json::to_string_pretty(&doc).map_err(|e| {
                CliError::input(format!("cannot serialise the decoded credential: {e}"))
            })?;
            println!("{text}");
            Ok(())
        }
        None => Err(CliError::input(format!(
            "{input}: neither a QR image (PNG, JPEG) nor envelope text starting with {}",
            envelope::PREFIX
        ))),
    }
}
