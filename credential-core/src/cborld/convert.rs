//! The CBOR-LD 1.0 conversion walk, in both directions. Both sides visit objects the same way:
//! `@context` first, then type-scoped contexts (types in code-unit order), then the properties
//! in code-unit order of their terms, each with its property-scoped context, depth first. That
//! shared order is what makes the term ids agree.

use super::scope::{is_type_term, Scopes};
use super::table::{TypeTable, URL};
use super::values::{self, table_type};
use super::{js_cmp, sort_map};
use crate::error::{Error, Result};
use crate::jsonld::Context;
use ciborium::Value as Cbor;
use serde_json::{Map, Value};
use std::sync::Arc;

/// Term id of `@context` (single value); `+ 1` for an array of contexts.
const CONTEXT_ID: u64 = 0;
/// Nesting bound for documents given to the encoder.
const MAX_DEPTH: usize = 64;

/// JSON-LD -> CBOR-LD payload.
pub(super) struct Compressor<'s> {
    pub scopes: Scopes<'s>,
    pub table: TypeTable,
}

impl Compressor<'_> {
    /// An object whose parent's context is `parent` (`None` for the document).
    pub fn object(
        &mut self,
        parent: Option<&Arc<Context>>,
        obj: &Map<String, Value>,
        depth: usize,
    ) -> Result<Cbor> {
        if depth > MAX_DEPTH {
            return Err(Error::JsonTooDeep { max: MAX_DEPTH });
        }
        let context = obj.get("@context");
        let ctx = self.scopes.object(parent, context)?;
        let mut out = Vec::new();
        match context {
            Some(Value::Array(list)) => {
                let items = list
                    .iter()
                    .map(|c| values::encode_context(c, &self.table))
                    .collect::<Result<_>>()?;
                out.push(((CONTEXT_ID + 1).into(), Cbor::Array(items)));
            }
            Some(one) => out.push((CONTEXT_ID.into(), values::encode_context(one, &self.table)?)),
            None => {}
        }
        let types = object_types(&ctx, obj);
        let ctx = self.scopes.typed(&ctx, &types)?;
        let mut keys: Vec<&String> = obj.keys().filter(|k| *k != "@context").collect();
        crate::sort::sort_by(&mut keys, &|a, b| js_cmp(a, b).is_lt());
        // Ids are fixed before any property-scoped context of this object is loaded.
        let ids: Vec<Cbor> = keys
            .iter()
            .map(|k| match self.scopes.codes.id(k) {
                Some(id) => Cbor::Integer((id + u64::from(obj[*k].is_array())).into()),
                None => Cbor::Text((*k).clone()),
            })
            .collect();
        for (key, id) in keys.into_iter().zip(ids) {
            let value_ctx = self.scopes.property(&ctx, key)?;
            let kind = table_type(key, ctx.term(key)).to_owned();
            let encoded = self.value(&value_ctx, &kind, &obj[key], depth)?;
            out.push((id, encoded));
        }
        sort_map(&mut out);
        Ok(Cbor::Map(out))
    }

    fn value(&mut self, ctx: &Arc<Context>, kind: &str, v: &Value, depth: usize) -> Result<Cbor> {
        match v {
            Value::Null => Ok(Cbor::Null),
            Value::Array(items) => {
                if kind != super::table::NONE && items.iter().any(Value::is_array) {
                    return Err(Error::CborLdCannotEncode(
                        "an array directly inside an array of typed values".into(),
                    ));
                }
                let out = items
                    .iter()
                    .map(|i| self.value(ctx, kind, i, depth + 1))
                    .collect::<Result<_>>()?;
                Ok(Cbor::Array(out))
            }
            Value::Object(o) => self.object(Some(ctx), o, depth + 1),
            scalar => values::encode(scalar, kind, &self.table, &self.scopes.codes),
        }
    }
}

/// Most objects a decoded document may hold: the verifier's own JSON bound (`JsonLimits`), so
/// a payload of many tiny maps cannot make the decoder walk contexts for each of them.
const MAX_OBJECTS: usize = 1024;

/// CBOR-LD payload -> JSON-LD.
pub(super) struct Decompressor<'s> {
    pub scopes: Scopes<'s>,
    pub table: TypeTable,
    pub objects: usize,
}

impl Decompressor<'_> {
    /// An object whose parent's context is `parent` (`None` for the document).
    pub fn object(
        &mut self,
        parent: Option<&Arc<Context>>,
        map: &[(Cbor, Cbor)],
    ) -> Result<Map<String, Value>> {
        self.objects += 1;
        if self.objects > MAX_OBJECTS {
            return Err(Error::TooManyObjects { max: MAX_OBJECTS });
        }
        let mut out = Map::new();
        match (lookup(map, CONTEXT_ID), lookup(map, CONTEXT_ID + 1)) {
            (Some(_), Some(_)) => {
                return Err(Error::CborLdInvalid(
                    "both a single and an array @context".into(),
                ))
            }
            (Some(one), None) => {
                out.insert("@context".into(), values::decode_context(one, &self.table)?);
            }
            (None, Some(Cbor::Array(list))) => {
                let list = list
                    .iter()
                    .map(|c| values::decode_context(c, &self.table))
                    .collect::<Result<_>>()?;
                out.insert("@context".into(), Value::Array(list));
            }
            (None, Some(_)) => {
                return Err(Error::CborLdInvalid(
                    "an array @context that is not an array".into(),
                ))
            }
            (None, None) => {}
        }
        let ctx = self.scopes.object(parent, out.get("@context"))?;
        // The values of `@type` and its aliases, found by the ids known before the type-scoped
        // contexts apply.
        let mut raw_types = Vec::new();
        for (key, value) in map {
            let term = match key {
                Cbor::Integer(i) => u64::try_from(*i)
                    .ok()
                    .and_then(|id| self.scopes.codes.term(id & !1)),
                Cbor::Text(t) => Some(t.as_str()),
                _ => None,
            };
            if !term.is_some_and(|t| is_type_term(&ctx, t)) {
                continue;
            }
            match value {
                Cbor::Array(items) => raw_types.extend(items.iter()),
                one => raw_types.push(one),
            }
        }
        let mut decoded_types = Vec::new();
        for t in raw_types {
            if let Some(Value::String(s)) = values::decode(t, URL, &self.table, &self.scopes.codes)?
            {
                decoded_types.push(s);
            }
        }
        let types = sorted_unique(decoded_types);
        let ctx = self.scopes.typed(&ctx, &types)?;

        let mut entries = Vec::new();
        for (key, value) in map {
            let (term, plural) = match key {
                Cbor::Integer(i) => {
                    let id = u64::try_from(*i)
                        .map_err(|_| Error::CborLdInvalid(format!("negative term id {i:?}")))?;
                    if id <= CONTEXT_ID + 1 {
                        continue;
                    }
                    let term = self
                        .scopes
                        .codes
                        .term(id & !1)
                        .ok_or_else(|| Error::CborLdInvalid(format!("unknown term id {id}")))?;
                    (term.to_owned(), id & 1 == 1)
                }
                Cbor::Text(t) => (t.clone(), false),
                _ => return Err(Error::CborLdInvalid("a map key that is not a term".into())),
            };
            entries.push((term, plural, value));
        }
        crate::sort::sort_by(&mut entries, &|a, b| js_cmp(&a.0, &b.0).is_lt());
        if entries.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(Error::CborLdInvalid("a term appears twice".into()));
        }
        for (term, plural, value) in entries {
            let value_ctx = self.scopes.property(&ctx, &term)?;
            let kind = table_type(&term, ctx.term(&term)).to_owned();
            let decoded = if plural {
                let Cbor::Array(items) = value else {
                    return Err(Error::CborLdInvalid(format!(
                        "the array term id of {term} holds a single value"
                    )));
                };
                Value::Array(
                    items
                        .iter()
                        .map(|i| self.value(&value_ctx, &kind, i))
                        .collect::<Result<_>>()?,
                )
            } else {
                self.value(&value_ctx, &kind, value)?
            };
            out.insert(term, decoded);
        }
        Ok(out)
    }

    fn value(&mut self, ctx: &Arc<Context>, kind: &str, v: &Cbor) -> Result<Value> {
        match v {
            Cbor::Null => Ok(Value::Null),
            Cbor::Map(m) => Ok(Value::Object(self.object(Some(ctx), m)?)),
            other => match values::decode(other, kind, &self.table, &self.scopes.codes)? {
                Some(decoded) => Ok(decoded),
                None => match other {
                    Cbor::Array(items) => Ok(Value::Array(
                        items
                            .iter()
                            .map(|i| self.value(ctx, kind, i))
                            .collect::<Result<_>>()?,
                    )),
                    _ => Err(Error::CborLdInvalid("an undecodable value".into())),
                },
            },
        }
    }
}

fn lookup(map: &[(Cbor, Cbor)], id: u64) -> Option<&Cbor> {
    map.iter()
        .find(|(k, _)| k.as_integer().is_some_and(|i| u64::try_from(i) == Ok(id)))
        .map(|(_, v)| v)
}

/// The string values of `@type` and its aliases in `obj`.
fn object_types(ctx: &Context, obj: &Map<String, Value>) -> Vec<String> {
    let mut types = Vec::new();
    for (term, value) in obj {
        if !is_type_term(ctx, term) {
            continue;
        }
        match value {
            Value::String(s) => types.push(s.clone()),
            Value::Array(items) => {
                types.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)))
            }
            _ => {}
        }
    }
    sorted_unique(types)
}

/// Distinct types in code-unit order: the order in which type-scoped contexts apply.
fn sorted_unique(mut types: Vec<String>) -> Vec<String> {
    crate::sort::sort_by(&mut types, &|a, b| js_cmp(a, b).is_lt());
    types.dedup();
    types
}
