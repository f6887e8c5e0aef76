//! Proof chains: the proofs a `previousProof` names (VC Data Integrity 1.0 §4.3 and §4.4).

use crate::error::{Error, Result};
use serde_json::{Map, Value};

/// The proofs among `all` that `previous` (a string or an array of strings) names, in the order
/// named. Every id must match exactly one proof.
pub(super) fn matching_proofs(previous: &Value, all: &[&Map<String, Value>]) -> Result<Vec<Value>> {
    let ids: Vec<&str> = match previous {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str().ok_or_else(|| {
                    Error::InvalidProofChain("previousProof items must be strings".into())
                })
            })
            .collect::<Result<_>>()?,
        _ => {
            return Err(Error::InvalidProofChain(
                "previousProof must be a string or an array of strings".into(),
            ))
        }
    };
    ids.into_iter()
        .map(|id| {
            let mut found = all
                .iter()
                .filter(|p| p.get("id").and_then(Value::as_str) == Some(id));
            match (found.next(), found.next()) {
                (Some(p), None) => Ok(Value::Object((*p).clone())),
                (None, _) => Err(Error::InvalidProofChain(format!(
                    "previousProof {id} is not among the document's proofs"
                ))),
                (Some(_), Some(_)) => Err(Error::InvalidProofChain(format!(
                    "more than one proof has id {id}"
                ))),
            }
        })
        .collect()
}
