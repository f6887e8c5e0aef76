//! Verifiable Presentations.

use super::credential::{check_context_items, Credential};
use super::values::{is_url, one_or_many, strings};
use crate::error::{Error, Result};
use crate::jsonld::{CONTEXT_V1, CONTEXT_V2};
use serde_json::{Map, Value};

/// A Verifiable Presentation: a holder's envelope around credentials, bound to a verifier by the
/// proof's `challenge` and `domain`.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    doc: Map<String, Value>,
}

impl Presentation {
    /// Wraps a JSON value (no validation; call [`Presentation::validate`]).
    pub fn from_json(value: Value) -> Result<Self> {
        match value {
            Value::Object(doc) => Ok(Presentation { doc }),
            _ => Err(Error::MalformedDocument(
                "a presentation is a JSON object".into(),
            )),
        }
    }

    /// The JSON object.
    pub fn as_json(&self) -> &Map<String, Value> {
        &self.doc
    }

    /// The JSON value.
    pub fn into_json(self) -> Value {
        Value::Object(self.doc)
    }

    /// The `holder` URL (string or object `id`).
    pub fn holder(&self) -> Option<&str> {
        match self.doc.get("holder") {
            Some(Value::String(s)) => Some(s),
            Some(Value::Object(o)) => o.get("id").and_then(Value::as_str),
            _ => None,
        }
    }

    /// The embedded credentials (`verifiableCredential`).
    pub fn credentials(&self) -> Result<Vec<Credential>> {
        self.doc
            .get("verifiableCredential")
            .map(one_or_many)
            .unwrap_or_default()
            .into_iter()
            .map(|v| Credential::from_json(v.clone()))
            .collect()
    }

    /// Checks the presentation's structural MUSTs.
    pub fn validate(&self) -> Result<()> {
        let first = match self.doc.get("@context") {
            Some(Value::Array(a)) => a.first().and_then(Value::as_str),
            _ => None,
        };
        if !matches!(first, Some(CONTEXT_V2) | Some(CONTEXT_V1)) {
            return Err(Error::InvalidContext(format!(
                "the first @context item must be {CONTEXT_V2}"
            )));
        }
        check_context_items(&self.doc)?;
        if !strings(self.doc.get("type")).contains(&"VerifiablePresentation") {
            return Err(Error::InvalidType(
                "type must include VerifiablePresentation".into(),
            ));
        }
        if let Some(h) = self.doc.get("holder") {
            if !self.holder().is_some_and(is_url) {
                return Err(Error::InvalidUrl {
                    property: "holder".into(),
                    value: h.to_string(),
                });
            }
        }
        for c in self.credentials()? {
            c.validate()?;
        }
        Ok(())
    }
}
