//! Keys: Ed25519, P-256 and P-384 (P-384 for verification of published vectors and imported keys).
//!
//! Secret keys live only inside [`SecretKey`]; the underlying dalek / RustCrypto types zeroize on
//! drop, and nothing here implements `Debug` or `Display` in a way that prints secret material.

pub(crate) mod base58;
mod check;
mod jwk;
mod multikey;
mod p256_verify;
// Used without the `p384` feature; compiled into the unit tests with it too, so that the
// workspace test run (which unifies the feature on) runs its tests, there against `p384`.
#[cfg(any(test, not(feature = "p384")))]
mod p384_point;
mod pem;

pub use check::{with_signature_check, SharedCheck, SignatureCheck};
pub(crate) use multikey::{decode_base58btc, encode_base58btc};
#[cfg(not(feature = "p384"))]
pub use p384_point::P384Point;

use crate::error::{Error, Result};
use rand_core::CryptoRngCore;
use signature::Signer as _;

/// A key algorithm (curve).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// Ed25519 (EdDSA over Curve25519).
    Ed25519,
    /// ECDSA over NIST P-256 with SHA-256.
    P256,
    /// ECDSA over NIST P-384 with SHA-384 (checked in Rust with the cargo feature `p384`, on by
    /// default; without it only by a platform [`SignatureCheck`], and no secret keys).
    P384,
}

impl Algorithm {
    /// Lower-case name as used on the command line (`ed25519`, `p256`, `p384`).
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Ed25519 => "ed25519",
            Algorithm::P256 => "p256",
            Algorithm::P384 => "p384",
        }
    }

    /// Parses [`Algorithm::name`] (case-insensitive; `P-256` style accepted).
    pub fn from_name(name: &str) -> Result<Self> {
        match name.to_ascii_lowercase().replace('-', "").as_str() {
            "ed25519" => Ok(Algorithm::Ed25519),
            "p256" => Ok(Algorithm::P256),
            "p384" => Ok(Algorithm::P384),
            other => Err(Error::InvalidKey(format!(
                "unknown key algorithm {other:?} (use ed25519, p256 or p384)"
            ))),
        }
    }
}

/// A public key.
#[derive(Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// Ed25519 public key (never a small-order point).
    Ed25519(ed25519_dalek::VerifyingKey),
    /// P-256 public key (on the curve, not the identity).
    P256(p256::ecdsa::VerifyingKey),
    /// P-384 public key (on the curve, not the identity; cargo feature `p384`).
    #[cfg(feature = "p384")]
    P384(p384::ecdsa::VerifyingKey),
    /// P-384 public key without the `p384` feature: its bytes, for the platform's crypto.
    #[cfg(not(feature = "p384"))]
    P384(P384Point),
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({})", self.to_multikey())
    }
}

impl PublicKey {
    /// The key's algorithm.
    pub fn algorithm(&self) -> Algorithm {
        match self {
            PublicKey::Ed25519(_) => Algorithm::Ed25519,
            PublicKey::P256(_) => Algorithm::P256,
            PublicKey::P384(_) => Algorithm::P384,
        }
    }

    /// Reads raw key bytes: 32 bytes for Ed25519, a SEC1 point (compressed or not) for ECDSA
    /// (without the `p384` feature a P-384 point is only checked for length and prefix).
    pub fn from_bytes(alg: Algorithm, bytes: &[u8]) -> Result<Self> {
        match alg {
            Algorithm::Ed25519 => {
                let arr: [u8; 32] = bytes.try_into().map_err(|_| {
                    Error::InvalidKey(format!(
                        "an Ed25519 public key is 32 bytes, got {}",
                        bytes.len()
                    ))
                })?;
                let key = ed25519_dalek::VerifyingKey::from_bytes(&arr)
                    .map_err(|_| Error::InvalidKey("not an Ed25519 curve point".into()))?;
                if key.is_weak() {
                    return Err(Error::WeakKey(
                        "Ed25519 public key is a small-order point".into(),
                    ));
                }
                Ok(PublicKey::Ed25519(key))
            }
            Algorithm::P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
                .map(PublicKey::P256)
                .map_err(|_| Error::InvalidKey("not a valid P-256 point".into())),
            #[cfg(feature = "p384")]
            Algorithm::P384 => p384::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
                .map(PublicKey::P384)
                .map_err(|_| Error::InvalidKey("not a valid P-384 point".into())),
            #[cfg(not(feature = "p384"))]
            Algorithm::P384 => P384Point::from_sec1(bytes).map(PublicKey::P384),
        }
    }

    /// Raw key bytes: 32 bytes for Ed25519, the compressed SEC1 point for ECDSA.
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            PublicKey::Ed25519(k) => k.to_bytes().to_vec(),
            PublicKey::P256(k) => k.to_encoded_point(true).as_bytes().to_vec(),
            #[cfg(feature = "p384")]
            PublicKey::P384(k) => k.to_encoded_point(true).as_bytes().to_vec(),
            #[cfg(not(feature = "p384"))]
            PublicKey::P384(k) => k.compressed(),
        }
    }

    /// The key as a platform's crypto imports it (WebCrypto `raw`): 32 bytes for Ed25519, the
    /// uncompressed SEC1 point for ECDSA; without the `p384` feature, a P-384 point as it was
    /// read (compressed from a Multikey), which the platform validates on import.
    pub fn to_platform_bytes(&self) -> Vec<u8> {
        match self {
            PublicKey::Ed25519(k) => k.to_bytes().to_vec(),
            PublicKey::P256(k) => k.to_encoded_point(false).as_bytes().to_vec(),
            #[cfg(feature = "p384")]
            PublicKey::P384(k) => k.to_encoded_point(false).as_bytes().to_vec(),
            #[cfg(not(feature = "p384"))]
            PublicKey::P384(k) => k.as_read().to_vec(),
        }
    }

    /// Verifies `signature` over `message` (ECDSA hashes `message` with the curve's SHA-2).
    ///
    /// Signatures are raw: 64 bytes for Ed25519 and P-256 (`r || s`), 96 bytes for P-384. The
    /// [`SignatureCheck`] installed on this thread ([`with_signature_check`]) decides, if any
    /// and if it has a verdict; else [`PublicKey::verify_native`]. Where neither can check the
    /// key (P-384 without the `p384` feature and no platform check), the answer is
    /// `unsupported_key_algorithm`.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<()> {
        let verdict = check::installed()
            .and_then(|check| check.borrow_mut().check(self, message, signature))
            .or_else(|| self.verify_native(message, signature));
        match verdict {
            Some(true) => Ok(()),
            Some(false) => Err(Error::InvalidSignature),
            None => Err(Error::UnsupportedKeyAlgorithm("P-384".into())),
        }
    }

    /// The pure-Rust check of [`PublicKey::verify`], whatever check is installed: Ed25519 is
    /// verified strictly (RFC 8032 with canonical `S` and no small-order `R` or key). `None`
    /// where this build has no Rust check for the key (P-384 without the `p384` feature).
    pub fn verify_native(&self, message: &[u8], signature: &[u8]) -> Option<bool> {
        match self {
            PublicKey::Ed25519(k) => Some(
                ed25519_dalek::Signature::from_slice(signature)
                    .map(|s| k.verify_strict(message, &s).is_ok())
                    .unwrap_or(false),
            ),
            PublicKey::P256(k) => Some(p256_verify::verify(k.as_affine(), message, signature)),
            #[cfg(feature = "p384")]
            PublicKey::P384(k) => Some(
                p384::ecdsa::Signature::from_slice(signature)
                    .map(|s| signature::Verifier::verify(k, message, &s).is_ok())
                    .unwrap_or(false),
            ),
            #[cfg(not(feature = "p384"))]
            PublicKey::P384(_) => None,
        }
    }
}

/// A secret (signing) key. Zeroized on drop; never printed.
pub struct SecretKey(SecretInner);

enum SecretInner {
    Ed25519(ed25519_dalek::SigningKey),
    P256(p256::ecdsa::SigningKey),
    #[cfg(feature = "p384")]
    P384(p384::ecdsa::SigningKey),
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretKey({}, <redacted>)", self.algorithm().name())
    }
}

impl SecretKey {
    /// Generates a new key from the caller's cryptographic RNG.
    ///
    /// Fails with `unsupported_key_algorithm` for [`Algorithm::P384`] in a build without the
    /// `p384` feature (the browser modules), which has no P-384 secret keys.
    pub fn generate(alg: Algorithm, rng: &mut impl CryptoRngCore) -> Result<Self> {
        Ok(SecretKey(match alg {
            Algorithm::Ed25519 => SecretInner::Ed25519(ed25519_dalek::SigningKey::generate(rng)),
            Algorithm::P256 => SecretInner::P256(p256::ecdsa::SigningKey::random(rng)),
            #[cfg(feature = "p384")]
            Algorithm::P384 => SecretInner::P384(p384::ecdsa::SigningKey::random(rng)),
            #[cfg(not(feature = "p384"))]
            Algorithm::P384 => return Err(Error::UnsupportedKeyAlgorithm("P-384".into())),
        }))
    }

    /// Reads a raw secret scalar / seed (32 bytes for Ed25519 and P-256, 48 for P-384).
    pub fn from_bytes(alg: Algorithm, bytes: &[u8]) -> Result<Self> {
        let inner = match alg {
            Algorithm::Ed25519 => {
                let mut seed: [u8; 32] = bytes.try_into().map_err(|_| {
                    Error::InvalidKey(format!(
                        "an Ed25519 secret key is 32 bytes, got {}",
                        bytes.len()
                    ))
                })?;
                let key = ed25519_dalek::SigningKey::from_bytes(&seed);
                zeroize::Zeroize::zeroize(&mut seed);
                SecretInner::Ed25519(key)
            }
            Algorithm::P256 => SecretInner::P256(
                p256::ecdsa::SigningKey::from_slice(bytes)
                    .map_err(|_| Error::InvalidKey("not a valid P-256 secret scalar".into()))?,
            ),
            #[cfg(feature = "p384")]
            Algorithm::P384 => SecretInner::P384(
                p384::ecdsa::SigningKey::from_slice(bytes)
                    .map_err(|_| Error::InvalidKey("not a valid P-384 secret scalar".into()))?,
            ),
            #[cfg(not(feature = "p384"))]
            Algorithm::P384 => return Err(Error::UnsupportedKeyAlgorithm("P-384".into())),
        };
        Ok(SecretKey(inner))
    }

    /// The raw secret bytes, in a buffer that zeroizes on drop.
    pub fn to_bytes(&self) -> zeroize::Zeroizing<Vec<u8>> {
        zeroize::Zeroizing::new(match &self.0 {
            SecretInner::Ed25519(k) => k.to_bytes().to_vec(),
            SecretInner::P256(k) => k.to_bytes().to_vec(),
            #[cfg(feature = "p384")]
            SecretInner::P384(k) => k.to_bytes().to_vec(),
        })
    }

    /// The key's algorithm.
    pub fn algorithm(&self) -> Algorithm {
        match &self.0 {
            SecretInner::Ed25519(_) => Algorithm::Ed25519,
            SecretInner::P256(_) => Algorithm::P256,
            #[cfg(feature = "p384")]
            SecretInner::P384(_) => Algorithm::P384,
        }
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        match &self.0 {
            SecretInner::Ed25519(k) => PublicKey::Ed25519(k.verifying_key()),
            SecretInner::P256(k) => PublicKey::P256(*k.verifying_key()),
            #[cfg(feature = "p384")]
            SecretInner::P384(k) => PublicKey::P384(*k.verifying_key()),
        }
    }
}

/// Something that signs: a [`SecretKey`] in memory, or later an HSM or WebCrypto key.
pub trait Signer {
    /// The public key that verifies this signer's signatures.
    fn public_key(&self) -> PublicKey;
    /// Signs `message` (ECDSA hashes it with the curve's SHA-2; signatures are raw `r || s`).
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>>;
}

impl Signer for SecretKey {
    fn public_key(&self) -> PublicKey {
        SecretKey::public_key(self)
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>> {
        Ok(match &self.0 {
            SecretInner::Ed25519(k) => k.sign(message).to_bytes().to_vec(),
            SecretInner::P256(k) => {
                let s: p256::ecdsa::Signature = k
                    .try_sign(message)
                    .map_err(|e| Error::SigningFailed(e.to_string()))?;
                s.normalize_s().unwrap_or(s).to_bytes().to_vec()
            }
            #[cfg(feature = "p384")]
            SecretInner::P384(k) => {
                let s: p384::ecdsa::Signature = k
                    .try_sign(message)
                    .map_err(|e| Error::SigningFailed(e.to_string()))?;
                s.normalize_s().unwrap_or(s).to_bytes().to_vec()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::SeedableRng;

    fn rng() -> rand_chacha::ChaCha20Rng {
        rand_chacha::ChaCha20Rng::seed_from_u64(1)
    }

    /// The algorithms this build has secret keys for.
    const SIGNING: &[Algorithm] = &[
        Algorithm::Ed25519,
        Algorithm::P256,
        #[cfg(feature = "p384")]
        Algorithm::P384,
    ];

    #[test]
    fn every_encoding_round_trips() {
        for &alg in SIGNING {
            let key = SecretKey::generate(alg, &mut rng()).unwrap();
            let public = key.public_key();
            assert_eq!(
                PublicKey::from_multikey(&public.to_multikey()).unwrap(),
                public
            );
            assert_eq!(PublicKey::from_jwk(&public.to_jwk()).unwrap(), public);
            assert_eq!(
                PublicKey::from_spki_pem(&public.to_spki_pem().unwrap()).unwrap(),
                public
            );
            let from_mk = SecretKey::from_multikey(&key.to_multikey()).unwrap();
            let jwk: serde_json::Value = serde_json::from_str(&key.to_jwk()).unwrap();
            let from_jwk = SecretKey::from_jwk(&jwk).unwrap();
            let from_pem = SecretKey::from_pkcs8_pem(&key.to_pkcs8_pem().unwrap()).unwrap();
            for k in [from_mk, from_jwk, from_pem] {
                assert_eq!(k.public_key(), public);
                let sig = k.sign(b"message").unwrap();
                public.verify(b"message", &sig).unwrap();
                assert_eq!(
                    public.verify(b"messagf", &sig).unwrap_err().code(),
                    "invalid_signature"
                );
            }
        }
    }

    #[test]
    fn multikey_prefixes_are_the_registered_ones() {
        let ed = SecretKey::generate(Algorithm::Ed25519, &mut rng())
            .unwrap()
            .public_key();
        assert!(ed.to_multikey().starts_with("z6Mk"));
        let p256 = SecretKey::generate(Algorithm::P256, &mut rng())
            .unwrap()
            .public_key();
        assert!(p256.to_multikey().starts_with("zDn"));
        #[cfg(feature = "p384")]
        {
            let p384 = SecretKey::generate(Algorithm::P384, &mut rng())
                .unwrap()
                .public_key();
            assert!(p384.to_multikey().starts_with("z82"));
        }
    }

    #[test]
    #[cfg(not(feature = "p384"))]
    fn p384_without_the_feature_reads_keys_but_never_passes_a_signature() {
        // The P-384 key of the W3C ECDSA cryptosuites' test vectors (`p384KeyPair.json`).
        let multikey = "z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ";
        let key = PublicKey::from_multikey(multikey).unwrap();
        assert_eq!(key.algorithm(), Algorithm::P384);
        assert_eq!(key.to_multikey(), multikey);
        assert_eq!(key.to_platform_bytes().len(), 49);
        assert_eq!(key.verify_native(b"m", &[1; 96]), None);
        assert_eq!(
            key.verify(b"m", &[1; 96]).unwrap_err().code(),
            "unsupported_key_algorithm"
        );
        assert_eq!(
            SecretKey::generate(Algorithm::P384, &mut rng())
                .unwrap_err()
                .code(),
            "unsupported_key_algorithm"
        );
    }

    #[test]
    fn weak_and_invalid_keys_are_refused() {
        // Ed25519 identity point (order 1) and a point of order 8.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(
            PublicKey::from_bytes(Algorithm::Ed25519, &identity)
                .unwrap_err()
                .code(),
            "weak_key"
        );
        let order8: [u8; 32] = [
            0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10,
            0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77,
            0x92, 0xac, 0x03, 0x7a,
        ];
        assert_eq!(
            PublicKey::from_bytes(Algorithm::Ed25519, &order8)
                .unwrap_err()
                .code(),
            "weak_key"
        );
        assert_eq!(
            PublicKey::from_bytes(Algorithm::Ed25519, &[1u8; 31])
                .unwrap_err()
                .code(),
            "invalid_key"
        );
        // (1, 1) is not on P-256.
        let mut off_curve = vec![4u8];
        off_curve.extend([0u8; 31]);
        off_curve.push(1);
        off_curve.extend([0u8; 31]);
        off_curve.push(1);
        assert_eq!(
            PublicKey::from_bytes(Algorithm::P256, &off_curve)
                .unwrap_err()
                .code(),
            "invalid_key"
        );
        assert_eq!(
            SecretKey::from_bytes(Algorithm::P256, &[0u8; 32])
                .unwrap_err()
                .code(),
            "invalid_key"
        );
        assert_eq!(
            SecretKey::from_bytes(Algorithm::Ed25519, &[0u8; 33])
                .unwrap_err()
                .code(),
            "invalid_key"
        );
        assert_eq!(
            PublicKey::from_multikey("zabc").unwrap_err().code(),
            "invalid_multibase"
        );
        assert_eq!(
            PublicKey::from_multikey("f00").unwrap_err().code(),
            "invalid_multibase"
        );
        assert_eq!(
            SecretKey::from_pkcs8_pem(
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
            )
            .unwrap_err()
            .code(),
            "invalid_pem"
        );
        let jwk = serde_json::json!({"kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA"});
        assert_eq!(PublicKey::from_jwk(&jwk).unwrap_err().code(), "invalid_jwk");
    }

    #[test]
    fn secrets_are_never_printed() {
        let key = SecretKey::generate(Algorithm::Ed25519, &mut rng()).unwrap();
        let printed = format!("{key:?}");
        assert!(printed.contains("redacted"));
        assert!(!printed.contains(key.to_multikey().as_str()));
        let hex = crate::codec::hex(&key.to_bytes());
        assert!(!printed.contains(&hex));
    }

    #[test]
    fn a_jwk_whose_d_does_not_match_is_refused() {
        let a = SecretKey::generate(Algorithm::P256, &mut rng()).unwrap();
        let b = SecretKey::generate(
            Algorithm::P256,
            &mut rand_chacha::ChaCha20Rng::seed_from_u64(2),
        )
        .unwrap();
        let mut jwk: serde_json::Value = serde_json::from_str(&a.to_jwk()).unwrap();
        let other: serde_json::Value = serde_json::from_str(&b.to_jwk()).unwrap();
        jwk["d"] = other["d"].clone();
        assert_eq!(SecretKey::from_jwk(&jwk).unwrap_err().code(), "invalid_jwk");
    }
}
