//! The Laissez message catalogues and their renderer for Rust programs.
//!
//! Every message a person reads (report checks, errors, the CLI's output, the kiosk's text) is an
//! entry of the Fluent catalogues in the repository's `locales/<lang>/` folder: English, French,
//! Spanish and Arabic. The verification core returns [`Message`]s (an id and arguments); this
//! crate renders them with `fluent-bundle`. The WASM package and the kiosk render the same files
//! with `@fluent/bundle`, and a test checks that both renderers agree.
//!
//! ```
//! use laissez_messages::Localizer;
//! let fr = Localizer::new("fr");
//! let m = credential_core::Error::InvalidSignature.message();
//! assert!(!fr.text(&m).is_empty());
//! ```

use credential_core::message::{Arg, Message};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The languages with a catalogue, English first (the fallback).
pub const LANGUAGES: [&str; 4] = ["en", "fr", "es", "ar"];

/// The catalogue files of each language, in [`LANGUAGES`] order: the core's messages and the
/// CLI's. (The kiosk's own file is rendered in the browser only.)
pub const CATALOGUES: [[&str; 2]; 4] = [
    [
        include_str!("../../locales/en/core.ftl"),
        include_str!("../../locales/en/cli.ftl"),
    ],
    [
        include_str!("../../locales/fr/core.ftl"),
        include_str!("../../locales/fr/cli.ftl"),
    ],
    [
        include_str!("../../locales/es/core.ftl"),
        include_str!("../../locales/es/cli.ftl"),
    ],
    [
        include_str!("../../locales/ar/core.ftl"),
        include_str!("../../locales/ar/cli.ftl"),
    ],
];

/// The messages of one language, with English behind them.
pub struct Localizer {
    lang: &'static str,
    bundle: FluentBundle<FluentResource>,
    english: Option<FluentBundle<FluentResource>>,
}

impl Localizer {
    /// The localizer for `lang` (one of [`LANGUAGES`]; anything else is English).
    pub fn new(lang: &str) -> Localizer {
        let index = LANGUAGES.iter().position(|l| *l == lang).unwrap_or(0);
        Localizer {
            lang: LANGUAGES[index],
            bundle: bundle(index),
            english: (index != 0).then(|| bundle(0)),
        }
    }

    /// The language code.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// Renders `m`; an id no catalogue has renders as the id itself.
    pub fn text(&self, m: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in m.args.iter() {
            match value {
                Arg::Text(t) => args.set(*name, FluentValue::from(t.as_str())),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
            }
        }
        for bundle in std::iter::once(&self.bundle).chain(&self.english) {
            if let Some(pattern) = bundle.get_message(m.id).and_then(|msg| msg.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned();
            }
        }
        m.id.to_owned()
    }

    /// Whether the language's own catalogue (not the English fallback) has `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

/// The bundle of `LANGUAGES[index]`. The catalogues are part of the binary and checked by tests,
/// so a parse error here is a build defect; the entries that do parse are still used.
fn bundle(index: usize) -> FluentBundle<FluentResource> {
    let lang: LanguageIdentifier = LANGUAGES[index].parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Terminals show bidi isolation marks as stray characters; arguments are plain values.
    bundle.set_use_isolating(false);
    for text in CATALOGUES[index] {
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        // Overriding is never needed: ids are unique across files (tested).
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The language asked for: `--lang`, else the POSIX locale variables (`fr_FR.UTF-8` is `fr`).
/// An unknown `--lang` is an error naming the available languages; an unknown locale is English.
pub fn choose(flag: Option<&str>) -> Result<&'static str, String> {
    if let Some(flag) = flag {
        let base = base_language(flag);
        return LANGUAGES
            .iter()
            .find(|l| **l == base)
            .copied()
            .ok_or_else(|| LANGUAGES.join(", "));
    }
    let env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    let base = base_language(&env);
    Ok(LANGUAGES
        .iter()
        .find(|l| **l == base)
        .copied()
        .unwrap_or("en"))
}

/// `fr_FR.UTF-8@euro` -> `fr`; `ar-EG` -> `ar`.
fn base_language(tag: &str) -> String {
    tag.split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}
