//! QR codes: rendering envelope text as a module matrix (for PNG / SVG), and reading QR codes
//! from raw camera or canvas frames (RGBA or greyscale). Image file formats are the caller's
//! business (the CLI decodes PNG / JPEG).
//!
//! Reading stretches the frame's contrast, finds and samples the symbol with `rxing`'s port of
//! zxing-cpp's detector, corrects errors with rxing's Reed-Solomon decoder, and decodes
//! the data segments itself (`segments.rs`). Measured on the degraded corpus of
//! `tests/qr_robustness.rs` (rotated, skewed, blurred, noisy, unevenly lit, low-contrast and
//! 2–3 px/module codes), every required degradation reads at 100 %.

mod segments;

use crate::error::{Error, Result};
use qrcode::{EcLevel, QrCode};
use rxing::common::BitMatrix;
use rxing::qrcode::decoder::{BitMatrixParser, DataBlock};

/// Error-correction level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecc {
    /// ~7 % recovery.
    L,
    /// ~15 % recovery (default).
    M,
    /// ~25 % recovery.
    Q,
    /// ~30 % recovery.
    H,
}

impl Ecc {
    /// Parses `L`, `M`, `Q` or `H`.
    pub fn from_name(s: &str) -> Result<Self> {
        match s.to_ascii_uppercase().as_str() {
            "L" => Ok(Ecc::L),
            "M" => Ok(Ecc::M),
            "Q" => Ok(Ecc::Q),
            "H" => Ok(Ecc::H),
            _ => Err(Error::InvalidProperty {
                property: "ecc".into(),
                reason: format!("{s:?} is not L, M, Q or H"),
            }),
        }
    }

    fn level(self) -> EcLevel {
        match self {
            Ecc::L => EcLevel::L,
            Ecc::M => EcLevel::M,
            Ecc::Q => EcLevel::Q,
            Ecc::H => EcLevel::H,
        }
    }
}

/// A rendered QR code: `width × width` modules, `true` = dark.
pub struct QrMatrix {
    /// Modules per side (without quiet zone).
    pub width: usize,
    /// QR version (1–40).
    pub version: i16,
    /// Error correction.
    pub ecc: Ecc,
    modules: Vec<bool>,
}

impl QrMatrix {
    /// Renders `text` (envelope text stays in alphanumeric mode) at `ecc`.
    pub fn new(text: &str, ecc: Ecc) -> Result<Self> {
        let code =
            QrCode::with_error_correction_level(text.as_bytes(), ecc.level()).map_err(|e| {
                Error::InvalidProperty {
                    property: "qr".into(),
                    reason: format!(
                        "cannot encode {} characters at ECC {ecc:?}: {e}",
                        text.len()
                    ),
                }
            })?;
        let version = match code.version() {
            qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => v,
        };
        Ok(QrMatrix {
            width: code.width(),
            version,
            ecc,
            modules: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
    }

    /// Whether module (`x`, `y`) is dark.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.modules[y * self.width + x]
    }

    /// A greyscale raster (0 = black, 255 = white) with `module_px` pixels per module and a
    /// `quiet` module margin. Returns (side in pixels, pixels).
    pub fn to_luma(&self, module_px: usize, quiet: usize) -> (usize, Vec<u8>) {
        let module_px = module_px.max(1);
        let side = (self.width + 2 * quiet) * module_px;
        let mut px = vec![255u8; side * side];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / module_px, y / module_px);
                if mx >= quiet && my >= quiet && self.dark(mx - quiet, my - quiet) {
                    px[y * side + x] = 0;
                }
            }
        }
        (side, px)
    }

    /// An SVG image, `size` in the given CSS unit (e.g. `40mm`), with a `quiet` module margin.
    pub fn to_svg(&self, size: &str, quiet: usize) -> String {
        let n = self.width + 2 * quiet;
        let mut path = String::new();
        for y in 0..self.width {
            for x in 0..self.width {
                if self.dark(x, y) {
                    path += &format!("M{} {}h1v1h-1z", x + quiet, y + quiet);
                }
            }
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {n} {n}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>\n"
        )
    }
}

/// Largest frame accepted (16 megapixels).
const MAX_PIXELS: usize = 16_000_000;

/// Reads the first QR code found in a greyscale frame (`width × height` bytes).
pub fn decode_luma(pixels: &[u8], width: usize, height: usize) -> Result<String> {
    if width == 0 || height == 0 || width.saturating_mul(height) > MAX_PIXELS {
        return Err(Error::QrNotFound(format!(
            "frame size {width}×{height} is out of bounds"
        )));
    }
    if pixels.len() != width * height {
        return Err(Error::QrNotFound(format!(
            "{} bytes for a {width}×{height} greyscale frame",
            pixels.len()
        )));
    }
    let stretched = stretch_contrast(pixels);
    let mut last = String::from("no QR code detected");
    for modules in detect_modules(stretched, width, height) {
        match read_modules(modules) {
            Ok(text) => return Ok(text),
            Err(e) => last = e,
        }
    }
    Err(Error::QrNotFound(last))
}

/// Candidate QR codes found by rxing's port of zxing-cpp's detector (finder and alignment
/// patterns, perspective sampling).
fn detect_modules(luma: Vec<u8>, width: usize, height: usize) -> Vec<BitMatrix> {
    use rxing::common::{DetectorRXingResult, HybridBinarizer};
    use rxing::qrcode::cpp_port::detector as cpp;
    use rxing::{BinaryBitmap, Luma8LuminanceSource};
    let Ok(source) = Luma8LuminanceSource::new(luma, width as u32, height as u32) else {
        return Vec::new();
    };
    let bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    let black = bitmap.get_black_matrix();
    let mut found = Vec::new();
    let mut patterns = cpp::FindFinderPatterns(black, true, 0);
    for set in cpp::GenerateFinderPatternSets(&mut patterns) {
        if let Ok(r) = cpp::SampleQR(black, &set) {
            found.push(r.getBits().clone());
        }
    }
    found
}

/// Reads sampled modules: format and version information, Reed-Solomon correction (rxing's
/// ZXing port), then our own segment decoding (`segments.rs`), so that rxing's text decoding and
/// the legacy character-set tables it links stay out of the build. A mirrored symbol is read
/// the second time round.
fn read_modules(modules: BitMatrix) -> std::result::Result<String, String> {
    let mut parser = BitMatrixParser::new(modules).map_err(|e| e.to_string())?;
    match read_symbol(&mut parser) {
        Ok(text) => Ok(text),
        Err(first) => {
            let mirrored = (|| {
                parser.remask()?;
                parser.setMirror(true);
                parser.readVersion()?;
                parser.readFormatInformation()?;
                parser.mirror();
                Ok::<_, rxing::Exceptions>(())
            })();
            match mirrored {
                Ok(()) => read_symbol(&mut parser),
                Err(_) => Err(first),
            }
        }
    }
}

fn read_symbol(parser: &mut BitMatrixParser) -> std::result::Result<String, String> {
    use rxing::common::reedsolomon::{PredefinedGenericGF, ReedSolomonDecoder};
    let e = |e: rxing::Exceptions| e.to_string();
    let version = parser.readVersion().map_err(e)?;
    let level = parser
        .readFormatInformation()
        .map_err(e)?
        .getErrorCorrectionLevel();
    let codewords = parser.readCodewords().map_err(e)?;
    let blocks = DataBlock::getDataBlocks(&codewords, version, level).map_err(e)?;
    let rs = ReedSolomonDecoder::new(PredefinedGenericGF::QrCodeField256.into());
    let mut data = Vec::new();
    for block in &blocks {
        let mut words = block.getCodewords().to_vec();
        let n = block.getNumDataCodewords() as usize;
        let ecc = (words.len() - n) as i32;
        rs.decode(&mut words, ecc)
            .map_err(|_| "too many errors to correct".to_owned())?;
        data.extend_from_slice(&words[..n]);
    }
    segments::decode(&data, version.getVersionNumber())
}

/// Maps the frame's darkest..brightest range (ignoring the extreme 1 % at each end) to 0..255.
fn stretch_contrast(pixels: &[u8]) -> Vec<u8> {
    let mut histogram = [0usize; 256];
    for &p in pixels {
        histogram[p as usize] += 1;
    }
    let cut = pixels.len() / 100;
    let mut acc = 0;
    let lo = (0..256)
        .find(|&v| {
            acc += histogram[v];
            acc > cut
        })
        .unwrap_or(0);
    acc = 0;
    let hi = (0..256)
        .rev()
        .find(|&v| {
            acc += histogram[v];
            acc > cut
        })
        .unwrap_or(255);
    if hi <= lo {
        return pixels.to_vec();
    }
    let range = (hi - lo) as u32;
    pixels
        .iter()
        .map(|&p| (u32::from(p).saturating_sub(lo as u32).min(range) * 255 / range) as u8)
        .collect()
}

/// Reads the first QR code in an RGBA frame (what a browser camera or canvas gives).
pub fn decode_rgba(pixels: &[u8], width: usize, height: usize) -> Result<String> {
    if pixels.len() != width.saturating_mul(height).saturating_mul(4) {
        return Err(Error::QrNotFound(format!(
            "{} bytes for a {width}×{height} RGBA frame",
            pixels.len()
        )));
    }
    // Rec. 601 luma, integer arithmetic.
    let luma: Vec<u8> = pixels
        .chunks_exact(4)
        .map(|p| {
            ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8
        })
        .collect();
    decode_luma(&luma, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_and_read_back() {
        let text = "LZ1:6BF-Q2 9G+Z3W5P.2OO5A%%QK4";
        let m = QrMatrix::new(text, Ecc::M).unwrap();
        let (side, px) = m.to_luma(4, 4);
        assert_eq!(decode_luma(&px, side, side).unwrap(), text);
        let rgba: Vec<u8> = px.iter().flat_map(|&v| [v, v, v, 255]).collect();
        assert_eq!(decode_rgba(&rgba, side, side).unwrap(), text);
        assert!(m.to_svg("40mm", 4).starts_with("<svg"));
    }

    #[test]
    fn empty_and_wrong_frames_are_errors() {
        assert_eq!(
            decode_luma(&vec![255; 100 * 100], 100, 100)
                .unwrap_err()
                .code(),
            "qr_not_found"
        );
        assert!(decode_luma(&[0; 10], 100, 100).is_err());
        assert!(decode_rgba(&[0; 10], 2, 2).is_err());
        assert!(decode_luma(&[], 0, 0).is_err());
    }
}
