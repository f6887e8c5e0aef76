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
    /// Maximum number of elements in one array (JSON-LD expansion is quadratic in the number of
    /// values of one property: 120,000 strings in one array took 55 s before this bound).
    pub max_array_len: usize,
    /// Maximum number of JSON values in all (every scalar, array and object). Measured in a
    /// release build: 102,000 values in arrays of 256 took 0.3 s of JSON-LD work, 7,900 took
    /// 66 ms; 4,096 keep the worst case near 30 ms while leaving room for presentations.
    pub max_values: usize,
}

impl Default for JsonLimits {
    fn default() -> Self {
        JsonLimits {
            max_bytes: 1024 * 1024,
            max_depth: 64,
            max_objects: 1024,
            max_array_len: 256,
            max_values: 4096,
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
    let members = check_structure(text.as_bytes(), limits)?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| Error::MalformedJson(describe_error(&e)))?;
    let mut next = 0;
    if !members_match(&value, &members, &mut next) {
        // `next` is one past the offending object: its position among the objects, in the
        // order their `{` appear.
        return Err(Error::DuplicateMember(format!(
            "in object number {next} of the document"
        )));
    }
    Ok(value)
}

/// The object `{key: value}`, built directly: `json!` with an expression inside calls
/// `to_value(..).unwrap()`, whose panic path keeps serde_json's error texts in the WASM verifier.
pub(crate) fn single(key: &str, value: Value) -> Value {
    let mut object = serde_json::Map::new();
    object.insert(key.to_owned(), value);
    Value::Object(object)
}

/// What went wrong in a JSON text, in our own words: the kind of fault and where it is.
/// serde_json's own sentences (its `Display`, with the `std::io::Error` texts behind it) are
/// not used, so they stay out of the WASM verifier (specs/decisions/0028-verifier-module-size.md).
pub fn describe_error(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Eof => "the JSON text ends early",
        serde_json::error::Category::Syntax => "not well-formed JSON",
        serde_json::error::Category::Data => "JSON of an unexpected shape",
        serde_json::error::Category::Io => "unreadable JSON",
    };
    format!("{what} at line {} column {}", e.line(), e.column())
}

/// Whether every object has as many members as the text gave it (RFC 7493 §2.3: no repeated
/// member names). serde_json keeps the last of two equal names, other parsers the first, so a
/// signature over one reading would "cover" the other. `members` holds, for each object in the
/// order its `{` appears in the text, how many members the text gives it; the parsed object has
/// fewer exactly when a name repeats (escaped forms such as `\u0061` and `a` are the same name
/// once parsed). Objects are visited in that same order, a parent before its children, so the
/// first mismatch is the offending object.
fn members_match(value: &Value, members: &[usize], next: &mut usize) -> bool {
    match value {
        Value::Object(o) => {
            let ok = members.get(*next) == Some(&o.len());
            *next += 1;
            ok && o.values().all(|v| members_match(v, members, next))
        }
        Value::Array(a) => a.iter().all(|v| members_match(v, members, next)),
        _ => true,
    }
}

/// Returns an error when brackets outside strings nest deeper than allowed, or there are more
/// objects, or longer arrays, than allowed. One linear pass over the bytes, before parsing.
/// Returns the number of members the text gives each object, in the order of their `{` (for
/// well-formed JSON; what malformed JSON yields is not used).
fn check_structure(bytes: &[u8], limits: JsonLimits) -> Result<Vec<usize>> {
    // For each open bracket: `Array(commas so far)`, or `Object(index in members, expecting a
    // member name)`.
    enum Open {
        Array(usize),
        Object(usize, bool),
    }
    let mut open: Vec<Open> = Vec::new();
    let mut members: Vec<usize> = Vec::new();
    let mut objects = 0usize;
    // Commas and opening brackets: at least the number of values after the first.
    let mut values = 0usize;
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
        if matches!(b, b',' | b'[' | b'{') {
            values += 1;
            if values > limits.max_values {
                return Err(Error::TooManyValues {
                    max: limits.max_values,
                });
            }
        }
        match b {
            b'"' => {
                in_string = true;
                if let Some(Open::Object(index, expecting @ true)) = open.last_mut() {
                    members[*index] += 1;
                    *expecting = false;
                }
            }
            b'{' => {
                objects += 1;
                if objects > limits.max_objects {
                    return Err(Error::TooManyObjects {
                        max: limits.max_objects,
                    });
                }
                open.push(Open::Object(members.len(), true));
                members.push(0);
            }
            b'[' => open.push(Open::Array(0)),
            b']' | b'}' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Array(commas)) => {
                    *commas += 1;
                    if *commas >= limits.max_array_len {
                        return Err(Error::ArrayTooLong {
                            max: limits.max_array_len,
                        });
                    }
                }
                Some(Open::Object(_, expecting)) => *expecting = true,
                None => {}
            },
            _ => {}
        }
        if open.len() > limits.max_depth {
            return Err(Error::JsonTooDeep {
                max: limits.max_depth,
            });
        }
    }
    Ok(members)
}

/// Checks a parsed value against `limits` (depth, objects, array lengths): values from
/// envelopes or callers meet the same bounds as bytes.
pub fn check_value(value: &Value, limits: JsonLimits) -> Result<()> {
    fn walk(
        v: &Value,
        depth: usize,
        counts: &mut (usize, usize),
        limits: &JsonLimits,
    ) -> Result<()> {
        counts.1 += 1;
        if counts.1 > limits.max_values {
            return Err(Error::TooManyValues {
                max: limits.max_values,
            });
        }
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(a) => {
                if a.len() > limits.max_array_len {
                    return Err(Error::ArrayTooLong {
                        max: limits.max_array_len,
                    });
                }
                Box::new(a.iter())
            }
            Value::Object(o) => {
                counts.0 += 1;
                if counts.0 > limits.max_objects {
                    return Err(Error::TooManyObjects {
                        max: limits.max_objects,
                    });
                }
                Box::new(o.values())
            }
            _ => return Ok(()),
        };
        if depth + 1 > limits.max_depth {
            return Err(Error::JsonTooDeep {
                max: limits.max_depth,
            });
        }
        children
            .into_iter()
            .try_for_each(|c| walk(c, depth + 1, counts, limits))
    }
    walk(value, 0, &mut (0, 0), &limits)
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
            parse_bounded(escaped.as_bytes(), JsonLimits::default()).unwrap()["a"],
            "\"[[[["
        );
    }

    #[test]
    fn long_arrays_and_value_floods_are_refused() {
        let lim = JsonLimits::default();
        let array = |n: usize| format!("[{}]", vec!["1"; n].join(","));
        assert!(parse_bounded(array(256).as_bytes(), lim).is_ok());
        assert_eq!(
            parse_bounded(array(257).as_bytes(), lim)
                .unwrap_err()
                .code(),
            "array_too_long"
        );
        let arrays = format!("[{}]", vec![array(200); 30].join(","));
        assert_eq!(
            parse_bounded(arrays.as_bytes(), lim).unwrap_err().code(),
            "too_many_values"
        );
        let value: Value = serde_json::from_str(&array(300)).unwrap();
        assert_eq!(
            check_value(&value, lim).unwrap_err().code(),
            "array_too_long"
        );
        let value: Value = serde_json::from_str(&arrays).unwrap();
        assert_eq!(
            check_value(&value, lim).unwrap_err().code(),
            "too_many_values"
        );
        // Commas inside strings do not count.
        let in_string = format!("[\"{}\"]", ",".repeat(10_000));
        assert!(parse_bounded(in_string.as_bytes(), lim).is_ok());
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

    #[test]
    fn repeated_member_names_are_refused() {
        let lim = JsonLimits::default();
        for doc in [
            r#"{"a":1,"a":2}"#,
            r#"{"x":{"id":"did:key:a","b":[{"id":1,"id":1}]}}"#,
            // The same name written two ways is the same name.
            r#"{"a":1,"\u0061":2}"#,
        ] {
            let err = parse_bounded(doc.as_bytes(), lim).unwrap_err();
            assert_eq!(err.code(), "duplicate_member", "{doc}");
        }
        let err = parse_bounded(br#"{"a":[1,{"b":{},"c":[{},{"x":1,"x":2}]}]}"#, lim).unwrap_err();
        assert!(err.to_string().contains("object number 5 "), "{err}");
        let ok = parse_bounded(
            br#"{"a":{"a":1},"b":[{"a":1},{"a":2}],"e":{},"s":"{\"a\":1,\"a\":2}","n":1.5e300}"#,
            lim,
        )
        .unwrap();
        assert_eq!(ok["n"], serde_json::json!(1.5e300));
        assert_eq!(
            parse_bounded(br#"{"a":1} x"#, lim).unwrap_err().code(),
            "malformed_json"
        );
    }
}
