//! Claim paths: which claim a policy makes disclosable, or a holder chooses to disclose.
//!
//! The notation of SD-JWT VC (draft-ietf-oauth-sd-jwt-vc §"Claim Path") and OpenID4VP's DCQL: a
//! non-empty JSON array whose items are a string (an object member), a non-negative integer (an
//! array element, counted in the array as issued) or `null` (every element of an array).

use crate::error::{Error, Result};
use serde_json::Value;
use std::fmt;

/// One step of a [`ClaimPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathElement {
    /// An object member.
    Key(String),
    /// An array element, by its position in the array as issued (undisclosed elements count).
    Index(usize),
    /// Every element of an array (`null`); only in patterns, never in a concrete path.
    AllElements,
}

/// A path to a claim: `["address", "street_address"]`, `["nationalities", 0]`,
/// `["nationalities", null]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ClaimPath(pub Vec<PathElement>);

impl ClaimPath {
    /// The path of a top-level claim.
    pub fn claim(name: &str) -> Self {
        ClaimPath(vec![PathElement::Key(name.to_owned())])
    }

    /// This path, then the member `name`.
    pub fn key(mut self, name: &str) -> Self {
        self.0.push(PathElement::Key(name.to_owned()));
        self
    }

    /// This path, then the array element at `index`.
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(PathElement::Index(index));
        self
    }

    /// This path, then every array element.
    pub fn all(mut self) -> Self {
        self.0.push(PathElement::AllElements);
        self
    }

    /// Reads the JSON notation (`["address", "street_address"]`).
    pub fn from_json(value: &Value) -> Result<Self> {
        let bad = || Error::InvalidProperty {
            property: "claim path".into(),
            reason: format!(
                "{} is not a non-empty array of strings, non-negative integers and nulls",
                crate::sd_jwt::digest::truncate(&value.to_string())
            ),
        };
        let items = value.as_array().filter(|a| !a.is_empty()).ok_or_else(bad)?;
        items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(PathElement::Key(s.clone())),
                Value::Null => Ok(PathElement::AllElements),
                Value::Number(n) => n
                    .as_u64()
                    .and_then(|i| usize::try_from(i).ok())
                    .map(PathElement::Index)
                    .ok_or_else(bad),
                _ => Err(bad()),
            })
            .collect::<Result<Vec<_>>>()
            .map(ClaimPath)
    }

    /// The JSON notation.
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.0
                .iter()
                .map(|e| match e {
                    PathElement::Key(k) => Value::String(k.clone()),
                    PathElement::Index(i) => Value::from(*i),
                    PathElement::AllElements => Value::Null,
                })
                .collect(),
        )
    }

    /// Whether this pattern matches the first `self.len()` steps of `concrete` (so the whole of
    /// `concrete` when the lengths are equal). `null` matches any index.
    pub(crate) fn matches_prefix_of(&self, concrete: &[PathElement]) -> bool {
        self.0.len() <= concrete.len()
            && self.0.iter().zip(concrete).all(|(p, c)| match (p, c) {
                (PathElement::AllElements, PathElement::Index(_)) => true,
                (p, c) => p == c,
            })
    }

    /// Whether `concrete` matches the first `concrete.len()` steps of this pattern (the claim
    /// at `concrete` contains the claims this pattern names).
    pub(crate) fn extends(&self, concrete: &[PathElement]) -> bool {
        concrete.len() <= self.0.len()
            && self.0.iter().zip(concrete).all(|(p, c)| match (p, c) {
                (PathElement::AllElements, PathElement::Index(_)) => true,
                (p, c) => p == c,
            })
    }
}

impl fmt::Display for ClaimPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_json())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn notation_round_trips_and_patterns_match() {
        let p = ClaimPath::from_json(&json!(["nationalities", null, "code"])).unwrap();
        assert_eq!(p, ClaimPath::claim("nationalities").all().key("code"));
        assert_eq!(p.to_json(), json!(["nationalities", null, "code"]));
        let concrete = ClaimPath::claim("nationalities").index(2).key("code");
        assert!(p.matches_prefix_of(&concrete.0));
        assert!(p.extends(&concrete.0[..2]));
        assert!(!ClaimPath::claim("x").matches_prefix_of(&concrete.0));
        for bad in [json!([]), json!("a"), json!(["a", -1]), json!(["a", true])] {
            assert_eq!(
                ClaimPath::from_json(&bad).unwrap_err().code(),
                "invalid_property"
            );
        }
    }
}
