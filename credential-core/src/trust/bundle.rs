//! Parsing and checking a trust bundle. The bundle is plain JSON secured with a Data Integrity
//! proof using a JCS suite (`eddsa-jcs-2022` or `ecdsa-jcs-2019`) by a trust anchor's `did:key`.

use crate::did::{self, DidResolver, VerificationMethod};
use crate::error::{Error, Result};
use crate::keys::PublicKey;
use crate::model::Timestamp;
use crate::sd_jwt::status_list::StatusListToken;
use crate::status::{StatusList, StatusPurpose};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// The bundle's `type`.
pub const BUNDLE_TYPE: &str = "LaissezTrustBundle";

/// An issuer the anchor recognises.
#[derive(Debug, Clone)]
pub struct TrustedIssuer {
    /// The issuer's DID.
    pub id: String,
    /// Display name per language.
    pub name: BTreeMap<String, String>,
    /// Keys the issuer signs with.
    pub public_keys: Vec<PublicKey>,
    /// Credential types it may issue (e.g. `LegalIdentityCredential`).
    pub credential_types: Vec<String>,
    /// Country or jurisdiction (ICAO code or free text).
    pub jurisdiction: Option<String>,
    /// Start of recognition.
    pub valid_from: Option<Timestamp>,
    /// End of recognition.
    pub valid_until: Option<Timestamp>,
}

impl TrustedIssuer {
    /// The display name in `lang` (else English, else the first, else the DID).
    pub fn display_name(&self, lang: &str) -> &str {
        self.name
            .get(lang)
            .or_else(|| self.name.get("en"))
            .or_else(|| self.name.values().next())
            .map(String::as_str)
            .unwrap_or(&self.id)
    }
}

/// A status list taken from the bundle, verified when the bundle was loaded.
#[derive(Debug, Clone)]
pub struct VerifiedStatusList {
    /// Issuer of the list credential.
    pub issuer: String,
    /// Purpose of the list.
    pub purpose: StatusPurpose,
    /// The decoded bits.
    pub list: StatusList,
    /// When the list was issued (its `validFrom`).
    pub valid_from: Option<Timestamp>,
    /// When the list stops being usable (its `validUntil`).
    pub valid_until: Option<Timestamp>,
}

/// A Token Status List (`statuslist+jwt`) the bundle carries for SD-JWT VCs, verified when
/// the bundle was loaded.
#[derive(Debug, Clone)]
pub struct VerifiedStatusToken {
    /// The issuer whose key signed it (the bundle entry's `issuer`).
    pub issuer: String,
    /// The verified list.
    pub list: StatusListToken,
}

/// A loaded, signature-checked trust bundle.
#[derive(Debug)]
pub struct TrustBundle {
    /// The bundle's `id` (a URL or URN), when it has one.
    pub id: Option<String>,
    /// Monotonic version (rollback protection).
    pub version: u64,
    /// When the anchor issued it.
    pub issued: Timestamp,
    /// When a newer bundle should be loaded.
    pub next_update: Timestamp,
    /// The anchor key that signed it.
    pub anchor: PublicKey,
    /// Recognised issuers.
    pub issuers: Vec<TrustedIssuer>,
    pub(crate) status_lists: HashMap<String, std::result::Result<VerifiedStatusList, Error>>,
    pub(crate) status_tokens: HashMap<String, std::result::Result<VerifiedStatusToken, Error>>,
    did_documents: HashMap<String, Vec<(VerificationMethod, bool)>>,
    /// Extra contexts (URL, text, pinned SHA-256) the bundle carries.
    pub(crate) contexts: Vec<(String, String, String)>,
    /// The issuers of other credential formats (EU DCC signers, SMART Health Card issuers,
    /// Claim 169 issuers).
    #[cfg(feature = "other-formats")]
    pub formats: crate::formats::FormatTrust,
}

fn malformed(m: impl Into<String>) -> Error {
    Error::BundleMalformed(m.into())
}

fn str_member<'a>(o: &'a Map<String, Value>, name: &str) -> Result<&'a str> {
    o.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| malformed(format!("{name} must be a string")))
}

fn time_member(o: &Map<String, Value>, name: &str) -> Result<Option<Timestamp>> {
    match o.get(name) {
        None => Ok(None),
        Some(v) => v
            .as_str()
            .and_then(Timestamp::parse)
            .map(Some)
            .ok_or_else(|| malformed(format!("{name} must be a dateTimeStamp"))),
    }
}

fn array<'a>(o: &'a Map<String, Value>, name: &str) -> Result<&'a [Value]> {
    match o.get(name) {
        None => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(malformed(format!("{name} must be an array"))),
    }
}

impl TrustBundle {
    /// Parses the bundle body (after its proof was checked by the verifier).
    pub(crate) fn parse(doc: &Map<String, Value>, anchor: PublicKey) -> Result<TrustBundle> {
        if doc.get("type").and_then(Value::as_str) != Some(BUNDLE_TYPE) {
            return Err(malformed(format!("type must be {BUNDLE_TYPE}")));
        }
        let version = doc
            .get("version")
            .and_then(Value::as_u64)
            .ok_or_else(|| malformed("version must be a non-negative integer"))?;
        let issued = time_member(doc, "issued")?.ok_or_else(|| malformed("issued is required"))?;
        let next_update =
            time_member(doc, "nextUpdate")?.ok_or_else(|| malformed("nextUpdate is required"))?;
        let mut issuers = Vec::new();
        for item in array(doc, "issuers")? {
            let o = item
                .as_object()
                .ok_or_else(|| malformed("each issuer is an object"))?;
            let id = str_member(o, "id")?.to_owned();
            let name = match o.get("name") {
                Some(Value::String(s)) => BTreeMap::from([("en".to_owned(), s.clone())]),
                // Filled by `insert`: collecting into a BTreeMap would link one more instance
                // of the standard library's sort (crate::sort).
                Some(Value::Object(m)) => {
                    let mut names = BTreeMap::new();
                    for (k, v) in m {
                        if let Some(v) = v.as_str() {
                            names.insert(k.clone(), v.to_owned());
                        }
                    }
                    names
                }
                _ => BTreeMap::new(),
            };
            let public_keys = array(o, "publicKeys")?
                .iter()
                .map(|k| match k {
                    Value::String(mb) => PublicKey::from_multikey(mb),
                    jwk @ Value::Object(_) => PublicKey::from_jwk(jwk),
                    _ => Err(malformed("publicKeys holds Multikey strings or JWKs")),
                })
                .collect::<Result<Vec<_>>>()?;
            let credential_types = array(o, "credentialTypes")?
                .iter()
                .map(|t| {
                    t.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| malformed("credentialTypes holds strings"))
                })
                .collect::<Result<Vec<_>>>()?;
            issuers.push(TrustedIssuer {
                id,
                name,
                public_keys,
                credential_types,
                jurisdiction: o
                    .get("jurisdiction")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                valid_from: time_member(o, "validFrom")?,
                valid_until: time_member(o, "validUntil")?,
            });
        }
        let mut did_documents = HashMap::new();
        for d in array(doc, "didDocuments")? {
            let o = d
                .as_object()
                .ok_or_else(|| malformed("each DID document is an object"))?;
            let did_id = str_member(o, "id")?.to_owned();
            let assertion: Vec<&str> = array(o, "assertionMethod")?
                .iter()
                .filter_map(Value::as_str)
                .collect();
            let mut methods = Vec::new();
            for vm in array(o, "verificationMethod")? {
                let vm = vm
                    .as_object()
                    .ok_or_else(|| malformed("verificationMethod entries are objects"))?;
                let id = str_member(vm, "id")?;
                let id = if id.starts_with('#') {
                    format!("{did_id}{id}")
                } else {
                    id.to_owned()
                };
                let public_key = match (vm.get("publicKeyMultibase"), vm.get("publicKeyJwk")) {
                    (Some(Value::String(mb)), _) => PublicKey::from_multikey(mb)?,
                    (_, Some(jwk)) => PublicKey::from_jwk(jwk)?,
                    _ => return Err(malformed(format!("{id} has no public key"))),
                };
                let asserts = assertion.iter().any(|a| {
                    *a == id
                        || a.strip_prefix('#')
                            .is_some_and(|f| id.ends_with(&format!("#{f}")))
                });
                methods.push((
                    VerificationMethod {
                        id,
                        controller: did_id.clone(),
                        public_key,
                    },
                    asserts,
                ));
            }
            did_documents.insert(did_id, methods);
        }
        let mut contexts = Vec::new();
        for c in array(doc, "contexts")? {
            let o = c
                .as_object()
                .ok_or_else(|| malformed("each context entry is an object"))?;
            let url = str_member(o, "url")?.to_owned();
            let sha = str_member(o, "sha256")?.to_owned();
            let text = match o.get("document") {
                Some(Value::String(s)) => s.clone(),
                Some(v @ Value::Object(_)) => v.to_string(),
                _ => return Err(malformed("a context entry needs its document")),
            };
            contexts.push((url, text, sha));
        }
        let id = match doc.get("id") {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(malformed("id must be a string")),
        };
        Ok(TrustBundle {
            id,
            version,
            issued,
            next_update,
            anchor,
            issuers,
            status_lists: HashMap::new(),
            status_tokens: HashMap::new(),
            did_documents,
            contexts,
            #[cfg(feature = "other-formats")]
            formats: crate::formats::FormatTrust::parse(doc)?,
        })
    }

    /// The recognised issuer with DID `id`.
    pub fn issuer(&self, id: &str) -> Option<&TrustedIssuer> {
        self.issuers.iter().find(|i| i.id == id)
    }

    /// The status list published at `url`: `None` if the bundle has none, `Some(Err)` if the bundle
    /// has one that failed verification.
    pub fn status_list(
        &self,
        url: &str,
    ) -> Option<std::result::Result<&VerifiedStatusList, &Error>> {
        self.status_lists.get(url).map(|r| r.as_ref())
    }

    /// The Token Status List published at `uri` (its `sub`): `None` if the bundle has none,
    /// `Some(Err)` if the bundle has one that failed verification.
    pub fn status_token(
        &self,
        uri: &str,
    ) -> Option<std::result::Result<&VerifiedStatusToken, &Error>> {
        self.status_tokens.get(uri).map(|r| r.as_ref())
    }

    /// Verifies one `statusListTokens` entry (`{"uri", "issuer", "token"}`) with the keys of
    /// its issuer: the verification method the token's `kid` names, else the keys the bundle
    /// lists for the issuer. Returns the URI it is filed under and the outcome; an entry
    /// without a URI makes the bundle malformed.
    pub(crate) fn verify_status_token(
        &self,
        entry: &Value,
        now: Timestamp,
    ) -> Result<(String, std::result::Result<VerifiedStatusToken, Error>)> {
        let o = entry
            .as_object()
            .ok_or_else(|| malformed("each statusListTokens entry is an object"))?;
        let uri = str_member(o, "uri")?.to_owned();
        let outcome = (|| {
            let issuer = str_member(o, "issuer")?.to_owned();
            let token = str_member(o, "token")?;
            let limits = crate::sd_jwt::Limits {
                max_bytes: 4 * 1024 * 1024,
                ..Default::default()
            };
            let jws = crate::sd_jwt::jws::Jws::decode(token.trim(), &limits)?;
            let keys: Vec<PublicKey> = match jws.header.get("kid").and_then(Value::as_str) {
                Some(kid) if kid.starts_with("did:") => {
                    let vm = did::resolve(kid, Some(self))?;
                    if vm.controller != issuer {
                        return Err(Error::StatusListInvalid(format!(
                            "signed by {kid}, which is not a key of {issuer}"
                        )));
                    }
                    vec![vm.public_key]
                }
                _ => self
                    .issuer(&issuer)
                    .map(|i| i.public_keys.clone())
                    .unwrap_or_default(),
            };
            let mut last =
                Error::StatusListInvalid(format!("the bundle has no key of its issuer {issuer}"));
            for key in &keys {
                match StatusListToken::verify(token, key, now) {
                    Ok(list) if list.uri == uri => {
                        return Ok(VerifiedStatusToken { issuer, list });
                    }
                    Ok(list) => {
                        return Err(Error::StatusListInvalid(format!(
                            "the token's sub is {}, the entry's uri {uri}",
                            list.uri
                        )))
                    }
                    Err(e) => last = e,
                }
            }
            Err(last)
        })();
        Ok((uri, outcome))
    }

    /// Age of the bundle at `now`, in whole days.
    pub fn age_days(&self, now: Timestamp) -> i64 {
        (now.0 - self.issued.0).max(0) / 86_400
    }
}

impl DidResolver for TrustBundle {
    fn resolve(&self, id: &str) -> Result<Option<VerificationMethod>> {
        let Some(methods) = self.did_documents.get(did::did_of(id)) else {
            return Ok(None);
        };
        match methods.iter().find(|(vm, _)| vm.id == id) {
            Some((vm, true)) => Ok(Some(vm.clone())),
            Some((_, false)) => Err(Error::VerificationMethodNotFound(format!(
                "{id} is not an assertion method of its DID document"
            ))),
            None => Err(Error::VerificationMethodNotFound(format!(
                "{id} is not in the DID document carried by the trust bundle"
            ))),
        }
    }
}
