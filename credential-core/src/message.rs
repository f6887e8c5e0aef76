//! Human-facing messages as data: a catalogue id and its arguments.
//!
//! The core never chooses words. Every message a person may read (a report check's explanation,
//! an error) is a [`Message`]: the id of an entry in the Fluent catalogues in `locales/` (English,
//! French, Spanish, Arabic) and named arguments. The edges render it in the reader's language: the
//! `laissez` CLI with `fluent-bundle`, the WASM package and the kiosk with `@fluent/bundle`.
//! Arguments are values (names, numbers, technical detail), never sentences.
//!
//! ```
//! use credential_core::message;
//! let m = message!("bundle_rollback", loaded = 7u64, offered = 6u64);
//! assert_eq!(m.id, "bundle_rollback");
//! assert_eq!(
//!     serde_json::to_string(&m).unwrap(),
//!     r#"{"id":"bundle_rollback","args":{"loaded":7,"offered":6}}"#
//! );
//! ```

use serde::ser::{Serialize, SerializeMap, Serializer};

/// A message: the catalogue id and the arguments it is rendered with.
///
/// Serialised as `{"id": "...", "args": {"name": value, ...}}` (`args` omitted when empty).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Message {
    /// The catalogue entry (stable: a published id keeps its meaning).
    pub id: &'static str,
    /// The named arguments, in the order given.
    #[serde(skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

/// The named arguments of a [`Message`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args(Vec<(&'static str, Arg)>);

/// One argument value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as is (an identifier, a date, technical detail).
    Text(String),
    /// An integer (a catalogue may choose plural forms by it).
    Number(i64),
}

impl Message {
    /// A message with no arguments.
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Args::default(),
        }
    }

    /// Adds the argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.0.push((name, value.into()));
        self
    }

    /// The argument `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

impl Args {
    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The arguments in order.
    pub fn iter(&self) -> impl Iterator<Item = &(&'static str, Arg)> {
        self.0.iter()
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t) => s.serialize_str(t),
            Arg::Number(n) => s.serialize_i64(*n),
        }
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(v)
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(v.clone())
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(v.to_owned())
    }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Number(v)
    }
}

impl From<u64> for Arg {
    fn from(v: u64) -> Self {
        Arg::Number(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg {
    fn from(v: usize) -> Self {
        Arg::Number(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(v: u32) -> Self {
        Arg::Number(i64::from(v))
    }
}

/// Builds a [`Message`]: `message!("id", name = value, ...)`. Tests find every id and argument
/// name written this way and check that each catalogue has them, so always use the macro with a
/// literal id.
#[macro_export]
macro_rules! message {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}
