//! PKCS#8 (secret) and SPKI (public) PEM import and export.

use super::{Algorithm, PublicKey, SecretInner, SecretKey};
use crate::error::{Error, Result};
use pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding};

/// Maximum PEM input size.
const MAX_PEM_BYTES: usize = 8 * 1024;

fn bounded(pem: &str) -> Result<&str> {
    if pem.len() > MAX_PEM_BYTES {
        return Err(Error::InputTooLarge {
            size: pem.len(),
            max: MAX_PEM_BYTES,
        });
    }
    Ok(pem)
}

impl SecretKey {
    /// Reads a PKCS#8 PEM private key (`-----BEGIN PRIVATE KEY-----`), trying each algorithm.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self> {
        let pem = bounded(pem)?;
        if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_pem(pem) {
            return Ok(SecretKey(SecretInner::Ed25519(k)));
        }
        if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_pem(pem) {
            return Ok(SecretKey(SecretInner::P256(k)));
        }
        #[cfg(feature = "p384")]
        if let Ok(k) = p384::ecdsa::SigningKey::from_pkcs8_pem(pem) {
            return Ok(SecretKey(SecretInner::P384(k)));
        }
        Err(Error::InvalidPem(
            "not a PKCS#8 Ed25519, P-256 or P-384 private key".into(),
        ))
    }

    /// Writes the key as PKCS#8 PEM (contains the secret).
    pub fn to_pkcs8_pem(&self) -> Result<zeroize::Zeroizing<String>> {
        let r = match &self.0 {
            SecretInner::Ed25519(k) => k.to_pkcs8_pem(LineEnding::LF),
            SecretInner::P256(k) => k.to_pkcs8_pem(LineEnding::LF),
            #[cfg(feature = "p384")]
            SecretInner::P384(k) => k.to_pkcs8_pem(LineEnding::LF),
        };
        r.map_err(|e| Error::InvalidPem(e.to_string()))
    }
}

impl PublicKey {
    /// Reads an SPKI PEM public key (`-----BEGIN PUBLIC KEY-----`).
    pub fn from_spki_pem(pem: &str) -> Result<Self> {
        let pem = bounded(pem)?;
        if let Ok(k) = ed25519_dalek::VerifyingKey::from_public_key_pem(pem) {
            return PublicKey::from_bytes(Algorithm::Ed25519, k.as_bytes());
        }
        if let Ok(k) = p256::ecdsa::VerifyingKey::from_public_key_pem(pem) {
            return Ok(PublicKey::P256(k));
        }
        #[cfg(feature = "p384")]
        if let Ok(k) = p384::ecdsa::VerifyingKey::from_public_key_pem(pem) {
            return Ok(PublicKey::P384(k));
        }
        Err(Error::InvalidPem(
            "not an SPKI Ed25519, P-256 or P-384 public key".into(),
        ))
    }

    /// Writes the key as SPKI PEM.
    pub fn to_spki_pem(&self) -> Result<String> {
        let r = match self {
            PublicKey::Ed25519(k) => k.to_public_key_pem(LineEnding::LF),
            PublicKey::P256(k) => k.to_public_key_pem(LineEnding::LF),
            #[cfg(feature = "p384")]
            PublicKey::P384(k) => k.to_public_key_pem(LineEnding::LF),
            #[cfg(not(feature = "p384"))]
            PublicKey::P384(_) => return Err(Error::UnsupportedKeyAlgorithm("P-384".into())),
        };
        r.map_err(|e| Error::InvalidPem(e.to_string()))
    }
}
