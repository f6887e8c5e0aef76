//! The compact QR envelope: credential -> text for a QR code, and back, with every step bounded.
//! Wire format: `specs/qr-envelope.md`.
//!
//! ```text
//! "LZ1:" Base45( encoding-byte || zlib( CBOR(credential) ) )      generic (0x01, 0x02)
//! "LZ1:" Base45( encoding-byte || [zlib(] CBOR-LD(credential) [)] ) semantic (0x03, 0x04)
//! "LZ1:" Base45( 0x05 || zlib( CBOR([header, payload, signature, …]) ) ) JWT forms (0x05)
//! ```
//!
//! A JWT-secured credential (`vc+jwt`, SD-JWT VC) is the JSON string of its compact form: the
//! generic encodings carry it as text, the JWT encoding as the binary of its parts.

mod cbor;
mod jwt;

use crate::cborld;
use crate::codec::{base45, zlib};
use crate::error::{Error, Result};
use crate::jsonld::ContextStore;
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
    /// CBOR-LD 1.0 with the Laissez registry entry: terms, contexts, DIDs, signatures and dates
    /// as binary (`crate::cborld`).
    CborLd,
    /// CBOR-LD, zlib-compressed (repeated DIDs and text compress further).
    CborLdDeflate,
    /// A compact `vc+jwt` or SD-JWT (the document is its text, a JSON string) as the binary of
    /// its base64url parts, zlib-compressed.
    Jwt,
}

impl Encoding {
    /// Every encoding, in the order tried for the smallest output.
    pub const ALL: [Encoding; 5] = [
        Encoding::Generic,
        Encoding::GenericDictionary,
        Encoding::CborLd,
        Encoding::CborLdDeflate,
        Encoding::Jwt,
    ];

    fn id(self) -> u8 {
        match self {
            Encoding::Generic => 0x01,
            Encoding::GenericDictionary => 0x02,
            Encoding::CborLd => 0x03,
            Encoding::CborLdDeflate => 0x04,
            Encoding::Jwt => 0x05,
        }
    }

    fn from_id(id: u8) -> Result<Self> {
        match id {
            0x01 => Ok(Encoding::Generic),
            0x02 => Ok(Encoding::GenericDictionary),
            0x03 => Ok(Encoding::CborLd),
            0x04 => Ok(Encoding::CborLdDeflate),
            0x05 => Ok(Encoding::Jwt),
            other => Err(Error::EnvelopeUnknownEncoding(other)),
        }
    }

    /// Short name (`generic`, `generic-dict`, `cborld`, `cborld-zlib`, `jwt`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Generic => "generic",
            Encoding::GenericDictionary => "generic-dict",
            Encoding::CborLd => "cborld",
            Encoding::CborLdDeflate => "cborld-zlib",
            Encoding::Jwt => "jwt",
        }
    }

    /// Whether this is a semantic (CBOR-LD) encoding.
    pub fn is_semantic(self) -> bool {
        matches!(self, Encoding::CborLd | Encoding::CborLdDeflate)
    }

    /// Whether this encoding carries only some documents (CBOR-LD: JSON-LD whose contexts the
    /// store has; JWT: the compact text of a JWT form); the generic encodings carry any JSON.
    pub fn is_specialised(self) -> bool {
        self.is_semantic() || self == Encoding::Jwt
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

/// Encodes `credential` with `encoding`. Semantic encodings take the contexts from `store`
/// (and fail with `cborld_cannot_encode` or `unknown_context` for documents CBOR-LD cannot carry).
pub fn encode(credential: &Value, encoding: Encoding, store: &ContextStore) -> Result<String> {
    let compressed = match encoding {
        Encoding::Generic | Encoding::GenericDictionary => zlib::compress(
            &cbor::to_cbor(credential)?,
            encoding == Encoding::GenericDictionary,
        ),
        Encoding::CborLd => cborld::encode(credential, store)?,
        Encoding::CborLdDeflate => zlib::compress(&cborld::encode(credential, store)?, false),
        Encoding::Jwt => {
            let cbor = credential.as_str().and_then(jwt::to_cbor).ok_or_else(|| {
                Error::MalformedDocument(
                    "the JWT encoding carries the compact text of a vc+jwt or SD-JWT".into(),
                )
            })?;
            zlib::compress(&cbor, false)
        }
    };
    let mut payload = Vec::with_capacity(compressed.len() + 1);
    payload.push(encoding.id());
    payload.extend(compressed);
    Ok(format!("{PREFIX}{}", base45::encode(&payload)))
}

/// Encodes with every encoding that can carry `credential` and returns the shortest text and its
/// encoding (the generic encodings carry any JSON, so this fails only on CBOR errors).
pub fn encode_smallest(credential: &Value, store: &ContextStore) -> Result<(String, Encoding)> {
    let mut best: Option<(String, Encoding)> = None;
    for e in Encoding::ALL {
        let text = match encode(credential, e, store) {
            Ok(t) => t,
            Err(_) if e.is_specialised() => continue,
            Err(other) => return Err(other),
        };
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

/// Decodes an envelope, refusing over-long text, decompression bombs and deep CBOR. Semantic
/// envelopes resolve their contexts in `store` (never fetched).
pub fn decode(
    text: &str,
    limits: EnvelopeLimits,
    store: &ContextStore,
) -> Result<(Value, Encoding)> {
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
    let document = match encoding {
        Encoding::Generic | Encoding::GenericDictionary => {
            let cbor = zlib::decompress(
                compressed,
                encoding == Encoding::GenericDictionary,
                limits.max_decompressed,
            )?;
            cbor::from_cbor(&cbor, limits.max_depth)?
        }
        Encoding::CborLd => cborld::decode(compressed, store, limits.max_depth)?,
        Encoding::CborLdDeflate => {
            let bytes = zlib::decompress(compressed, false, limits.max_decompressed)?;
            cborld::decode(&bytes, store, limits.max_depth)?
        }
        Encoding::Jwt => {
            let bytes = zlib::decompress(compressed, false, limits.max_decompressed)?;
            Value::String(jwt::from_cbor(&bytes)?)
        }
    };
    Ok((document, encoding))
}
