//! Printable cards (`laissez print`): a credential's QR code with the holder's names and key
//! fields, laid out on an ID-1 card, an A6 or an A4 sheet, as PDF (krilla, shaped text,
//! embedded Noto fonts) or SVG.

pub mod content;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod svg;
