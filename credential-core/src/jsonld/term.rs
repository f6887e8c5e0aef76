//! Term definitions and their creation from a local context (JSON-LD 1.1 Processing Algorithms
//! and API §4.2 "Create Term Definition").

use super::context::{invalid, Context};
use super::iri::prefix_colon;
use super::keywords::{is_keyword, looks_like_keyword};
use crate::error::Result;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::Arc;

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

/// A term definition (JSON-LD 1.1 API §4.2), as JSON-LD expansion and CBOR-LD both read it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TermDefinition {
    /// IRI mapping (an IRI, blank node identifier or keyword); `None` when the term maps to
    /// null (it is then ignored).
    pub iri: Option<String>,
    /// Whether the term may be the prefix of a compact IRI.
    pub prefix: bool,
    /// Whether the definition is protected from redefinition.
    pub protected: bool,
    /// Whether the term is a reverse property.
    pub reverse: bool,
    /// `@id`, `@vocab`, `@json`, `@none`, or a datatype IRI.
    pub type_mapping: Option<String>,
    /// Container mapping ([`container`] flags).
    pub container: u8,
    /// Scoped context, unprocessed (shared: its address keys the processed-context cache).
    pub context: Option<Arc<Value>>,
    /// The URL of the document the scoped context came from.
    pub base_url: Option<String>,
    /// Language mapping; `Some(None)` when the term explicitly sets no language.
    pub language: Option<Option<String>>,
    /// Direction mapping; `Some(None)` when the term explicitly sets no direction.
    pub direction: Option<Option<String>>,
    /// Index mapping (`@index` of an index container).
    pub index: Option<String>,
    /// Nest value.
    pub nest: Option<String>,
}

/// A base direction (`@direction`): `null`, `"ltr"` or `"rtl"`.
pub(super) fn direction(v: &Value) -> Result<Option<String>> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s == "ltr" || s == "rtl" => Ok(Some(s.clone())),
        _ => Err(invalid("invalid base direction")),
    }
}

/// Creates the term definitions of one local context (§4.2.2).
pub(super) struct Definer<'a> {
    local: &'a Map<String, Value>,
    /// `false` while a term is being defined (to detect cycles), `true` once defined.
    defined: HashMap<String, bool>,
    base_url: Option<&'a str>,
    protected: bool,
    override_protected: bool,
}

const GEN_DELIMS: &[char] = &[':', '/', '?', '#', '[', ']', '@'];

impl<'a> Definer<'a> {
    /// A definer of the terms of `local`, a context from the document at `base_url`
    /// (`protected`: the context's `@protected`).
    pub(super) fn new(
        local: &'a Map<String, Value>,
        base_url: Option<&'a str>,
        protected: bool,
        override_protected: bool,
    ) -> Self {
        Definer {
            local,
            defined: HashMap::new(),
            base_url,
            protected,
            override_protected,
        }
    }

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

    /// Defines `term` of the local context in `result` (after the terms it depends on).
    pub(super) fn define(&mut self, result: &mut Context, term: &str) -> Result<()> {
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
        let mut def = TermDefinition {
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
