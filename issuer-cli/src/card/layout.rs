//! Placing a card's content on a page: the QR code at a module size a phone reads from a
//! photocopy (at least 0.4 mm), the text beside or above it. Positions are in millimetres from
//! the top left corner; text sizes in points.

use super::content::Content;
use super::fonts::Fonts;
use crate::error::{CliError, CliResult};
use credential_core::message;
use credential_core::qr::QrMatrix;

/// Smallest QR module printed, in millimetres: a phone camera still resolves it on a photocopy.
pub const MIN_MODULE_MM: f32 = 0.4;

/// Quiet zone around the QR code, in modules (ISO/IEC 18004).
const QUIET: usize = 4;

/// Millimetres per point.
const MM_PER_PT: f32 = 25.4 / 72.0;

/// Width of the portrait's box (3:4) as a share of the layout's QR box.
const PORTRAIT_SHARE: f32 = 0.3;

/// The page formats of `laissez print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// ISO/IEC 7810 ID-1 card, 85.6 × 54 mm, landscape: text left, QR right.
    Id1,
    /// A6 sheet, 105 × 148 mm, portrait: text above, QR below.
    A6,
    /// A4 sheet, 210 × 297 mm, portrait: text above, QR below.
    A4,
}

impl Layout {
    /// `id1`, `a6` or `a4`.
    pub fn from_name(name: &str) -> Option<Layout> {
        match name.to_ascii_lowercase().as_str() {
            "id1" | "id-1" => Some(Layout::Id1),
            "a6" => Some(Layout::A6),
            "a4" => Some(Layout::A4),
            _ => None,
        }
    }

    /// Page width and height in millimetres.
    pub fn page_mm(self) -> (f32, f32) {
        match self {
            Layout::Id1 => (85.6, 54.0),
            Layout::A6 => (105.0, 148.0),
            Layout::A4 => (210.0, 297.0),
        }
    }

    /// Margin, QR box side (quiet zone included) and text scale.
    fn metrics(self) -> (f32, f32, f32) {
        match self {
            Layout::Id1 => (3.0, 40.0, 1.0),
            Layout::A6 => (6.0, 72.0, 1.5),
            Layout::A4 => (15.0, 110.0, 2.2),
        }
    }
}

/// Where a text is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Its left edge at `x`.
    Start,
    /// Its right edge at `x` (right-to-left text, second-language labels).
    End,
}

/// One thing drawn on the page.
#[derive(Debug, Clone)]
pub enum Op {
    /// A line of text, shaped by the renderer.
    Text {
        /// Anchor position, millimetres.
        x: f32,
        /// Baseline, millimetres.
        y: f32,
        /// Font size, points.
        size: f32,
        /// The text.
        text: String,
        /// How `x` anchors it.
        anchor: Anchor,
        /// Index of the font in [`Fonts`].
        font: usize,
        /// Width, millimetres (as shaped in that font).
        width: f32,
    },
    /// The QR code's dark modules, from its top left corner (quiet zone excluded).
    Qr {
        /// Left, millimetres.
        x: f32,
        /// Top, millimetres.
        y: f32,
        /// Module side, millimetres.
        module: f32,
    },
    /// The holder's portrait, scaled into a box.
    Image {
        /// Left, millimetres.
        x: f32,
        /// Top, millimetres.
        y: f32,
        /// Width, millimetres.
        width: f32,
        /// Height, millimetres.
        height: f32,
    },
    /// A thin horizontal rule.
    Rule {
        /// From x, millimetres.
        x1: f32,
        /// To x, millimetres.
        x2: f32,
        /// At y, millimetres.
        y: f32,
    },
}

/// A laid-out page.
pub struct Sheet {
    /// Page width, millimetres.
    pub width: f32,
    /// Page height, millimetres.
    pub height: f32,
    /// What to draw, in order.
    pub ops: Vec<Op>,
    /// The QR module side chosen, millimetres.
    pub module: f32,
}

/// Text cursor inside a column.
struct Column<'a> {
    fonts: &'a Fonts,
    left: f32,
    right: f32,
    y: f32,
    bottom: f32,
    scale: f32,
    ops: Vec<Op>,
}

impl Column<'_> {
    fn text(&mut self, text: &str, size: f32, anchor: Anchor) -> CliResult<f32> {
        let size = size * self.scale;
        let font = self.fonts.for_text(text)?;
        let width = self.fonts.get(font).width(text) * size * MM_PER_PT;
        let x = match anchor {
            Anchor::Start => self.left,
            Anchor::End => self.right,
        };
        self.ops.push(Op::Text {
            x,
            y: self.y,
            size,
            text: text.to_owned(),
            anchor,
            font,
            width,
        });
        Ok(width)
    }

    /// Moves down by a line of `size` points; false when the column is full.
    fn advance(&mut self, size: f32) -> bool {
        let step = size * self.scale * MM_PER_PT * 1.25;
        if self.y + step > self.bottom {
            return false;
        }
        self.y += step;
        true
    }

    /// One line with `first` at the start and `second` (if any) at the end; two lines when
    /// they do not fit side by side. False when the column is full.
    fn pair(&mut self, first: &str, second: Option<&str>, size: f32) -> CliResult<bool> {
        if !self.advance(size) {
            return Ok(false);
        }
        let used = self.text(first, size, start_of(first))?;
        if let Some(second) = second.filter(|s| *s != first) {
            let font = self.fonts.for_text(second)?;
            let needed = self.fonts.get(font).width(second) * size * self.scale * MM_PER_PT;
            if used + needed + 2.0 > self.right - self.left && !self.advance(size) {
                return Ok(false);
            }
            self.text(second, size, Anchor::End)?;
        }
        Ok(true)
    }
}

/// Whether `text` is written right to left (its first strong character is Arabic or Hebrew).
pub fn is_rtl(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

fn start_of(text: &str) -> Anchor {
    if is_rtl(text) {
        Anchor::End
    } else {
        Anchor::Start
    }
}

/// Lays `content` and the QR code `m` out on a `layout` page.
pub fn lay_out(layout: Layout, content: &Content, m: &QrMatrix, fonts: &Fonts) -> CliResult<Sheet> {
    let (width, height) = layout.page_mm();
    let (margin, qr_box, scale) = layout.metrics();
    let modules = m.width + 2 * QUIET;
    // Whole hundredths of a millimetre, so the modules line up on the printer's grid.
    let module = (qr_box / modules as f32 * 100.0).floor() / 100.0;
    if module < MIN_MODULE_MM {
        return Err(CliError::Input {
            message: message!(
                "print_qr_too_dense",
                version = i64::from(m.version),
                module = format!("{module:.2}")
            ),
            hint: Some(message!("hint_print_compact")),
        });
    }
    let side = module * modules as f32;
    let quiet = QUIET as f32 * module;
    // The QR box (quiet zone included): on an ID-1 card its quiet zone reaches half into the
    // right margin, which is blank anyway; on a sheet it is centred below the text.
    let (qr_x, qr_y, text_right, text_bottom) = match layout {
        Layout::Id1 => {
            let left = width - margin - side + quiet / 2.0;
            (left, (height - side) / 2.0, left, height - margin)
        }
        Layout::A6 | Layout::A4 => (
            (width - side) / 2.0,
            height - margin - side,
            width - margin,
            height - margin - side,
        ),
    };
    let mut col = Column {
        fonts,
        left: margin,
        right: text_right,
        y: margin,
        bottom: text_bottom,
        scale,
        ops: Vec::new(),
    };
    let second = |v: &[String]| v.get(1).cloned();
    col.pair(&content.title[0], second(&content.title).as_deref(), 6.0)?;
    let rule_y = col.y + 1.0;
    col.ops.push(Op::Rule {
        x1: margin,
        x2: text_right,
        y: rule_y,
    });
    col.y = rule_y;
    // The portrait: top right of the text column, under the title; the text beside it.
    let mut portrait = None;
    if let Some(p) = &content.portrait {
        let box_w = qr_box * PORTRAIT_SHARE;
        let (pw, ph) = (p.size.0 as f32, p.size.1 as f32);
        let (w, h) = if pw * 4.0 >= ph * 3.0 {
            (box_w, box_w * ph / pw)
        } else {
            (box_w * 4.0 / 3.0 * pw / ph, box_w * 4.0 / 3.0)
        };
        let x = text_right - w;
        portrait = Some(Op::Image {
            x,
            y: rule_y + 1.5,
            width: w,
            height: h,
        });
        col.right = x - 2.0;
    }
    if let Some(name) = &content.name {
        if col.advance(9.0) {
            col.text(name, 9.0, start_of(name))?;
        }
    }
    if let Some(latin) = &content.name_latin {
        if col.advance(7.5) {
            col.text(latin, 7.5, Anchor::Start)?;
        }
    }
    for field in &content.fields {
        if !col.pair(&field.labels[0], second(&field.labels).as_deref(), 4.5)? || !col.advance(6.5)
        {
            break;
        }
        col.text(&field.value, 6.5, start_of(&field.value))?;
    }
    let mut ops = col.ops;
    ops.extend(portrait);
    ops.push(Op::Qr {
        x: qr_x + quiet,
        y: qr_y + quiet,
        module,
    });
    Ok(Sheet {
        width,
        height,
        ops,
        module,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use credential_core::qr::Ecc;

    #[test]
    fn right_to_left_is_told_by_the_first_letter() {
        assert!(is_rtl("أمينة يوسف"));
        assert!(is_rtl("12 أمينة"));
        assert!(!is_rtl("Amina أمينة"));
        assert!(!is_rtl("1990-04"));
    }

    /// Every layout keeps modules at 0.4 mm or more: a version 12 code fits them all; an ID-1
    /// card takes up to version 18 (92 modules and the quiet zone in its 40 mm box), so a
    /// version 19 code is refused there and printed on the sheets.
    #[test]
    fn modules_are_never_under_0_4_mm() {
        let Ok(fonts) = Fonts::load() else {
            eprintln!("\n*** SKIPPING layout test: fonts-noto-core missing ***\n");
            return;
        };
        let content = Content {
            title: vec!["Legal identity".into(), "الهوية القانونية".into()],
            name: Some("أمينة يوسف".into()),
            name_latin: Some("YUSUF Amina".into()),
            fields: Vec::new(),
            portrait: None,
        };
        let v12 = QrMatrix::new(&"A".repeat(410), Ecc::M).unwrap();
        assert_eq!(v12.version, 12);
        for layout in [Layout::Id1, Layout::A6, Layout::A4] {
            let sheet = lay_out(layout, &content, &v12, &fonts).unwrap();
            assert!(
                sheet.module >= MIN_MODULE_MM,
                "{layout:?}: {}",
                sheet.module
            );
        }
        let v18 = QrMatrix::new(&"A".repeat(800), Ecc::M).unwrap();
        assert_eq!(v18.version, 18);
        assert!(lay_out(Layout::Id1, &content, &v18, &fonts).is_ok());
        let v19 = QrMatrix::new(&"A".repeat(850), Ecc::M).unwrap();
        assert_eq!(v19.version, 19);
        assert!(lay_out(Layout::Id1, &content, &v19, &fonts).is_err());
        for layout in [Layout::A6, Layout::A4] {
            let sheet = lay_out(layout, &content, &v19, &fonts).unwrap();
            assert!(sheet.module >= MIN_MODULE_MM);
        }
    }
}
