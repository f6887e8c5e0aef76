//! Credentials secured as `application/vc+jwt`: the enveloping proof of W3C *Securing
//! Verifiable Credentials using JOSE and COSE* (VC-JOSE-COSE, §3.1.1 "Securing JSON-LD
//! Verifiable Credentials with JOSE").
//!
//! The JWS payload is the credential itself (VC Data Model 2.0 JSON, no `proof`), the protected
//! header has `typ` `vc+jwt`, `cty` `vc` and a `kid` naming the issuer's verification method.
//! Signing and verification use the crate's own compact JWS ([`crate::sd_jwt::jws`]): the same
//! small code on the native side and in the WASM verifier (decision 0004).

use crate::error::{Error, Result};
use crate::keys::{PublicKey, Signer};
use crate::sd_jwt::jws::{self, Jws, JwsAlg};
use crate::sd_jwt::Limits;
use serde_json::{Map, Value};

/// The `typ` of a credential secured with JOSE (VC-JOSE-COSE §3.1.1).
pub const VC_JWT_TYP: &str = "vc+jwt";
/// The `cty` of a credential secured with JOSE.
pub const VC_JWT_CTY: &str = "vc";

/// Signs `credential` as a `vc+jwt` whose header names `kid`.
pub fn sign(credential: &Value, kid: &str, signer: &dyn Signer) -> Result<String> {
    let doc = credential
        .as_object()
        .ok_or_else(|| Error::MalformedDocument("a credential is a JSON object".into()))?;
    if doc.contains_key("proof") {
        return Err(Error::InvalidProperty {
            property: "proof".into(),
            reason: "a credential secured as vc+jwt carries no embedded proof".into(),
        });
    }
    let mut header = Map::new();
    header.insert("kid".into(), kid.into());
    header.insert("typ".into(), VC_JWT_TYP.into());
    header.insert("cty".into(), VC_JWT_CTY.into());
    jws::sign(header, credential, signer)
}

/// A decoded `vc+jwt` whose signature is not yet checked.
#[derive(Debug, Clone)]
pub struct VcJwt {
    jws: Jws,
}

impl VcJwt {
    /// Decodes `token` within the SD-JWT [`Limits`] (512 KiB, depth 32): three base64url parts,
    /// a supported `alg`, `typ` `vc+jwt`, and a JSON object as payload. Errors are
    /// `vc_jwt_malformed` (or `sd_jwt_unsupported_algorithm` for the algorithm).
    pub fn decode(token: &str) -> Result<Self> {
        let limits = Limits::default();
        if token.len() > limits.max_bytes {
            return Err(Error::VcJwtMalformed(format!(
                "{} bytes, more than {}",
                token.len(),
                limits.max_bytes
            )));
        }
        let jws = Jws::decode(token.trim(), &limits).map_err(|e| match e {
            Error::SdJwtMalformed(m) => Error::VcJwtMalformed(m),
            other => other,
        })?;
        if jws.typ() != Some(VC_JWT_TYP) {
            return Err(Error::VcJwtMalformed(format!(
                "the header's typ is {}, not \"{VC_JWT_TYP}\"",
                jws.typ().map_or("absent".into(), |t| format!("{t:?}"))
            )));
        }
        if jws.payload.contains_key("proof") {
            return Err(Error::VcJwtMalformed(
                "the secured credential has an embedded proof".into(),
            ));
        }
        Ok(VcJwt { jws })
    }

    /// The header's `kid`, if a string.
    pub fn kid(&self) -> Option<&str> {
        self.jws.header.get("kid").and_then(Value::as_str)
    }

    /// The signature algorithm.
    pub fn alg(&self) -> JwsAlg {
        self.jws.alg
    }

    /// The issuer's id as the credential states it (`issuer` or `issuer.id`).
    pub fn issuer(&self) -> Option<&str> {
        match self.jws.payload.get("issuer")? {
            Value::String(s) => Some(s),
            Value::Object(o) => o.get("id").and_then(Value::as_str),
            _ => None,
        }
    }

    /// The secured credential.
    pub fn credential(&self) -> Value {
        Value::Object(self.jws.payload.clone())
    }

    /// Checks the signature with `key` (whose algorithm must be the header's `alg`).
    pub fn verify(&self, key: &PublicKey) -> Result<()> {
        self.jws.verify(key)
    }
}

/// Whether `text` looks like a compact JWS whose header says `typ` `vc+jwt` (read without
/// checking anything else), so that a verifier can route it.
pub fn is_vc_jwt(text: &str) -> bool {
    const MAX_HEADER_BYTES: usize = 4096;
    let Some(header) = text.split('.').next() else {
        return false;
    };
    // Base64url grows 3 bytes into 4 characters: a longer segment cannot decode to a header within
    // the bound, so it is refused before any decoding work.
    if header.len() > MAX_HEADER_BYTES / 3 * 4 + 4 {
        return false;
    }
    let limits = crate::json::JsonLimits {
        max_bytes: MAX_HEADER_BYTES,
        ..crate::json::JsonLimits::default()
    };
    crate::codec::Base64::UrlSafeNoPad
        .decode(header)
        .and_then(|h| crate::json::parse_bounded(&h, limits).ok())
        .is_some_and(|h| h.get("typ").and_then(Value::as_str) == Some(VC_JWT_TYP))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{Algorithm, SecretKey};
    use serde_json::json;

    fn credential() -> Value {
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "credentialSubject": {"id": "did:example:holder"}
        })
    }

    #[test]
    fn an_oversized_header_is_not_a_vc_jwt() {
        let typ = crate::codec::Base64::UrlSafeNoPad.encode(br#"{"typ":"vc+jwt"}"#);
        assert!(is_vc_jwt(&format!("{typ}.e30.sig")));
        let padded = format!(r#"{{"typ":"vc+jwt","x":"{}"}}"#, "a".repeat(5000));
        let long = crate::codec::Base64::UrlSafeNoPad.encode(padded.as_bytes());
        assert!(!is_vc_jwt(&format!("{long}.e30.sig")));
    }

    #[test]
    fn sign_decode_verify() {
        for alg in [Algorithm::Ed25519, Algorithm::P256] {
            let key = SecretKey::from_bytes(alg, &[7; 32]).unwrap();
            let token = sign(&credential(), "did:example:issuer#k1", &key).unwrap();
            assert!(is_vc_jwt(&token));
            let vc = VcJwt::decode(&token).unwrap();
            assert_eq!(vc.kid(), Some("did:example:issuer#k1"));
            assert_eq!(vc.issuer(), Some("did:example:issuer"));
            assert_eq!(vc.credential(), credential());
            vc.verify(&key.public_key()).unwrap();
            let other = SecretKey::from_bytes(alg, &[8; 32]).unwrap();
            assert_eq!(
                vc.verify(&other.public_key()).unwrap_err().code(),
                "invalid_signature"
            );
        }
    }

    #[test]
    fn refusals() {
        let key = SecretKey::from_bytes(Algorithm::Ed25519, &[7; 32]).unwrap();
        let mut with_proof = credential();
        with_proof["proof"] = json!({});
        assert_eq!(
            sign(&with_proof, "k", &key).unwrap_err().code(),
            "invalid_property"
        );
        let plain = jws::sign(Map::new(), &credential(), &key).unwrap();
        assert!(!is_vc_jwt(&plain));
        assert_eq!(
            VcJwt::decode(&plain).unwrap_err().code(),
            "vc_jwt_malformed"
        );
        assert_eq!(VcJwt::decode("a.b").unwrap_err().code(), "vc_jwt_malformed");
        let huge = "a".repeat(600 * 1024);
        assert_eq!(VcJwt::decode(&huge).unwrap_err().code(), "vc_jwt_malformed");
    }
}
