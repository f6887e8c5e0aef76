//! A laid-out card as SVG: millimetre user units, the QR code as one path, text left to the
//! viewer's shaping (its own bidirectional algorithm sets Arabic right to left) in the Noto
//! families the PDF embeds.

use super::layout::{Anchor, Op, Sheet};
use credential_core::qr::QrMatrix;
use std::fmt::Write;

/// Millimetres per point.
const MM_PER_PT: f32 = 25.4 / 72.0;

/// The font families asked for, in the order the PDF tries its files.
const FAMILIES: &str = "'Noto Sans', 'Noto Naskh Arabic', 'Noto Sans Ethiopic', \
'Noto Sans Devanagari', 'Noto Sans CJK SC', sans-serif";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Renders `sheet` (with the QR code `m` and the `portrait` `data:` URL its image op shows)
/// as an SVG document.
pub fn render(sheet: &Sheet, m: &QrMatrix, portrait: Option<&str>) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}mm\" height=\"{h}mm\" \
viewBox=\"0 0 {w} {h}\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\n",
        w = sheet.width,
        h = sheet.height
    );
    for op in &sheet.ops {
        match op {
            Op::Text {
                x,
                y,
                size,
                text,
                anchor,
                ..
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::End => "end",
                };
                let _ = writeln!(
                    out,
                    "<text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{:.2}\" font-family=\"{FAMILIES}\" \
text-anchor=\"{anchor}\">{}</text>",
                    size * MM_PER_PT,
                    escape(text)
                );
            }
            Op::Qr { x, y, module } => {
                let mut d = String::new();
                for row in 0..m.width {
                    for col in 0..m.width {
                        if m.dark(col, row) {
                            let _ = write!(d, "M{col} {row}h1v1h-1z");
                        }
                    }
                }
                let _ = writeln!(
                    out,
                    "<path transform=\"translate({x:.3} {y:.3}) scale({module})\" d=\"{d}\"/>"
                );
            }
            Op::Image {
                x,
                y,
                width,
                height,
            } => {
                if let Some(url) = portrait {
                    let _ = writeln!(
                        out,
                        "<image x=\"{x:.2}\" y=\"{y:.2}\" width=\"{width:.2}\" \
height=\"{height:.2}\" href=\"{}\"/>",
                        escape(url)
                    );
                }
            }
            Op::Rule { x1, x2, y } => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{x1:.2}\" y=\"{y:.2}\" width=\"{:.2}\" height=\"0.14\"/>",
                    x2 - x1
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}
