//! JSON Canonicalization Scheme (RFC 8785).

use crate::error::{Error, Result};

/// Serializes `value` per RFC 8785 (sorted keys by UTF-16 code units, ECMAScript number form).
pub fn canonicalize(value: &serde_json::Value) -> Result<String> {
    serde_json_canonicalizer::to_string(value).map_err(|e| Error::MalformedJson(e.to_string()))
}
