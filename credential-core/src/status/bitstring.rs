//! The status bitstring: GZIP-compressed, then multibase base64url (`u…`), index 0 the left-most
//! (most significant) bit of the first byte (Bitstring Status List v1.0 §3.1 / §3.2).

use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use std::io::Write;

/// The minimum list length for herd privacy: 16 KiB = 131,072 entries (§6.1).
pub const MIN_BITS: usize = 131_072;
/// Largest decompressed list we accept (16 MiB = 134 million entries); bounds zip bombs.
const MAX_BYTES: usize = 16 * 1024 * 1024;
/// Largest encoded list we accept.
const MAX_ENCODED: usize = 4 * 1024 * 1024;

/// A decoded status list.
#[derive(Clone, PartialEq, Eq)]
pub struct StatusList {
    bytes: Vec<u8>,
}

impl std::fmt::Debug for StatusList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "StatusList({} entries, {} set)",
            self.len(),
            self.count_set()
        )
    }
}

impl StatusList {
    /// A list of `bits` entries (rounded up to whole bytes, at least [`MIN_BITS`]), all clear.
    pub fn new(bits: usize) -> Self {
        StatusList {
            bytes: vec![0; bits.max(MIN_BITS).div_ceil(8)],
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.bytes.len() * 8
    }

    /// Whether the list has no entries (never true for a decoded or new list).
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Number of set entries.
    pub fn count_set(&self) -> usize {
        self.bytes.iter().map(|b| b.count_ones() as usize).sum()
    }

    /// The status bit at `index`.
    pub fn get(&self, index: usize) -> Result<bool> {
        let byte = self
            .bytes
            .get(index / 8)
            .ok_or_else(|| Error::InvalidProperty {
                property: "statusListIndex".into(),
                reason: format!("{index} is outside the list ({} entries)", self.len()),
            })?;
        Ok(byte & (0x80 >> (index % 8)) != 0)
    }

    /// Sets or clears the bit at `index`.
    pub fn set(&mut self, index: usize, value: bool) -> Result<()> {
        let len = self.len();
        let byte = self
            .bytes
            .get_mut(index / 8)
            .ok_or_else(|| Error::InvalidProperty {
                property: "statusListIndex".into(),
                reason: format!("{index} is outside the list ({len} entries)"),
            })?;
        let mask = 0x80 >> (index % 8);
        if value {
            *byte |= mask;
        } else {
            *byte &= !mask;
        }
        Ok(())
    }

    /// The `encodedList` value: `u` + base64url (no padding) of the GZIP of the bitstring.
    pub fn encode(&self) -> String {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = gz.write_all(&self.bytes);
        let compressed = gz.finish().unwrap_or_default();
        format!("u{}", B64.encode(compressed))
    }

    /// Decodes an `encodedList`, refusing oversized input and decompression bombs.
    pub fn decode(encoded: &str) -> Result<Self> {
        let bad = |m: String| Error::InvalidProperty {
            property: "encodedList".into(),
            reason: m,
        };
        if encoded.len() > MAX_ENCODED {
            return Err(bad(format!("longer than {MAX_ENCODED} characters")));
        }
        let body = encoded
            .strip_prefix('u')
            .ok_or_else(|| bad("must be multibase base64url (prefix 'u')".into()))?;
        let compressed = B64
            .decode(body.trim_end_matches('='))
            .ok_or_else(|| bad("not base64url".into()))?;
        let bytes = crate::codec::inflate::gunzip(&compressed, MAX_BYTES).map_err(|e| match e {
            crate::codec::inflate::InflateError::TooLarge => {
                bad(format!("decompresses to more than {MAX_BYTES} bytes"))
            }
            other => bad(format!("not GZIP: {other:?}")),
        })?;
        if bytes.len() * 8 < MIN_BITS {
            return Err(bad(format!(
                "{} entries, fewer than the {MIN_BITS} required for herd privacy",
                bytes.len() * 8
            )));
        }
        Ok(StatusList { bytes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_bit_order() {
        let mut l = StatusList::new(10);
        assert_eq!(l.len(), MIN_BITS);
        l.set(0, true).unwrap();
        l.set(94_567, true).unwrap();
        assert_eq!(l.bytes[0], 0x80, "index 0 is the left-most bit");
        let d = StatusList::decode(&l.encode()).unwrap();
        assert!(d.get(0).unwrap() && d.get(94_567).unwrap() && !d.get(1).unwrap());
        assert_eq!(d.count_set(), 2);
        assert!(d.get(MIN_BITS).is_err());
    }

    #[test]
    fn bombs_and_garbage_are_refused() {
        // 64 MiB of zeros compresses to ~64 KiB: a bomb.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![0u8; 64 * 1024 * 1024]).unwrap();
        let bomb = format!("u{}", B64.encode(gz.finish().unwrap()));
        assert_eq!(
            StatusList::decode(&bomb).unwrap_err().code(),
            "invalid_property"
        );
        for bad in ["", "zabc", "u!!!", "uAAAA"] {
            assert!(StatusList::decode(bad).is_err(), "{bad}");
        }
        // Too short for herd privacy.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&[0u8; 100]).unwrap();
        assert!(StatusList::decode(&format!("u{}", B64.encode(gz.finish().unwrap()))).is_err());
    }
}
