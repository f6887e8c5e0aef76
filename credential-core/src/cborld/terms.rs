//! The CBOR-LD term codec map: the ids of terms, assigned as contexts are met.
//!
//! Term ids follow CBOR-LD 1.0: JSON-LD keywords have fixed even ids below 100 (the keyword
//! table of [`crate::jsonld::keywords`]); every other term gets the next even id from 100 the
//! first time a context defining it is applied, each context's keys taken in code-unit order. An
//! encoder and a decoder that apply the same contexts in the same order therefore agree on every
//! id without sending the table. The odd id after a term's id means "the value is an array".

use super::js_cmp;
use crate::error::{Error, Result};
use crate::jsonld::{keywords, ContextStore};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// First id given to a term that is not a keyword.
const FIRST_TERM_ID: u64 = 100;
/// Bound on the number of terms (guards against payloads that embed huge contexts).
const MAX_TERMS: usize = 20_000;

/// Term ids for one encode or decode.
#[derive(Default)]
pub(super) struct TermCodes {
    ids: HashMap<String, u64>,
    /// Terms by id: the term of id `FIRST_TERM_ID + 2 i` is `names[i]`.
    names: Vec<String>,
}

impl TermCodes {
    /// The id of `term`, if it has one (keywords and terms of the contexts met).
    pub fn id(&self, term: &str) -> Option<u64> {
        keywords::cborld_id(term).or_else(|| self.ids.get(term).copied())
    }

    /// The term of an even `id`.
    pub fn term(&self, id: u64) -> Option<&str> {
        if id < FIRST_TERM_ID {
            return keywords::by_cborld_id(id);
        }
        if id % 2 != 0 {
            return None;
        }
        let index = usize::try_from((id - FIRST_TERM_ID) / 2).ok()?;
        self.names.get(index).map(String::as_str)
    }

    /// Gives ids to the terms of `context` (a `@context` value: a URL of `store`, an embedded
    /// context, or an array of them) not met before, context by context.
    pub fn add(&mut self, store: &ContextStore, context: &Value) -> Result<()> {
        let items = match context {
            Value::Array(a) => a.as_slice(),
            one => std::slice::from_ref(one),
        };
        for item in items {
            match item {
                Value::String(url) => {
                    let doc = store.get_json(url)?;
                    match doc.get("@context") {
                        Some(Value::Object(o)) => self.add_terms(o)?,
                        _ => {
                            return Err(Error::InvalidContext(format!(
                                "{url}: @context is not one object"
                            )))
                        }
                    }
                }
                Value::Object(o) => self.add_terms(o)?,
                other => {
                    return Err(Error::CborLdCannotEncode(format!(
                        "unsupported @context value {other}"
                    )))
                }
            }
        }
        Ok(())
    }

    /// The terms a context defines (its keys but keywords and terms mapped to `null`) that
    /// have no id yet, in code-unit order.
    fn add_terms(&mut self, context: &Map<String, Value>) -> Result<()> {
        let mut new: Vec<&String> = context
            .iter()
            .filter(|(name, def)| {
                !def.is_null()
                    && !keywords::is_any_keyword(name)
                    && !self.ids.contains_key(name.as_str())
            })
            .map(|(name, _)| name)
            .collect();
        if self.ids.len() + new.len() > MAX_TERMS {
            return Err(Error::CborLdInvalid("too many terms".into()));
        }
        crate::sort::sort_by(&mut new, &|a, b| js_cmp(a, b).is_lt());
        for name in new {
            let id = FIRST_TERM_ID + 2 * self.names.len() as u64;
            self.ids.insert(name.clone(), id);
            self.names.push(name.clone());
        }
        Ok(())
    }
}
