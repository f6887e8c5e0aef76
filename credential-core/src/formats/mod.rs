//! Verifying what travellers already carry besides Laissez credentials (feature
//! `other-formats`): EU Digital COVID Certificates and WHO DDCC (`HC1:`), SMART Health Cards
//! (`shc:/`) and MOSIP Claim 169 identity QR codes (bare Base45). Each is decoded with bounds
//! (text length, inflated size, CBOR depth, number of chunks), its signature checked against the
//! trust material a trust bundle carries ([`FormatTrust`]), and the outcome written into the same
//! [`VerificationReport`](crate::verify::VerificationReport) as a Laissez credential, with its
//! `format` and labelled display fields.
//!
//! Decision 0019 records the choices (RSA-PSS and X.509 crates, what each format maps to).

pub mod claim169;
mod cose;
mod cwt;
pub mod dcc;
mod report;
pub mod shc;
mod trust;
mod x509;

pub use cwt::Claims as CwtClaims;
pub use report::DisplayField;
pub use trust::{Claim169Issuer, DccSigner, FormatTrust, ShcIssuer};

use crate::error::{Error, Result};

/// The credential formats a verifier recognises from the text of a QR code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Laissez credential (`LZ1:` envelope, JSON, JWT forms).
    Laissez,
    /// EU Digital COVID Certificate / WHO DDCC (`HC1:`).
    EuDcc,
    /// SMART Health Card (`shc:/`).
    Shc,
    /// MOSIP Claim 169 identity QR (bare Base45).
    Claim169,
}

impl Format {
    /// The stable name a report carries in its `format` field.
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Laissez => "laissez",
            Format::EuDcc => "eu-dcc",
            Format::Shc => "shc",
            Format::Claim169 => "claim169",
        }
    }

    /// Recognises the format from the text, looking at its prefix and at most its first
    /// [`DETECT_SPAN`] characters (bounded cost whatever the input's length): `HC` followed by a
    /// digit and `:` is a health certificate (any context version: `HC2:` is refused later, with
    /// its own code), `shc:/` a SMART Health Card, text entirely in the Base45 alphabet a Claim
    /// 169 QR, anything else Laissez (its own detection follows).
    pub fn detect(text: &str) -> Format {
        let t = text.trim_start();
        let b = t.as_bytes();
        if b.len() >= 4 && b.starts_with(b"HC") && b[2].is_ascii_digit() && b[3] == b':' {
            Format::EuDcc
        } else if t.starts_with("shc:/") {
            Format::Shc
        } else if t.starts_with("LZ1:") {
            Format::Laissez
        } else if !b.is_empty()
            && b.iter()
                .take(DETECT_SPAN)
                .all(|c| BASE45_ALPHABET.contains(c))
            && b.len() >= 2
        {
            Format::Claim169
        } else {
            Format::Laissez
        }
    }
}

/// How many characters [`Format::detect`] reads at most.
pub const DETECT_SPAN: usize = 64;

const BASE45_ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Bounds on the decoding of the other formats.
#[derive(Debug, Clone, Copy)]
pub struct FormatLimits {
    /// Longest QR text accepted, in bytes (all chunks of a SMART Health Card together).
    pub max_text: usize,
    /// Largest decompressed payload, in bytes (zlib / DEFLATE bombs stop here).
    pub max_inflated: usize,
    /// Deepest CBOR nesting.
    pub max_cbor_depth: usize,
    /// Most chunks of a SMART Health Card.
    pub max_chunks: usize,
}

impl Default for FormatLimits {
    /// A QR code holds at most 4,296 alphanumeric or 7,089 numeric characters: 16 KiB of text
    /// covers every real one (SMART Health Cards may span several codes). 256 KiB inflated
    /// leaves room for a face photo; CBOR 16 levels deep is more than any of the formats uses.
    fn default() -> Self {
        FormatLimits {
            max_text: 16 * 1024,
            max_inflated: 256 * 1024,
            max_cbor_depth: 16,
            max_chunks: 16,
        }
    }
}

/// Decodes Base45 (RFC 9285) after checking the text's length.
pub(crate) fn base45(text: &str, limits: &FormatLimits) -> Result<Vec<u8>> {
    check_len(text, limits)?;
    ::base45::decode(text).map_err(|e| Error::FormatInvalidBase45(format!("{e:?}")))
}

pub(crate) fn check_len(text: &str, limits: &FormatLimits) -> Result<()> {
    if text.len() > limits.max_text {
        return Err(Error::FormatTooLarge {
            max: limits.max_text,
        });
    }
    Ok(())
}

fn inflate_error(e: crate::codec::inflate::InflateError, max: usize) -> Error {
    use crate::codec::inflate::InflateError;
    match e {
        InflateError::TooLarge => Error::FormatTooLarge { max },
        InflateError::Truncated => Error::FormatDecompress("the compressed data ends early".into()),
        InflateError::Corrupt(m) => Error::FormatDecompress(m),
    }
}

/// Inflates a zlib stream (RFC 1950) of any compression level, bounded.
pub(crate) fn unzlib(data: &[u8], limits: &FormatLimits) -> Result<Vec<u8>> {
    let header = match data {
        [a, b, ..] => [*a, *b],
        _ => return Err(Error::FormatDecompress("no zlib header".into())),
    };
    crate::codec::inflate::zlib(data, header, None, limits.max_inflated)
        .map_err(|e| inflate_error(e, limits.max_inflated))
}

/// Inflates raw DEFLATE (RFC 1951), bounded; bytes after the stream are an error.
pub(crate) fn inflate_raw(data: &[u8], limits: &FormatLimits) -> Result<Vec<u8>> {
    let (out, used) = crate::codec::inflate::inflate_raw(data, &[], limits.max_inflated)
        .map_err(|e| inflate_error(e, limits.max_inflated))?;
    if used != data.len() {
        return Err(Error::FormatDecompress(
            "bytes after the end of the DEFLATE stream".into(),
        ));
    }
    Ok(out)
}

/// Reads one CBOR item, bounded in depth.
pub(crate) fn cbor(bytes: &[u8], limits: &FormatLimits) -> Result<ciborium::value::Value> {
    use crate::codec::cbor::ReadError;
    crate::codec::cbor::read(bytes, limits.max_cbor_depth).map_err(|e| match e {
        ReadError::TooDeep => Error::CoseMalformed(format!(
            "CBOR nested deeper than {} levels",
            limits.max_cbor_depth
        )),
        ReadError::Invalid(m) => Error::CoseMalformed(m),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format_from_its_prefix() {
        assert_eq!(Format::detect("HC1:6BF+70"), Format::EuDcc);
        assert_eq!(Format::detect("HC2:6BF+70"), Format::EuDcc);
        assert_eq!(Format::detect("shc:/5676"), Format::Shc);
        assert_eq!(Format::detect("LZ1:ABC"), Format::Laissez);
        assert_eq!(Format::detect("6BFU60V40FFWJWG"), Format::Claim169);
        assert_eq!(Format::detect("{\"a\":1}"), Format::Laissez);
        assert_eq!(Format::detect("eyJhbGciOi.x.y"), Format::Laissez);
    }
}
