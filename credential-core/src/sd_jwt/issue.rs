//! Issuance of an SD-JWT VC (RFC 9901 §4.1–§4.2, draft-ietf-oauth-sd-jwt-vc §3).

use super::digest::HashAlg;
use super::disclosure::{Disclosure, ELLIPSIS, SD};
use super::jws;
use super::path::{ClaimPath, PathElement};
use super::status_list::StatusReference;
use super::SD_JWT_VC_TYP;
use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use crate::keys::{PublicKey, Signer};
use crate::model::Timestamp;
use rand_core::CryptoRngCore;
use serde_json::{Map, Value};

/// Decoy digests (RFC 9901 §4.2.5): added to each object that has selectively disclosable
/// members, so a verifier cannot count the undisclosed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoys {
    /// None.
    None,
    /// Exactly this many per object.
    Exactly(usize),
    /// A random number from 0 to this many per object (from the issuance RNG).
    UpTo(usize),
}

impl Default for Decoys {
    /// Up to 5 per object.
    fn default() -> Self {
        Decoys::UpTo(5)
    }
}

/// The registered claims and options of an issuance.
#[derive(Debug, Clone)]
pub struct IssueParams {
    /// `iss`.
    pub issuer: String,
    /// `vct`: the credential type.
    pub vct: String,
    /// `iat`.
    pub issued_at: Timestamp,
    /// `nbf`.
    pub not_before: Option<Timestamp>,
    /// `exp`.
    pub expires: Option<Timestamp>,
    /// The holder's key, written as `cnf.jwk`; needed for key binding.
    pub holder_key: Option<PublicKey>,
    /// The header's `kid`.
    pub kid: Option<String>,
    /// `status.status_list` (Token Status List).
    pub status: Option<StatusReference>,
    /// `_sd_alg`.
    pub hash: HashAlg,
    /// Decoy digests.
    pub decoys: Decoys,
    /// Random bytes per salt (at least 16: 128 bits, RFC 9901 §4.2.1).
    pub salt_bytes: usize,
}

impl IssueParams {
    /// An SD-JWT VC by `issuer` of type `vct` issued at `issued_at`: sha-256, 16-byte salts,
    /// up to 5 decoys per object, no holder key, no expiry.
    pub fn new(issuer: &str, vct: &str, issued_at: Timestamp) -> Self {
        IssueParams {
            issuer: issuer.to_owned(),
            vct: vct.to_owned(),
            issued_at,
            not_before: None,
            expires: None,
            holder_key: None,
            kid: None,
            status: None,
            hash: HashAlg::Sha256,
            decoys: Decoys::default(),
            salt_bytes: 16,
        }
    }
}

/// An issued SD-JWT VC.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The compact SD-JWT: `<JWT>~<D1>~…~<Dn>~`, every disclosure included.
    pub sd_jwt: String,
    /// The disclosures, each with the path of its claim.
    pub disclosures: Vec<(ClaimPath, Disclosure)>,
}

/// Decoys per object, at most: verifiers bound `_sd` arrays too.
const MAX_DECOYS: usize = 64;

/// Claims the issuer sets from [`IssueParams`]; a claim set may not carry them.
const REGISTERED: [&str; 9] = [
    "iss",
    "iat",
    "nbf",
    "exp",
    "cnf",
    "vct",
    "vct#integrity",
    "status",
    "_sd_alg",
];

/// Issues an SD-JWT VC of `claims`, making each claim that a pattern in `disclosable` names
/// selectively disclosable (nested ones inside disclosed ones: recursive disclosure). Salts and
/// decoys come from `rng`; the JWT is signed by `signer` (ES256, ES384 or EdDSA by its key).
pub fn issue(
    claims: &Map<String, Value>,
    disclosable: &[ClaimPath],
    params: &IssueParams,
    signer: &dyn Signer,
    rng: &mut dyn CryptoRngCore,
) -> Result<Issued> {
    if let Some(k) = REGISTERED.iter().find(|k| claims.contains_key(**k)) {
        return Err(Error::InvalidProperty {
            property: (*k).to_owned(),
            reason: "is set by the issuer from the issuance parameters".into(),
        });
    }
    if params.salt_bytes < 16 {
        return Err(Error::InvalidProperty {
            property: "salt_bytes".into(),
            reason: "salts need at least 128 bits".into(),
        });
    }
    if let Decoys::Exactly(n) | Decoys::UpTo(n) = params.decoys {
        if n > MAX_DECOYS {
            return Err(Error::InvalidProperty {
                property: "decoys".into(),
                reason: format!("at most {MAX_DECOYS} per object"),
            });
        }
    }
    let mut conceal = Conceal {
        patterns: disclosable,
        used: vec![false; disclosable.len()],
        params,
        rng,
        path: Vec::new(),
        out: Vec::new(),
    };
    let mut body = conceal.object(claims.clone())?;
    if let Some(i) = conceal.used.iter().position(|u| !u) {
        let p = &disclosable[i];
        if !p.0.contains(&PathElement::AllElements) {
            return Err(Error::InvalidProperty {
                property: p.to_string(),
                reason: "the disclosure policy names a claim the credential does not have".into(),
            });
        }
    }
    let disclosures = conceal.out;
    let mut payload = Map::new();
    payload.insert("iss".into(), params.issuer.clone().into());
    payload.insert("iat".into(), params.issued_at.0.into());
    if let Some(t) = params.not_before {
        payload.insert("nbf".into(), t.0.into());
    }
    if let Some(t) = params.expires {
        payload.insert("exp".into(), t.0.into());
    }
    payload.insert("vct".into(), params.vct.clone().into());
    payload.append(&mut body);
    if let Some(s) = &params.status {
        payload.insert("status".into(), s.to_json());
    }
    if let Some(k) = &params.holder_key {
        let mut cnf = Map::new();
        cnf.insert("jwk".into(), k.to_jwk());
        payload.insert("cnf".into(), Value::Object(cnf));
    }
    payload.insert("_sd_alg".into(), params.hash.name().into());
    let mut header = Map::new();
    header.insert("typ".into(), SD_JWT_VC_TYP.into());
    if let Some(kid) = &params.kid {
        header.insert("kid".into(), kid.clone().into());
    }
    let mut sd_jwt = jws::sign(header, &Value::Object(payload), signer)?;
    sd_jwt.push('~');
    for (_, d) in &disclosures {
        sd_jwt.push_str(d.encoded());
        sd_jwt.push('~');
    }
    Ok(Issued {
        sd_jwt,
        disclosures,
    })
}

struct Conceal<'a> {
    patterns: &'a [ClaimPath],
    used: Vec<bool>,
    params: &'a IssueParams,
    rng: &'a mut dyn CryptoRngCore,
    path: Vec<PathElement>,
    out: Vec<(ClaimPath, Disclosure)>,
}

impl Conceal<'_> {
    fn salt(&mut self) -> String {
        let mut bytes = vec![0u8; self.params.salt_bytes];
        self.rng.fill_bytes(&mut bytes);
        B64.encode(bytes)
    }

    fn disclosable(&mut self) -> bool {
        let mut any = false;
        for (i, p) in self.patterns.iter().enumerate() {
            if p.0.len() == self.path.len() && p.matches_prefix_of(&self.path) {
                self.used[i] = true;
                any = true;
            }
        }
        any
    }

    fn value(&mut self, v: Value) -> Result<Value> {
        match v {
            Value::Object(o) => self.object(o).map(Value::Object),
            Value::Array(a) => self.array(a).map(Value::Array),
            other => Ok(other),
        }
    }

    fn digest(&self, d: &Disclosure) -> Value {
        Value::String(d.digest(self.params.hash))
    }

    fn object(&mut self, o: Map<String, Value>) -> Result<Map<String, Value>> {
        let mut out = Map::new();
        let mut digests = Vec::new();
        for (k, v) in o {
            if k == SD || k == ELLIPSIS {
                return Err(Error::InvalidProperty {
                    property: k,
                    reason: "is reserved by SD-JWT".into(),
                });
            }
            self.path.push(PathElement::Key(k.clone()));
            let v = self.value(v)?;
            if self.disclosable() {
                let salt = self.salt();
                let d = Disclosure::object_member(salt, &k, v);
                digests.push(self.digest(&d));
                self.out.push((ClaimPath(self.path.clone()), d));
            } else {
                out.insert(k, v);
            }
            self.path.pop();
        }
        if !digests.is_empty() {
            let decoys = match self.params.decoys {
                Decoys::None => 0,
                Decoys::Exactly(n) => n,
                Decoys::UpTo(n) => {
                    let bound = u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1);
                    (self.rng.next_u32() % bound.max(1)) as usize
                }
            };
            for _ in 0..decoys {
                let salt = self.salt();
                digests.push(Value::String(self.params.hash.digest_b64(&salt)));
            }
            // Sorted, so the order says nothing of the claims' order (RFC 9901 §4.2.4.1).
            digests.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
            out.insert(SD.into(), Value::Array(digests));
        }
        Ok(out)
    }

    fn array(&mut self, a: Vec<Value>) -> Result<Vec<Value>> {
        let mut out = Vec::with_capacity(a.len());
        for (i, v) in a.into_iter().enumerate() {
            self.path.push(PathElement::Index(i));
            let v = self.value(v)?;
            if self.disclosable() {
                let salt = self.salt();
                let d = Disclosure::array_element(salt, v);
                let mut element = Map::new();
                element.insert(ELLIPSIS.into(), self.digest(&d));
                out.push(Value::Object(element));
                self.out.push((ClaimPath(self.path.clone()), d));
            } else {
                out.push(v);
            }
            self.path.pop();
        }
        Ok(out)
    }
}
