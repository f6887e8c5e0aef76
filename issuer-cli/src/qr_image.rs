//! QR images: writing a QR matrix as PNG, and reading the QR code in a PNG or JPEG image, with
//! its size bounded before decoding.

use crate::error::{CliError, CliResult};
use crate::fsutil::write_atomic;
use credential_core::message;
use credential_core::qr::{self, QrMatrix};
use std::path::Path;

/// Largest image side accepted, in pixels (a 64-megapixel photo is 9,248 px wide).
const MAX_IMAGE_SIDE: u32 = 10_000;

/// Writes `m` as a greyscale PNG, atomically.
pub fn write_png(path: &Path, m: &QrMatrix, module_px: usize, quiet: usize) -> CliResult<()> {
    let (side, px) = m.to_luma(module_px, quiet);
    let img = image::GrayImage::from_raw(side as u32, side as u32, px)
        .ok_or_else(|| CliError::input(message!("internal_raster_size")))?;
    let mut buf = std::io::Cursor::new(Vec::new());
    img.write_to(&mut buf, image::ImageFormat::Png)
        .map_err(|e| CliError::input(message!("qr_png_encode", detail = e.to_string())))?;
    write_atomic(path, buf.get_ref(), false)
}

/// Whether bytes are a PNG or JPEG image.
fn is_image(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(&[0xff, 0xd8, 0xff])
}

/// Reads the QR code in a PNG / JPEG image. Dimensions and decoder memory are bounded before any
/// pixel is decompressed, so a small file claiming a huge image is refused.
fn read_image(bytes: &[u8]) -> CliResult<String> {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| CliError::input(message!("qr_image_unreadable", detail = e.to_string())))?;
    reader.limits(limits);
    let img = reader
        .decode()
        .map_err(|e| CliError::input(message!("qr_image_unreadable", detail = e.to_string())))?;
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
