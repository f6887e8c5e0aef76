//! Base45 (RFC 9285), the QR alphanumeric-mode friendly encoding.

use crate::error::{Error, Result};

/// Encodes bytes as Base45.
pub(crate) fn encode(bytes: &[u8]) -> String {
    ::base45::encode(bytes)
}

/// Decodes Base45, with `invalid_base45` for characters outside the alphabet or bad lengths.
pub(crate) fn decode(text: &str) -> Result<Vec<u8>> {
    ::base45::decode(text).map_err(|e| Error::EnvelopeInvalidBase45(format!("{e:?}")))
}
