//! The active context and its processing (JSON-LD 1.1 Processing Algorithms and API §4.1
//! "Context Processing"; term definitions are created in `term`), and IRI expansion (§5.2),
//! offline. JSON-LD expansion and CBOR-LD both read documents through it.
//!
//! Remote contexts come only from the [`ContextStore`]; `@import` and relative `@base` values
//! are refused with an error rather than ignored.
//!
//! A term's scoped context is processed, and its errors reported, when the term is used, not
//! when the term is defined (§4.2.2 step 21.3 processes it there to check it, and jsonld.js
//! does): an unused scoped context changes no output, and processing every scoped context
//! against a copy of the context being built would make context processing quadratic in the
//! size of a (hostile) embedded context. A document whose only error is an unused invalid
//! scoped context is therefore accepted (W3C expand and toRdf test c033).

use super::iri::{prefix_colon, resolve};
use super::keywords::{is_keyword, looks_like_keyword};
use super::store::ContextStore;
use super::term::{direction, Definer, TermDefinition};
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Deepest chain of remote contexts loading one another.
const MAX_REMOTE_CONTEXTS: usize = 32;

/// An active context.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    /// Unique per processed context (keys the cache of scoped contexts).
    pub id: u64,
    /// Term definitions by term.
    pub terms: HashMap<String, Arc<TermDefinition>>,
    /// Vocabulary mapping.
    pub vocab: Option<String>,
    /// Base IRI.
    pub base: Option<String>,
    /// Default language.
    pub language: Option<String>,
    /// Default base direction.
    pub direction: Option<String>,
    /// The context to return to after a non-propagated (type-scoped) context.
    pub previous: Option<Arc<Context>>,
}

fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// An `invalid_context` error.
pub(super) fn invalid(msg: impl Into<String>) -> Error {
    Error::InvalidContext(msg.into())
}

impl Context {
    /// An empty context with no base IRI (documents are not fetched, so have no URL).
    pub(crate) fn empty() -> Self {
        Context {
            id: next_id(),
            terms: HashMap::new(),
            vocab: None,
            base: None,
            language: None,
            direction: None,
            previous: None,
        }
    }

    /// The definition of `term`, if any.
    pub(crate) fn term(&self, term: &str) -> Option<&TermDefinition> {
        self.terms.get(term).map(Arc::as_ref)
    }

    /// IRI expansion (§5.2.2) after context processing. `None` means null.
    pub(super) fn expand_iri(
        &self,
        value: &str,
        document_relative: bool,
        vocab: bool,
    ) -> Option<String> {
        if is_keyword(value) {
            return Some(value.to_owned());
        }
        if looks_like_keyword(value) {
            return None;
        }
        if vocab {
            if let Some(def) = self.term(value) {
                return def.iri.clone();
            }
        }
        if let Some(colon) = prefix_colon(value) {
            let (prefix, suffix) = (&value[..colon], &value[colon + 1..]);
            if prefix == "_" || suffix.starts_with("//") {
                return Some(value.to_owned());
            }
            if let Some(def) = self.term(prefix) {
                if let (Some(iri), true) = (&def.iri, def.prefix) {
                    return Some(format!("{iri}{suffix}"));
                }
            }
            if crate::canon::rdf::is_absolute_iri(value) {
                return Some(value.to_owned());
            }
        }
        if vocab {
            if let Some(v) = &self.vocab {
                return Some(format!("{v}{value}"));
            }
        }
        if document_relative {
            if let Some(base) = &self.base {
                return Some(resolve(base, value));
            }
        }
        Some(value.to_owned())
    }

    /// Whether any term definition is protected.
    fn has_protected(&self) -> bool {
        self.terms.values().any(|d| d.protected)
    }
}

/// Options of one context-processing call.
#[derive(Clone, Copy)]
pub(crate) struct Flags {
    /// Whether protected terms may be redefined.
    pub override_protected: bool,
    /// Whether the context applies to nested node objects (`@propagate` in the context wins).
    pub propagate: bool,
}

impl Flags {
    /// An embedded or remote context.
    pub(crate) const DEFAULT: Flags = Flags {
        override_protected: false,
        propagate: true,
    };
    /// A type-scoped context (§5.1.2 step 11): it does not propagate.
    pub(crate) const TYPE_SCOPED: Flags = Flags {
        override_protected: false,
        propagate: false,
    };
    /// A property-scoped context (§5.1.2 step 8): it may redefine protected terms.
    pub(crate) const PROPERTY_SCOPED: Flags = Flags {
        override_protected: true,
        propagate: true,
    };
}

/// Context processing (§4.1.2): `local` applied to `active`.
pub(crate) fn process(
    store: &ContextStore,
    active: &Arc<Context>,
    local: &Value,
    base_url: Option<&str>,
    remote: &mut Vec<String>,
    flags: Flags,
) -> Result<Context> {
    let mut result = (**active).clone();
    result.id = next_id();
    let mut propagate = flags.propagate;
    if let Some(p) = local.get("@propagate") {
        propagate = p
            .as_bool()
            .ok_or_else(|| invalid("@propagate must be true or false"))?;
    }
    if !propagate && result.previous.is_none() {
        result.previous = Some(active.clone());
    }
    let items = match local {
        Value::Array(a) => a.as_slice(),
        other => std::slice::from_ref(other),
    };
    for item in items {
        match item {
            Value::Null => {
                if !flags.override_protected && result.has_protected() {
                    return Err(invalid("invalid context nullification: protected terms"));
                }
                let previous = result.previous.take();
                result = Context::empty();
                if !propagate {
                    result.previous = previous;
                }
            }
            Value::String(url) => {
                let url = match base_url {
                    _ if crate::canon::rdf::is_absolute_iri(url) => url.clone(),
                    Some(b) => resolve(b, url),
                    None => return Err(invalid(format!("relative context URL {url:?}"))),
                };
                if remote.len() >= MAX_REMOTE_CONTEXTS || remote.contains(&url) {
                    return Err(invalid(format!(
                        "context overflow: {url} loads itself or too many contexts"
                    )));
                }
                let doc = store.get_json(&url)?;
                let inner = doc
                    .get("@context")
                    .ok_or_else(|| invalid(format!("{url} has no @context")))?;
                remote.push(url.clone());
                let processed = process(
                    store,
                    &Arc::new(result),
                    inner,
                    Some(&url),
                    remote,
                    Flags {
                        override_protected: flags.override_protected,
                        propagate: true,
                    },
                )?;
                remote.pop();
                result = processed;
            }
            Value::Object(def) => {
                // jsonld.js reads `{"@context": {...}}` inside a context array as the inner
                // context, and the W3C Data Integrity test inputs rely on that.
                let def = match def.get("@context") {
                    Some(Value::Object(inner)) if def.len() == 1 => inner,
                    _ => def,
                };
                apply_definition(&mut result, def, base_url, remote, flags)?;
            }
            _ => return Err(invalid("a context must be null, a URL or an object")),
        }
    }
    Ok(result)
}

/// Steps 5.5–5.13 of context processing for one context definition.
fn apply_definition(
    result: &mut Context,
    def: &Map<String, Value>,
    base_url: Option<&str>,
    remote: &[String],
    flags: Flags,
) -> Result<()> {
    if let Some(v) = def.get("@version") {
        if v.as_f64() != Some(1.1) {
            return Err(invalid("invalid @version value"));
        }
    }
    if def.contains_key("@import") {
        return Err(Error::JsonLd("@import is not supported".into()));
    }
    if let Some(b) = def.get("@base") {
        if remote.is_empty() {
            result.base = match b {
                Value::Null => None,
                Value::String(s) if crate::canon::rdf::is_absolute_iri(s) => Some(s.clone()),
                _ => return Err(invalid("@base must be null or an absolute IRI")),
            };
        }
    }
    if let Some(v) = def.get("@vocab") {
        result.vocab = match v {
            Value::Null => None,
            Value::String(s) => {
                let iri = result
                    .expand_iri(s, true, true)
                    .filter(|i| i.starts_with("_:") || crate::canon::rdf::is_absolute_iri(i))
                    .ok_or_else(|| invalid(format!("invalid @vocab {s:?}")))?;
                Some(iri)
            }
            _ => return Err(invalid("invalid @vocab mapping")),
        };
    }
    if let Some(v) = def.get("@language") {
        result.language = match v {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            _ => return Err(invalid("invalid default language")),
        };
    }
    if let Some(v) = def.get("@direction") {
        result.direction = direction(v)?;
    }
    let protected = match def.get("@protected") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(invalid("@protected must be true or false")),
    };
    let mut definer = Definer::new(def, base_url, protected, flags.override_protected);
    for key in def.keys() {
        if !matches!(
            key.as_str(),
            "@base"
                | "@direction"
                | "@import"
                | "@language"
                | "@propagate"
                | "@protected"
                | "@version"
                | "@vocab"
        ) {
            definer.define(result, key)?;
        }
    }
    Ok(())
}
