//! JSON Pointers (RFC 6901) and the selection of a compact JSON-LD document by pointers
//! (VC DI ECDSA §3.4.1 "Selective Disclosure Functions": jsonPointerToPaths,
//! createInitialSelection, selectPaths, selectJsonLd).

use super::MAX_POINTERS;
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Longest pointer accepted, in bytes.
const MAX_POINTER_BYTES: usize = 1024;

fn bad_pointer(reason: impl Into<String>) -> Error {
    Error::InvalidProperty {
        property: "JSON pointer".into(),
        reason: reason.into(),
    }
}

/// The reference tokens of an RFC 6901 pointer, unescaped (`~1` is `/`, `~0` is `~`). The empty
/// pointer (the whole document) selects nothing useful here and is refused, as are escapes
/// other than `~0` and `~1`.
pub fn parse_pointer(pointer: &str) -> Result<Vec<String>> {
    if pointer.len() > MAX_POINTER_BYTES {
        return Err(bad_pointer(format!(
            "longer than {MAX_POINTER_BYTES} bytes"
        )));
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(bad_pointer("a pointer starts with /"));
    };
    rest.split('/')
        .map(|token| {
            let mut out = String::with_capacity(token.len());
            let mut chars = token.chars();
            while let Some(c) = chars.next() {
                if c != '~' {
                    out.push(c);
                    continue;
                }
                match chars.next() {
                    Some('0') => out.push('~'),
                    Some('1') => out.push('/'),
                    _ => return Err(bad_pointer("~ must be followed by 0 or 1")),
                }
            }
            Ok(out)
        })
        .collect()
}

/// An array index token: `0` or a digit string without a leading zero (RFC 6901 §4).
fn index(token: &str) -> Option<usize> {
    let ok = token == "0"
        || (!token.is_empty()
            && !token.starts_with('0')
            && token.len() <= 9
            && token.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| token.parse().ok()).flatten()
}

/// The child of `value` named by `token`, if any.
fn child<'a>(value: &'a Value, token: &str) -> Option<&'a Value> {
    match value {
        Value::Object(m) => m.get(token),
        Value::Array(a) => index(token).and_then(|i| a.get(i)),
        _ => None,
    }
}

/// The value `pointer` names in `document` (for tests and tools: the vectors' `addPointerValues`).
pub fn resolve_pointer<'a>(document: &'a Value, pointer: &str) -> Result<&'a Value> {
    let tokens = parse_pointer(pointer)?;
    tokens.iter().try_fold(document, |v, t| {
        child(v, t).ok_or_else(|| bad_pointer("it does not match the document"))
    })
}

/// A selection being built: whole values, objects with some members, sparse arrays.
enum Sel {
    Whole(Value),
    Object(Vec<(String, Sel)>),
    Array(BTreeMap<usize, Sel>),
}

impl Sel {
    /// createInitialSelection: an object keeps its `id` (unless a blank node identifier) and
    /// its `type`; an array starts empty.
    fn initial(source: &Value) -> Sel {
        match source {
            Value::Array(_) => Sel::Array(BTreeMap::new()),
            Value::Object(m) => {
                let mut entries = Vec::new();
                if let Some(id) = m.get("id") {
                    if !id.as_str().is_some_and(|s| s.starts_with("_:")) {
                        entries.push(("id".to_owned(), Sel::Whole(id.clone())));
                    }
                }
                if let Some(t) = m.get("type") {
                    entries.push(("type".to_owned(), Sel::Whole(t.clone())));
                }
                Sel::Object(entries)
            }
            _ => Sel::Object(Vec::new()),
        }
    }

    /// The selected child for `token` of `source`, created if new. `None` when this selection
    /// already holds the whole value (any deeper selection is already in it).
    fn child_mut(&mut self, token: &str, source: &Value) -> Option<&mut Sel> {
        match self {
            Sel::Whole(_) => None,
            Sel::Object(entries) => {
                let at = match entries.iter().position(|(k, _)| k == token) {
                    Some(at) => at,
                    None => {
                        entries.push((token.to_owned(), Sel::initial(source)));
                        entries.len() - 1
                    }
                };
                Some(&mut entries[at].1)
            }
            Sel::Array(items) => {
                let i = index(token)?;
                Some(items.entry(i).or_insert_with(|| Sel::initial(source)))
            }
        }
    }

    /// The target of a pointer: literals and arrays whole; objects merged member by member
    /// (`{...selected, ...deepCopy(value)}`).
    fn complete(&mut self, value: &Value) {
        match (value, &mut *self) {
            (Value::Object(m), Sel::Object(entries)) => {
                for (k, v) in m {
                    match entries.iter_mut().find(|(key, _)| key == k) {
                        Some((_, sel)) => *sel = Sel::Whole(v.clone()),
                        None => entries.push((k.clone(), Sel::Whole(v.clone()))),
                    }
                }
            }
            _ => *self = Sel::Whole(value.clone()),
        }
    }

    fn into_value(self) -> Value {
        match self {
            Sel::Whole(v) => v,
            Sel::Object(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, v.into_value()))
                    .collect(),
            ),
            Sel::Array(items) => Value::Array(items.into_values().map(Sel::into_value).collect()),
        }
    }
}

/// selectPaths: walks `tokens` through `document`, adding what it passes to `selection`.
fn select_paths(tokens: &[String], document: &Value, selection: &mut Sel) -> Result<()> {
    let mut value = document;
    let mut selected = selection;
    for token in tokens {
        let next = child(value, token).ok_or_else(|| {
            bad_pointer("it does not match the document (PROOF_GENERATION_ERROR)")
        })?;
        match selected.child_mut(token, next) {
            Some(s) => selected = s,
            None => return Ok(()),
        }
        value = next;
    }
    selected.complete(value);
    Ok(())
}

/// selectJsonLd: the part of the compact JSON-LD `document` that `pointers` name, with the
/// `@context`, and the `id` (unless blank) and `type` of every object on each path. `None` when
/// `pointers` is empty. The document is assumed to alias `@id` and `@type` to `id` and `type`.
pub fn select_json_ld(
    pointers: &[String],
    document: &Map<String, Value>,
) -> Result<Option<Map<String, Value>>> {
    if pointers.is_empty() {
        return Ok(None);
    }
    if pointers.len() > MAX_POINTERS {
        return Err(bad_pointer(format!("more than {MAX_POINTERS} pointers")));
    }
    let doc = Value::Object(document.clone());
    let mut selection = Sel::initial(&doc);
    for pointer in pointers {
        select_paths(&parse_pointer(pointer)?, &doc, &mut selection)?;
    }
    let mut out = Map::new();
    if let Some(ctx) = document.get("@context") {
        out.insert("@context".into(), ctx.clone());
    }
    if let Value::Object(m) = selection.into_value() {
        for (k, v) in m {
            if k != "@context" {
                out.insert(k, v);
            }
        }
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn pointers_unescape_and_refuse_bad_escapes() {
        assert_eq!(
            parse_pointer("/a~1b/c~0d/0").unwrap(),
            p(&["a/b", "c~d", "0"])
        );
        assert_eq!(parse_pointer("/").unwrap(), p(&[""]));
        for bad in ["", "a", "/a~2", "/a~"] {
            assert_eq!(parse_pointer(bad).unwrap_err().code(), "invalid_property");
        }
    }

    #[test]
    fn selection_keeps_ids_types_and_dense_arrays() {
        let doc = json!({
            "@context": ["x"], "id": "urn:a", "type": ["T"],
            "s": {"id": "_:b", "type": "P", "n": 1, "m": 2},
            "arr": [{"type": "A", "v": 1}, {"v": 2}, {"type": "C", "v": 3}]
        });
        let doc = doc.as_object().unwrap();
        let sel = select_json_ld(&p(&["/s/n", "/arr/2/v", "/arr/0"]), doc)
            .unwrap()
            .unwrap();
        assert_eq!(
            Value::Object(sel),
            json!({"@context": ["x"], "id": "urn:a", "type": ["T"],
                   "s": {"type": "P", "n": 1},
                   "arr": [{"type": "A", "v": 1}, {"type": "C", "v": 3}]})
        );
        assert!(select_json_ld(&[], doc).unwrap().is_none());
        assert_eq!(
            select_json_ld(&p(&["/nope"]), doc).unwrap_err().code(),
            "invalid_property"
        );
        assert_eq!(
            select_json_ld(&p(&["/arr/01"]), doc).unwrap_err().code(),
            "invalid_property"
        );
    }
}
