//! JSON-LD 1.1 context processing (JSON-LD 1.1 Processing Algorithms and API §4.1 "Context
//! Processing", §4.2 "Create Term Definition") and IRI expansion (§5.2), offline.
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

use super::store::ContextStore;
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Deepest chain of remote contexts loading one another.
const MAX_REMOTE_CONTEXTS: usize = 32;

/// JSON-LD 1.1 keywords (JSON-LD 1.1 §9.16 / "Keywords").
pub(super) const KEYWORDS: &[&str] = &[
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

/// Whether `s` is a JSON-LD keyword.
pub(super) fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Whether `s` has the form of a keyword (`@` followed by letters only), JSON-LD 1.1 §3.1.
pub(super) fn looks_like_keyword(s: &str) -> bool {
    s.len() > 1 && s.starts_with('@') && s[1..].bytes().all(|b| b.is_ascii_alphabetic())
}

/// The byte offset of the first `:` after the first character (a compact IRI's or absolute IRI's
/// colon), if any. `:` is ASCII, so a byte search never splits a character.
pub(super) fn prefix_colon(s: &str) -> Option<usize> {
    s.bytes()
        .enumerate()
        .skip(1)
        .find(|&(_, b)| b == b':')
        .map(|(i, _)| i)
}

/// Container mapping flags.
pub(super) mod container {
    pub const LIST: u8 = 1;
    pub const SET: u8 = 2;
    pub const INDEX: u8 = 4;
    pub const LANGUAGE: u8 = 8;
    pub const GRAPH: u8 = 16;
    pub const ID: u8 = 32;
    pub const TYPE: u8 = 64;
}

/// A term definition.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TermDef {
    /// IRI mapping (an IRI, blank node identifier or keyword); `None` when the term maps to
    /// null (it is then ignored).
    pub iri: Option<String>,
    pub prefix: bool,
    pub protected: bool,
    pub reverse: bool,
    /// `@id`, `@vocab`, `@json`, `@none`, or a datatype IRI.
    pub type_mapping: Option<String>,
    pub container: u8,
    /// Scoped context (unprocessed) and the URL of the document it came from.
    pub context: Option<Arc<Value>>,
    pub base_url: Option<String>,
    /// `Some(None)` when the term explicitly sets no language.
    pub language: Option<Option<String>>,
    pub direction: Option<Option<String>>,
    pub index: Option<String>,
    pub nest: Option<String>,
}

/// An active context.
#[derive(Debug, Clone)]
pub(super) struct Context {
    /// Unique per processed context (keys the cache of scoped contexts).
    pub id: u64,
    pub terms: HashMap<String, Arc<TermDef>>,
    pub vocab: Option<String>,
    pub base: Option<String>,
    pub language: Option<String>,
    pub direction: Option<String>,
    /// The context to return to after a non-propagated (type-scoped) context.
    pub previous: Option<Arc<Context>>,
}

fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn invalid(msg: impl Into<String>) -> Error {
    Error::InvalidContext(msg.into())
}

impl Context {
    /// An empty context with no base IRI (documents are not fetched, so have no URL).
    pub(super) fn empty() -> Self {
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

    pub(super) fn term(&self, term: &str) -> Option<&TermDef> {
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

/// Resolves a reference against an absolute base IRI: RFC 3986 §5.2.2 "Transform References",
/// with §5.2.3 "Merge Paths" and §5.2.4 "Remove Dot Segments" (JSON-LD 1.1 API §5.2.2 step 8
/// and §4.1.2 step 5.2.1 defer to it). Network-path (`//host/…`) references and `.`/`..` segments
/// are resolved as the RFC says (W3C JSON-LD expand tests 0029, 0048, 0062, c031; toRdf
/// 0120–0129).
fn resolve(base: &str, reference: &str) -> String {
    let b = IriParts::parse(base);
    let r = IriParts::parse(reference);
    let (scheme, authority, path, query) = if r.scheme.is_some() {
        (r.scheme, r.authority, remove_dot_segments(r.path), r.query)
    } else if r.authority.is_some() {
        (b.scheme, r.authority, remove_dot_segments(r.path), r.query)
    } else if r.path.is_empty() {
        (
            b.scheme,
            b.authority,
            b.path.to_owned(),
            r.query.or(b.query),
        )
    } else if r.path.starts_with('/') {
        (b.scheme, b.authority, remove_dot_segments(r.path), r.query)
    } else {
        // §5.2.3: the base path up to its last "/", or "/" for an authority with an empty path.
        let merged = if b.authority.is_some() && b.path.is_empty() {
            format!("/{}", r.path)
        } else {
            let dir = b.path.rfind('/').map_or("", |i| &b.path[..=i]);
            format!("{dir}{}", r.path)
        };
        (b.scheme, b.authority, remove_dot_segments(&merged), r.query)
    };
    // §5.3 "Component Recomposition".
    let mut out = String::with_capacity(base.len() + reference.len());
    if let Some(s) = scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The five components of an IRI reference (RFC 3986 Appendix B).
struct IriParts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

impl<'a> IriParts<'a> {
    fn parse(s: &'a str) -> Self {
        let (s, fragment) = match s.split_once('#') {
            Some((s, f)) => (s, Some(f)),
            None => (s, None),
        };
        let (s, query) = match s.split_once('?') {
            Some((s, q)) => (s, Some(q)),
            None => (s, None),
        };
        let (scheme, rest) = match s.split_once(':') {
            Some((scheme, rest)) if !scheme.is_empty() && !scheme.contains('/') => {
                (Some(scheme), rest)
            }
            _ => (None, s),
        };
        let (authority, path) = match rest.strip_prefix("//") {
            Some(r) => {
                let end = r.find('/').unwrap_or(r.len());
                (Some(&r[..end]), &r[end..])
            }
            None => (None, rest),
        };
        IriParts {
            scheme,
            authority,
            path,
            query,
            fragment,
        }
    }
}

/// RFC 3986 §5.2.4 "Remove Dot Segments". The input buffer is always a suffix of `path` (or
/// `"/"`), so the work is linear in the path's length.
fn remove_dot_segments(path: &str) -> String {
    fn pop_segment(out: &mut String) {
        let cut = out.rfind('/').unwrap_or(0);
        out.truncate(cut);
    }
    let mut out = String::with_capacity(path.len());
    let mut input = path;
    while !input.is_empty() {
        if let Some(rest) = input
            .strip_prefix("../")
            .or_else(|| input.strip_prefix("./"))
        {
            input = rest; // A
        } else if input.starts_with("/./") {
            input = &input[2..]; // B
        } else if input == "/." {
            input = "/"; // B
        } else if input.starts_with("/../") {
            input = &input[3..]; // C
            pop_segment(&mut out);
        } else if input == "/.." {
            input = "/"; // C
            pop_segment(&mut out);
        } else if input == "." || input == ".." {
            input = ""; // D
        } else {
            // E: the first segment, with its leading "/" if any.
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| i + start);
            out.push_str(&input[..end]);
            input = &input[end..];
        }
    }
    out
}

/// Processed scoped contexts, by the context they were applied to and the term definition they
/// came from: a credential's `VerifiableCredential` and `DataIntegrityProof` type-scoped contexts
/// are processed once per verifier, not once per document.
#[derive(Default)]
pub(super) struct ScopedCache {
    #[allow(clippy::type_complexity)]
    map: Mutex<HashMap<(u64, usize, bool, bool), (Arc<Value>, Arc<Context>)>>,
}

/// Most processed scoped contexts kept.
const SCOPED_CACHE_ENTRIES: usize = 1024;

impl ScopedCache {
    /// `local` (a term definition's scoped context) applied to `active`, from the cache or
    /// processed now.
    pub(super) fn apply(
        &self,
        store: &ContextStore,
        active: &Arc<Context>,
        local: &Arc<Value>,
        base_url: Option<&str>,
        flags: Flags,
    ) -> Result<Arc<Context>> {
        // The entry holds `local`, so its address cannot be reused while the entry exists.
        let key = (
            active.id,
            Arc::as_ptr(local) as usize,
            flags.override_protected,
            flags.propagate,
        );
        if let Some((_, hit)) = self.map.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(hit);
        }
        let processed = Arc::new(process(
            store,
            active,
            local,
            base_url,
            &mut Vec::new(),
            flags,
        )?);
        if let Ok(mut map) = self.map.lock() {
            if map.len() >= SCOPED_CACHE_ENTRIES {
                map.clear();
            }
            map.insert(key, (local.clone(), processed.clone()));
        }
        Ok(processed)
    }

    /// Forgets every processed context.
    pub(super) fn clear(&self) {
        if let Ok(mut map) = self.map.lock() {
            map.clear();
        }
    }
}

/// Options of one context-processing call.
#[derive(Clone, Copy)]
pub(super) struct Flags {
    pub override_protected: bool,
    pub propagate: bool,
}

impl Flags {
    pub(super) const DEFAULT: Flags = Flags {
        override_protected: false,
        propagate: true,
    };
}

/// Context processing (§4.1.2): `local` applied to `active`.
pub(super) fn process(
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
    let mut definer = Definer {
        local: def,
        defined: HashMap::new(),
        base_url,
        protected,
        override_protected: flags.override_protected,
    };
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

fn direction(v: &Value) -> Result<Option<String>> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s == "ltr" || s == "rtl" => Ok(Some(s.clone())),
        _ => Err(invalid("invalid base direction")),
    }
}

/// Creates the term definitions of one local context (§4.2.2).
struct Definer<'a> {
    local: &'a Map<String, Value>,
    /// `false` while a term is being defined (to detect cycles), `true` once defined.
    defined: HashMap<String, bool>,
    base_url: Option<&'a str>,
    protected: bool,
    override_protected: bool,
}

const GEN_DELIMS: &[char] = &[':', '/', '?', '#', '[', ']', '@'];

impl Definer<'_> {
    /// IRI expansion during context processing: terms of the local context are defined first
    /// when the value (or its prefix) names one (§5.2.2 steps 4 and 6.3).
    fn expand(&mut self, result: &mut Context, value: &str, vocab: bool) -> Result<Option<String>> {
        if is_keyword(value) {
            return Ok(Some(value.to_owned()));
        }
        if self.local.contains_key(value) && self.defined.get(value) != Some(&true) {
            self.define(result, value)?;
        }
        if let Some(colon) = prefix_colon(value) {
            let (prefix, suffix) = (&value[..colon], &value[colon + 1..]);
            // Step 6.2 comes before 6.3: a blank node identifier, or an IRI whose suffix starts
            // with "//" (`http://…`), is returned as it is, so a term named like its prefix is
            // not defined on its account (W3C expand test 0067, where defining `http` from its
            // own `http://…` IRI would be a false cycle).
            if prefix != "_"
                && !suffix.starts_with("//")
                && self.local.contains_key(prefix)
                && self.defined.get(prefix) != Some(&true)
            {
                self.define(result, prefix)?;
            }
        }
        Ok(result.expand_iri(value, false, vocab))
    }

    fn define(&mut self, result: &mut Context, term: &str) -> Result<()> {
        match self.defined.get(term) {
            Some(true) => return Ok(()),
            Some(false) => return Err(invalid(format!("cyclic IRI mapping at {term:?}"))),
            None => {}
        }
        if term.is_empty() {
            return Err(invalid("invalid term definition: empty term"));
        }
        self.defined.insert(term.to_owned(), false);
        let value = &self.local[term];
        if term == "@type" {
            let ok = value.as_object().is_some_and(|o| {
                !o.is_empty()
                    && o.iter().all(|(k, v)| match k.as_str() {
                        "@container" => v == "@set",
                        "@protected" => v.is_boolean(),
                        _ => false,
                    })
            });
            if !ok {
                return Err(invalid("keyword redefinition: @type"));
            }
        } else if is_keyword(term) {
            return Err(invalid(format!("keyword redefinition: {term}")));
        } else if looks_like_keyword(term) {
            self.defined.insert(term.to_owned(), true);
            return Ok(());
        }
        let previous = result.terms.remove(term);
        let (value, simple) = match value {
            Value::Null => (None, false),
            Value::String(_) => (None, true),
            Value::Object(o) => (Some(o), false),
            _ => return Err(invalid(format!("invalid term definition for {term:?}"))),
        };
        let mut def = TermDef {
            iri: None,
            prefix: false,
            protected: self.protected,
            reverse: false,
            type_mapping: None,
            container: 0,
            context: None,
            base_url: None,
            language: None,
            direction: None,
            index: None,
            nest: None,
        };
        let id_value: Option<&Value> = match (value, &self.local[term]) {
            (None, Value::String(_)) => Some(&self.local[term]),
            (None, _) => Some(&Value::Null),
            (Some(o), _) => o.get("@id"),
        };
        let empty = Map::new();
        let o = value.unwrap_or(&empty);
        for key in o.keys() {
            if !matches!(
                key.as_str(),
                "@id"
                    | "@reverse"
                    | "@container"
                    | "@context"
                    | "@direction"
                    | "@index"
                    | "@language"
                    | "@nest"
                    | "@prefix"
                    | "@protected"
                    | "@type"
            ) {
                return Err(invalid(format!(
                    "invalid term definition for {term:?}: {key:?}"
                )));
            }
        }
        if let Some(p) = o.get("@protected") {
            def.protected = p
                .as_bool()
                .ok_or_else(|| invalid("invalid @protected value"))?;
        }
        if let Some(t) = o.get("@type") {
            let t = t
                .as_str()
                .ok_or_else(|| invalid(format!("invalid type mapping for {term:?}")))?;
            let iri = self.expand(result, t, true)?.unwrap_or_default();
            if !matches!(iri.as_str(), "@id" | "@json" | "@none" | "@vocab")
                && !crate::canon::rdf::is_absolute_iri(&iri)
            {
                return Err(invalid(format!("invalid type mapping {t:?} for {term:?}")));
            }
            def.type_mapping = Some(iri);
        }
        if let Some(r) = o.get("@reverse") {
            if o.contains_key("@id") || o.contains_key("@nest") {
                return Err(invalid(format!("invalid reverse property {term:?}")));
            }
            let r = r
                .as_str()
                .ok_or_else(|| invalid(format!("invalid IRI mapping for {term:?}")))?;
            if looks_like_keyword(r) {
                self.defined.insert(term.to_owned(), true);
                return Ok(());
            }
            let iri = self.expand(result, r, true)?.unwrap_or_default();
            if !iri.contains(':') {
                return Err(invalid(format!("invalid IRI mapping for {term:?}")));
            }
            def.iri = Some(iri);
            def.reverse = true;
        } else if let Some(id) = id_value.filter(|id| id.as_str() != Some(term)) {
            match id {
                Value::Null => {}
                Value::String(id) => {
                    if !is_keyword(id) && looks_like_keyword(id) {
                        self.defined.insert(term.to_owned(), true);
                        return Ok(());
                    }
                    let iri = self.expand(result, id, true)?.unwrap_or_default();
                    if !(is_keyword(&iri) || iri.contains(':')) {
                        return Err(invalid(format!("invalid IRI mapping for {term:?}")));
                    }
                    if iri == "@context" {
                        return Err(invalid("invalid keyword alias: @context"));
                    }
                    let inner_colon = prefix_colon(term).is_some_and(|i| i + 1 < term.len());
                    if inner_colon || term.contains('/') {
                        self.defined.insert(term.to_owned(), true);
                        let own = self.expand(result, term, true)?;
                        if own.as_deref() != Some(iri.as_str()) {
                            return Err(invalid(format!(
                                "invalid IRI mapping: {term:?} does not expand to {iri:?}"
                            )));
                        }
                    } else if simple && (iri.ends_with(GEN_DELIMS) || iri.starts_with("_:")) {
                        def.prefix = true;
                    }
                    def.iri = Some(iri);
                }
                _ => return Err(invalid(format!("invalid IRI mapping for {term:?}"))),
            }
        } else if let Some(colon) = prefix_colon(term) {
            let prefix = &term[..colon];
            if self.local.contains_key(prefix) {
                self.define(result, prefix)?;
            }
            def.iri = Some(match result.term(prefix).and_then(|d| d.iri.as_ref()) {
                Some(iri) => format!("{iri}{}", &term[colon + 1..]),
                None => term.to_owned(),
            });
        } else if term.contains('/') {
            let iri = result.expand_iri(term, false, true).unwrap_or_default();
            if !crate::canon::rdf::is_absolute_iri(&iri) {
                return Err(invalid(format!("invalid IRI mapping for {term:?}")));
            }
            def.iri = Some(iri);
        } else if term == "@type" {
            def.iri = Some("@type".into());
        } else if let Some(vocab) = &result.vocab {
            def.iri = Some(format!("{vocab}{term}"));
        } else {
            return Err(invalid(format!(
                "invalid IRI mapping: {term:?} has no IRI and there is no @vocab"
            )));
        }
        if let Some(c) = o.get("@container") {
            def.container = container_flags(c)
                .ok_or_else(|| invalid(format!("invalid container mapping for {term:?}")))?;
            if def.reverse && def.container & !(container::SET | container::INDEX) != 0 {
                return Err(invalid(format!("invalid reverse property {term:?}")));
            }
            if def.container & container::TYPE != 0 {
                match def.type_mapping.as_deref() {
                    None => def.type_mapping = Some("@id".into()),
                    Some("@id" | "@vocab") => {}
                    Some(_) => return Err(invalid(format!("invalid type mapping for {term:?}"))),
                }
            }
        }
        if let Some(i) = o.get("@index") {
            match i.as_str() {
                Some(i) if def.container & container::INDEX != 0 && !is_keyword(i) => {
                    def.index = Some(i.to_owned())
                }
                _ => return Err(invalid(format!("invalid term definition for {term:?}"))),
            }
        }
        if let Some(ctx) = o.get("@context") {
            def.context = Some(Arc::new(ctx.clone()));
            def.base_url = self.base_url.map(str::to_owned);
        }
        if o.contains_key("@language") && !o.contains_key("@type") {
            def.language = Some(match &o["@language"] {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                _ => return Err(invalid(format!("invalid language mapping for {term:?}"))),
            });
        }
        if o.contains_key("@direction") && !o.contains_key("@type") {
            def.direction = Some(direction(&o["@direction"])?);
        }
        if let Some(n) = o.get("@nest") {
            match n.as_str() {
                Some(n) if n == "@nest" || !is_keyword(n) => def.nest = Some(n.to_owned()),
                _ => return Err(invalid(format!("invalid @nest value for {term:?}"))),
            }
        }
        if let Some(p) = o.get("@prefix") {
            if term.contains(':') || term.contains('/') {
                return Err(invalid(format!("invalid term definition for {term:?}")));
            }
            def.prefix = p
                .as_bool()
                .ok_or_else(|| invalid("invalid @prefix value"))?;
            if def.prefix && def.iri.as_deref().is_some_and(is_keyword) {
                return Err(invalid(format!("invalid term definition for {term:?}")));
            }
        }
        if let Some(previous) = previous {
            if previous.protected && !self.override_protected {
                let mut same = def.clone();
                same.protected = previous.protected;
                same.base_url.clone_from(&previous.base_url);
                if same != *previous {
                    return Err(invalid(format!("protected term redefinition: {term:?}")));
                }
                def = (*previous).clone();
            }
        }
        result.terms.insert(term.to_owned(), Arc::new(def));
        self.defined.insert(term.to_owned(), true);
        Ok(())
    }
}

/// Container mapping flags, or `None` for an invalid combination (§4.2.2 step 19).
fn container_flags(v: &Value) -> Option<u8> {
    let items: Vec<&str> = match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().map(Value::as_str).collect::<Option<_>>()?,
        _ => return None,
    };
    let mut flags = 0u8;
    for i in &items {
        flags |= match *i {
            "@list" => container::LIST,
            "@set" => container::SET,
            "@index" => container::INDEX,
            "@language" => container::LANGUAGE,
            "@graph" => container::GRAPH,
            "@id" => container::ID,
            "@type" => container::TYPE,
            _ => return None,
        };
    }
    use container::*;
    let valid = match flags & !SET {
        0 | INDEX | LANGUAGE | ID | TYPE | GRAPH => true,
        LIST => flags == LIST,
        x if x == GRAPH | ID || x == GRAPH | INDEX => true,
        _ => false,
    };
    valid.then_some(flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_against_a_base() {
        let b = "https://ex.org/a/b?q#f";
        assert_eq!(resolve(b, "c"), "https://ex.org/a/c");
        assert_eq!(resolve(b, "/c"), "https://ex.org/c");
        assert_eq!(resolve(b, "#g"), "https://ex.org/a/b?q#g");
        assert_eq!(resolve(b, "?r"), "https://ex.org/a/b?r");
        assert_eq!(resolve("https://ex.org", "c"), "https://ex.org/c");
    }

    /// RFC 3986 §5.4.1 "Normal Examples" and §5.4.2 "Abnormal Examples".
    #[test]
    fn rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
        ] {
            assert_eq!(resolve(base, reference), want, "{reference:?}");
        }
    }

    #[test]
    fn container_combinations() {
        for ok in [
            serde_json::json!("@set"),
            serde_json::json!(["@graph", "@id", "@set"]),
            serde_json::json!("@list"),
        ] {
            assert!(container_flags(&ok).is_some(), "{ok}");
        }
        for bad in [
            serde_json::json!(["@list", "@set"]),
            serde_json::json!(["@language", "@id"]),
            serde_json::json!("@foo"),
            serde_json::json!(1),
        ] {
            assert!(container_flags(&bad).is_none(), "{bad}");
        }
    }
}
