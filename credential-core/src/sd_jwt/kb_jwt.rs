//! Key Binding JWTs (RFC 9901 §4.3): the holder's proof of possession of the `cnf` key, bound
//! to one verifier (`aud`), one transaction (`nonce`), one moment (`iat`) and one presentation
//! (`sd_hash`).

use super::digest::{truncate, HashAlg};
use super::jws::{self, Jws};
use super::verify::KeyBindingCheck;
use super::{Limits, KB_JWT_TYP};
use crate::error::{Error, Result};
use crate::keys::{PublicKey, Signer};
use crate::model::Timestamp;
use serde_json::{json, Map, Value};

/// What the holder needs to bind a presentation.
pub struct KeyBindingInput<'a> {
    /// The holder's key: the one in the credential's `cnf`.
    pub signer: &'a dyn Signer,
    /// The verifier (`aud`).
    pub aud: &'a str,
    /// The verifier's challenge (`nonce`).
    pub nonce: &'a str,
    /// The time of presentation (`iat`).
    pub iat: Timestamp,
}

/// A verified Key Binding JWT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    /// Its `aud`.
    pub aud: String,
    /// Its `nonce`.
    pub nonce: String,
    /// Its `iat`.
    pub iat: Timestamp,
}

/// Signs a KB-JWT over `sd_jwt` (`<JWT>~<D1>~…~<Dn>~`).
pub(crate) fn create(sd_jwt: &str, hash: HashAlg, input: &KeyBindingInput) -> Result<String> {
    let mut header = Map::new();
    header.insert("typ".into(), Value::String(KB_JWT_TYP.into()));
    let payload = json!({
        "iat": input.iat.0,
        "aud": input.aud,
        "nonce": input.nonce,
        "sd_hash": hash.digest_b64(sd_jwt),
    });
    jws::sign(header, &payload, input.signer)
}

fn invalid(m: impl Into<String>) -> Error {
    Error::KeyBindingInvalid(m.into())
}

/// What a KB-JWT is checked against.
pub(crate) struct Expected<'a> {
    /// `<JWT>~<D1>~…~<Dn>~` as presented.
    pub sd_jwt: &'a str,
    /// The credential's `_sd_alg`.
    pub hash: HashAlg,
    /// The key in the credential's `cnf`.
    pub holder: &'a PublicKey,
    /// The verifier's audience, nonce and freshness window, if key binding is required.
    pub check: Option<&'a KeyBindingCheck<'a>>,
    /// The current time.
    pub now: Timestamp,
    /// Allowed clock skew in seconds.
    pub leeway: u64,
    /// Input bounds.
    pub limits: &'a Limits,
}

/// Verifies `kb` (RFC 9901 §7.3): type, signature by the holder key, `sd_hash`, and, when a
/// check is given, `aud`, `nonce` and age. `iat` may never be in the future beyond the leeway.
pub(crate) fn verify(kb: &str, e: &Expected) -> Result<KeyBinding> {
    let (sd_jwt, hash, holder, check, now, leeway, limits) = (
        e.sd_jwt, e.hash, e.holder, e.check, e.now, e.leeway, e.limits,
    );
    let jws = Jws::decode(kb, limits).map_err(|e| match e {
        Error::SdJwtMalformed(m) => invalid(m),
        other => other,
    })?;
    if jws.typ() != Some(KB_JWT_TYP) {
        return Err(invalid(format!("its typ is not {KB_JWT_TYP:?}")));
    }
    jws.verify(holder).map_err(|e| match e {
        Error::InvalidSignature => invalid("it is not signed by the holder key (cnf)"),
        Error::KeyTypeMismatch(m) => invalid(m),
        other => other,
    })?;
    let text = |name: &str| -> Result<String> {
        match jws.payload.get(name) {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(invalid(format!("no string {name:?}"))),
        }
    };
    let sd_hash = text("sd_hash")?;
    let nonce = text("nonce")?;
    let aud = text("aud")?;
    let iat = jws
        .payload
        .get("iat")
        .and_then(Value::as_i64)
        .ok_or_else(|| invalid("no integer \"iat\""))?;
    let expected_hash = hash.digest_b64(sd_jwt);
    if sd_hash != expected_hash {
        return Err(Error::KeyBindingMismatch {
            claim: "sd_hash".into(),
            expected: expected_hash,
            found: truncate(&sd_hash),
        });
    }
    if iat > now.0.saturating_add_unsigned(leeway) {
        return Err(invalid(format!(
            "its iat is {} seconds in the future",
            iat - now.0
        )));
    }
    if let Some(check) = check {
        for (claim, expected, found) in [("aud", check.aud, &aud), ("nonce", check.nonce, &nonce)] {
            if expected != found {
                return Err(Error::KeyBindingMismatch {
                    claim: claim.into(),
                    expected: expected.to_owned(),
                    found: truncate(found),
                });
            }
        }
        let age = now.0.saturating_sub(iat).max(0).unsigned_abs();
        if age > check.max_age {
            return Err(Error::KeyBindingStale {
                age,
                max: check.max_age,
            });
        }
    }
    Ok(KeyBinding {
        aud,
        nonce,
        iat: Timestamp(iat),
    })
}
