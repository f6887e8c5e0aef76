//! The compact QR envelope: credential -> text for a QR code, and back, with every step bounded.
//! Wire format: `specs/qr-envelope.md`.
//!
//! ```text
//! "LZ1:" Base45( encoding-byte || zlib( CBOR(credential) ) )
//! ```

mod base45;
mod cbor;
mod deflate;

use crate::error::{Error, Result};
use serde_json::Value;

/// The envelope prefix: format `LZ`, version `1`. Base45's alphabet contains `:`, so the whole
/// text stays in QR alphanumeric mode.
pub const PREFIX: &str = "LZ1:";

/// How the credential is turned into bytes inside the envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// CBOR of the JSON credential, zlib-compressed (the approach of EU DCC and MOSIP PixelPass).
    Generic,
    /// As `Generic`, with zlib's preset dictionary set to common Verifiable Credential strings
    /// (contexts, types, suites, property names), which small documents compress against.
    GenericDictionary,
}

impl Encoding {
    /// Every encoding, in the order tried for the smallest output.
    pub const ALL: [Encoding; 2] = [Encoding::Generic, Encoding::GenericDictionary];

    fn id(self) -> u8 {
        match self {
            Encoding::Generic => 0x01,
            Encoding::GenericDictionary => 0x02,
        }
    }

    fn from_id(id: u8) -> Result<Self> {
        match id {
            0x01 => Ok(Encoding::Generic),
            0x02 => Ok(Encoding::GenericDictionary),
            other => Err(Error::EnvelopeUnknownEncoding(other)),
        }
    }

    /// Short name (`generic`, `generic-dict`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Generic => "generic",
            Encoding::GenericDictionary => "generic-dict",
        }
    }
}

/// Bounds on decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnvelopeLimits {
    /// Maximum envelope text length (a version 40 QR code holds 4,296 alphanumeric characters).
    pub max_text: usize,
    /// Maximum decompressed size.
    pub max_decompressed: usize,
    /// Maximum CBOR nesting.
    pub max_depth: usize,
}

impl Default for EnvelopeLimits {
    fn default() -> Self {
        EnvelopeLimits {
            max_text: 8 * 1024,
            max_decompressed: 256 * 1024,
            max_depth: 32,
        }
    }
}

/// Encodes `credential` with `encoding`.
pub fn encode(credential: &Value, encoding: Encoding) -> Result<String> {
    let cbor = cbor::to_cbor(credential)?;
    let compressed = deflate::compress(&cbor, encoding == Encoding::GenericDictionary);
    let mut payload = Vec::with_capacity(compressed.len() + 1);
    payload.push(encoding.id());
    payload.extend(compressed);
    Ok(format!("{PREFIX}{}", base45::encode(&payload)))
}

/// Encodes with every encoding and returns the shortest text and its encoding.
pub fn encode_smallest(credential: &Value) -> Result<(String, Encoding)> {
    let mut best: Option<(String, Encoding)> = None;
    for e in Encoding::ALL {
        let text = encode(credential, e)?;
        if best.as_ref().is_none_or(|(b, _)| text.len() < b.len()) {
            best = Some((text, e));
        }
    }
    best.ok_or_else(|| Error::MalformedDocument("no encoding".into()))
}

/// Whether `text` looks like an envelope (so a scanner can tell it from other QR formats).
pub fn is_envelope(text: &str) -> bool {
    text.trim_start()
        .get(..PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(PREFIX))
}

/// Decodes an envelope, refusing over-long text, decompression bombs and deep CBOR.
pub fn decode(text: &str, limits: EnvelopeLimits) -> Result<(Value, Encoding)> {
    if text.len() > limits.max_text {
        return Err(Error::InputTooLarge {
            size: text.len(),
            max: limits.max_text,
        });
    }
    // Scanners may lower-case alphanumeric QR content; Base45 has no lower-case letters, so
    // upper-casing is unambiguous. Surrounding white space is dropped: Base45 uses the space
    // character, but an envelope never ends with one (see `specs/qr-envelope.md`) and starts with
    // the prefix.
    let text = text.trim().to_ascii_uppercase();
    let body = text
        .strip_prefix(PREFIX)
        .ok_or(Error::EnvelopeWrongPrefix)?;
    let payload = base45::decode(body)?;
    let (&id, compressed) = payload.split_first().ok_or(Error::EnvelopeTruncated)?;
    let encoding = Encoding::from_id(id)?;
    let cbor = deflate::decompress(
        compressed,
        encoding == Encoding::GenericDictionary,
        limits.max_decompressed,
    )?;
    Ok((cbor::from_cbor(&cbor, limits.max_depth)?, encoding))
}
