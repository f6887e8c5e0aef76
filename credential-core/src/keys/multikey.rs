//! Multikey encoding (W3C Controlled Identifiers §2.2.2): multibase base58btc (`z`) of a
//! multicodec-prefixed key. Codes from the multicodec table: ed25519-pub 0xed, p256-pub 0x1200,
//! p384-pub 0x1201, ed25519-priv 0x1300, p256-priv 0x1306, p384-priv 0x1307 (varint-encoded).

use super::{Algorithm, PublicKey, SecretKey};
use crate::error::{Error, Result};

const ED25519_PUB: [u8; 2] = [0xed, 0x01];
const P256_PUB: [u8; 2] = [0x80, 0x24];
const P384_PUB: [u8; 2] = [0x81, 0x24];
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];
const P256_PRIV: [u8; 2] = [0x86, 0x26];
const P384_PRIV: [u8; 2] = [0x87, 0x26];

/// Maximum length of a multibase key string we will decode.
const MAX_MULTIKEY_CHARS: usize = 200;

/// Decodes a base58btc multibase string (`z…`).
pub(crate) fn decode_base58btc(s: &str) -> Result<Vec<u8>> {
    let body = s
        .strip_prefix('z')
        .ok_or_else(|| Error::InvalidMultibase("expected the base58btc prefix 'z'".into()))?;
    match super::base58::decode(body) {
        Some(bytes) => Ok(bytes),
        None => Err(Error::InvalidMultibase(super::base58::describe_error(body))),
    }
}

/// Encodes bytes as base58btc multibase (`z…`).
pub(crate) fn encode_base58btc(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 14 / 10 + 2);
    s.push('z');
    s.push_str(&super::base58::encode(bytes));
    s
}

impl PublicKey {
    /// Parses a trust anchor as an operator gives it: a `did:key` (with or without a fragment)
    /// or a bare Multikey value.
    pub fn from_anchor(s: &str) -> Result<Self> {
        let multikey = s
            .strip_prefix("did:key:")
            .map(|r| r.split('#').next().unwrap_or(r))
            .unwrap_or(s);
        Self::from_multikey(multikey)
    }

    /// Parses a Multikey `publicKeyMultibase` value.
    pub fn from_multikey(s: &str) -> Result<Self> {
        if s.len() > MAX_MULTIKEY_CHARS {
            return Err(Error::InvalidMultibase("value too long".into()));
        }
        let bytes = decode_base58btc(s)?;
        let (alg, rest) = match bytes.split_at_checked(2) {
            Some((p, rest)) if p == ED25519_PUB => (Algorithm::Ed25519, rest),
            Some((p, rest)) if p == P256_PUB => (Algorithm::P256, rest),
            Some((p, rest)) if p == P384_PUB => (Algorithm::P384, rest),
            _ => {
                return Err(Error::InvalidMultibase(
                    "not an Ed25519, P-256 or P-384 public key multicodec".into(),
                ))
            }
        };
        if alg != Algorithm::Ed25519 && rest.first().is_some_and(|b| *b == 4) {
            return Err(Error::InvalidKey(
                "Multikey ECDSA keys must use the compressed point form".into(),
            ));
        }
        PublicKey::from_bytes(alg, rest)
    }

    /// Encodes as a Multikey `publicKeyMultibase` value (`z6Mk…`, `zDn…`, `z82…`).
    pub fn to_multikey(&self) -> String {
        let prefix = match self.algorithm() {
            Algorithm::Ed25519 => ED25519_PUB,
            Algorithm::P256 => P256_PUB,
            Algorithm::P384 => P384_PUB,
        };
        let mut bytes = prefix.to_vec();
        bytes.extend(self.to_bytes());
        encode_base58btc(&bytes)
    }
}

impl SecretKey {
    /// Parses a Multikey `secretKeyMultibase` value.
    pub fn from_multikey(s: &str) -> Result<Self> {
        if s.len() > MAX_MULTIKEY_CHARS {
            return Err(Error::InvalidMultibase("value too long".into()));
        }
        let bytes = zeroize::Zeroizing::new(decode_base58btc(s)?);
        let (alg, rest) = match bytes.split_at_checked(2) {
            Some((p, rest)) if p == ED25519_PRIV => (Algorithm::Ed25519, rest),
            Some((p, rest)) if p == P256_PRIV => (Algorithm::P256, rest),
            #[cfg(feature = "p384")]
            Some((p, rest)) if p == P384_PRIV => (Algorithm::P384, rest),
            #[cfg(not(feature = "p384"))]
            Some((p, _)) if p == P384_PRIV => {
                return Err(Error::UnsupportedKeyAlgorithm("P-384".into()))
            }
            _ => {
                return Err(Error::InvalidMultibase(
                    "not an Ed25519, P-256 or P-384 secret key multicodec".into(),
                ))
            }
        };
        SecretKey::from_bytes(alg, rest)
    }

    /// Encodes as a Multikey `secretKeyMultibase` value (handle with care: it is the secret).
    pub fn to_multikey(&self) -> zeroize::Zeroizing<String> {
        let prefix = match self.algorithm() {
            Algorithm::Ed25519 => ED25519_PRIV,
            Algorithm::P256 => P256_PRIV,
            Algorithm::P384 => P384_PRIV,
        };
        let mut bytes = zeroize::Zeroizing::new(prefix.to_vec());
        bytes.extend_from_slice(&self.to_bytes());
        zeroize::Zeroizing::new(encode_base58btc(&bytes))
    }
}
