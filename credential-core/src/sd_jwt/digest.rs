//! Disclosure digests (RFC 9901 §4.2.3) and the `_sd_alg` names (IANA "Named Information Hash
//! Algorithm" registry).

use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use sha2::Digest as _;

/// The hash function named by `_sd_alg`; also used for the Key Binding JWT's `sd_hash`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HashAlg {
    /// `sha-256`: the default when `_sd_alg` is absent (RFC 9901 §4.1.1).
    #[default]
    Sha256,
    /// `sha-384`.
    Sha384,
    /// `sha-512`.
    Sha512,
}

impl HashAlg {
    /// The registered name, as written in `_sd_alg`.
    pub fn name(self) -> &'static str {
        match self {
            HashAlg::Sha256 => "sha-256",
            HashAlg::Sha384 => "sha-384",
            HashAlg::Sha512 => "sha-512",
        }
    }

    /// Reads an `_sd_alg` value (case-sensitive, as registered).
    pub fn from_name(name: &str) -> Result<Self> {
        match name {
            "sha-256" => Ok(HashAlg::Sha256),
            "sha-384" => Ok(HashAlg::Sha384),
            "sha-512" => Ok(HashAlg::Sha512),
            other => Err(Error::SdJwtUnsupportedAlgorithm(truncate(other))),
        }
    }

    /// The hash of `data`.
    pub fn hash(self, data: &[u8]) -> Vec<u8> {
        match self {
            HashAlg::Sha256 => sha2::Sha256::digest(data).to_vec(),
            HashAlg::Sha384 => sha2::Sha384::digest(data).to_vec(),
            HashAlg::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }

    /// base64url of the hash of the US-ASCII bytes of `text` (a disclosure, or an SD-JWT for
    /// `sd_hash`), as RFC 9901 §4.2.3 and §4.3.1 compute them.
    pub fn digest_b64(self, text: &str) -> String {
        B64.encode(self.hash(text.as_bytes()))
    }
}

/// At most 64 characters of an untrusted value, for an error message.
pub(crate) fn truncate(s: &str) -> String {
    match s.char_indices().nth(64) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_9901_section_5_1_digest() {
        // RFC 9901 §5.1: the disclosure of `given_name` and its digest.
        let d = "WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd";
        assert_eq!(
            HashAlg::Sha256.digest_b64(d),
            "jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4"
        );
        assert_eq!(
            HashAlg::from_name("SHA-256").unwrap_err().code(),
            "sd_jwt_unsupported_algorithm"
        );
    }
}
