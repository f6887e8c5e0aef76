//! The holder's side (RFC 9901 §4.1, §7.2): read an issued SD-JWT, choose what to disclose,
//! bind the presentation to a verifier.

use super::disclosure::Disclosure;
use super::jws::Jws;
use super::kb_jwt::{self, KeyBindingInput};
use super::path::ClaimPath;
use super::serial;
use super::verify::Processed;
use super::{HashAlg, Limits};
use crate::error::{Error, Result};
use serde_json::{Map, Value};

/// An issued SD-JWT as the holder keeps it: the issuer-signed JWT and every disclosure, each
/// with the path of the claim it discloses.
///
/// Reading it checks the structure and the digests (every disclosure referenced once), not the
/// issuer's signature: a wallet checks that with [`verify`](super::verify()) on import.
#[derive(Debug, Clone)]
pub struct SdJwt {
    jwt: String,
    disclosures: Vec<(ClaimPath, Disclosure)>,
    claims: Map<String, Value>,
    hash: HashAlg,
}

impl SdJwt {
    /// Reads a compact SD-JWT (`<JWT>~<D1>~…~<Dn>~`; a KB-JWT, if any, is dropped).
    pub fn parse(input: &str) -> Result<Self> {
        let limits = Limits::default();
        let parts = serial::split(input, &limits)?;
        let jwt = parts.jwts[0].clone();
        let jws = Jws::decode(&jwt, &limits)?;
        let processed = Processed::new(jws.payload, &parts.disclosures, &limits)?;
        let mut applied = processed.disclosed;
        // Keep the issuer's order, not the order of discovery.
        applied.sort_by_key(|(_, i)| *i);
        let mut decoded: Vec<Option<Disclosure>> =
            processed.decoded.into_iter().map(Some).collect();
        let disclosures = applied
            .into_iter()
            .filter_map(|(path, i)| decoded[i].take().map(|d| (path, d)))
            .collect();
        let mut claims = processed.claims;
        claims.remove("_sd_alg");
        Ok(SdJwt {
            jwt,
            disclosures,
            claims,
            hash: processed.hash,
        })
    }

    /// Every claim, with all disclosures applied (what the holder may show).
    pub fn claims(&self) -> &Map<String, Value> {
        &self.claims
    }

    /// The paths of the selectively disclosable claims.
    pub fn disclosable(&self) -> impl Iterator<Item = &ClaimPath> {
        self.disclosures.iter().map(|(p, _)| p)
    }

    /// The disclosures, each with its claim path.
    pub fn disclosures(&self) -> &[(ClaimPath, Disclosure)] {
        &self.disclosures
    }

    /// A presentation disclosing the claims `select` names, and with `key_binding` a KB-JWT.
    ///
    /// A selected path discloses its claim with everything inside it, and every disclosable
    /// claim on the way to it (to show `["address", "locality"]`, the address object is
    /// disclosed too, without its other disclosable members). `null` in a path selects every
    /// array element. A selected path that matches no disclosable claim is an error unless it
    /// names an always-visible claim.
    pub fn present(
        &self,
        select: &[ClaimPath],
        key_binding: Option<&KeyBindingInput>,
    ) -> Result<String> {
        for s in select {
            let matched = self
                .disclosures
                .iter()
                .any(|(p, _)| s.matches_prefix_of(&p.0) || s.extends(&p.0));
            if !matched && !visible(&self.claims, s) {
                return Err(Error::InvalidProperty {
                    property: s.to_string(),
                    reason: "no such claim in this credential".into(),
                });
            }
        }
        let mut out = self.jwt.clone();
        out.push('~');
        for (path, d) in &self.disclosures {
            if select
                .iter()
                .any(|s| s.matches_prefix_of(&path.0) || s.extends(&path.0))
            {
                out.push_str(d.encoded());
                out.push('~');
            }
        }
        if let Some(kb) = key_binding {
            let jwt = kb_jwt::create(&out, self.hash, kb)?;
            out.push_str(&jwt);
        }
        Ok(out)
    }
}

/// The flattened JSON serialization (RFC 9901 §8.1) of a compact SD-JWT or SD-JWT+KB: the
/// disclosures and the KB-JWT go in the unprotected header. The KB-JWT's `sd_hash` is over the
/// compact form in both serializations, so it carries over unchanged.
pub fn to_flattened_json(compact: &str) -> Result<Value> {
    let parts = serial::split(compact, &Limits::default())?;
    let mut jws = parts.jwts[0].split('.');
    let (Some(protected), Some(payload), Some(signature)) = (jws.next(), jws.next(), jws.next())
    else {
        return Err(Error::SdJwtMalformed(
            "a JWT has three parts separated by '.'".into(),
        ));
    };
    let mut header = Map::new();
    header.insert(
        "disclosures".into(),
        Value::Array(parts.disclosures.into_iter().map(Value::String).collect()),
    );
    if let Some(kb) = parts.kb_jwt {
        header.insert("kb_jwt".into(), Value::String(kb));
    }
    let mut out = Map::new();
    out.insert("protected".into(), protected.into());
    out.insert("payload".into(), payload.into());
    out.insert("signature".into(), signature.into());
    out.insert("header".into(), Value::Object(header));
    Ok(Value::Object(out))
}

/// Whether the plain (not selectively disclosable) claims have something at `path` (indices
/// here are those of the fully disclosed arrays).
fn visible(claims: &Map<String, Value>, path: &ClaimPath) -> bool {
    use super::path::PathElement::{AllElements, Index, Key};
    let mut current: Vec<&Value> = Vec::new();
    let Some(Key(first)) = path.0.first() else {
        return false;
    };
    if let Some(v) = claims.get(first) {
        current.push(v);
    }
    for step in &path.0[1..] {
        current = current
            .into_iter()
            .flat_map(|v| -> Vec<&Value> {
                match (step, v) {
                    (Key(k), Value::Object(o)) => o.get(k).into_iter().collect(),
                    (Index(i), Value::Array(a)) => a.get(*i).into_iter().collect(),
                    (AllElements, Value::Array(a)) => a.iter().collect(),
                    _ => Vec::new(),
                }
            })
            .collect();
    }
    !current.is_empty()
}
