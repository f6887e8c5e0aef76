//! `laissez issue --portrait FILE`: a photo (JPEG or PNG) made into the small greyscale JPEG the
//! legal-identity `portrait` claim carries as a `data:` URL (decision 0023). Image decoding is
//! hostile input: the file's bytes and the image's dimensions are bounded before any pixel is
//! decoded. The credential core has no image codec; only the CLI does. The JPEG encoder
//! (`jpeg-encoder`, with optimised Huffman tables) is based in part on the work of the
//! Independent JPEG Group.

use crate::error::{CliError, CliResult};
use crate::fsutil::read_input_max;
use base64::Engine as _;
use credential_core::message;
use image::{imageops, GrayImage, ImageFormat, ImageReader, Limits};
use std::io::Cursor;
use std::path::Path;

/// Width of the portrait in the credential, in pixels.
pub const WIDTH: u32 = 48;
/// Height of the portrait in the credential, in pixels (3:4, as a passport photo).
pub const HEIGHT: u32 = 64;
/// JPEG quality (1-100): the smallest the size bench found a face still recognisable at this
/// size (`cargo bench -p credential-core --bench sizes`, decision 0023).
pub const QUALITY: u8 = 30;
/// Largest photo file read.
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Largest photo side decoded, in pixels (a 24-megapixel camera's is 6,000).
const MAX_SIDE: u32 = 8192;
/// Most memory the decoder may allocate.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;

/// The photo at `path` as the `portrait` claim's value: `data:image/jpeg;base64,…`.
pub fn data_url(path: &Path) -> CliResult<String> {
    let bytes = read_input_max(path, MAX_FILE_BYTES)?;
    let jpeg = small_jpeg(&bytes).map_err(|problem| {
        let path = path.display().to_string();
        CliError::input(match problem {
            Problem::NotAnImage => message!("portrait_not_an_image", path = path),
            Problem::TooLarge(w, h) => message!(
                "portrait_too_large",
                path = path,
                width = w,
                height = h,
                max = MAX_SIDE
            ),
            Problem::Undecodable(detail) => {
                message!("portrait_undecodable", path = path, detail = detail)
            }
        })
    })?;
    Ok(format!(
        "data:image/jpeg;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(jpeg)
    ))
}

/// Why a photo cannot be used.
enum Problem {
    /// Neither JPEG nor PNG.
    NotAnImage,
    /// Sides over [`MAX_SIDE`].
    TooLarge(u32, u32),
    /// The decoder refused it (truncated, corrupt, over the memory limit).
    Undecodable(String),
}

/// Decodes `bytes` (JPEG or PNG, bounded), crops the centre to 3:4, scales to
/// [`WIDTH`] × [`HEIGHT`] greyscale and encodes it as a baseline JPEG at [`QUALITY`] with
/// Huffman tables optimised for the image, without the segments it does not use.
fn small_jpeg(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let reader = |bytes| {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| Problem::Undecodable(e.to_string()))
    };
    let probe = reader(bytes)?;
    if !matches!(probe.format(), Some(ImageFormat::Jpeg | ImageFormat::Png)) {
        return Err(Problem::NotAnImage);
    }
    // The header alone first: dimensions are checked before any pixel is decoded.
    let (w, h) = probe
        .into_dimensions()
        .map_err(|e| Problem::Undecodable(e.to_string()))?;
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(Problem::TooLarge(w, h));
    }
    if w == 0 || h == 0 {
        return Err(Problem::Undecodable("an empty image".into()));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut decoder = reader(bytes)?;
    decoder.limits(limits);
    let image = decoder
        .decode()
        .map_err(|e| Problem::Undecodable(e.to_string()))?
        .into_luma8();
    let small = imageops::resize(
        &centre_3_by_4(&image),
        WIDTH,
        HEIGHT,
        imageops::FilterType::Triangle,
    );
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, QUALITY);
    encoder.set_optimized_huffman_tables(true);
    encoder
        .encode(
            small.as_raw(),
            WIDTH as u16,
            HEIGHT as u16,
            jpeg_encoder::ColorType::Luma,
        )
        .map_err(|e| Problem::Undecodable(e.to_string()))?;
    Ok(trimmed(out))
}

/// `jpeg` (as `jpeg-encoder` writes it) without the segments a greyscale image does not use: the
/// JFIF `APP0` segment (a pixel density; decoders do not need it) and quantisation tables no
/// frame component refers to (`jpeg-encoder` writes the chroma table for greyscale too). Returns
/// `jpeg` unchanged if its headers are not as expected.
fn trimmed(jpeg: Vec<u8>) -> Vec<u8> {
    let mut segments = Vec::new();
    let mut used_tables = Vec::new();
    let mut at = 2;
    // Marker segments up to the start of scan: (marker, whole segment).
    while let (Some(&[0xFF, marker]), Some(len)) = (
        jpeg.get(at..at + 2),
        jpeg.get(at + 2..at + 4)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]]))),
    ) {
        let Some(segment) = jpeg.get(at..at + 2 + len) else {
            return jpeg;
        };
        if marker == 0xC0 {
            // SOF0: precision, height, width, count, then 3 bytes per component (id, sampling,
            // quantisation table).
            used_tables.extend(
                segment
                    .get(10..)
                    .unwrap_or(&[])
                    .chunks(3)
                    .filter_map(|c| c.get(2)),
            );
        }
        segments.push((marker, at..at + 2 + len));
        at += 2 + len;
        if marker == 0xDA {
            break;
        }
    }
    if jpeg.get(..2) != Some(&[0xFF, 0xD8]) || segments.last().map(|s| s.0) != Some(0xDA) {
        return jpeg;
    }
    let mut out = jpeg[..2].to_vec();
    for (marker, range) in segments {
        let table = jpeg.get(range.start + 4).map(|pq_tq| pq_tq & 0x0F);
        // One table per DQT segment, as jpeg-encoder writes them (65 bytes + marker and length).
        let unused_table =
            marker == 0xDB && range.len() == 69 && table.is_some_and(|t| !used_tables.contains(&t));
        if marker != 0xE0 && !unused_table {
            out.extend_from_slice(&jpeg[range]);
        }
    }
    out.extend_from_slice(&jpeg[at..]);
    out
}

/// The largest centred 3:4 (width:height) part of `image`.
fn centre_3_by_4(image: &GrayImage) -> GrayImage {
    let (w, h) = image.dimensions();
    let (cw, ch) = if u64::from(w) * 4 > u64::from(h) * 3 {
        ((h * 3 / 4).max(1), h)
    } else {
        (w, (w * 4 / 3).max(1).min(h))
    };
    imageops::crop_imm(image, (w - cw) / 2, (h - ch) / 2, cw, ch).to_image()
}

/// A portrait `data:` URL taken apart, for `laissez verify` and `laissez print`.
pub struct Photo {
    /// Its media type (`image/jpeg`, …).
    pub media: String,
    /// The image file's bytes.
    pub bytes: Vec<u8>,
    /// Width and height in pixels, when the header is one this build reads (JPEG, PNG).
    pub size: Option<(u32, u32)>,
}

/// `url` taken apart; `None` when it is not a Base64 `data:` URL.
pub fn describe(url: &str) -> Option<Photo> {
    let (media, data) = url.strip_prefix("data:")?.split_once(";base64,")?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .ok()?;
    let size = ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok());
    Some(Photo {
        media: media.to_owned(),
        bytes,
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trimming drops the JFIF segment and the unused chroma table (18 + 69 bytes) and changes
    /// no pixel; input that is not such a JPEG comes back as it was.
    #[test]
    fn trimming_drops_unused_segments_only() {
        let pixels: Vec<u8> = (0..WIDTH * HEIGHT).map(|i| (i * 7 % 251) as u8).collect();
        let mut full = Vec::new();
        let mut encoder = jpeg_encoder::Encoder::new(&mut full, QUALITY);
        encoder.set_optimized_huffman_tables(true);
        encoder
            .encode(&pixels, 48, 64, jpeg_encoder::ColorType::Luma)
            .unwrap();
        let small = trimmed(full.clone());
        assert_eq!(full.len() - small.len(), 18 + 69);
        let decode = |b: &[u8]| image::load_from_memory(b).unwrap().into_luma8().into_raw();
        assert_eq!(decode(&small), decode(&full));
        for other in [vec![], b"not a jpeg".to_vec(), full[..40].to_vec()] {
            assert_eq!(trimmed(other.clone()), other);
        }
    }
}
