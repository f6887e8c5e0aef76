//! Base64 (RFC 4648 §4, and the URL- and filename-safe alphabet of §5), strict: decoding refuses
//! characters outside the alphabet, misplaced or missing padding, and non-zero unused bits, so
//! every byte string has exactly one accepted text form.
//!
//! Written here rather than taken from a crate: the few uses (multibase `u`/`M`, `data:` URLs,
//! JWK members, status lists) need 60 lines, and the WASM verifier is held to a size budget.

/// Which alphabet, and whether `=` padding is written and required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base64 {
    /// `A-Z a-z 0-9 + /` with padding (RFC 4648 §4).
    Standard,
    /// `A-Z a-z 0-9 - _` without padding (RFC 4648 §5, as JOSE and multibase `u` use it).
    UrlSafeNoPad,
}

impl Base64 {
    fn alphabet(self) -> &'static [u8; 64] {
        match self {
            Base64::Standard => b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
            Base64::UrlSafeNoPad => {
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            }
        }
    }

    /// Encodes `data`.
    pub fn encode(self, data: impl AsRef<[u8]>) -> String {
        let data = data.as_ref();
        let alphabet = self.alphabet();
        let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
        for chunk in data.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
            let chars = chunk.len() + 1;
            for i in 0..4 {
                if i < chars {
                    out.push(alphabet[(n >> (18 - 6 * i)) as usize & 63] as char);
                } else if self == Base64::Standard {
                    out.push('=');
                }
            }
        }
        out
    }

    /// Decodes `text`, or `None` when it is not the canonical encoding of some bytes.
    pub fn decode(self, text: impl AsRef<[u8]>) -> Option<Vec<u8>> {
        let text = text.as_ref();
        let body = match self {
            Base64::Standard => {
                if text.len() % 4 != 0 {
                    return None;
                }
                let pad = text
                    .iter()
                    .rev()
                    .take(2)
                    .take_while(|&&c| c == b'=')
                    .count();
                &text[..text.len() - pad]
            }
            Base64::UrlSafeNoPad => text,
        };
        if body.len() % 4 == 1 {
            return None;
        }
        // The value of a character, by range: a search of the alphabet would cost up to 64
        // comparisons a character on multi-megabyte status lists.
        let (c62, c63) = match self {
            Base64::Standard => (b'+', b'/'),
            Base64::UrlSafeNoPad => (b'-', b'_'),
        };
        let value = |c: u8| -> Option<u32> {
            Some(u32::from(match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                _ if c == c62 => 62,
                _ if c == c63 => 63,
                _ => return None,
            }))
        };
        let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
        for chunk in body.chunks(4) {
            let mut n = 0u32;
            for (i, c) in chunk.iter().enumerate() {
                n |= value(*c)? << (18 - 6 * i);
            }
            let bytes = chunk.len() - 1;
            // Bits past the last whole byte must be zero (canonical form).
            if n & ((1 << (24 - 8 * bytes)) - 1) != 0 {
                return None;
            }
            out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::Base64::{Standard, UrlSafeNoPad};

    #[test]
    fn rfc_4648_section_10_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(Standard.encode(plain), encoded);
            assert_eq!(Standard.decode(encoded).unwrap(), plain.as_bytes());
            let unpadded = encoded.trim_end_matches('=');
            assert_eq!(UrlSafeNoPad.encode(plain), unpadded);
            assert_eq!(UrlSafeNoPad.decode(unpadded).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn only_canonical_text_is_accepted() {
        assert_eq!(UrlSafeNoPad.encode([0xfb, 0xff]), "-_8");
        assert_eq!(Standard.encode([0xfb, 0xff]), "+/8=");
        for bad in ["Zg", "Zg=", "Zh==", "Z===", "Zm9v=", "Zm 9", "-_8=", "=Zg="] {
            assert!(Standard.decode(bad).is_none(), "{bad}");
        }
        for bad in ["Zg==", "Zh", "Z", "+/8", "Zm9v!"] {
            assert!(UrlSafeNoPad.decode(bad).is_none(), "{bad}");
        }
        for n in 0..64u8 {
            let data: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(Standard.decode(Standard.encode(&data)).unwrap(), data);
            assert_eq!(
                UrlSafeNoPad.decode(UrlSafeNoPad.encode(&data)).unwrap(),
                data
            );
        }
    }
}
