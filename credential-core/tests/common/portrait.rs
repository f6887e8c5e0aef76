//! A synthetic portrait for tests and the size bench: a drawn head and shoulders (no real
//! person) with seeded sensor noise, scaled and JPEG-encoded as `laissez issue --portrait` does.

#![allow(dead_code)]

use image::{GrayImage, Luma};

/// The drawn portrait, `width` × `height` (3:4), greyscale, deterministic for a `seed`.
pub fn drawn(width: u32, height: u32, seed: u64) -> GrayImage {
    let mut state = seed | 1;
    let mut noise = move || {
        // xorshift64*: enough for test noise.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as i32 % 25 - 12
    };
    let (w, h) = (width as f32, height as f32);
    let inside = |x: f32, y: f32, cx: f32, cy: f32, rx: f32, ry: f32| {
        let (dx, dy) = ((x - cx) / (rx * w), (y - cy) / (ry * h));
        dx * dx + dy * dy
    };
    GrayImage::from_fn(width, height, |px, py| {
        let (x, y) = (px as f32, py as f32);
        // Background: a soft vertical gradient.
        let mut v = 200.0 - 40.0 * y / h;
        // Shoulders.
        if inside(x, y, 0.5 * w, 1.05 * h, 0.48, 0.3) < 1.0 {
            v = 70.0 + 20.0 * x / w;
        }
        // Neck.
        if (x - 0.5 * w).abs() < 0.09 * w && y > 0.6 * h && y < 0.8 * h {
            v = 150.0;
        }
        // Hair behind the head, then the face shaded from the left.
        if inside(x, y, 0.5 * w, 0.4 * h, 0.33, 0.3) < 1.0 {
            v = 45.0;
        }
        let face = inside(x, y, 0.5 * w, 0.45 * h, 0.27, 0.25);
        if face < 1.0 && y > 0.26 * h {
            v = 185.0 - 50.0 * face - 20.0 * x / w;
        }
        // Eyebrows, eyes, nose shadow, mouth.
        for cx in [0.39, 0.61] {
            if inside(x, y, cx * w, 0.38 * h, 0.07, 0.012) < 1.0 {
                v = 60.0;
            }
            if inside(x, y, cx * w, 0.43 * h, 0.05, 0.02) < 1.0 {
                v = 235.0;
            }
            if inside(x, y, cx * w, 0.43 * h, 0.022, 0.02) < 1.0 {
                v = 35.0;
            }
        }
        if (x - 0.53 * w).abs() < 0.015 * w && y > 0.45 * h && y < 0.53 * h {
            v -= 35.0;
        }
        if inside(x, y, 0.5 * w, 0.59 * h, 0.09, 0.018) < 1.0 {
            v = 110.0;
        }
        Luma([(v as i32 + noise()).clamp(0, 255) as u8])
    })
}

/// `image` scaled to `width` × `height` and encoded as a baseline JPEG at `quality` (1-100) by
/// the `image` crate's encoder (standard Huffman tables, JFIF segment), for comparison.
pub fn jpeg_standard(image: &GrayImage, width: u32, height: u32, quality: u8) -> Vec<u8> {
    let small =
        image::imageops::resize(image, width, height, image::imageops::FilterType::Triangle);
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode(small.as_raw(), width, height, image::ExtendedColorType::L8)
        .expect("a JPEG");
    out
}

/// `image` scaled to `width` × `height` and encoded as `laissez issue --portrait` does: a
/// baseline JPEG at `quality` with Huffman tables optimised for the image (`jpeg-encoder`),
/// without the JFIF segment and the unused chroma quantisation table.
pub fn jpeg(image: &GrayImage, width: u32, height: u32, quality: u8) -> Vec<u8> {
    let small =
        image::imageops::resize(image, width, height, image::imageops::FilterType::Triangle);
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    encoder.set_optimized_huffman_tables(true);
    encoder
        .encode(
            small.as_raw(),
            width as u16,
            height as u16,
            jpeg_encoder::ColorType::Luma,
        )
        .expect("a JPEG");
    // Dropped as laissez drops them: the JFIF segment (APP0) and the chroma quantisation table
    // (DQT of table 1), which a greyscale image does not use.
    let mut at = 2;
    while out[at] == 0xFF && out[at + 1] != 0xDA {
        let end = at + 2 + usize::from(u16::from_be_bytes([out[at + 2], out[at + 3]]));
        if out[at + 1] == 0xE0 || (out[at + 1] == 0xDB && out[at + 4] & 0x0F == 1) {
            out.drain(at..end);
        } else {
            at = end;
        }
    }
    out
}

/// `bytes` as a `data:image/jpeg;base64,` URL.
pub fn data_url(bytes: &[u8]) -> String {
    use base64::Engine as _;
    format!(
        "data:image/jpeg;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The bench's and tests' portrait: the drawn one at 480 × 640, as a 48 × 64 JPEG at `quality`.
pub fn sample(quality: u8) -> Vec<u8> {
    jpeg(&drawn(480, 640, 7), 48, 64, quality)
}
