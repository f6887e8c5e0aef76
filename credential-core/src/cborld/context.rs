//! CBOR-LD semantic compression state: term ids assigned as contexts are met, and the active
//! context (term definitions in scope) while walking a document.
//!
//! Term ids follow CBOR-LD 1.0: JSON-LD keywords have fixed even ids below 100; every other term
//! gets the next even id from 100 the first time a context defining it is loaded, each context's
//! keys taken in code-unit order. An encoder and a decoder that load the same contexts in the same
//! order therefore agree on every id without sending the table. The odd id after a term's id
//! means "the value is an array".

use super::js_cmp;
use crate::error::{Error, Result};
use crate::jsonld::ContextStore;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// JSON-LD keywords and their fixed ids (CBOR-LD 1.0 "Term Codec Map" initial entries).
const KEYWORDS: &[(&str, u64)] = &[
    ("@context", 0),
    ("@type", 2),
    ("@id", 4),
    ("@value", 6),
    ("@direction", 8),
    ("@graph", 10),
    ("@included", 12),
    ("@index", 14),
    ("@json", 16),
    ("@language", 18),
    ("@list", 20),
    ("@nest", 22),
    ("@reverse", 24),
    ("@base", 26),
    ("@container", 28),
    ("@default", 30),
    ("@embed", 32),
    ("@explicit", 34),
    ("@none", 36),
    ("@omitDefault", 38),
    ("@prefix", 40),
    ("@preserve", 42),
    ("@protected", 44),
    ("@requireAll", 46),
    ("@set", 48),
    ("@version", 50),
    ("@vocab", 52),
    ("@propagate", 54),
];

/// First id given to a term that is not a keyword.
const FIRST_TERM_ID: u64 = 100;
/// Bound on CURIE prefix chains (`a:b` where `a` expands to another CURIE ...).
const MAX_CURIE_STEPS: usize = 16;
/// Bound on the number of terms (guards against payloads that embed huge contexts).
const MAX_TERMS: usize = 20_000;

/// One term definition, as CBOR-LD keeps it: the definition as written (shared with the loaded
/// context, never copied), its `@id` and `@type` with CURIEs expanded, whether it is protected,
/// and whether it propagates into nested objects.
#[derive(Debug, Clone)]
pub(super) struct TermDef {
    raw: RawDef,
    id: String,
    datatype: Option<String>,
    pub protected: bool,
    pub propagate: bool,
}

impl TermDef {
    /// The expanded `@type` of the term, if any.
    pub fn datatype(&self) -> Option<&str> {
        self.datatype.as_deref()
    }

    /// The expanded `@id` of the term.
    pub fn iri(&self) -> Option<&str> {
        Some(&self.id)
    }

    /// The scoped context of the term, if any.
    fn scoped_context(&self) -> Option<&Value> {
        self.raw.get("@context")
    }

    /// Whether two definitions are the same once expanded (what redefining a protected term
    /// must keep).
    fn same_as(&self, other: &TermDef) -> bool {
        self.id == other.id
            && self.datatype == other.datatype
            && (Arc::ptr_eq(&self.raw, &other.raw) || {
                // The other members, compared in place (their order does not matter).
                let other_member =
                    |(k, _): &(&String, &Value)| k.as_str() != "@id" && k.as_str() != "@type";
                self.raw.iter().filter(other_member).count()
                    == other.raw.iter().filter(other_member).count()
                    && self
                        .raw
                        .iter()
                        .filter(other_member)
                        .all(|(k, v)| other.raw.get(k) == Some(v))
            })
    }
}

/// A term definition as written in its context.
type RawDef = Arc<Map<String, Value>>;

/// Term name -> definition. Names are shared (`Arc<str>`): contexts are re-derived for many
/// objects, and copying names would dominate decoding time in WASM.
type TermMap = HashMap<Arc<str>, Arc<TermDef>>;

/// A context once loaded: its document and its term definitions before CURIE expansion.
struct Loaded {
    /// The context object itself (embedded), or a document holding it under `@context`.
    doc: Arc<Value>,
    embedded: bool,
    terms: Vec<(Arc<str>, RawDef, bool)>,
}

impl Loaded {
    fn context(&self) -> &Map<String, Value> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let inner = if self.embedded {
            Some(self.doc.as_ref())
        } else {
            self.doc.get("@context")
        };
        inner
            .and_then(Value::as_object)
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
    }
}

/// Term ids and loaded contexts for one encode or decode.
pub(super) struct Terms<'s> {
    store: &'s ContextStore,
    ids: HashMap<String, u64>,
    /// Terms by id: the term of id `FIRST_TERM_ID + 2 i` is `names[i]` (keywords are in
    /// `KEYWORDS`).
    names: Vec<String>,
    next: u64,
    loaded: HashMap<String, Arc<Loaded>>,
    /// For each context (by address) the context of its properties without a scoped context,
    /// made once: every such property of an object gets the same one. Kept here, for one encode
    /// or decode, and not in the parent: the child holds its parent (`previous`), so a parent
    /// holding its child was an `Rc` cycle that leaked every context of every document. A child
    /// kept here keeps its parent alive, so the address is never reused while it is a key. A list
    /// searched by address: a document has few distinct contexts (objects are bounded), and a
    /// second hash-map type would cost the WASM verifier more code than the search costs time.
    plain_children: Vec<(*const Active, Arc<Active>)>,
}

impl<'s> Terms<'s> {
    pub fn new(store: &'s ContextStore) -> Self {
        let ids: HashMap<String, u64> = KEYWORDS.iter().map(|(k, v)| ((*k).into(), *v)).collect();
        Terms {
            store,
            ids,
            names: Vec::new(),
            next: FIRST_TERM_ID,
            loaded: HashMap::new(),
            plain_children: Vec::new(),
        }
    }

    /// The id of `term`, if it has one (keywords and terms of loaded contexts).
    pub fn id(&self, term: &str) -> Option<u64> {
        self.ids.get(term).copied()
    }

    /// The term of an even `id`.
    pub fn term(&self, id: u64) -> Option<&str> {
        if id < FIRST_TERM_ID {
            return KEYWORDS.iter().find(|(_, k)| *k == id).map(|(t, _)| *t);
        }
        if id % 2 != 0 {
            return None;
        }
        let index = usize::try_from((id - FIRST_TERM_ID) / 2).ok()?;
        self.names.get(index).map(String::as_str)
    }

    fn load(&mut self, context: &Value) -> Result<Arc<Loaded>> {
        let key = match context {
            Value::String(url) => url.clone(),
            Value::Object(_) => context.to_string(),
            other => {
                return Err(Error::CborLdCannotEncode(format!(
                    "unsupported @context value {other}"
                )))
            }
        };
        if let Some(hit) = self.loaded.get(&key) {
            return Ok(hit.clone());
        }
        let loaded = match context {
            Value::String(url) => {
                // Contexts from the store are read once per store (and again only if the store
                // holds another document for the URL).
                let doc = self.store.get_json(url)?;
                let cache = &self.store.cborld_cache().loaded;
                let cached = cache
                    .lock()
                    .ok()
                    .and_then(|c| c.get(url).filter(|l| Arc::ptr_eq(&l.doc, &doc)).cloned());
                match cached {
                    Some(hit) => hit,
                    None => {
                        let fresh = Arc::new(Loaded::read(doc, false, &key)?);
                        if let Ok(mut c) = cache.lock() {
                            if c.len() >= CACHE_ENTRIES {
                                c.clear();
                            }
                            c.insert(url.clone(), fresh.clone());
                        }
                        fresh
                    }
                }
            }
            _ => Arc::new(Loaded::read(Arc::new(context.clone()), true, &key)?),
        };
        // Ids in the context's term order, for terms not met before (CBOR-LD 1.0).
        for (name, _, _) in &loaded.terms {
            if !self.ids.contains_key(name.as_ref()) {
                if self.ids.len() >= MAX_TERMS {
                    return Err(Error::CborLdInvalid("too many terms".into()));
                }
                self.ids.insert(name.to_string(), self.next);
                self.names.push(name.to_string());
                self.next += 2;
            }
        }
        self.loaded.insert(key, loaded.clone());
        Ok(loaded)
    }
}

/// Most contexts (and initial term maps) kept across encodes and decodes.
const CACHE_ENTRIES: usize = 32;

/// What CBOR-LD keeps across encodes and decodes, owned by the [`ContextStore`] it was read from
/// (no ambient state): each store context's term list, and the term map of each top-level
/// `@context` made of URLs. Entries are checked against the store's current documents before use,
/// so a store that now holds another document for a URL is never answered from an old one.
#[derive(Default)]
pub(crate) struct Cache {
    /// Store contexts already read, by URL.
    loaded: Mutex<HashMap<String, Arc<Loaded>>>,
    /// The term map of a top-level `@context` made of URLs, with the contexts (the loaded
    /// documents, in order) it was built from: it depends on nothing else, so documents with
    /// the same contexts share it.
    initial: Mutex<Vec<(Vec<Arc<Loaded>>, TermMap)>>,
}

impl Clone for Cache {
    /// A copy of a store starts with an empty cache (it may diverge from the original).
    fn clone(&self) -> Self {
        Cache::default()
    }
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cborld::Cache")
    }
}

impl Loaded {
    /// The term definitions of a context document (`embedded`: the context object itself), in
    /// CBOR-LD's term order (code units).
    fn read(doc: Arc<Value>, embedded: bool, key: &str) -> Result<Loaded> {
        let object = match if embedded {
            Some(doc.as_ref())
        } else {
            doc.get("@context")
        } {
            Some(Value::Object(o)) => o,
            _ => {
                return Err(Error::InvalidContext(format!(
                    "{key}: @context is not one object"
                )))
            }
        };
        let protected = object.get("@protected").is_some_and(js_truthy);
        let mut names: Vec<&String> = object.keys().collect();
        crate::sort::sort_by(&mut names, &|a, b| js_cmp(a, b).is_lt());
        let mut terms = Vec::new();
        for name in names {
            if KEYWORDS.iter().any(|(k, _)| k == name) {
                continue;
            }
            let def = match &object[name] {
                Value::Null => continue,
                Value::String(iri) => {
                    let mut m = Map::new();
                    m.insert("@id".into(), Value::String(iri.clone()));
                    m
                }
                Value::Object(o) => o.clone(),
                _ => {
                    return Err(Error::InvalidContext(format!(
                        "term definition of {name} is neither a string nor an object"
                    )))
                }
            };
            terms.push((Arc::from(name.as_str()), Arc::new(def), protected));
        }
        Ok(Loaded {
            doc,
            embedded,
            terms,
        })
    }
}

/// JavaScript truthiness, which the reference implementation applies to `@protected` and
/// `@propagate`.
fn js_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// The term definitions in scope at one point of the document, with the contexts it came from
/// (to revert non-propagating terms when entering a property).
pub(super) struct Active {
    terms: TermMap,
    previous: Option<Arc<Active>>,
    type_terms: Vec<String>,
    /// Whether every term propagates (then entering a property reverts nothing).
    all_propagate: bool,
}

impl Active {
    /// The empty initial context.
    pub fn initial() -> Arc<Active> {
        Arc::new(Active {
            terms: TermMap::new(),
            previous: None,
            type_terms: vec!["@type".into()],
            all_propagate: true,
        })
    }

    fn derive(self: &Arc<Self>, terms: TermMap) -> Arc<Active> {
        let mut type_terms = vec!["@type".to_owned()];
        let mut aliases: Vec<&str> = terms
            .iter()
            .filter(|(_, d)| d.iri() == Some("@type"))
            .map(|(t, _)| t.as_ref())
            .collect();
        crate::sort::sort(&mut aliases);
        type_terms.extend(aliases.into_iter().map(str::to_owned));
        let all_propagate = terms.values().all(|d| d.propagate);
        Arc::new(Active {
            terms,
            previous: Some(self.clone()),
            type_terms,
            all_propagate,
        })
    }

    /// The definition of `term`, if in scope.
    pub fn def(&self, term: &str) -> Option<&TermDef> {
        self.terms.get(term).map(Arc::as_ref)
    }

    /// `@type` and its aliases in scope.
    pub fn type_terms(&self) -> &[String] {
        &self.type_terms
    }

    /// Applies the `@context` of an object (if any).
    pub fn with_embedded(
        self: &Arc<Self>,
        terms: &mut Terms,
        context: Option<&Value>,
    ) -> Result<Arc<Active>> {
        // Most objects carry no @context: same terms, no copy (see `with_types`).
        let Some(context) = context else {
            return Ok(self.clone());
        };
        // The top-level context: reuse its term map if the same contexts (the same documents)
        // were met before with this store. Loading them still assigns this document's ids. Only
        // URL contexts can match again (an embedded one is read anew each time), so a document
        // that embeds one is neither looked up nor kept.
        let items: Vec<&Value> = match context {
            Value::Array(a) => a.iter().collect(),
            one => vec![one],
        };
        let reusable =
            self.previous.is_none() && self.terms.is_empty() && items.iter().all(|i| i.is_string());
        let mut loaded = Vec::new();
        let mut cached = None;
        if reusable {
            for item in &items {
                loaded.push(terms.load(item)?);
            }
            cached = terms
                .store
                .cborld_cache()
                .initial
                .lock()
                .ok()
                .and_then(|c| {
                    c.iter().find_map(|(from, map)| {
                        let same = from.len() == loaded.len()
                            && from.iter().zip(&loaded).all(|(a, b)| Arc::ptr_eq(a, b));
                        same.then(|| map.clone())
                    })
                });
        }
        let map = match cached {
            Some(map) => map,
            None => {
                let map = update(&self.terms, terms, Some(context), false, false)?;
                if reusable {
                    if let Ok(mut c) = terms.store.cborld_cache().initial.lock() {
                        if c.len() >= CACHE_ENTRIES {
                            c.clear();
                        }
                        c.push((loaded, map.clone()));
                    }
                }
                map
            }
        };
        Ok(self.derive(map))
    }

    /// Applies the type-scoped contexts of `types` (in code-unit order).
    pub fn with_types(
        self: &Arc<Self>,
        terms: &mut Terms,
        types: &[String],
    ) -> Result<Arc<Active>> {
        // No type with a scoped context: the terms stay as they are (a layer with the same map
        // would not change what reverting a property finds), so skip copying them.
        if types
            .iter()
            .all(|t| self.def(t).and_then(TermDef::scoped_context).is_none())
        {
            return Ok(self.clone());
        }
        let mut map = self.terms.clone();
        for t in types {
            let scoped = map
                .get(t.as_str())
                .and_then(|d| d.scoped_context().cloned());
            map = update(&map, terms, scoped.as_ref(), false, true)?;
        }
        Ok(self.derive(map))
    }

    /// The context for the values of `term`: non-propagating terms reverted, then the term's own
    /// scoped context applied.
    pub fn for_property(self: &Arc<Self>, terms: &mut Terms, term: &str) -> Result<Arc<Active>> {
        let scoped = self
            .terms
            .get(term)
            .and_then(|d| d.scoped_context().cloned());
        if scoped.is_none() {
            // Nothing to revert and nothing to apply: the same terms. A layer with the same
            // map would not change what later reverting finds, so none is added.
            if self.all_propagate {
                return Ok(self.clone());
            }
            let parent = Arc::as_ptr(self);
            if let Some((_, child)) = terms.plain_children.iter().find(|(p, _)| *p == parent) {
                return Ok(child.clone());
            }
            let child = self.derive(self.reverted());
            terms.plain_children.push((parent, child.clone()));
            return Ok(child);
        }
        let map = update(&self.reverted(), terms, scoped.as_ref(), true, false)?;
        Ok(self.derive(map))
    }

    fn reverted(&self) -> TermMap {
        let mut out = TermMap::with_capacity(self.terms.len());
        for (name, def) in &self.terms {
            if def.propagate {
                out.insert(name.clone(), def.clone());
                continue;
            }
            let mut ctx = self.previous.as_deref();
            while let Some(c) = ctx {
                match c.terms.get(name) {
                    Some(d) if d.propagate => {
                        out.insert(name.clone(), d.clone());
                        break;
                    }
                    Some(_) => ctx = c.previous.as_deref(),
                    None => break,
                }
            }
        }
        out
    }
}

/// Applies `contexts` (one or an array; none = no change) on top of `active`.
fn update(
    active: &TermMap,
    terms: &mut Terms,
    contexts: Option<&Value>,
    property_scope: bool,
    type_scope: bool,
) -> Result<TermMap> {
    let Some(contexts) = contexts else {
        return Ok(active.clone());
    };
    let list: Vec<&Value> = match contexts {
        Value::Array(a) => a.iter().collect(),
        one => vec![one],
    };
    let mut active = active.clone();
    for context in list {
        let loaded = terms.load(context)?;
        let context = loaded.context();
        let propagate = match context.get("@propagate") {
            Some(Value::Null) | None => !type_scope,
            Some(v) => js_truthy(v),
        };
        let mut next = TermMap::with_capacity(loaded.terms.len() + active.len());
        for (name, raw, protected) in &loaded.terms {
            let (id, datatype) = expand_definition(name, raw, context, &active)?;
            next.insert(
                name.clone(),
                Arc::new(TermDef {
                    raw: raw.clone(),
                    id,
                    datatype,
                    protected: *protected,
                    propagate,
                }),
            );
        }
        for (name, old) in &active {
            match next.get(name) {
                Some(new) => {
                    if old.protected && !property_scope && !new.same_as(old) {
                        return Err(Error::CborLdInvalid(format!(
                            "redefinition of protected term {name}"
                        )));
                    }
                }
                None => {
                    if !matches!(context.get(name.as_ref()), Some(Value::Null)) {
                        next.insert(name.clone(), old.clone());
                    }
                }
            }
        }
        active = next;
    }
    Ok(active)
}

/// The definition's `@id` and `@type` with CURIEs expanded (and `@id` derived from a CURIE or
/// IRI term name), as the reference implementation does.
fn expand_definition(
    name: &str,
    def: &Map<String, Value>,
    context: &Map<String, Value>,
    active: &TermMap,
) -> Result<(String, Option<String>)> {
    let id = match def.get("@id") {
        Some(Value::String(id)) => Some(expand_curie(id, context, active)?),
        Some(_) => None,
        None => Some(expand_curie(name, context, active)?).filter(|id| id.contains(':')),
    };
    let datatype = match def.get("@type") {
        Some(Value::String(t)) => Some(expand_curie(t, context, active)?),
        _ => None,
    };
    let id = id.ok_or_else(|| {
        Error::InvalidContext(format!("the @id of term {name} cannot be determined"))
    })?;
    Ok((id, datatype))
}

fn expand_curie(value: &str, context: &Map<String, Value>, active: &TermMap) -> Result<String> {
    let mut value = value.to_owned();
    for _ in 0..MAX_CURIE_STEPS {
        let Some((prefix, suffix)) = value.split_once(':') else {
            return Ok(value);
        };
        let iri = match context.get(prefix) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Object(o)) => o.get("@id").and_then(Value::as_str).map(str::to_owned),
            Some(Value::Null) | None => match active.get(prefix) {
                Some(d) => d.iri().map(str::to_owned),
                None => return Ok(value),
            },
            Some(_) => None,
        };
        let Some(iri) = iri else {
            return Err(Error::InvalidContext(format!("prefix {prefix} has no @id")));
        };
        value = format!("{iri}{suffix}");
    }
    Err(Error::InvalidContext(format!(
        "CURIE {value} expands more than {MAX_CURIE_STEPS} times"
    )))
}
