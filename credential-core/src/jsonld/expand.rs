//! JSON-LD 1.1 expansion (Processing Algorithms and API §5.1.2 "Expansion Algorithm", §5.3.2
//! "Value Expansion"), with one deliberate difference: whatever expansion would silently drop
//! (a property or type that does not expand to an IRI, a key that looks like a keyword) is an
//! error, because a dropped value is not signed.

use super::context::{process, Context, Flags};
use super::keywords::is_keyword;
use super::store::ContextStore;
use super::term::container;
use crate::canon::rdf::is_absolute_iri;
use crate::error::{Error, Result};
use crate::json::single;
use serde_json::{Map, Value};
use std::sync::Arc;

/// Expands documents against processed contexts.
pub(super) struct Expander<'a> {
    /// The store, whose processed contexts expansion reuses.
    pub store: &'a ContextStore,
}

fn jsonld(msg: impl Into<String>) -> Error {
    Error::JsonLd(msg.into())
}

fn data_loss(msg: impl Into<String>) -> Error {
    Error::DataLossDetected(msg.into())
}

fn into_array(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a,
        other => vec![other],
    }
}

fn is_value_object(v: &Value) -> bool {
    v.get("@value").is_some()
}

fn is_list_object(v: &Value) -> bool {
    v.get("@list").is_some()
}

/// Appends `items` to the array at `key` of `map`.
fn add(map: &mut Map<String, Value>, key: &str, items: Vec<Value>) {
    match map
        .entry(key.to_owned())
        .or_insert_with(|| Value::Array(Vec::new()))
    {
        Value::Array(a) => a.extend(items),
        other => {
            let first = std::mem::take(other);
            let mut all = vec![first];
            all.extend(items);
            *other = Value::Array(all);
        }
    }
}

/// Appends node objects under `@reverse`/`property` of `result` (value and list objects cannot
/// be the subject of a reverse property).
fn add_reverse(result: &mut Map<String, Value>, property: &str, items: Vec<Value>) -> Result<()> {
    if items
        .iter()
        .any(|i| is_value_object(i) || is_list_object(i))
    {
        return Err(jsonld("invalid reverse property value"));
    }
    if let Value::Object(r) = result
        .entry("@reverse")
        .or_insert_with(|| Value::Object(Map::new()))
    {
        add(r, property, items);
    }
    Ok(())
}

impl Expander<'_> {
    /// Expands a document whose top-level `@context` has already been processed into `active`.
    pub(super) fn document(
        &self,
        active: &Arc<Context>,
        doc: &Map<String, Value>,
    ) -> Result<Vec<Value>> {
        let expanded = self.object(active.clone(), None, doc, false, true)?;
        Ok(match expanded {
            None => Vec::new(),
            Some(Value::Object(mut m)) if m.len() == 1 && m.contains_key("@graph") => {
                into_array(m.remove("@graph").unwrap_or(Value::Null))
            }
            Some(v) => into_array(v),
        })
    }

    /// Expands any document (an array, or a map with or without `@context`) against `active`,
    /// with the final steps of the API's `expand()` (§9.2): a lone top-level `@graph` is
    /// unwrapped and the result is always an array.
    pub(super) fn any(&self, active: &Arc<Context>, doc: &Value) -> Result<Vec<Value>> {
        Ok(match self.expand(active, None, doc, false)? {
            None => Vec::new(),
            Some(Value::Object(mut m)) if m.len() == 1 && m.contains_key("@graph") => {
                into_array(m.remove("@graph").unwrap_or(Value::Null))
            }
            Some(v) => into_array(v),
        })
    }

    fn scoped(
        &self,
        active: &Arc<Context>,
        local: &Arc<Value>,
        base: Option<&str>,
        flags: Flags,
    ) -> Result<Arc<Context>> {
        self.store.scoped_context(active, local, base, flags)
    }

    fn expand(
        &self,
        active: &Arc<Context>,
        prop: Option<&str>,
        element: &Value,
        from_map: bool,
    ) -> Result<Option<Value>> {
        match element {
            Value::Null => Ok(None),
            Value::Array(items) => {
                let list = prop
                    .and_then(|p| active.term(p))
                    .is_some_and(|d| d.container & container::LIST != 0);
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match self.expand(active, prop, item, from_map)? {
                        Some(Value::Array(a)) if list => out.push(single("@list", Value::Array(a))),
                        Some(Value::Array(a)) => out.extend(a),
                        Some(v) => out.push(v),
                        None => {}
                    }
                }
                Ok(Some(Value::Array(out)))
            }
            Value::Object(map) => self.object(active.clone(), prop, map, from_map, false),
            scalar => {
                let Some(p) = prop.filter(|p| *p != "@graph") else {
                    return Ok(None);
                };
                let mut active = active.clone();
                if let Some(def) = active.term(p) {
                    if let Some(ctx) = &def.context {
                        let base = def.base_url.clone();
                        active =
                            self.scoped(&active, &ctx.clone(), base.as_deref(), Flags::DEFAULT)?;
                    }
                }
                Ok(Some(expand_value(&active, p, scalar)))
            }
        }
    }

    /// Steps 3 and 7–20 of the expansion algorithm for a map.
    fn object(
        &self,
        mut active: Arc<Context>,
        prop: Option<&str>,
        element: &Map<String, Value>,
        from_map: bool,
        top_level: bool,
    ) -> Result<Option<Value>> {
        let property_scoped = prop
            .and_then(|p| active.term(p))
            .and_then(|d| d.context.clone().map(|c| (c, d.base_url.clone())));
        if active.previous.is_some() && !from_map {
            let keys: Vec<Option<String>> = element
                .keys()
                .map(|k| active.expand_iri(k, false, true))
                .collect();
            let keeps = keys.iter().any(|k| k.as_deref() == Some("@value"))
                || (keys.len() == 1 && keys[0].as_deref() == Some("@id"));
            if !keeps {
                active = active.previous.clone().unwrap_or(active);
            }
        }
        if let Some((ctx, base)) = property_scoped {
            active = self.scoped(&active, &ctx, base.as_deref(), Flags::PROPERTY_SCOPED)?;
        }
        if let (Some(local), false) = (element.get("@context"), top_level) {
            let base = active.base.clone();
            active = Arc::new(process(
                self.store,
                &active,
                local,
                base.as_deref(),
                &mut Vec::new(),
                Flags::DEFAULT,
            )?);
        }
        let type_scoped = active.clone();
        let mut type_keys: Vec<&String> = element
            .keys()
            .filter(|k| active.expand_iri(k, false, true).as_deref() == Some("@type"))
            .collect();
        crate::sort::sort(&mut type_keys);
        let mut input_type = None;
        for key in type_keys {
            let mut terms: Vec<&str> = match &element[key] {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            crate::sort::sort(&mut terms);
            for t in &terms {
                if let Some(def) = type_scoped.term(t) {
                    if let Some(ctx) = def.context.clone() {
                        let base = def.base_url.clone();
                        active = self.scoped(&active, &ctx, base.as_deref(), Flags::TYPE_SCOPED)?;
                    }
                }
            }
            if let Some(last) = terms.last() {
                input_type = type_scoped.expand_iri(last, true, true);
            }
        }

        let mut result = Map::new();
        let json_value = input_type.as_deref() == Some("@json");
        self.entries(
            &active,
            &type_scoped,
            prop,
            element,
            json_value,
            &mut result,
        )?;
        finish(result, prop)
    }

    /// Step 13 (and 14, nested properties) of the expansion algorithm.
    fn entries(
        &self,
        active: &Arc<Context>,
        type_scoped: &Arc<Context>,
        prop: Option<&str>,
        element: &Map<String, Value>,
        json_value: bool,
        result: &mut Map<String, Value>,
    ) -> Result<()> {
        let mut nests = Vec::new();
        // Keys in code point order, as the reference implementation takes them: which of two
        // entries meets the other decides, for example, whether `@reverse` and a reverse term
        // are seen as colliding.
        let mut keys: Vec<&String> = element.keys().collect();
        crate::sort::sort(&mut keys);
        for key in keys {
            let value = &element[key];
            if key == "@context" {
                continue;
            }
            let expanded = active
                .expand_iri(key, false, true)
                .filter(|e| e.contains(':') || is_keyword(e))
                .ok_or_else(|| data_loss(format!("property {key:?} is defined by no context")))?;
            if is_keyword(&expanded) {
                if prop == Some("@reverse") {
                    return Err(jsonld("invalid reverse property map"));
                }
                if result.contains_key(&expanded)
                    && !matches!(expanded.as_str(), "@included" | "@type")
                {
                    return Err(jsonld(format!("colliding keywords: {expanded}")));
                }
                if expanded == "@nest" {
                    nests.push(key);
                    continue;
                }
                self.keyword(
                    active,
                    type_scoped,
                    prop,
                    &expanded,
                    value,
                    json_value,
                    result,
                )?;
                continue;
            }
            let def = active.term(key);
            let flags = def.map_or(0, |d| d.container);
            let ev = if def.and_then(|d| d.type_mapping.as_deref()) == Some("@json") {
                let mut object = single("@value", value.clone());
                object["@type"] = Value::from("@json");
                Some(object)
            } else if let (true, Value::Object(map)) = (flags & container::LANGUAGE != 0, value) {
                Some(Value::Array(language_map(active, key, map)?))
            } else if let (true, Value::Object(map)) = (
                flags & (container::INDEX | container::TYPE | container::ID) != 0,
                value,
            ) {
                Some(Value::Array(self.index_map(active, key, map, flags)?))
            } else {
                self.expand(active, Some(key), value, false)?
            };
            let Some(mut ev) = ev else {
                continue;
            };
            if flags & container::LIST != 0 && !is_list_object(&ev) {
                ev = single("@list", Value::Array(into_array(ev)));
            }
            if flags & container::GRAPH != 0 && flags & (container::ID | container::INDEX) == 0 {
                ev = Value::Array(
                    into_array(ev)
                        .into_iter()
                        .map(|v| single("@graph", Value::Array(into_array(v))))
                        .collect(),
                );
            }
            if def.is_some_and(|d| d.reverse) {
                add_reverse(result, &expanded, into_array(ev))?;
            } else {
                add(result, &expanded, into_array(ev));
            }
        }
        crate::sort::sort(&mut nests);
        for key in nests {
            for nested in into_array(element[key].clone()) {
                let Value::Object(nested) = nested else {
                    return Err(jsonld("invalid @nest value"));
                };
                if nested
                    .keys()
                    .any(|k| active.expand_iri(k, false, true).as_deref() == Some("@value"))
                {
                    return Err(jsonld("invalid @nest value"));
                }
                self.entries(active, type_scoped, prop, &nested, json_value, result)?;
            }
        }
        Ok(())
    }

    /// Step 13.4: a key that expands to a keyword.
    #[allow(clippy::too_many_arguments)]
    fn keyword(
        &self,
        active: &Arc<Context>,
        type_scoped: &Arc<Context>,
        prop: Option<&str>,
        keyword: &str,
        value: &Value,
        json_value: bool,
        result: &mut Map<String, Value>,
    ) -> Result<()> {
        let ev = match keyword {
            "@id" => {
                let id = value
                    .as_str()
                    .ok_or_else(|| jsonld("invalid @id value: not a string"))?;
                Value::String(
                    active.expand_iri(id, true, false).ok_or_else(|| {
                        data_loss(format!("@id {id:?} does not expand to an IRI"))
                    })?,
                )
            }
            "@type" => {
                let types: Vec<&str> = match value {
                    Value::String(s) => vec![s],
                    Value::Array(a) => a
                        .iter()
                        .map(Value::as_str)
                        .collect::<Option<_>>()
                        .ok_or_else(|| jsonld("invalid type value"))?,
                    _ => return Err(jsonld("invalid type value")),
                };
                let mut out = Vec::with_capacity(types.len());
                for t in types {
                    let iri = type_scoped
                        .expand_iri(t, true, true)
                        .filter(|i| i.starts_with("_:") || is_absolute_iri(i) || i == "@json")
                        .ok_or_else(|| data_loss(format!("type {t:?} is defined by no context")))?;
                    out.push(Value::String(iri));
                }
                add(result, "@type", out);
                return Ok(());
            }
            "@graph" => Value::Array(
                self.expand(active, Some("@graph"), value, false)?
                    .map(into_array)
                    .unwrap_or_default(),
            ),
            "@included" => {
                // §5.1.2 step 13.4.6.2: expanded with the active property, not as a top-level
                // value. A single value that expands to nothing (a string, or a value or list
                // object where free-floating values are dropped) is not a node object either
                // (W3C expand tests in07–in09; jsonld.js raises the same error).
                let expanded = self.expand(active, prop, value, false)?;
                if expanded.is_none() && !value.is_array() {
                    return Err(jsonld("invalid @included value"));
                }
                let items = expanded.map(into_array).unwrap_or_default();
                if items
                    .iter()
                    .any(|i| !i.is_object() || is_value_object(i) || is_list_object(i))
                {
                    return Err(jsonld("invalid @included value"));
                }
                add(result, "@included", items);
                return Ok(());
            }
            "@value" => {
                if !json_value && (value.is_object() || value.is_array()) {
                    return Err(jsonld("invalid value object value"));
                }
                value.clone()
            }
            "@language" => match value {
                Value::String(s) => Value::String(s.clone()),
                _ => return Err(jsonld("invalid language-tagged string")),
            },
            "@direction" => match value.as_str() {
                Some("ltr" | "rtl") => value.clone(),
                _ => return Err(jsonld("invalid base direction")),
            },
            "@index" => match value {
                Value::String(_) => value.clone(),
                _ => return Err(jsonld("invalid @index value")),
            },
            "@list" => {
                let Some(p) = prop.filter(|p| *p != "@graph") else {
                    return Ok(());
                };
                Value::Array(
                    self.expand(active, Some(p), value, false)?
                        .map(into_array)
                        .unwrap_or_default(),
                )
            }
            "@set" => match self.expand(active, prop, value, false)? {
                Some(v) => v,
                None => return Ok(()),
            },
            "@reverse" => {
                if !value.is_object() {
                    return Err(jsonld("invalid @reverse value"));
                }
                let Some(Value::Object(mut ev)) =
                    self.expand(active, Some("@reverse"), value, false)?
                else {
                    return Ok(());
                };
                if let Some(Value::Object(forward)) = ev.remove("@reverse") {
                    for (p, items) in forward {
                        add(result, &p, into_array(items));
                    }
                }
                for (p, items) in ev {
                    add_reverse(result, &p, into_array(items))?;
                }
                return Ok(());
            }
            other => {
                return Err(data_loss(format!(
                    "the keyword {other} is not allowed in a node and would be dropped"
                )))
            }
        };
        result.insert(keyword.to_owned(), ev);
        Ok(())
    }

    /// Step 13.8: index, id and type maps.
    fn index_map(
        &self,
        active: &Arc<Context>,
        key: &str,
        map: &Map<String, Value>,
        flags: u8,
    ) -> Result<Vec<Value>> {
        let def = active.term(key);
        if def.is_some_and(|d| d.index.is_some()) {
            return Err(jsonld("property-valued indexes are not supported"));
        }
        let mut map_context = active.clone();
        if flags & container::TYPE != 0 {
            if let Some(prev) = &active.previous {
                map_context = prev.clone();
            }
        }
        let as_graph = flags & container::GRAPH != 0;
        let mut keys: Vec<&String> = map.keys().collect();
        crate::sort::sort(&mut keys);
        let mut out = Vec::new();
        for index in keys {
            let mut ctx = map_context.clone();
            if flags & container::TYPE != 0 {
                if let Some(tdef) = map_context.term(index) {
                    if let Some(local) = tdef.context.clone() {
                        let base = tdef.base_url.clone();
                        ctx = self.scoped(&map_context, &local, base.as_deref(), Flags::DEFAULT)?;
                    }
                }
            }
            let expanded_index = active.expand_iri(index, false, true);
            let none = expanded_index.as_deref() == Some("@none");
            let values = Value::Array(into_array(map[index].clone()));
            let items = self
                .expand(&ctx, Some(key), &values, true)?
                .map(into_array)
                .unwrap_or_default();
            for mut item in items {
                if as_graph && item.get("@graph").is_none() {
                    item = single("@graph", Value::Array(vec![item]));
                }
                let Value::Object(obj) = &mut item else {
                    continue;
                };
                if none {
                } else if flags & container::INDEX != 0 {
                    obj.entry("@index")
                        .or_insert_with(|| Value::String(index.clone()));
                } else if flags & container::ID != 0 {
                    if !obj.contains_key("@id") {
                        let id = active.expand_iri(index, true, false).unwrap_or_default();
                        obj.insert("@id".into(), Value::String(id));
                    }
                } else if flags & container::TYPE != 0 {
                    if obj.contains_key("@value") {
                        return Err(jsonld("invalid type-map value"));
                    }
                    let mut types = vec![Value::String(
                        active.expand_iri(index, true, true).unwrap_or_default(),
                    )];
                    if let Some(existing) = obj.remove("@type") {
                        types.extend(into_array(existing));
                    }
                    obj.insert("@type".into(), Value::Array(types));
                }
                out.push(item);
            }
        }
        Ok(out)
    }
}

/// Step 13.7: a language map.
fn language_map(active: &Context, key: &str, map: &Map<String, Value>) -> Result<Vec<Value>> {
    let def = active.term(key);
    let direction = match def.and_then(|d| d.direction.clone()) {
        Some(d) => d,
        None => active.direction.clone(),
    };
    let mut langs: Vec<&String> = map.keys().collect();
    crate::sort::sort(&mut langs);
    let mut out = Vec::new();
    for lang in langs {
        for item in into_array(map[lang].clone()) {
            match item {
                Value::Null => continue,
                Value::String(_) => {}
                _ => return Err(jsonld("invalid language map value")),
            }
            let mut v = Map::new();
            v.insert("@value".into(), item);
            if active.expand_iri(lang, false, true).as_deref() != Some("@none") {
                v.insert("@language".into(), Value::String(lang.clone()));
            }
            if let Some(d) = &direction {
                v.insert("@direction".into(), Value::String(d.clone()));
            }
            out.push(Value::Object(v));
        }
    }
    Ok(out)
}

/// Value expansion (§5.3.2).
fn expand_value(active: &Context, prop: &str, value: &Value) -> Value {
    let def = active.term(prop);
    let type_mapping = def.and_then(|d| d.type_mapping.as_deref());
    if let (Some(tm @ ("@id" | "@vocab")), Value::String(s)) = (type_mapping, value) {
        let id = active
            .expand_iri(s, true, tm == "@vocab")
            .unwrap_or_default();
        return single("@id", Value::String(id));
    }
    let mut out = Map::new();
    out.insert("@value".into(), value.clone());
    match type_mapping {
        Some(tm) if !matches!(tm, "@id" | "@vocab" | "@none") => {
            out.insert("@type".into(), Value::String(tm.to_owned()));
        }
        _ if value.is_string() => {
            let language = match def.and_then(|d| d.language.clone()) {
                Some(l) => l,
                None => active.language.clone(),
            };
            if let Some(l) = language {
                out.insert("@language".into(), Value::String(l));
            }
            let direction = match def.and_then(|d| d.direction.clone()) {
                Some(d) => d,
                None => active.direction.clone(),
            };
            if let Some(d) = direction {
                out.insert("@direction".into(), Value::String(d));
            }
        }
        _ => {}
    }
    Value::Object(out)
}

/// Steps 15–20: checks the shape of the result and drops what JSON-LD drops.
fn finish(mut result: Map<String, Value>, prop: Option<&str>) -> Result<Option<Value>> {
    if let Some(value) = result.get("@value") {
        if result.keys().any(|k| {
            !matches!(
                k.as_str(),
                "@value" | "@language" | "@direction" | "@type" | "@index"
            )
        }) || (result.contains_key("@type")
            && (result.contains_key("@language") || result.contains_key("@direction")))
        {
            return Err(jsonld("invalid value object"));
        }
        let types = result.get("@type").cloned().map(into_array);
        let is_json = types
            .as_ref()
            .is_some_and(|t| t.len() == 1 && t[0] == "@json");
        if !is_json {
            if value.is_null() {
                return Ok(None);
            }
            if result.contains_key("@language") && !value.is_string() {
                return Err(jsonld("invalid language-tagged value"));
            }
            if let Some(t) = types {
                match t.as_slice() {
                    [Value::String(t)] if is_absolute_iri(t) => {
                        result.insert("@type".into(), Value::String(t.clone()));
                    }
                    _ => return Err(jsonld("invalid typed value")),
                }
            }
        } else {
            result.insert("@type".into(), Value::String("@json".into()));
        }
    } else if result.contains_key("@set") || result.contains_key("@list") {
        if result.len() > 2 || (result.len() == 2 && !result.contains_key("@index")) {
            return Err(jsonld("invalid set or list object"));
        }
        if let Some(set) = result.remove("@set") {
            return Ok(Some(set));
        }
    }
    if result.len() == 1 && result.contains_key("@language") {
        return Ok(None);
    }
    let free_floating = result.is_empty()
        || result.contains_key("@value")
        || result.contains_key("@list")
        || (result.len() == 1 && result.contains_key("@id"));
    if (prop.is_none() || prop == Some("@graph")) && free_floating {
        return Ok(None);
    }
    Ok(Some(Value::Object(result)))
}
