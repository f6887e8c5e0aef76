//! A laid-out card as PDF, with krilla: text shaped by rustybuzz (Arabic joined and set right
//! to left), the fonts' used glyphs embedded as subsets, the QR code as filled squares.

use super::fonts::Fonts;
use super::layout::{Anchor, Op, Sheet};
use crate::error::{CliError, CliResult};
use credential_core::message;
use credential_core::qr::QrMatrix;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use krilla::Document;

/// Points per millimetre.
const PT: f32 = 72.0 / 25.4;

/// Renders `sheet` (with the QR code `m`) as a one-page PDF.
pub fn render(sheet: &Sheet, m: &QrMatrix, fonts: &Fonts) -> CliResult<Vec<u8>> {
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
                surface.draw_text(
                    Point::from_xy(left * PT, y * PT),
                    f,
                    *size,
                    text,
                    false,
                    TextDirection::Auto,
                );
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
