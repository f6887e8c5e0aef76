//! Small value types shared by credentials and presentations.

use crate::error::{Error, Result};
use serde_json::Value;

/// A human-readable value: a plain string, or one or more language-tagged strings
/// (`{"@value": "...", "@language": "fr", "@direction": "ltr"}`), as VC 2.0 §11.1 allows for
/// `name` and `description`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageValue {
    /// A plain string.
    Plain(String),
    /// Language-tagged strings: (language, text).
    Tagged(Vec<(String, String)>),
}

impl LanguageValue {
    /// Reads a `name` / `description` value.
    pub fn from_json(property: &str, v: &Value) -> Result<Self> {
        let bad = |reason: &str| Error::InvalidProperty {
            property: property.to_owned(),
            reason: reason.to_owned(),
        };
        match v {
            Value::String(s) => Ok(LanguageValue::Plain(s.clone())),
            Value::Object(_) => Ok(LanguageValue::Tagged(vec![tagged(v)
                .ok_or_else(|| bad("a language value needs string @value and @language"))?])),
            Value::Array(items) if !items.is_empty() => items
                .iter()
                .map(|i| {
                    tagged(i).ok_or_else(|| bad("each item needs string @value and @language"))
                })
                .collect::<Result<Vec<_>>>()
                .map(LanguageValue::Tagged),
            _ => Err(bad("must be a string or language-tagged value(s)")),
        }
    }

    /// The text in `lang` if present, else the first (or plain) text.
    pub fn best(&self, lang: &str) -> &str {
        match self {
            LanguageValue::Plain(s) => s,
            LanguageValue::Tagged(v) => v
                .iter()
                .find(|(l, _)| l.eq_ignore_ascii_case(lang))
                .or_else(|| v.first())
                .map(|(_, t)| t.as_str())
                .unwrap_or(""),
        }
    }
}

fn tagged(v: &Value) -> Option<(String, String)> {
    let o = v.as_object()?;
    let value = o.get("@value")?.as_str()?;
    let lang = o.get("@language")?.as_str()?;
    Some((lang.to_owned(), value.to_owned()))
}

/// Whether `s` is an absolute URL (RFC 3986 scheme followed by `:`, no white space or controls).
pub fn is_url(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Items of a value that may be one object or an array of them.
pub(crate) fn one_or_many(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    }
}

/// Strings of a value that may be one string or an array of strings (non-strings skipped).
pub(crate) fn strings(v: Option<&Value>) -> Vec<&str> {
    v.map(one_or_many)
        .unwrap_or_default()
        .into_iter()
        .filter_map(Value::as_str)
        .collect()
}
