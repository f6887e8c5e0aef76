//! Bounded JSON parsing: every document from outside enters through [`parse_bounded`].

use crate::error::{Error, Result};
use serde_json::Value;

/// Default limits for documents from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonLimits {
    /// Maximum input size in bytes.
    pub max_bytes: usize,
    /// Maximum nesting depth of arrays and objects.
    pub max_depth: usize,
    /// Maximum number of JSON objects (each may become an RDF node: this bounds JSON-LD
    /// expansion and canonicalization work before it starts).
    pub max_objects: usize,
}

impl Default for JsonLimits {
    fn default() -> Self {
        JsonLimits {
            max_bytes: 1024 * 1024,
            max_depth: 64,
            max_objects: 1024,
        }
    }
}

/// Parses `input` as JSON after checking its size, UTF-8 validity and nesting depth.
///
/// The depth check is a linear pre-scan, so a hostile document cannot make the parser recurse.
pub fn parse_bounded(input: &[u8], limits: JsonLimits) -> Result<Value> {
    if input.len() > limits.max_bytes {
        return Err(Error::InputTooLarge {
            size: input.len(),
            max: limits.max_bytes,
        });
    }
    let text = std::str::from_utf8(input).map_err(|_| Error::InvalidUtf8)?;
    check_structure(text.as_bytes(), limits)?;
    serde_json::from_str(text).map_err(|e| Error::MalformedJson(e.to_string()))
}

/// Returns an error when brackets outside strings nest deeper than allowed, or when there are
/// more objects than allowed.
fn check_structure(bytes: &[u8], limits: JsonLimits) -> Result<()> {
    let max = limits.max_depth;
    let mut depth = 0usize;
    let mut objects = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                if b == b'{' {
                    objects += 1;
                    if objects > limits.max_objects {
                        return Err(Error::TooManyObjects {
                            max: limits.max_objects,
                        });
                    }
                }
                depth += 1;
                if depth > max {
                    return Err(Error::JsonTooDeep { max });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Number of JSON objects in a parsed value.
pub fn count_objects(value: &Value) -> usize {
    match value {
        Value::Array(a) => a.iter().map(count_objects).sum(),
        Value::Object(o) => 1 + o.values().map(count_objects).sum::<usize>(),
        _ => 0,
    }
}

/// Depth of a parsed value (arrays and objects count one level each).
pub fn depth(value: &Value) -> usize {
    match value {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_limit_counts_only_structure() {
        let deep = "[".repeat(65) + &"]".repeat(65);
        assert_eq!(
            parse_bounded(deep.as_bytes(), JsonLimits::default())
                .unwrap_err()
                .code(),
            "json_too_deep"
        );
        let ok = "[".repeat(64) + &"]".repeat(64);
        assert!(parse_bounded(ok.as_bytes(), JsonLimits::default()).is_ok());
        let in_string = format!("{{\"a\":\"{}\"}}", "[".repeat(100));
        assert!(parse_bounded(in_string.as_bytes(), JsonLimits::default()).is_ok());
        let escaped = r#"{"a":"\"[[[["}"#;
        assert_eq!(
            depth(&parse_bounded(escaped.as_bytes(), JsonLimits::default()).unwrap()),
            1
        );
    }

    #[test]
    fn rejects_bad_bytes_and_size() {
        let lim = JsonLimits::default();
        assert_eq!(
            parse_bounded(b"\"\xff\"", lim).unwrap_err().code(),
            "invalid_utf8"
        );
        let big = vec![b' '; lim.max_bytes + 1];
        assert_eq!(
            parse_bounded(&big, lim).unwrap_err().code(),
            "input_too_large"
        );
        assert_eq!(
            parse_bounded(b"{", lim).unwrap_err().code(),
            "malformed_json"
        );
    }
}
