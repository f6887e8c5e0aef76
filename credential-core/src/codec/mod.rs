//! Wire codecs, each with its own bounds: CBOR (a strict reader), DEFLATE / zlib / GZIP
//! (bounded inflation, canonical zlib framing), Base45, and the text forms of bytes (hex, UUID).
//!
//! Nothing here knows what a credential is; the envelope, CBOR-LD and status lists build on it.

pub(crate) mod base45;
mod base64;
pub(crate) mod cbor;
pub(crate) mod inflate;
pub(crate) mod zlib;

pub use base64::Base64;

/// Lower-case hexadecimal of `bytes`, a dash before each byte whose index is in `dashes`.
fn hex_with_dashes(bytes: &[u8], dashes: &[usize]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2 + dashes.len());
    for (i, b) in bytes.iter().enumerate() {
        if dashes.contains(&i) {
            s.push('-');
        }
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Lower-case hexadecimal of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    hex_with_dashes(bytes, &[])
}

/// The RFC 9562 text form of a UUID: lower-case hex in groups of 8-4-4-4-12.
pub fn uuid_string(b: &[u8; 16]) -> String {
    hex_with_dashes(b, &[4, 6, 8, 10])
}

/// Reads an RFC 9562 UUID in lower case (versions 1-8 with the RFC variant, or nil, or max).
pub fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let b = s.as_bytes();
    if b.len() != 36 || [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
        return None;
    }
    let digits: Vec<u8> = b.iter().copied().filter(|&c| c != b'-').collect();
    if digits.len() != 32
        || !digits
            .iter()
            .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
    {
        return None;
    }
    let nibble = |c: u8| if c <= b'9' { c - b'0' } else { c - b'a' + 10 };
    let mut out = [0u8; 16];
    for (i, o) in out.iter_mut().enumerate() {
        *o = nibble(digits[2 * i]) << 4 | nibble(digits[2 * i + 1]);
    }
    let special = out == [0; 16] || out == [0xff; 16];
    let version_ok = (1..=8).contains(&(out[6] >> 4)) && (out[8] >> 6) == 0b10;
    (special || version_ok).then_some(out)
}

/// A `urn:uuid:` of version `version` (4: random, 8: derived) made from 16 bytes: the version
/// and variant bits are set as RFC 9562 §5 requires, the rest kept.
pub fn urn_uuid(mut b: [u8; 16], version: u8) -> String {
    b[6] = (b[6] & 0x0f) | (version << 4);
    b[8] = (b[8] & 0x3f) | 0x80;
    format!("urn:uuid:{}", uuid_string(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_uuids() {
        assert_eq!(hex(&[0, 0x0f, 0xa5, 0xff]), "000fa5ff");
        let id = "2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d";
        assert_eq!(uuid_string(&parse_uuid(id).unwrap()), id);
        assert!(parse_uuid("2F1D4C8E-9B7A-4E61-8D3C-5A0B1E2F3C4D").is_none());
        assert!(parse_uuid("2f1d4c8e-9b7a-0e61-8d3c-5a0b1e2f3c4d").is_none());
        assert_eq!(
            urn_uuid([0xff; 16], 4),
            "urn:uuid:ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
    }
}
