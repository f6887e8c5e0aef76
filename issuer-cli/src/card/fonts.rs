//! Fonts for printed cards: Noto fonts from the Debian packages `fonts-noto-core` (Latin, Greek,
//! Cyrillic, Arabic, Ethiopic, Devanagari, ...) and, for Han names, `fonts-noto-cjk`, found at
//! run time (decision 0017). `$LAISSEZ_FONT_DIR` is searched first. Each piece of text is set in
//! the first font that has a glyph for every one of its characters.

use crate::error::{CliError, CliResult};
use credential_core::message;
use std::path::PathBuf;

/// Folders searched for the font files, after `$LAISSEZ_FONT_DIR`.
const FONT_DIRS: &[&str] = &[
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/opentype/noto",
];

/// The font files tried, in order: Latin (and Greek, Cyrillic) first, so labels and Latin names
/// use it; Arabic in the Naskh style of print; then the other scripts of the profiles' people.
const FONT_FILES: &[&str] = &[
    "NotoSans-Regular.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansBengali-Regular.ttf",
    "NotoSansArmenian-Regular.ttf",
    "NotoSansGeorgian-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansThai-Regular.ttf",
    "NotoSansMyanmar-Regular.ttf",
    "NotoSansKhmer-Regular.ttf",
    "NotoSansSinhala-Regular.ttf",
    "NotoSansTamil-Regular.ttf",
    "NotoSansCJK-Regular.ttc",
];

/// The fonts that must be present: a card always has Latin text and Arabic labels can be asked
/// for.
const REQUIRED: usize = 2;

/// One loaded font file.
pub struct FontFile {
    /// The file's bytes.
    pub data: Vec<u8>,
    /// Where it was found.
    pub path: PathBuf,
}

impl FontFile {
    /// Whether the font has a glyph for `c`.
    fn covers(&self, c: char) -> bool {
        rustybuzz::Face::from_slice(&self.data, 0).is_some_and(|f| f.glyph_index(c).is_some())
    }

    /// The advance width of `text` shaped in this font, in units of the font size.
    pub fn width(&self, text: &str) -> f32 {
        let Some(face) = rustybuzz::Face::from_slice(&self.data, 0) else {
            return 0.0;
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 / face.units_per_em().max(1) as f32
    }
}

/// The fonts found, in [`FONT_FILES`] order.
pub struct Fonts {
    files: Vec<FontFile>,
}

fn find(name: &str) -> Option<PathBuf> {
    let extra = std::env::var_os("LAISSEZ_FONT_DIR").map(PathBuf::from);
    extra
        .into_iter()
        .chain(FONT_DIRS.iter().map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

impl Fonts {
    /// Loads every font file present; fails naming the package when a required one is missing.
    pub fn load() -> CliResult<Fonts> {
        let mut files = Vec::new();
        for (i, name) in FONT_FILES.iter().enumerate() {
            match find(name) {
                Some(path) => {
                    let data = std::fs::read(&path)
                        .map_err(|e| CliError::io(crate::error::io::read, &path, e))?;
                    files.push(FontFile { data, path });
                }
                None if i < REQUIRED => {
                    return Err(CliError::Input {
                        message: message!("print_font_missing", font = *name),
                        hint: Some(message!("hint_print_fonts")),
                    })
                }
                None => {}
            }
        }
        Ok(Fonts { files })
    }

    /// The index of the first font with a glyph for every non-space character of `text`.
    pub fn for_text(&self, text: &str) -> CliResult<usize> {
        let needed: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        self.files
            .iter()
            .position(|f| needed.iter().all(|c| f.covers(*c)))
            .ok_or_else(|| CliError::Input {
                message: message!("print_no_font_for", text = text),
                hint: Some(message!("hint_print_fonts")),
            })
    }

    /// The font at `index` (from [`Fonts::for_text`]).
    pub fn get(&self, index: usize) -> &FontFile {
        &self.files[index]
    }
}
