//! JSON Web Key (RFC 7517 / RFC 8037) import and export.

use super::{Algorithm, PublicKey, SecretKey};
use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use serde_json::{json, Map, Value};

fn member<'a>(jwk: &'a Map<String, Value>, name: &str) -> Result<&'a str> {
    jwk.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| Error::InvalidJwk(format!("missing string member {name:?}")))
}

fn b64(jwk: &Map<String, Value>, name: &str) -> Result<Vec<u8>> {
    let s = member(jwk, name)?;
    if s.len() > 128 {
        return Err(Error::InvalidJwk(format!("member {name:?} is too long")));
    }
    B64.decode(s).ok_or_else(|| {
        Error::InvalidJwk(format!("member {name:?} is not base64url without padding"))
    })
}

fn algorithm(jwk: &Map<String, Value>) -> Result<Algorithm> {
    match (member(jwk, "kty")?, member(jwk, "crv")?) {
        ("OKP", "Ed25519") => Ok(Algorithm::Ed25519),
        ("EC", "P-256") => Ok(Algorithm::P256),
        ("EC", "P-384") => Ok(Algorithm::P384),
        (kty, crv) => Err(Error::InvalidJwk(format!(
            "unsupported key type {kty}/{crv} (use OKP/Ed25519, EC/P-256 or EC/P-384)"
        ))),
    }
}

fn as_object(jwk: &Value) -> Result<&Map<String, Value>> {
    jwk.as_object()
        .ok_or_else(|| Error::InvalidJwk("a JWK is a JSON object".into()))
}

impl PublicKey {
    /// Reads a public JWK (private members, if present, are ignored).
    pub fn from_jwk(jwk: &Value) -> Result<Self> {
        let jwk = as_object(jwk)?;
        let alg = algorithm(jwk)?;
        let x = b64(jwk, "x")?;
        match alg {
            Algorithm::Ed25519 => PublicKey::from_bytes(alg, &x),
            _ => {
                let y = b64(jwk, "y")?;
                let len = if alg == Algorithm::P256 { 32 } else { 48 };
                if x.len() != len || y.len() != len {
                    return Err(Error::InvalidJwk(format!(
                        "x and y must be {len} bytes each"
                    )));
                }
                let mut sec1 = Vec::with_capacity(1 + 2 * len);
                sec1.push(4);
                sec1.extend(x);
                sec1.extend(y);
                PublicKey::from_bytes(alg, &sec1)
            }
        }
    }

    /// Writes the public JWK (members in RFC 7638 thumbprint order).
    pub fn to_jwk(&self) -> Value {
        match self {
            PublicKey::Ed25519(k) => {
                json!({"crv": "Ed25519", "kty": "OKP", "x": B64.encode(k.to_bytes())})
            }
            PublicKey::P256(k) => {
                let p = k.to_encoded_point(false);
                json!({"crv": "P-256", "kty": "EC",
                       "x": B64.encode(p.x().map(|x| &x[..]).unwrap_or_default()),
                       "y": B64.encode(p.y().map(|y| &y[..]).unwrap_or_default())})
            }
            #[cfg(feature = "p384")]
            PublicKey::P384(k) => {
                let p = k.to_encoded_point(false);
                json!({"crv": "P-384", "kty": "EC",
                       "x": B64.encode(p.x().map(|x| &x[..]).unwrap_or_default()),
                       "y": B64.encode(p.y().map(|y| &y[..]).unwrap_or_default())})
            }
            // Without the curve arithmetic, `y` is known only if the point was read uncompressed.
            #[cfg(not(feature = "p384"))]
            PublicKey::P384(k) => {
                let (x, y) = k.coordinates();
                let mut jwk = json!({"crv": "P-384", "kty": "EC", "x": B64.encode(x)});
                if let (Some(y), Some(o)) = (y, jwk.as_object_mut()) {
                    o.insert("y".into(), Value::String(B64.encode(y)));
                }
                jwk
            }
        }
    }
}

impl SecretKey {
    /// Reads a private JWK (with `d`) and checks that its public members match.
    pub fn from_jwk(jwk: &Value) -> Result<Self> {
        let obj = as_object(jwk)?;
        let alg = algorithm(obj)?;
        let d = zeroize::Zeroizing::new(b64(obj, "d")?);
        let key = SecretKey::from_bytes(alg, &d)?;
        if key.public_key() != PublicKey::from_jwk(jwk)? {
            return Err(Error::InvalidJwk(
                "the private key does not match the public members".into(),
            ));
        }
        Ok(key)
    }

    /// Writes the private JWK (contains the secret in `d`).
    pub fn to_jwk(&self) -> zeroize::Zeroizing<String> {
        let mut v = self.public_key().to_jwk();
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "d".into(),
                Value::String(B64.encode(self.to_bytes().as_slice())),
            );
        }
        let s = zeroize::Zeroizing::new(v.to_string());
        if let Some(Value::String(d)) = v.as_object_mut().and_then(|o| o.get_mut("d")) {
            zeroize::Zeroize::zeroize(d);
        }
        s
    }
}
