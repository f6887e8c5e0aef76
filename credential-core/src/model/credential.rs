//! Verifiable Credentials: a view over the JSON object, with the data model's structural checks.

use super::datetime::Timestamp;
use super::values::{is_url, one_or_many, strings, LanguageValue};
use crate::error::{Error, Result};
use crate::jsonld::{CONTEXT_V1, CONTEXT_V2};
use serde_json::{Map, Value};

/// Which data model a document follows, from its first `@context` item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataModelVersion {
    /// VC Data Model 1.1 (`issuanceDate` / `expirationDate`): read and verified, never issued.
    V1_1,
    /// VC Data Model 2.0 (`validFrom` / `validUntil`).
    V2_0,
}

impl std::fmt::Display for DataModelVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DataModelVersion::V1_1 => "VC Data Model 1.1",
            DataModelVersion::V2_0 => "VC Data Model 2.0",
        })
    }
}

/// The issuer: a URL, or an object with an `id` URL and optional `name` / `description`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// The issuer's URL (usually a DID).
    pub id: String,
    /// Display name, plain or per language.
    pub name: Option<LanguageValue>,
    /// Description, plain or per language.
    pub description: Option<LanguageValue>,
}

/// A Verifiable Credential (secured or not). Holds the whole JSON object; extensions survive.
#[derive(Debug, Clone, PartialEq)]
pub struct Credential {
    doc: Map<String, Value>,
}

/// Properties whose value is one object or an array of objects, each needing a `type`.
const TYPED_OBJECTS: &[&str] = &[
    "credentialStatus",
    "credentialSchema",
    "evidence",
    "termsOfUse",
    "refreshService",
    "renderMethod",
];

impl Credential {
    /// Wraps a JSON value (no validation; call [`Credential::validate`]).
    pub fn from_json(value: Value) -> Result<Self> {
        match value {
            Value::Object(doc) => Ok(Credential { doc }),
            _ => Err(Error::MalformedDocument(
                "a credential is a JSON object".into(),
            )),
        }
    }

    /// The JSON object.
    pub fn as_json(&self) -> &Map<String, Value> {
        &self.doc
    }

    /// The JSON object, mutably (for builders; re-validate after changes).
    pub fn as_json_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.doc
    }

    /// The JSON value.
    pub fn into_json(self) -> Value {
        Value::Object(self.doc)
    }

    /// The data model version, from the first `@context` item.
    pub fn version(&self) -> Result<DataModelVersion> {
        let first = match self.doc.get("@context") {
            Some(Value::Array(a)) => a.first().and_then(Value::as_str),
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => None,
            None => return Err(Error::InvalidContext("@context is missing".into())),
        };
        match first {
            Some(CONTEXT_V2) => Ok(DataModelVersion::V2_0),
            Some(CONTEXT_V1) => Ok(DataModelVersion::V1_1),
            Some(other) => Err(Error::InvalidContext(format!(
                "the first @context item must be {CONTEXT_V2}, found {other}"
            ))),
            None => Err(Error::InvalidContext(format!(
                "@context must be an array whose first item is {CONTEXT_V2}"
            ))),
        }
    }

    /// The `id`, if any.
    pub fn id(&self) -> Option<&str> {
        self.doc.get("id").and_then(Value::as_str)
    }

    /// The `type` values.
    pub fn types(&self) -> Vec<&str> {
        strings(self.doc.get("type"))
    }

    /// The issuer.
    pub fn issuer(&self) -> Result<Issuer> {
        match self.doc.get("issuer") {
            Some(Value::String(id)) if is_url(id) => Ok(Issuer {
                id: id.clone(),
                name: None,
                description: None,
            }),
            Some(Value::Object(o)) => {
                let id = o
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|s| is_url(s))
                    .ok_or_else(|| Error::InvalidIssuer("issuer object needs an id URL".into()))?;
                Ok(Issuer {
                    id: id.to_owned(),
                    name: o
                        .get("name")
                        .map(|v| LanguageValue::from_json("issuer.name", v))
                        .transpose()?,
                    description: o
                        .get("description")
                        .map(|v| LanguageValue::from_json("issuer.description", v))
                        .transpose()?,
                })
            }
            Some(_) => Err(Error::InvalidIssuer(
                "issuer must be a URL or an object with an id URL".into(),
            )),
            None => Err(Error::InvalidIssuer("issuer is missing".into())),
        }
    }

    /// The credential subjects (one or more objects).
    pub fn subjects(&self) -> Vec<&Map<String, Value>> {
        self.doc
            .get("credentialSubject")
            .map(one_or_many)
            .unwrap_or_default()
            .into_iter()
            .filter_map(Value::as_object)
            .collect()
    }

    /// `name`, plain or per language.
    pub fn name(&self) -> Option<LanguageValue> {
        self.doc
            .get("name")
            .and_then(|v| LanguageValue::from_json("name", v).ok())
    }

    /// `description`, plain or per language.
    pub fn description(&self) -> Option<LanguageValue> {
        self.doc
            .get("description")
            .and_then(|v| LanguageValue::from_json("description", v).ok())
    }

    /// Start of validity: `validFrom` (2.0) or `issuanceDate` (1.1).
    pub fn valid_from(&self) -> Result<Option<Timestamp>> {
        self.date_property(match self.version()? {
            DataModelVersion::V2_0 => "validFrom",
            DataModelVersion::V1_1 => "issuanceDate",
        })
    }

    /// End of validity: `validUntil` (2.0) or `expirationDate` (1.1).
    pub fn valid_until(&self) -> Result<Option<Timestamp>> {
        self.date_property(match self.version()? {
            DataModelVersion::V2_0 => "validUntil",
            DataModelVersion::V1_1 => "expirationDate",
        })
    }

    fn date_property(&self, name: &str) -> Result<Option<Timestamp>> {
        match self.doc.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => {
                let parsed = if name == "issuanceDate" || name == "expirationDate" {
                    Timestamp::parse_lenient(s)
                } else {
                    Timestamp::parse(s)
                };
                parsed.map(Some).ok_or_else(|| Error::InvalidDate {
                    property: name.to_owned(),
                    value: s.clone(),
                })
            }
            Some(other) => Err(Error::InvalidDate {
                property: name.to_owned(),
                value: other.to_string(),
            }),
        }
    }

    /// The `proof` value(s), if any.
    pub fn proofs(&self) -> Vec<&Map<String, Value>> {
        self.doc
            .get("proof")
            .map(one_or_many)
            .unwrap_or_default()
            .into_iter()
            .filter_map(Value::as_object)
            .collect()
    }

    /// A copy without `proof` (the unsecured document).
    pub fn without_proof(&self) -> Map<String, Value> {
        let mut doc = self.doc.clone();
        doc.remove("proof");
        doc
    }

    /// Checks the data model's structural MUSTs (VC 2.0 §4, or 1.1 for 1.1 documents).
    pub fn validate(&self) -> Result<DataModelVersion> {
        let version = self.version()?;
        check_context_items(&self.doc)?;
        if let Some(id) = self.doc.get("id") {
            require_url("id", id)?;
        }
        let types = self.types();
        if !types.contains(&"VerifiableCredential") {
            return Err(Error::InvalidType(
                "type must include VerifiableCredential".into(),
            ));
        }
        if matches!(self.doc.get("type"), Some(Value::Array(a)) if a.iter().any(|t| !t.is_string()))
        {
            return Err(Error::InvalidType("every type must be a string".into()));
        }
        self.issuer()?;
        let subject = self.doc.get("credentialSubject").ok_or_else(|| {
            Error::InvalidCredentialSubject("credentialSubject is missing".into())
        })?;
        let items = one_or_many(subject);
        if items.is_empty() || items.iter().any(|s| !s.is_object()) {
            return Err(Error::InvalidCredentialSubject(
                "credentialSubject must be an object or a non-empty array of objects".into(),
            ));
        }
        for s in &items {
            if let Some(id) = s.get("id") {
                require_url("credentialSubject.id", id)?;
            }
        }
        match version {
            DataModelVersion::V2_0 => {
                for legacy in ["issuanceDate", "expirationDate"] {
                    if self.doc.contains_key(legacy) {
                        return Err(Error::InvalidProperty {
                            property: legacy.into(),
                            reason: "is VC 1.1; a VC 2.0 credential uses validFrom / validUntil"
                                .into(),
                        });
                    }
                }
            }
            DataModelVersion::V1_1 => {
                if !self.doc.contains_key("issuanceDate") {
                    return Err(Error::InvalidDate {
                        property: "issuanceDate".into(),
                        value: "(missing)".into(),
                    });
                }
            }
        }
        let from = self.valid_from()?;
        let until = self.valid_until()?;
        if let (Some(f), Some(u)) = (from, until) {
            if u < f {
                return Err(Error::InvalidProperty {
                    property: "validUntil".into(),
                    reason: "is before validFrom".into(),
                });
            }
        }
        for key in ["name", "description"] {
            if let Some(v) = self.doc.get(key) {
                LanguageValue::from_json(key, v)?;
            }
        }
        for key in TYPED_OBJECTS {
            if let Some(v) = self.doc.get(*key) {
                check_typed_objects(key, v)?;
            }
        }
        for s in one_or_many(self.doc.get("credentialSchema").unwrap_or(&Value::Null)) {
            if !s.is_null() {
                require_url("credentialSchema.id", s.get("id").unwrap_or(&Value::Null))?;
            }
        }
        Ok(version)
    }
}

/// Every `@context` item must be a URL string or an object (VC 2.0 §4.3).
pub(crate) fn check_context_items(doc: &Map<String, Value>) -> Result<()> {
    match doc.get("@context") {
        Some(Value::Array(items)) => {
            for item in items {
                match item {
                    Value::String(s) if is_url(s) => {}
                    Value::Object(_) => {}
                    _ => {
                        return Err(Error::InvalidContext(
                            "every @context item must be a URL or an object".into(),
                        ))
                    }
                }
            }
            Ok(())
        }
        Some(Value::String(_)) => Ok(()),
        _ => Err(Error::InvalidContext("@context must be an array".into())),
    }
}

fn require_url(property: &str, v: &Value) -> Result<()> {
    match v.as_str() {
        Some(s) if is_url(s) => Ok(()),
        _ => Err(Error::InvalidUrl {
            property: property.to_owned(),
            value: v.to_string(),
        }),
    }
}

fn check_typed_objects(property: &str, v: &Value) -> Result<()> {
    let items = one_or_many(v);
    for item in items {
        let Some(o) = item.as_object() else {
            return Err(Error::InvalidProperty {
                property: property.to_owned(),
                reason: "must be an object or an array of objects".into(),
            });
        };
        if o.get("type").is_none() {
            return Err(Error::InvalidProperty {
                property: property.to_owned(),
                reason: "each item needs a type".into(),
            });
        }
        if let Some(id) = o.get("id") {
            require_url(&format!("{property}.id"), id)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn base() -> Value {
        json!({
            "@context": [CONTEXT_V2],
            "type": ["VerifiableCredential"],
            "issuer": {"id": "did:example:1", "name": [{"@value": "Registre", "@language": "fr"}]},
            "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:2"},
            "x-extension": {"kept": [1, 2.5, "three"]}
        })
    }

    fn code_with(f: impl FnOnce(&mut Map<String, Value>)) -> &'static str {
        let mut c = Credential::from_json(base()).unwrap();
        f(c.as_json_mut());
        match c.validate() {
            Ok(_) => "ok",
            Err(e) => e.code(),
        }
    }

    #[test]
    fn each_must_has_its_own_code() {
        assert_eq!(code_with(|_| {}), "ok");
        assert_eq!(
            code_with(|d| {
                d.remove("@context");
            }),
            "invalid_context"
        );
        assert_eq!(
            code_with(|d| {
                d.insert(
                    "@context".into(),
                    json!(["https://example.org/x", CONTEXT_V2]),
                );
            }),
            "invalid_context"
        );
        assert_eq!(
            code_with(|d| {
                d.insert("type".into(), json!(["Foo"]));
            }),
            "invalid_type"
        );
        assert_eq!(
            code_with(|d| {
                d.insert("issuer".into(), json!("not a url"));
            }),
            "invalid_issuer"
        );
        assert_eq!(
            code_with(|d| {
                d.remove("credentialSubject");
            }),
            "invalid_credential_subject"
        );
        assert_eq!(
            code_with(|d| {
                d.insert("credentialSubject".into(), json!([]));
            }),
            "invalid_credential_subject"
        );
        assert_eq!(
            code_with(|d| {
                d.insert("validFrom".into(), json!("2024-01-01"));
            }),
            "invalid_date"
        );
        assert_eq!(
            code_with(|d| {
                d.insert("id".into(), json!("no scheme"));
            }),
            "invalid_url"
        );
        assert_eq!(
            code_with(|d| {
                d.insert("credentialStatus".into(), json!({"id": "urn:x"}));
            }),
            "invalid_property"
        );
        assert_eq!(
            code_with(|d| {
                d.insert("issuanceDate".into(), json!("2024-01-01T00:00:00Z"));
            }),
            "invalid_property"
        );
        assert_eq!(
            code_with(|d| {
                d.insert("validUntil".into(), json!("2023-01-01T00:00:00Z"));
            }),
            "invalid_property"
        );
    }

    #[test]
    fn extensions_survive_round_trip() {
        let c = Credential::from_json(base()).unwrap();
        let text = serde_json::to_string(&c.clone().into_json()).unwrap();
        let back = Credential::from_json(serde_json::from_str(&text).unwrap()).unwrap();
        assert_eq!(back, c);
        assert_eq!(
            back.as_json()["x-extension"],
            json!({"kept": [1, 2.5, "three"]})
        );
        assert_eq!(c.issuer().unwrap().name.unwrap().best("fr"), "Registre");
    }

    #[test]
    fn reads_vc_1_1() {
        let c = Credential::from_json(json!({
            "@context": [CONTEXT_V1],
            "type": ["VerifiableCredential"],
            "issuer": "did:example:1",
            "issuanceDate": "2020-01-01T00:00:00Z",
            "expirationDate": "2030-01-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:2"}
        }))
        .unwrap();
        assert_eq!(c.validate().unwrap(), DataModelVersion::V1_1);
        assert_eq!(
            c.valid_until().unwrap().unwrap().to_rfc3339(),
            "2030-01-01T00:00:00Z"
        );
    }
}
