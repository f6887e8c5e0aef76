//! Verification of an SD-JWT or SD-JWT+KB (RFC 9901 §7.1–§7.3) and of the SD-JWT VC rules
//! (draft-ietf-oauth-sd-jwt-vc §3.2.2, §3.4).

use super::digest::{truncate, HashAlg};
use super::disclosure::{Disclosure, ELLIPSIS, SD};
use super::jws::{Jws, JwsAlg};
use super::kb_jwt::{self, KeyBinding};
use super::path::{ClaimPath, PathElement};
use super::serial::{self, Parts};
use super::{Limits, SD_JWT_VC_TYP, SD_JWT_VC_TYP_LEGACY};
use crate::error::{Error, Result};
use crate::keys::PublicKey;
use crate::model::Timestamp;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// What a verifier requires of a Key Binding JWT. Giving one makes key binding mandatory.
#[derive(Debug, Clone, Copy)]
pub struct KeyBindingCheck<'a> {
    /// The verifier's own identifier, which `aud` must equal.
    pub aud: &'a str,
    /// The challenge the verifier sent, which `nonce` must equal.
    pub nonce: &'a str,
    /// The oldest `iat` accepted, in seconds before `now`.
    pub max_age: u64,
}

/// How to verify: the issuer key (resolved by the caller, e.g. from the trust bundle by `kid`
/// or `iss`: see [`issuer_hint`]), the time, and the key binding requirements.
#[derive(Debug, Clone, Copy)]
pub struct VerifyParams<'a> {
    /// The key the issuer-signed JWT must verify with.
    pub issuer_key: &'a PublicKey,
    /// If given, the header's `kid` must equal it.
    pub expected_kid: Option<&'a str>,
    /// If given, the header's `typ` must equal it. [`VerifyParams::new`] sets `dc+sd-jwt`
    /// (`vc+sd-jwt` of earlier drafts is read as the same); `None` accepts any plain SD-JWT.
    pub expected_typ: Option<&'a str>,
    /// The current time: `exp`, `nbf`, `iat` and the KB-JWT's age are judged against it.
    pub now: Timestamp,
    /// Allowed clock skew, in seconds.
    pub leeway: u64,
    /// Key binding: `Some` requires a KB-JWT for this audience and nonce. With `None`, a KB-JWT
    /// that is present is still checked (signature, `sd_hash`), but not its audience or age.
    pub key_binding: Option<KeyBindingCheck<'a>>,
    /// Input bounds.
    pub limits: Limits,
}

impl<'a> VerifyParams<'a> {
    /// Verification of an SD-JWT VC (`typ` `dc+sd-jwt`) without key binding, with 60 seconds
    /// of clock skew and the default [`Limits`].
    pub fn new(issuer_key: &'a PublicKey, now: Timestamp) -> Self {
        VerifyParams {
            issuer_key,
            expected_kid: None,
            expected_typ: Some(SD_JWT_VC_TYP),
            now,
            leeway: 60,
            key_binding: None,
            limits: Limits::default(),
        }
    }
}

/// A verified SD-JWT: the processed payload and what was disclosed.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedSdJwt {
    /// The issuer-signed JWT's protected header (`alg`, `typ`, `kid`, …).
    pub header: Map<String, Value>,
    /// The processed payload (RFC 9901 §7.1): the always-visible claims and exactly the
    /// disclosed ones; no `_sd`, `...` or `_sd_alg`.
    pub claims: Map<String, Value>,
    /// The path of every disclosed claim, in the order met (array indices as issued).
    pub disclosed: Vec<ClaimPath>,
    /// The verified Key Binding JWT, if the presentation had one.
    pub key_binding: Option<KeyBinding>,
    /// The `_sd_alg` used.
    pub hash: HashAlg,
}

impl VerifiedSdJwt {
    /// `vct`, for an SD-JWT VC.
    pub fn vct(&self) -> Option<&str> {
        self.claims.get("vct").and_then(Value::as_str)
    }

    /// `iss`, if present.
    pub fn issuer(&self) -> Option<&str> {
        self.claims.get("iss").and_then(Value::as_str)
    }
}

/// What names the issuer's key, read before verification so the caller can resolve it (from the
/// trust bundle, by `iss` and `kid`). Nothing here is verified yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerHint {
    /// The header's `kid`, if a string.
    pub kid: Option<String>,
    /// The payload's `iss`, if a string.
    pub iss: Option<String>,
    /// The header's `typ`, if a string.
    pub typ: Option<String>,
    /// The header's `alg`.
    pub alg: JwsAlg,
}

/// Reads the [`IssuerHint`] of `input` (compact or JSON serialization), within the default
/// [`Limits`], without checking anything but its structure.
pub fn issuer_hint(input: &str) -> Result<IssuerHint> {
    let limits = Limits::default();
    let parts = serial::split(input, &limits)?;
    let jws = Jws::decode(&parts.jwts[0], &limits)?;
    let text =
        |m: &Map<String, Value>, k: &str| m.get(k).and_then(Value::as_str).map(str::to_owned);
    Ok(IssuerHint {
        kid: text(&jws.header, "kid"),
        iss: text(&jws.payload, "iss"),
        typ: text(&jws.header, "typ"),
        alg: jws.alg,
    })
}

/// Claims an SD-JWT VC never discloses selectively (draft-ietf-oauth-sd-jwt-vc §3.2.2).
const NEVER_DISCLOSED: [&str; 7] = ["iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status"];

/// Verifies `input` (compact `<JWT>~<D1>~…~<Dn>~[<KB-JWT>]`, or the JSON serialization).
pub fn verify(input: &str, params: &VerifyParams) -> Result<VerifiedSdJwt> {
    let limits = &params.limits;
    let parts = serial::split(input, limits)?;
    let jws = issuer_signed(&parts, params)?;
    let typ = jws.typ().map(str::to_owned);
    if let Some(expected) = params.expected_typ {
        let legacy = expected == SD_JWT_VC_TYP && typ.as_deref() == Some(SD_JWT_VC_TYP_LEGACY);
        if typ.as_deref() != Some(expected) && !legacy {
            return Err(Error::SdJwtMalformed(format!(
                "the JWT typ is {}, not {expected:?}",
                typ.as_deref()
                    .map_or("absent".into(), |t| format!("{:?}", truncate(t)))
            )));
        }
    }
    let is_vc = matches!(typ.as_deref(), Some(SD_JWT_VC_TYP | SD_JWT_VC_TYP_LEGACY));
    let Jws {
        header, payload, ..
    } = jws;
    let processed = Processed::new(payload, &parts.disclosures, limits)?;
    let Processed {
        mut claims,
        hash,
        disclosed,
        ..
    } = processed;
    let disclosed: Vec<ClaimPath> = disclosed.into_iter().map(|(p, _)| p).collect();
    if is_vc {
        check_vc(&claims, &disclosed)?;
    }
    check_times(&claims, params)?;
    let key_binding = match (&parts.kb_jwt, &params.key_binding) {
        (None, Some(_)) => return Err(Error::KeyBindingMissing),
        (None, None) => None,
        (Some(kb), check) => {
            let holder = holder_key(&claims)?;
            let sd_jwt = parts.sd_jwt_without_kb();
            Some(kb_jwt::verify(
                kb,
                &kb_jwt::Expected {
                    sd_jwt: &sd_jwt,
                    hash,
                    holder: &holder,
                    check: check.as_ref(),
                    now: params.now,
                    leeway: params.leeway,
                    limits,
                },
            )?)
        }
    };
    claims.remove("_sd_alg");
    Ok(VerifiedSdJwt {
        header,
        claims,
        disclosed,
        key_binding,
        hash,
    })
}

/// The issuer-signed JWT, decoded and its signature checked (for the general JSON
/// serialization: any one of its signatures by the issuer key).
fn issuer_signed(parts: &Parts, params: &VerifyParams) -> Result<Jws> {
    let mut last = Error::InvalidSignature;
    for jwt in &parts.jwts {
        let jws = Jws::decode(jwt, &params.limits)?;
        if let Some(kid) = params.expected_kid {
            let found = jws.header.get("kid").and_then(Value::as_str);
            if found != Some(kid) {
                last = Error::VerificationMethodNotFound(format!(
                    "the JWT names key {:?}, not {kid:?}",
                    found.map(truncate).unwrap_or_default()
                ));
                continue;
            }
        }
        match jws.verify(params.issuer_key) {
            Ok(()) => return Ok(jws),
            Err(e) => last = e,
        }
    }
    Err(last)
}

fn check_vc(claims: &Map<String, Value>, disclosed: &[ClaimPath]) -> Result<()> {
    if !matches!(claims.get("vct"), Some(Value::String(_))) {
        return Err(Error::SdJwtMalformed(
            "an SD-JWT VC needs a string \"vct\"".into(),
        ));
    }
    for p in disclosed {
        if let [PathElement::Key(k)] = p.0.as_slice() {
            if NEVER_DISCLOSED.contains(&k.as_str()) {
                return Err(Error::DisclosureInvalid(format!(
                    "{k:?} may not be selectively disclosed in an SD-JWT VC"
                )));
            }
        }
    }
    Ok(())
}

fn numeric_date(claims: &Map<String, Value>, name: &str) -> Result<Option<i64>> {
    match claims.get(name) {
        None => Ok(None),
        Some(v) => v
            .as_i64()
            .or_else(|| {
                v.as_f64()
                    .filter(|f| f.is_finite())
                    .map(|f| f.floor() as i64)
            })
            .map(Some)
            .ok_or_else(|| Error::SdJwtMalformed(format!("{name:?} is not a NumericDate"))),
    }
}

fn check_times(claims: &Map<String, Value>, params: &VerifyParams) -> Result<()> {
    let now = params.now.0;
    let skew = i64::try_from(params.leeway).unwrap_or(i64::MAX);
    if let Some(exp) = numeric_date(claims, "exp")? {
        if now.saturating_sub(skew) >= exp {
            return Err(Error::SdJwtExpired {
                date: Timestamp(exp).to_rfc3339(),
            });
        }
    }
    for name in ["nbf", "iat"] {
        if let Some(t) = numeric_date(claims, name)? {
            if now.saturating_add(skew) < t {
                return Err(Error::SdJwtNotYetValid {
                    date: Timestamp(t).to_rfc3339(),
                });
            }
        }
    }
    Ok(())
}

fn holder_key(claims: &Map<String, Value>) -> Result<PublicKey> {
    let jwk = claims
        .get("cnf")
        .and_then(|c| c.get("jwk"))
        .ok_or_else(|| {
            Error::KeyBindingInvalid("the credential has no holder key (cnf.jwk)".into())
        })?;
    PublicKey::from_jwk(jwk).map_err(|e| {
        Error::KeyBindingInvalid(format!(
            "the holder key (cnf.jwk) is unusable: {}",
            e.code()
        ))
    })
}

/// The processed payload (RFC 9901 §7.1 step 3–5), before the time and key binding checks.
pub(crate) struct Processed {
    /// The payload with every given disclosure applied; `_sd_alg` still present.
    pub claims: Map<String, Value>,
    /// `_sd_alg`.
    pub hash: HashAlg,
    /// Each disclosure applied: its claim path and its index among the disclosures given.
    pub disclosed: Vec<(ClaimPath, usize)>,
    /// The disclosures, decoded, in the order given.
    pub decoded: Vec<Disclosure>,
}

impl Processed {
    /// Applies `disclosures` to `payload`: each must be referenced exactly once, no digest may
    /// repeat, names must not collide. Work is linear in the input: every disclosure is decoded
    /// and hashed once, and applied at most once.
    pub fn new(
        payload: Map<String, Value>,
        disclosures: &[String],
        limits: &Limits,
    ) -> Result<Self> {
        let hash = match payload.get("_sd_alg") {
            None => HashAlg::Sha256,
            Some(Value::String(s)) => HashAlg::from_name(s)?,
            Some(_) => return Err(Error::SdJwtMalformed("\"_sd_alg\" is not a string".into())),
        };
        let mut by_digest = HashMap::with_capacity(disclosures.len());
        let mut decoded = Vec::with_capacity(disclosures.len());
        for (i, encoded) in disclosures.iter().enumerate() {
            let d = Disclosure::parse(encoded, limits)?;
            let digest = d.digest(hash);
            if by_digest.insert(digest.clone(), i).is_some() {
                return Err(Error::DisclosureDigestDuplicate(digest));
            }
            decoded.push(d);
        }
        let mut walk = Walk {
            disclosures: &decoded,
            by_digest,
            used: vec![false; decoded.len()],
            seen: HashSet::new(),
            disclosed: Vec::new(),
            path: Vec::new(),
            max_depth: limits.max_depth,
        };
        let claims = walk.object(payload, 0)?;
        if let Some(i) = walk.used.iter().position(|u| !u) {
            return Err(Error::DisclosureNotReferenced(decoded[i].digest(hash)));
        }
        let disclosed = walk.disclosed;
        Ok(Processed {
            claims,
            hash,
            disclosed,
            decoded,
        })
    }
}

struct Walk<'a> {
    disclosures: &'a [Disclosure],
    by_digest: HashMap<String, usize>,
    used: Vec<bool>,
    seen: HashSet<String>,
    disclosed: Vec<(ClaimPath, usize)>,
    path: Vec<PathElement>,
    max_depth: usize,
}

impl Walk<'_> {
    /// The disclosure a digest names, if given; every digest may be met once only.
    fn see(&mut self, digest: &Value) -> Result<Option<usize>> {
        let Value::String(digest) = digest else {
            return Err(Error::SdJwtMalformed("a digest is not a string".into()));
        };
        if !self.seen.insert(digest.clone()) {
            return Err(Error::DisclosureDigestDuplicate(truncate(digest)));
        }
        Ok(self.by_digest.get(digest).copied())
    }

    /// Records disclosure `i` as applied at the current path.
    fn record(&mut self, i: usize) {
        self.used[i] = true;
        self.disclosed.push((ClaimPath(self.path.clone()), i));
    }

    fn value(&mut self, v: Value, depth: usize) -> Result<Value> {
        if depth > self.max_depth {
            return Err(Error::JsonTooDeep {
                max: self.max_depth,
            });
        }
        match v {
            Value::Object(o) => self.object(o, depth).map(Value::Object),
            Value::Array(a) => self.array(a, depth).map(Value::Array),
            other => Ok(other),
        }
    }

    fn object(&mut self, mut o: Map<String, Value>, depth: usize) -> Result<Map<String, Value>> {
        let sd = o.remove(SD);
        let mut out = Map::with_capacity(o.len());
        for (k, v) in o {
            self.path.push(PathElement::Key(k.clone()));
            let v = self.value(v, depth + 1)?;
            self.path.pop();
            out.insert(k, v);
        }
        let Some(sd) = sd else { return Ok(out) };
        let Value::Array(digests) = sd else {
            return Err(Error::SdJwtMalformed("\"_sd\" is not an array".into()));
        };
        for digest in &digests {
            let Some(i) = self.see(digest)? else {
                continue;
            };
            let disclosures = self.disclosures;
            let d = &disclosures[i];
            let Some(name) = d.name() else {
                return Err(Error::DisclosureInvalid(
                    "an array element's disclosure is referenced from an object's \"_sd\"".into(),
                ));
            };
            if out.contains_key(name) {
                return Err(Error::DisclosureInvalid(format!(
                    "the claim {:?} is already present",
                    truncate(name)
                )));
            }
            self.path.push(PathElement::Key(name.to_owned()));
            self.record(i);
            let v = self.value(d.value().clone(), depth + 1)?;
            self.path.pop();
            out.insert(name.to_owned(), v);
        }
        Ok(out)
    }

    fn array(&mut self, a: Vec<Value>, depth: usize) -> Result<Vec<Value>> {
        let mut out = Vec::with_capacity(a.len());
        for (index, element) in a.into_iter().enumerate() {
            self.path.push(PathElement::Index(index));
            match element {
                Value::Object(o) if o.len() == 1 && o.contains_key(ELLIPSIS) => {
                    let digest = &o[ELLIPSIS];
                    if let Some(i) = self.see(digest)? {
                        let disclosures = self.disclosures;
                        let d = &disclosures[i];
                        if d.name().is_some() {
                            return Err(Error::DisclosureInvalid(
                                "an object member's disclosure is referenced from an array".into(),
                            ));
                        }
                        self.record(i);
                        out.push(self.value(d.value().clone(), depth + 1)?);
                    }
                }
                other => out.push(self.value(other, depth + 1)?),
            }
            self.path.pop();
        }
        Ok(out)
    }
}
