//! A laid-out card as PDF, with krilla: text shaped by rustybuzz (Arabic joined and set right
//! to left), the fonts' used glyphs embedded as subsets, the QR code as filled squares.

use super::content::Portrait;
use super::fonts::Fonts;
use super::layout::{is_rtl, Anchor, Op, Sheet};
use crate::error::{CliError, CliResult};
use credential_core::message;
use credential_core::qr::QrMatrix;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use krilla::Document;

/// Points per millimetre.
const PT: f32 = 72.0 / 25.4;

/// Whether `c` belongs to a left-to-right run inside right-to-left text: ASCII letters and
/// digits, and the punctuation of dates and numbers between them.
fn is_ltr_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// `text` cut into maximal runs of left-to-right characters (with the `.`, `-`, `/` and `:`
/// inside them) and of the rest, in logical order, each with whether it is left to right.
fn runs(text: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let ltr = is_ltr_char(c) || (matches!(c, '.' | '-' | '/' | ':') && current == Some(true));
        if current.is_some_and(|cur| cur != ltr) {
            out.push((&text[start..i], current == Some(true)));
            start = i;
        }
        current = Some(ltr);
    }
    if start < text.len() {
        out.push((&text[start..], current == Some(true)));
    }
    out
}

/// Renders `sheet` (with the QR code `m` and the `portrait` its image op shows) as a one-page
/// PDF.
pub fn render(
    sheet: &Sheet,
    m: &QrMatrix,
    fonts: &Fonts,
    portrait: Option<&Portrait>,
) -> CliResult<Vec<u8>> {
    let failed = |detail: String| CliError::input(message!("print_pdf_failed", detail = detail));
    let mut document = Document::new();
    let settings = PageSettings::from_wh(sheet.width * PT, sheet.height * PT)
        .ok_or_else(|| failed("page size".into()))?;
    let mut loaded: Vec<Option<Font>> = Vec::new();
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    // The default fill is opaque black.
    surface.set_fill(Some(Fill::default()));
    for op in &sheet.ops {
        match op {
            Op::Text {
                x,
                y,
                size,
                text,
                anchor,
                font,
                width,
            } => {
                if loaded.len() <= *font {
                    loaded.resize(*font + 1, None);
                }
                let f = match &loaded[*font] {
                    Some(f) => f.clone(),
                    None => {
                        let data = fonts.get(*font).data.clone();
                        let f = Font::new(data.into(), 0)
                            .ok_or_else(|| failed(fonts.get(*font).path.display().to_string()))?;
                        loaded[*font] = Some(f.clone());
                        f
                    }
                };
                let left = match anchor {
                    Anchor::Start => *x,
                    Anchor::End => x - width,
                };
                if !is_rtl(text) {
                    surface.draw_text(
                        Point::from_xy(left * PT, y * PT),
                        f,
                        *size,
                        text,
                        false,
                        TextDirection::LeftToRight,
                    );
                    continue;
                }
                // Right to left, with runs of Latin letters and digits kept left to right
                // ("18 عامًا فأكثر"): the runs are placed from the right edge in logical order.
                let mut right = (left + width) * PT;
                for (run, ltr) in runs(text) {
                    let w = fonts.get(*font).width(run) * size;
                    right -= w;
                    let direction = if ltr {
                        TextDirection::LeftToRight
                    } else {
                        TextDirection::RightToLeft
                    };
                    surface.draw_text(
                        Point::from_xy(right, y * PT),
                        f.clone(),
                        *size,
                        run,
                        false,
                        direction,
                    );
                }
            }
            Op::Qr { x, y, module } => {
                let mut pb = PathBuilder::new();
                for row in 0..m.width {
                    for col in 0..m.width {
                        if m.dark(col, row) {
                            if let Some(r) = Rect::from_xywh(
                                (x + col as f32 * module) * PT,
                                (y + row as f32 * module) * PT,
                                module * PT,
                                module * PT,
                            ) {
                                pb.push_rect(r);
                            }
                        }
                    }
                }
                if let Some(path) = pb.finish() {
                    surface.draw_path(&path);
                }
            }
            Op::Image {
                x,
                y,
                width,
                height,
            } => {
                let Some(p) = portrait else { continue };
                let data = p.bytes.clone().into();
                let image = match p.media.as_str() {
                    "image/png" => Image::from_png(data, true),
                    _ => Image::from_jpeg(data, true),
                }
                .map_err(failed)?;
                let size = Size::from_wh(width * PT, height * PT)
                    .ok_or_else(|| failed("portrait size".into()))?;
                surface.push_transform(&Transform::from_translate(x * PT, y * PT));
                surface.draw_image(image, size);
                surface.pop();
            }
            Op::Rule { x1, x2, y } => {
                let mut pb = PathBuilder::new();
                if let Some(r) = Rect::from_xywh(x1 * PT, y * PT, (x2 - x1) * PT, 0.4) {
                    pb.push_rect(r);
                }
                if let Some(path) = pb.finish() {
                    surface.draw_path(&path);
                }
            }
        }
    }
    surface.finish();
    page.finish();
    document.finish().map_err(|e| failed(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn digits_and_latin_letters_are_runs_of_their_own() {
        assert_eq!(
            runs("18 عامًا فأكثر"),
            vec![("18", true), (" عامًا فأكثر", false)]
        );
        assert_eq!(
            runs("مواليد 1990-04 في طرابلس"),
            vec![("مواليد ", false), ("1990-04", true), (" في طرابلس", false)]
        );
        assert_eq!(runs("أمينة"), vec![("أمينة", false)]);
    }
}
