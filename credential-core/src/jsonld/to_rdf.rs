//! JSON-LD documents to RDF quads, with processed contexts cached across calls.

use super::context::Context;
use super::expand::Expander;
use super::keywords::{is_keyword, looks_like_keyword};
use super::quads::to_quads;
use super::store::ContextStore;
use crate::canon::rdf::Quad;
use crate::error::{Error, Result};
use std::sync::Arc;

/// Turns JSON-LD documents into RDF quads, offline.
///
/// Processing a context such as the VC 2.0 base context is the most expensive step of a
/// verification; the processor's store keeps each processed top-level `@context` (keyed by its
/// exact JSON value) and each processed type- or property-scoped context (keyed by the context it
/// was applied to), so later documents with the same contexts skip both, whether they come as
/// JSON-LD or as CBOR-LD decoded with [`Self::store`]. Build one per verifier and reuse it.
pub struct JsonLdProcessor {
    store: ContextStore,
}

impl JsonLdProcessor {
    /// A processor over `store`.
    pub fn new(store: ContextStore) -> Self {
        JsonLdProcessor { store }
    }

    /// The context store.
    pub fn store(&self) -> &ContextStore {
        &self.store
    }

    /// Adds contexts pinned by their SHA-256 (hex; e.g. from a trust bundle), all or none: if
    /// one does not match its pin or does not parse, the store is unchanged. Forgets processed
    /// contexts, which may have depended on the documents replaced.
    pub fn add_pinned_contexts(&mut self, contexts: &[(String, String, String)]) -> Result<()> {
        let mut store = self.store.clone();
        for (url, text, sha256_hex) in contexts {
            store.add_pinned(url, text, sha256_hex)?;
        }
        // The copy starts with no processed contexts.
        self.store = store;
        Ok(())
    }

    /// Expands `doc` and converts it to RDF quads (blank nodes labelled in document order).
    ///
    /// Fails with `unknown_context` for a context not in the store and `data_loss_detected` for
    /// a term or type that does not expand to an absolute IRI.
    pub fn to_rdf(&self, obj: &serde_json::Map<String, serde_json::Value>) -> Result<Vec<Quad>> {
        let ctx_value = obj
            .get("@context")
            .ok_or_else(|| Error::InvalidContext("@context is missing".into()))?;
        let active = self.store.top_level_context(ctx_value)?;
        for (k, v) in obj {
            if k != "@context" {
                reject_keyword_like(k, v)?;
            }
        }
        let expander = Expander { store: &self.store };
        to_quads(&expander.document(&active, obj)?)
    }

    /// The absolute IRIs of a node's `type` values, expanded with its top-level `@context` as
    /// JSON-LD 1.1 expansion does (§5.1.2 step 11: types expand before type-scoped contexts
    /// apply). A type that does not expand to an absolute IRI is `data_loss_detected`.
    pub fn expand_types(
        &self,
        obj: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Vec<String>> {
        let ctx_value = obj
            .get("@context")
            .ok_or_else(|| Error::InvalidContext("@context is missing".into()))?;
        let active = self.store.top_level_context(ctx_value)?;
        let types: Vec<&str> = match obj.get("type").or_else(|| obj.get("@type")) {
            None => Vec::new(),
            Some(serde_json::Value::String(t)) => vec![t.as_str()],
            Some(serde_json::Value::Array(a)) => a.iter().filter_map(|t| t.as_str()).collect(),
            Some(_) => {
                return Err(Error::MalformedDocument(
                    "type must be a string or strings".into(),
                ))
            }
        };
        types
            .into_iter()
            .map(|t| match active.expand_iri(t, true, true) {
                Some(iri) if crate::canon::rdf::is_absolute_iri(&iri) => Ok(iri),
                _ => Err(Error::DataLossDetected(format!(
                    "type {t:?} does not expand to an IRI"
                ))),
            })
            .collect()
    }

    /// Expands any JSON-LD document (the `expand()` method of JSON-LD 1.1 Processing Algorithms
    /// and API §9.2, without its options) with `base` as the document's base IRI, with the same
    /// refusals as [`Self::to_rdf`]. Unlike `to_rdf`, the document may be an array or lack
    /// `@context`, and its relative IRIs and context URLs resolve against `base` (remote
    /// contexts still come only from the store). For conformance tests and tools: credentials
    /// are processed with [`Self::to_rdf`], without a base IRI.
    pub fn expand(
        &self,
        doc: &serde_json::Value,
        base: Option<&str>,
    ) -> Result<Vec<serde_json::Value>> {
        let mut active = Context::empty();
        if let Some(base) = base {
            if !crate::canon::rdf::is_absolute_iri(base) {
                return Err(Error::InvalidContext(format!(
                    "base IRI {base:?} is not absolute"
                )));
            }
            active.base = Some(base.to_owned());
        }
        reject_keyword_like("", doc)?;
        let expander = Expander { store: &self.store };
        expander.any(&Arc::new(active), doc)
    }

    /// Converts an expanded document (from [`Self::expand`]) to RDF quads, as [`Self::to_rdf`]
    /// does (JSON-LD 1.1 API §8.1).
    pub fn expanded_to_rdf(&self, expanded: &[serde_json::Value]) -> Result<Vec<Quad>> {
        to_quads(expanded)
    }
}

/// Expansion ignores keys that look like keywords (`@` followed by letters) but are not; that
/// would drop them from what is signed, so they are data loss.
fn reject_keyword_like(key: &str, value: &serde_json::Value) -> Result<()> {
    if looks_like_keyword(key) && !is_keyword(key) {
        return Err(Error::DataLossDetected(format!(
            "property {key:?} (looks like a JSON-LD keyword, so expansion would drop it)"
        )));
    }
    match value {
        serde_json::Value::Object(o) => o
            .iter()
            .filter(|(k, _)| k.as_str() != "@context")
            .try_for_each(|(k, v)| reject_keyword_like(k, v)),
        serde_json::Value::Array(a) => a.iter().try_for_each(|v| reject_keyword_like("", v)),
        _ => Ok(()),
    }
}
