//! A P-384 public key as bytes only, for builds without the `p384` feature (the WASM verifier,
//! decision 0009): the SEC1 point as it was read, checked for length and prefix only. The curve
//! arithmetic that would validate or use it is left out; the platform's crypto (WebCrypto,
//! Node's crypto) validates the point when it imports it and checks its signatures through the
//! [`SignatureCheck`](super::SignatureCheck) seam. Without such a check, a signature under this
//! key is `unsupported_key_algorithm`, never a pass.
//!
//! With the feature the module is compiled into the unit tests only, so that the workspace test
//! run (which unifies the feature on) runs its tests, there also against the `p384` crate's
//! encodings of real points (decision 0031).

use crate::error::{Error, Result};

/// Bytes of a P-384 field element (a coordinate).
const COORDINATE: usize = 48;

/// A P-384 SEC1 point as read: compressed (`02`/`03` then `x`, from a Multikey) or uncompressed
/// (`04`, `x`, `y`, from a JWK). Two keys are equal when their compressed forms are.
#[derive(Debug, Clone)]
pub struct P384Point(Vec<u8>);

impl P384Point {
    /// Reads a SEC1 point of the right length and prefix (the point itself is not validated).
    pub fn from_sec1(bytes: &[u8]) -> Result<Self> {
        match (bytes.first(), bytes.len()) {
            (Some(2 | 3), n) if n == 1 + COORDINATE => Ok(P384Point(bytes.to_vec())),
            (Some(4), n) if n == 1 + 2 * COORDINATE => Ok(P384Point(bytes.to_vec())),
            _ => Err(Error::InvalidKey("not a valid P-384 point".into())),
        }
    }

    /// The point as it was read (what the platform imports, so that it validates `y` too).
    pub fn as_read(&self) -> &[u8] {
        &self.0
    }

    /// The compressed SEC1 point: the prefix carries the parity of `y`.
    pub fn compressed(&self) -> Vec<u8> {
        match self.0.split_first() {
            Some((4, xy)) => {
                let mut out = Vec::with_capacity(1 + COORDINATE);
                out.push(2 | (xy.last().copied().unwrap_or(0) & 1));
                out.extend_from_slice(&xy[..COORDINATE]);
                out
            }
            _ => self.0.clone(),
        }
    }

    /// `x` and, when the point was read uncompressed, `y`.
    pub fn coordinates(&self) -> (&[u8], Option<&[u8]>) {
        let body = &self.0[1..];
        match body.split_at_checked(COORDINATE) {
            Some((x, y)) if !y.is_empty() => (x, Some(y)),
            _ => (body, None),
        }
    }
}

impl PartialEq for P384Point {
    fn eq(&self, other: &Self) -> bool {
        self.compressed() == other.compressed()
    }
}

impl Eq for P384Point {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_forms_and_compares_them_compressed() {
        let mut uncompressed = vec![4u8];
        uncompressed.extend([7u8; 48]);
        uncompressed.extend([9u8; 47]);
        uncompressed.push(0x5f);
        let mut compressed = vec![3u8];
        compressed.extend([7u8; 48]);
        let a = P384Point::from_sec1(&uncompressed).unwrap();
        let b = P384Point::from_sec1(&compressed).unwrap();
        assert_eq!(a.compressed(), compressed);
        assert!(a == b);
        assert_eq!(a.as_read(), &uncompressed[..]);
        assert_eq!(a.coordinates().1.map(<[u8]>::len), Some(48));
        assert_eq!(b.coordinates(), (&compressed[1..], None));
        compressed[0] = 2;
        assert!(a != P384Point::from_sec1(&compressed).unwrap());
        for bad in [
            &uncompressed[..96],
            &compressed[..48],
            &[5u8; 49][..],
            &[0u8][..],
            &[][..],
        ] {
            assert_eq!(P384Point::from_sec1(bad).unwrap_err().code(), "invalid_key");
        }
    }

    /// Against the `p384` crate's SEC1 encodings of real points (the workspace test run has the
    /// feature): the compressed form, the coordinates, and equality across the two forms.
    #[cfg(feature = "p384")]
    #[test]
    fn agrees_with_the_p384_crate_on_real_points() {
        use rand_core::SeedableRng;
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(384);
        let mut parities = [0usize; 2];
        for _ in 0..16 {
            let key = *p384::ecdsa::SigningKey::random(&mut rng).verifying_key();
            let full = key.to_encoded_point(false);
            let short = key.to_encoded_point(true);
            let a = P384Point::from_sec1(full.as_bytes()).unwrap();
            let b = P384Point::from_sec1(short.as_bytes()).unwrap();
            assert_eq!(a.compressed(), short.as_bytes());
            assert_eq!(b.compressed(), short.as_bytes());
            assert!(a == b);
            assert_eq!(a.as_read(), full.as_bytes());
            let (x, y) = a.coordinates();
            assert_eq!(Some(x), full.x().map(|x| &x[..]));
            assert_eq!(y, full.y().map(|y| &y[..]));
            assert_eq!(b.coordinates(), (x, None));
            parities[usize::from(short.as_bytes()[0] & 1)] += 1;
            // The same x with the other parity is the negated point: another key.
            let mut other = short.as_bytes().to_vec();
            other[0] ^= 1;
            assert!(a != P384Point::from_sec1(&other).unwrap());
        }
        // Both prefixes (02 and 03) were met, so the parity bit was really checked.
        assert!(parities.iter().all(|&n| n > 0), "{parities:?}");
    }
}
