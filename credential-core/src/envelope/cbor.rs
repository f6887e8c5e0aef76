//! CBOR (RFC 8949) for JSON values, with a nesting bound on decoding (`crate::codec::cbor`).

use crate::error::{Error, Result};
use serde_json::Value;

/// Serializes a JSON value as CBOR (maps keep their order; integers stay integers).
pub(super) fn to_cbor(value: &Value) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out)
        .map_err(|e| Error::MalformedDocument(format!("CBOR encoding: {e}")))?;
    Ok(out)
}

/// Parses CBOR into a JSON value, refusing nesting deeper than `max_depth` and trailing bytes.
pub(super) fn from_cbor(bytes: &[u8], max_depth: usize) -> Result<Value> {
    let item = crate::codec::cbor::read(bytes, max_depth).map_err(|e| match e {
        crate::codec::cbor::ReadError::TooDeep => Error::EnvelopeTooDeep { max: max_depth },
        crate::codec::cbor::ReadError::Invalid(m) => Error::EnvelopeInvalidCbor(m),
    })?;
    crate::codec::cbor::to_json(&item).map_err(Error::EnvelopeInvalidCbor)
}
