//! Compact JWS (RFC 7515 §7.1) with ES256, ES384 (RFC 7518 §3.4) and EdDSA (RFC 8037), on the
//! crate's own [`keys`](crate::keys): no JOSE library, so the WASM verifier stays small.
//!
//! Headers and payloads are read with [`crate::json::parse_bounded`], which
//! refuses repeated member names; `crit` is refused (we implement no JWS extension, RFC 7515
//! §4.1.11); `alg` must agree with the key, so a key is never used with another algorithm.

use super::digest::truncate;
use super::Limits;
use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use crate::json::parse_bounded;
use crate::keys::{Algorithm, PublicKey, Signer};
use serde_json::{Map, Value};

/// A JWS algorithm (`alg`) this crate signs and verifies with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JwsAlg {
    /// ECDSA P-256 with SHA-256.
    Es256,
    /// ECDSA P-384 with SHA-384.
    Es384,
    /// EdDSA with Ed25519 (RFC 8037; `Ed25519`, its fully-specified name, is read too).
    EdDsa,
}

impl JwsAlg {
    /// The `alg` value written.
    pub fn name(self) -> &'static str {
        match self {
            JwsAlg::Es256 => "ES256",
            JwsAlg::Es384 => "ES384",
            JwsAlg::EdDsa => "EdDSA",
        }
    }

    /// Reads an `alg` value; `none` and every other algorithm are refused.
    pub fn from_name(name: &str) -> Result<Self> {
        match name {
            "ES256" => Ok(JwsAlg::Es256),
            "ES384" => Ok(JwsAlg::Es384),
            "EdDSA" | "Ed25519" => Ok(JwsAlg::EdDsa),
            other => Err(Error::SdJwtUnsupportedAlgorithm(truncate(other))),
        }
    }

    /// The algorithm a key signs with.
    pub fn for_key(key: &PublicKey) -> Self {
        match key.algorithm() {
            Algorithm::P256 => JwsAlg::Es256,
            Algorithm::P384 => JwsAlg::Es384,
            Algorithm::Ed25519 => JwsAlg::EdDsa,
        }
    }
}

/// A decoded compact JWS whose signature is not yet checked.
#[derive(Debug, Clone)]
pub struct Jws {
    /// The protected header.
    pub header: Map<String, Value>,
    /// The payload (a JSON object: JWT claims).
    pub payload: Map<String, Value>,
    /// The algorithm named in the header.
    pub alg: JwsAlg,
    signing_input: String,
    signature: Vec<u8>,
}

fn malformed(m: String) -> Error {
    Error::SdJwtMalformed(m)
}

fn part(text: &str, what: &str, limits: &Limits) -> Result<Map<String, Value>> {
    let bytes = B64
        .decode(text)
        .ok_or_else(|| malformed(format!("the JWT {what} is not base64url without padding")))?;
    match parse_bounded(&bytes, limits.json())? {
        Value::Object(m) => Ok(m),
        _ => Err(malformed(format!("the JWT {what} is not a JSON object"))),
    }
}

impl Jws {
    /// Splits and decodes `compact` (`header.payload.signature`), without checking the
    /// signature. Errors are `sd_jwt_malformed`, `sd_jwt_unsupported_algorithm` or JSON errors.
    pub fn decode(compact: &str, limits: &Limits) -> Result<Self> {
        let mut parts = compact.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(malformed(
                "a JWT has three parts separated by '.'".to_owned(),
            ));
        };
        let header = part(h, "header", limits)?;
        let alg = match header.get("alg") {
            Some(Value::String(a)) => JwsAlg::from_name(a)?,
            _ => return Err(malformed("the JWT header has no \"alg\"".into())),
        };
        if header.contains_key("crit") {
            return Err(malformed(
                "the JWT header has \"crit\" (no extension is understood)".into(),
            ));
        }
        if header.get("b64").is_some() {
            return Err(malformed("the JWT header has \"b64\"".into()));
        }
        let payload = part(p, "payload", limits)?;
        let signature = B64
            .decode(s)
            .ok_or_else(|| malformed("the JWT signature is not base64url".into()))?;
        Ok(Jws {
            header,
            payload,
            alg,
            signing_input: compact[..h.len() + 1 + p.len()].to_owned(),
            signature,
        })
    }

    /// The header's `typ`, if a string.
    pub fn typ(&self) -> Option<&str> {
        self.header.get("typ").and_then(Value::as_str)
    }

    /// Checks the signature with `key`, whose algorithm must be the header's `alg`.
    pub fn verify(&self, key: &PublicKey) -> Result<()> {
        if JwsAlg::for_key(key) != self.alg {
            return Err(Error::KeyTypeMismatch(format!(
                "the JWT is signed with {}, the key is {}",
                self.alg.name(),
                key.algorithm().name()
            )));
        }
        key.verify(self.signing_input.as_bytes(), &self.signature)
    }
}

/// Signs `payload` as a compact JWS; `alg` is set from the signer's key, the other header
/// members (`typ`, `kid`) come from `header`.
pub fn sign(header: Map<String, Value>, payload: &Value, signer: &dyn Signer) -> Result<String> {
    let mut h = Map::new();
    h.insert(
        "alg".into(),
        Value::String(JwsAlg::for_key(&signer.public_key()).name().into()),
    );
    h.extend(header.into_iter().filter(|(k, _)| k != "alg"));
    let mut out = B64.encode(Value::Object(h).to_string());
    out.push('.');
    out.push_str(&B64.encode(payload.to_string()));
    let signature = signer.sign(out.as_bytes())?;
    out.push('.');
    out.push_str(&B64.encode(signature));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::SecretKey;
    use serde_json::json;

    #[test]
    fn sign_verify_and_refusals() {
        let limits = Limits::default();
        for alg in [Algorithm::Ed25519, Algorithm::P256, Algorithm::P384] {
            let key = SecretKey::from_bytes(
                alg,
                &[7; 48][..if alg == Algorithm::P384 { 48 } else { 32 }],
            )
            .unwrap();
            let jwt = sign(Map::new(), &json!({"a": 1}), &key).unwrap();
            let jws = Jws::decode(&jwt, &limits).unwrap();
            jws.verify(&key.public_key()).unwrap();
            let other = SecretKey::from_bytes(
                alg,
                &[8; 48][..if alg == Algorithm::P384 { 48 } else { 32 }],
            )
            .unwrap();
            assert_eq!(
                jws.verify(&other.public_key()).unwrap_err().code(),
                "invalid_signature"
            );
        }
        let none = format!("{}.{}.", B64.encode(r#"{"alg":"none"}"#), B64.encode("{}"));
        assert_eq!(
            Jws::decode(&none, &limits).unwrap_err().code(),
            "sd_jwt_unsupported_algorithm"
        );
        let dup = format!(
            "{}.{}.AA",
            B64.encode(r#"{"alg":"ES256","alg":"EdDSA"}"#),
            B64.encode("{}")
        );
        assert_eq!(
            Jws::decode(&dup, &limits).unwrap_err().code(),
            "duplicate_member"
        );
        let crit = format!(
            "{}.{}.AA",
            B64.encode(r#"{"alg":"ES256","crit":["x"]}"#),
            B64.encode("{}")
        );
        assert_eq!(
            Jws::decode(&crit, &limits).unwrap_err().code(),
            "sd_jwt_malformed"
        );
        assert_eq!(
            Jws::decode("a.b", &limits).unwrap_err().code(),
            "sd_jwt_malformed"
        );
    }
}
