//! Laissez credentials in SD-JWT VC form (`specs/sd-jwt-vc.md`), and back.
//!
//! One credential, two securing mechanisms: a profile's credential (VC Data Model 2.0 JSON,
//! unsigned) becomes the claim set of an SD-JWT VC, and a verified SD-JWT VC becomes a credential
//! *view* that the verifier checks with the same profile schema, issuer and trust rules as a
//! Data Integrity credential.
//!
//! | credential | SD-JWT VC |
//! | --- | --- |
//! | `@context`, `type`, `credentialSchema` | `vct` (the profile's, [`Profile::vct`]) |
//! | `id` | `jti` |
//! | `issuer` (its id) | `iss` |
//! | `validFrom`, `validUntil` | `nbf`, `exp` |
//! | `credentialSubject.id` | `sub` |
//! | every other `credentialSubject` member | a top-level claim of the same name |
//! | `credentialStatus` | `status.status_list` (a Token Status List entry the issuer assigns) |
//!
//! The profile's selective claims (`disclosure.json`) are selectively disclosable, with
//! everything inside them disclosable on its own too (each array element and each member), so a
//! holder can show one vaccination of several, or one field of it.

use super::path::{ClaimPath, PathElement};
use crate::error::{Error, Result};
use crate::json::single;
use crate::jsonld::CONTEXT_V2;
use crate::model::Timestamp;
use crate::profiles::{Profile, Profiles};
use serde_json::{Map, Value};

/// A credential's SD-JWT VC claims and what of them is selectively disclosable.
#[derive(Debug, Clone, PartialEq)]
pub struct SdJwtClaims {
    /// `iss`.
    pub issuer: String,
    /// `vct`.
    pub vct: String,
    /// `nbf` (from `validFrom`).
    pub not_before: Option<Timestamp>,
    /// `exp` (from `validUntil`).
    pub expires: Option<Timestamp>,
    /// Every other claim (`jti`, `sub`, the subject's claims), for [`super::issue()`].
    pub claims: Map<String, Value>,
    /// The disclosable claims, for [`super::issue()`].
    pub disclosable: Vec<ClaimPath>,
}

impl SdJwtClaims {
    /// Issuance parameters with these registered claims, issued at `issued_at`; the caller adds
    /// the holder key, `kid` and status entry.
    pub fn issue_params(&self, issued_at: Timestamp) -> super::IssueParams {
        let mut p = super::IssueParams::new(&self.issuer, &self.vct, issued_at);
        p.not_before = self.not_before;
        p.expires = self.expires;
        p
    }
}

/// Members of a credential the SD-JWT VC form carries (the others are refused, not dropped).
const CARRIED: [&str; 9] = [
    "@context",
    "id",
    "type",
    "issuer",
    "validFrom",
    "validUntil",
    "credentialSchema",
    "credentialSubject",
    "credentialStatus",
];

fn unsupported(property: &str, reason: &str) -> Error {
    Error::InvalidProperty {
        property: property.to_owned(),
        reason: reason.to_owned(),
    }
}

fn time(credential: &Map<String, Value>, name: &str) -> Result<Option<Timestamp>> {
    match credential.get(name) {
        None => Ok(None),
        Some(v) => v
            .as_str()
            .and_then(Timestamp::parse)
            .map(Some)
            .ok_or_else(|| unsupported(name, "is not a dateTimeStamp")),
    }
}

/// The SD-JWT VC claims of `credential` (unsigned, of `profile`). `credentialStatus` is not
/// carried over: a Bitstring Status List entry has no meaning in a JWT; the issuer assigns a
/// Token Status List entry instead ([`super::IssueParams::status`]).
pub fn from_credential(credential: &Value, profile: &Profile) -> Result<SdJwtClaims> {
    let doc = credential
        .as_object()
        .ok_or_else(|| Error::MalformedDocument("a credential is a JSON object".into()))?;
    if let Some(k) = doc.keys().find(|k| !CARRIED.contains(&k.as_str())) {
        return Err(unsupported(k, "has no place in the SD-JWT VC form"));
    }
    let issuer = match doc.get("issuer") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(o)) => o
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| unsupported("issuer", "has no id"))?
            .to_owned(),
        _ => return Err(unsupported("issuer", "is required")),
    };
    let subject = doc
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or_else(|| unsupported("credentialSubject", "must be one object"))?;
    let mut claims = Map::new();
    if let Some(id) = doc.get("id") {
        claims.insert("jti".into(), id.clone());
    }
    for (k, v) in subject {
        let name = if k == "id" { "sub" } else { k.as_str() };
        if claims.contains_key(name) || RESERVED.contains(&name) {
            return Err(unsupported(
                k,
                "is a registered JWT claim name and cannot be a subject claim",
            ));
        }
        claims.insert(name.to_owned(), v.clone());
    }
    let rules = profile.disclosure()?;
    let mut disclosable = Vec::new();
    for pointer in rules.selective.iter().flat_map(|p| p.resolve(credential)) {
        if let Some(path) = claim_path(&pointer) {
            let value = credential.pointer(&pointer).unwrap_or(&Value::Null);
            everything_under(&path, value, &mut disclosable);
        }
    }
    disclosable.sort();
    disclosable.dedup();
    Ok(SdJwtClaims {
        issuer,
        vct: profile.vct().to_owned(),
        not_before: time(doc, "validFrom")?,
        expires: time(doc, "validUntil")?,
        claims,
        disclosable,
    })
}

/// Registered JWT and SD-JWT VC claim names a subject claim may not take.
const RESERVED: [&str; 11] = [
    "iss",
    "iat",
    "nbf",
    "exp",
    "cnf",
    "vct",
    "vct#integrity",
    "status",
    "_sd",
    "_sd_alg",
    "...",
];

/// `path` and, inside its value, every member and element at any depth.
fn everything_under(path: &ClaimPath, value: &Value, out: &mut Vec<ClaimPath>) {
    out.push(path.clone());
    match value {
        Value::Object(o) => {
            for (k, v) in o {
                everything_under(&path.clone().key(k), v, out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                everything_under(&path.clone().index(i), v, out);
            }
        }
        _ => {}
    }
}

/// The SD-JWT claim path of a JSON pointer into a credential (`/credentialSubject/vaccination/0/
/// vaccine` is `["vaccination", 0, "vaccine"]`); `None` for a pointer outside the subject's
/// claims (`/type`, `/issuer`, `/credentialSubject/id`: always visible in the SD-JWT VC form).
pub fn claim_path(pointer: &str) -> Option<ClaimPath> {
    let rest = pointer.strip_prefix("/credentialSubject/")?;
    let mut segments = rest
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"));
    let first = segments.next()?;
    if first == "id" || first.is_empty() {
        return None;
    }
    let mut path = ClaimPath::claim(&first);
    for s in segments {
        path = match s.parse::<usize>() {
            Ok(i) if !s.starts_with('+') && (s == "0" || !s.starts_with('0')) => path.index(i),
            _ => path.key(&s),
        };
    }
    Some(path)
}

/// The credential view of verified SD-JWT VC claims (`iss`, `vct`, … and the disclosed ones):
/// the credential a Data Integrity issuance of the same claims would show, without proof or
/// status. For a Laissez `vct`, with the profile's context, types and schema; for another `vct`,
/// the base context and the type `["VerifiableCredential", vct]`, so that a trust bundle can
/// authorise issuers for it by listing the `vct`.
pub fn to_credential(claims: &Map<String, Value>, profiles: &Profiles) -> Value {
    let vct = claims
        .get("vct")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let profile = profiles.by_vct(vct);
    let mut doc = Map::new();
    match profile {
        Some(p) => {
            doc.insert(
                "@context".into(),
                Value::from(vec![CONTEXT_V2, p.context_url()]),
            );
            if let Some(id) = claims.get("jti") {
                doc.insert("id".into(), id.clone());
            }
            doc.insert("type".into(), Value::from(p.types()));
        }
        None => {
            doc.insert("@context".into(), Value::from(vec![CONTEXT_V2]));
            if let Some(id) = claims.get("jti") {
                doc.insert("id".into(), id.clone());
            }
            doc.insert(
                "type".into(),
                Value::from(vec!["VerifiableCredential", vct]),
            );
        }
    }
    if let Some(iss) = claims.get("iss") {
        doc.insert("issuer".into(), iss.clone());
    }
    for (claim, member) in [("nbf", "validFrom"), ("exp", "validUntil")] {
        if let Some(t) = claims.get(claim).and_then(Value::as_i64) {
            doc.insert(member.into(), Timestamp(t).to_rfc3339().into());
        }
    }
    if let Some(p) = profile {
        doc.insert("credentialSchema".into(), {
            let mut schema = single("id", p.schema_url().into());
            schema["type"] = "JsonSchema".into();
            schema
        });
    }
    let mut subject = Map::new();
    for (k, v) in claims {
        match k.as_str() {
            "sub" => {
                subject.insert("id".into(), v.clone());
            }
            "iss" | "iat" | "nbf" | "exp" | "cnf" | "vct" | "vct#integrity" | "status" | "jti" => {}
            _ => {
                subject.insert(k.clone(), v.clone());
            }
        }
    }
    // Age claims shown: their context follows the profile's, as in a Data Integrity issuance.
    if let Some(age) = profile.and_then(Profile::age_claims) {
        if age.present_in(&subject) {
            if let Some(Value::Array(contexts)) = doc.get_mut("@context") {
                contexts.push(age.context_url().into());
            }
        }
    }
    // A portrait shown: its context comes last, as in a Data Integrity issuance.
    if let (Some(portrait), Some(_)) = (
        profile.and_then(Profile::portrait_context),
        subject.get("portrait"),
    ) {
        if let Some(Value::Array(contexts)) = doc.get_mut("@context") {
            contexts.push(portrait.into());
        }
    }
    doc.insert("credentialSubject".into(), Value::Object(subject));
    Value::Object(doc)
}

/// The SD-JWT claim paths of a holder's choice given as JSON pointers into the credential view
/// (a preset's pointers, or `--disclose` arguments). A pointer to an always-visible member is
/// skipped; a pointer that is not a claim of this form is an error.
pub fn claim_paths(pointers: &[String]) -> Result<Vec<ClaimPath>> {
    let mut out = Vec::new();
    for p in pointers {
        match claim_path(p) {
            Some(path) => out.push(path),
            None if ALWAYS_VISIBLE
                .iter()
                .any(|v| p == v || p.starts_with(&format!("{v}/"))) => {}
            None => {
                return Err(unsupported(
                    p,
                    "is not a claim of the credential (a JSON pointer under /credentialSubject/)",
                ))
            }
        }
    }
    Ok(out)
}

/// Pointers into the credential view whose members the SD-JWT VC always shows.
const ALWAYS_VISIBLE: [&str; 9] = [
    "/@context",
    "/id",
    "/type",
    "/issuer",
    "/validFrom",
    "/validUntil",
    "/credentialSchema",
    "/credentialStatus",
    "/credentialSubject/id",
];

/// The JSON pointer into the credential view of an SD-JWT claim path: the inverse of
/// [`claim_path`] (a report lists what an SD-JWT VC disclosed this way).
pub fn pointer_of(path: &ClaimPath) -> String {
    let mut out = String::from("/credentialSubject");
    for e in &path.0 {
        out.push('/');
        match e {
            PathElement::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
            PathElement::Index(i) => out.push_str(&i.to_string()),
            PathElement::AllElements => out.push('-'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_and_claim_paths_correspond() {
        for (pointer, path) in [
            (
                "/credentialSubject/givenName",
                ClaimPath::claim("givenName"),
            ),
            (
                "/credentialSubject/vaccination/0/vaccine",
                ClaimPath::claim("vaccination").index(0).key("vaccine"),
            ),
            (
                "/credentialSubject/a~1b/01",
                ClaimPath::claim("a/b").key("01"),
            ),
        ] {
            assert_eq!(claim_path(pointer), Some(path.clone()), "{pointer}");
            assert_eq!(pointer_of(&path), pointer);
        }
        for outside in [
            "/type",
            "/credentialSubject/id",
            "/credentialSubject",
            "/issuer",
        ] {
            assert_eq!(claim_path(outside), None, "{outside}");
        }
        assert!(
            claim_paths(&["/validUntil".into(), "/credentialSubject/id".into()])
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            claim_paths(&["/proof".into()]).unwrap_err().code(),
            "invalid_property"
        );
    }
}
