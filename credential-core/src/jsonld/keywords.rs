//! The JSON-LD keywords, one table for JSON-LD expansion and CBOR-LD: the JSON-LD 1.1 keywords
//! (JSON-LD 1.1 §9.16 "Keywords") and the JSON-LD 1.1 Framing keywords, with the term ids
//! CBOR-LD 1.0 gives them ("Term Codec Map" initial entries).

/// One keyword.
struct Keyword {
    /// The keyword, `@` included.
    name: &'static str,
    /// Whether JSON-LD 1.1 syntax defines it; the framing keywords (`@default`, `@embed`, ...)
    /// are keywords to CBOR-LD only, and expansion treats them as any `@`-word.
    syntax: bool,
    /// Its CBOR-LD 1.0 term id; `None` for `@import`, which CBOR-LD 1.0 does not list.
    cborld_id: Option<u64>,
}

const fn syntax(name: &'static str, id: u64) -> Keyword {
    Keyword {
        name,
        syntax: true,
        cborld_id: Some(id),
    }
}

const fn framing(name: &'static str, id: u64) -> Keyword {
    Keyword {
        name,
        syntax: false,
        cborld_id: Some(id),
    }
}

/// Every keyword, in CBOR-LD id order.
const KEYWORDS: &[Keyword] = &[
    syntax("@context", 0),
    syntax("@type", 2),
    syntax("@id", 4),
    syntax("@value", 6),
    syntax("@direction", 8),
    syntax("@graph", 10),
    syntax("@included", 12),
    syntax("@index", 14),
    syntax("@json", 16),
    syntax("@language", 18),
    syntax("@list", 20),
    syntax("@nest", 22),
    syntax("@reverse", 24),
    syntax("@base", 26),
    syntax("@container", 28),
    framing("@default", 30),
    framing("@embed", 32),
    framing("@explicit", 34),
    syntax("@none", 36),
    framing("@omitDefault", 38),
    syntax("@prefix", 40),
    framing("@preserve", 42),
    syntax("@protected", 44),
    framing("@requireAll", 46),
    syntax("@set", 48),
    syntax("@version", 50),
    syntax("@vocab", 52),
    syntax("@propagate", 54),
    Keyword {
        name: "@import",
        syntax: true,
        cborld_id: None,
    },
];

fn find(s: &str) -> Option<&'static Keyword> {
    if !s.starts_with('@') {
        return None;
    }
    KEYWORDS.iter().find(|k| k.name == s)
}

/// Whether `s` is a JSON-LD 1.1 keyword.
pub(crate) fn is_keyword(s: &str) -> bool {
    find(s).is_some_and(|k| k.syntax)
}

/// Whether `s` is in the keyword table (a JSON-LD or a framing keyword): CBOR-LD gives such a
/// key of a context no term id.
pub(crate) fn is_any_keyword(s: &str) -> bool {
    find(s).is_some()
}

/// Whether `s` has the form of a keyword (`@` followed by letters only), JSON-LD 1.1 §3.1.
pub(crate) fn looks_like_keyword(s: &str) -> bool {
    s.len() > 1 && s.starts_with('@') && s[1..].bytes().all(|b| b.is_ascii_alphabetic())
}

/// The CBOR-LD term id of keyword `s`.
pub(crate) fn cborld_id(s: &str) -> Option<u64> {
    find(s).and_then(|k| k.cborld_id)
}

/// The keyword of CBOR-LD term id `id`.
pub(crate) fn by_cborld_id(id: u64) -> Option<&'static str> {
    KEYWORDS
        .iter()
        .find(|k| k.cborld_id == Some(id))
        .map(|k| k.name)
}
