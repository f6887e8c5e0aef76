//! The CLI's language: every message a person reads is rendered from the Laissez catalogues
//! (`laissez-messages`), in the language chosen by `--lang`, else `LC_ALL`, `LC_MESSAGES` or
//! `LANG`, else English.

use credential_core::Message;
use laissez_messages::Localizer;
use std::sync::OnceLock;

pub use laissez_messages::choose;

static CURRENT: OnceLock<Localizer> = OnceLock::new();

/// Sets the process language (once, at start-up).
pub fn init(lang: &str) {
    let _ = CURRENT.set(Localizer::new(lang));
}

/// The process localizer (English if [`init`] was not called).
pub fn current() -> &'static Localizer {
    CURRENT.get_or_init(|| Localizer::new("en"))
}

/// Renders `m` in the process language.
pub fn text(m: &Message) -> String {
    current().text(m)
}

/// Prints `m` on standard output, in the process language.
macro_rules! say {
    ($($m:tt)*) => {
        println!("{}", $crate::i18n::text(&credential_core::message!($($m)*)))
    };
}

/// Prints `m` on standard error, in the process language.
macro_rules! note {
    ($($m:tt)*) => {
        eprintln!("{}", $crate::i18n::text(&credential_core::message!($($m)*)))
    };
}

pub(crate) use {note, say};
