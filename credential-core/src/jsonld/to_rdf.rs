//! JSON-LD expansion and conversion to RDF quads, with processed top-level contexts cached.

use super::loader::StoreLoader;
use super::store::ContextStore;
use crate::error::{Error, Result};
use json_ld::expansion::{Action, Policy};
use json_ld::syntax::TryFromJson;
use json_ld::{Expand, Process, RdfQuads};
use oxrdf::{BlankNode, GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

type ActiveContext = json_ld::Context<json_ld::IriBuf, json_ld::BlankIdBuf>;

/// How many distinct top-level `@context` values are kept processed.
const CACHE_ENTRIES: usize = 64;

/// Turns JSON-LD documents into RDF quads, offline.
///
/// Processing a context such as the VC 2.0 base context is the most expensive step of a
/// verification; the processor keeps each processed top-level `@context` (keyed by its exact JSON
/// value) so that later documents with the same contexts skip it. Build one per verifier and reuse
/// it.
pub struct JsonLdProcessor {
    store: ContextStore,
    cache: Mutex<HashMap<String, Arc<ActiveContext>>>,
}

impl JsonLdProcessor {
    /// A processor over `store`.
    pub fn new(store: ContextStore) -> Self {
        JsonLdProcessor {
            store,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The context store.
    pub fn store(&self) -> &ContextStore {
        &self.store
    }

    /// Adds a context pinned by `sha256_hex` (e.g. from a trust bundle) and forgets processed
    /// contexts, which may have depended on its absence.
    pub fn add_pinned_context(&mut self, url: &str, text: &str, sha256_hex: &str) -> Result<()> {
        self.store.add_pinned(url, text, sha256_hex)?;
        if let Ok(mut cache) = self.cache.lock() {
            cache.clear();
        }
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
        let active = self.active_context(ctx_value)?;
        for (k, v) in obj {
            if k != "@context" {
                reject_keyword_like(k, v)?;
            }
        }

        let body = json_syntax::Value::Object(
            obj.iter()
                .filter(|(k, _)| k.as_str() != "@context")
                .map(|(k, v)| {
                    json_syntax::object::Entry::new(
                        k.as_str().into(),
                        json_syntax::Value::from_serde_json(v.clone()),
                    )
                })
                .collect(),
        );

        let loader = StoreLoader::new(&self.store);
        let options = json_ld::expansion::Options {
            policy: Policy {
                invalid: Action::Reject,
                vocab: Action::Keep,
                allow_undefined: false,
            },
            ..Default::default()
        };
        let expanded =
            block_on(body.expand_full(&mut (), (*active).clone(), None, &loader, options, ()))
                .map_err(|e| {
                    loader
                        .missing()
                        .map_or_else(|| expansion_error(e), Error::UnknownContext)
                })?;

        let mut generator = rdf_types::generator::Blank::new_with_prefix("b".into());
        let node_map = expanded
            .generate_node_map_with(&mut (), &mut generator)
            .map_err(|_| Error::JsonLd("conflicting @index values".into()))?;
        let mut quads = Vec::new();
        for q in node_map.rdf_quads(&mut generator, None) {
            let rdf_types::Quad(s, p, o, g) = q;
            quads.push(Quad::new(
                subject(&s)?,
                predicate(&p)?,
                object(o)?,
                match g {
                    None => GraphName::DefaultGraph,
                    Some(id) => match subject(id)? {
                        NamedOrBlankNode::NamedNode(n) => GraphName::NamedNode(n),
                        NamedOrBlankNode::BlankNode(b) => GraphName::BlankNode(b),
                    },
                },
            ));
        }
        Ok(quads)
    }

    /// The processed context for a top-level `@context` value, from the cache or processed now.
    fn active_context(&self, ctx_value: &serde_json::Value) -> Result<Arc<ActiveContext>> {
        let key = ctx_value.to_string();
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(hit);
        }
        let syntax = json_syntax::Value::from_serde_json(unwrap_nested(ctx_value));
        let local = json_ld::syntax::context::Context::try_from_json(syntax)
            .map_err(|e| Error::InvalidContext(e.to_string()))?;
        let loader = StoreLoader::new(&self.store);
        let processed = block_on(local.process_with(
            &mut (),
            &ActiveContext::new(None),
            &loader,
            None,
            json_ld::context_processing::Options::default(),
        ))
        .map_err(|e| {
            loader.missing().map_or_else(
                || Error::InvalidContext(e.to_string()),
                Error::UnknownContext,
            )
        })?
        .into_processed();
        let processed = Arc::new(processed);
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_ENTRIES {
                cache.clear();
            }
            cache.insert(key, processed.clone());
        }
        Ok(processed)
    }
}

/// JSON-LD 1.1 keywords (JSON-LD 1.1 §9.16 / "Keywords").
const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@direction",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@prefix",
    "@propagate",
    "@protected",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

/// Expansion ignores keys that look like keywords (`@` followed by letters) but are not; that
/// would drop them from what is signed, so they are data loss.
fn reject_keyword_like(key: &str, value: &serde_json::Value) -> Result<()> {
    let looks_like_keyword =
        key.len() > 1 && key.starts_with('@') && key[1..].bytes().all(|b| b.is_ascii_alphabetic());
    if looks_like_keyword && !KEYWORDS.contains(&key) {
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

/// An item `{"@context": {...}}` inside a top-level `@context` array is read as the inner
/// context. JSON-LD 1.1 would reject it (`@context` is a keyword), but jsonld.js, the reference
/// implementation, unwraps it and the W3C Data Integrity test-suite inputs rely on that.
fn unwrap_nested(ctx: &serde_json::Value) -> serde_json::Value {
    match ctx {
        serde_json::Value::Array(items) => serde_json::Value::Array(
            items
                .iter()
                .map(|item| match item.as_object() {
                    Some(o) if o.len() == 1 && o.contains_key("@context") => o["@context"].clone(),
                    _ => item.clone(),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn expansion_error(e: json_ld::expansion::Error) -> Error {
    match e {
        json_ld::expansion::Error::KeyExpansionFailed(key) => {
            Error::DataLossDetected(format!("property {key:?}"))
        }
        json_ld::expansion::Error::InvalidTypeValue => {
            Error::DataLossDetected("a type value".into())
        }
        other => Error::JsonLd(other.to_string()),
    }
}

fn subject(
    id: &json_ld::ValidId<json_ld::IriBuf, json_ld::BlankIdBuf>,
) -> Result<NamedOrBlankNode> {
    Ok(match id {
        rdf_types::Id::Iri(i) => NamedOrBlankNode::NamedNode(named(i.as_str())?),
        rdf_types::Id::Blank(b) => NamedOrBlankNode::BlankNode(blank(b.as_str())?),
    })
}

fn predicate(id: &json_ld::ValidId<json_ld::IriBuf, json_ld::BlankIdBuf>) -> Result<NamedNode> {
    match id {
        rdf_types::Id::Iri(i) => named(i.as_str()),
        rdf_types::Id::Blank(b) => Err(Error::DataLossDetected(format!(
            "property {b} (a blank node cannot be an RDF predicate)"
        ))),
    }
}

fn object(
    t: rdf_types::Term<json_ld::ValidId<json_ld::IriBuf, json_ld::BlankIdBuf>, rdf_types::Literal>,
) -> Result<Term> {
    Ok(match t {
        rdf_types::Term::Id(id) => match subject(&id)? {
            NamedOrBlankNode::NamedNode(n) => Term::NamedNode(n),
            NamedOrBlankNode::BlankNode(b) => Term::BlankNode(b),
        },
        rdf_types::Term::Literal(l) => {
            let (value, ty) = l.into_parts();
            match ty {
                rdf_types::LiteralType::Any(dt) => {
                    Term::Literal(Literal::new_typed_literal(value, named(dt.as_str())?))
                }
                rdf_types::LiteralType::LangString(tag) => Term::Literal(
                    Literal::new_language_tagged_literal(value, tag.as_str())
                        .map_err(|e| Error::JsonLd(format!("invalid language tag: {e}")))?,
                ),
            }
        }
    })
}

fn named(iri: &str) -> Result<NamedNode> {
    NamedNode::new(iri).map_err(|_| Error::DataLossDetected(format!("IRI {iri:?}")))
}

fn blank(label: &str) -> Result<BlankNode> {
    let label = label.strip_prefix("_:").unwrap_or(label);
    BlankNode::new(label).map_err(|e| Error::JsonLd(format!("blank node {label}: {e}")))
}

/// Drives a future that never waits (our loader answers synchronously) to completion.
fn block_on<F: std::future::Future>(fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}
