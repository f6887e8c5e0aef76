//! Expanded JSON-LD to RDF quads (JSON-LD 1.1 Processing Algorithms and API §8.1 "Deserialize
//! JSON-LD to RDF", §8.3 "Object to RDF", §8.4 "List to RDF"), walking the expanded document
//! directly: the set of quads equals the one obtained through the node map.
//!
//! Where the specification skips a quad (a relative IRI, which a document without a base URL
//! cannot resolve) this is an error instead: a skipped quad is data that would not be signed.
//! A base direction (`@direction`) is refused the same way: with the API's default `rdfDirection`
//! of null, toRdf drops it (jsonld.js's safe mode, which Data Integrity libraries use, refuses it).

use crate::canon::rdf::{
    is_absolute_iri, Quad, Term, RDF_FIRST, RDF_JSON, RDF_LANG_STRING, RDF_NIL, RDF_REST, RDF_TYPE,
    XSD_BOOLEAN, XSD_DOUBLE, XSD_INTEGER, XSD_STRING,
};
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Converts an expanded document to quads, labelling blank nodes `b0`, `b1`, … in document
/// order.
pub(super) fn to_quads(expanded: &[Value]) -> Result<Vec<Quad>> {
    let mut w = Writer {
        quads: Vec::new(),
        labels: HashMap::new(),
        next: 0,
    };
    for item in expanded {
        if let Value::Object(node) = item {
            if !node.contains_key("@value") && !node.contains_key("@list") {
                w.node(node, &None)?;
            }
        }
    }
    Ok(w.quads)
}

struct Writer {
    quads: Vec<Quad>,
    labels: HashMap<String, String>,
    next: usize,
}

fn data_loss(what: String) -> Error {
    Error::DataLossDetected(what)
}

impl Writer {
    fn fresh(&mut self) -> Term {
        Term::Blank(self.fresh_label())
    }

    fn fresh_label(&mut self) -> String {
        let label = format!("b{}", self.next);
        self.next += 1;
        label
    }

    /// A node identifier: a blank node (`_:x`, relabelled consistently) or an absolute IRI.
    fn id(&mut self, id: &str) -> Result<Term> {
        if let Some(label) = id.strip_prefix("_:") {
            if let Some(l) = self.labels.get(label) {
                return Ok(Term::Blank(l.clone()));
            }
            let fresh = self.fresh_label();
            self.labels.insert(label.to_owned(), fresh.clone());
            return Ok(Term::Blank(fresh));
        }
        if is_absolute_iri(id) {
            Ok(Term::Iri(id.to_owned()))
        } else {
            Err(data_loss(format!(
                "IRI {id:?} (not absolute, and documents have no base IRI)"
            )))
        }
    }

    fn push(&mut self, subject: &Term, predicate: &str, object: Term, graph: &Option<Term>) {
        self.quads.push(Quad {
            subject: subject.clone(),
            predicate: predicate.to_owned(),
            object,
            graph: graph.clone(),
        });
    }

    /// Emits the quads of a node object and returns its subject.
    fn node(&mut self, node: &Map<String, Value>, graph: &Option<Term>) -> Result<Term> {
        let subject = match node.get("@id").and_then(Value::as_str) {
            Some(id) => self.id(id)?,
            None => self.fresh(),
        };
        if let Some(types) = node.get("@type") {
            for t in types.as_array().into_iter().flatten() {
                let t = self.id(t.as_str().unwrap_or_default())?;
                self.push(&subject, RDF_TYPE, t, graph);
            }
        }
        for (p, values) in node {
            if p.starts_with('@') {
                continue;
            }
            if p.starts_with("_:") || !is_absolute_iri(p) {
                return Err(data_loss(format!(
                    "property {p} (an RDF predicate must be an IRI)"
                )));
            }
            for item in values.as_array().into_iter().flatten() {
                if let Some(o) = self.object(item, graph)? {
                    self.push(&subject, p, o, graph);
                }
            }
        }
        if let Some(Value::Object(reverse)) = node.get("@reverse") {
            for (p, items) in reverse {
                if !is_absolute_iri(p) {
                    return Err(data_loss(format!("reverse property {p} is not an IRI")));
                }
                for item in items.as_array().into_iter().flatten() {
                    if let Value::Object(other) = item {
                        let o = self.node(other, graph)?;
                        self.push(&o, p, subject.clone(), graph);
                    }
                }
            }
        }
        if let Some(inner) = node.get("@graph") {
            let name = Some(subject.clone());
            for item in inner.as_array().into_iter().flatten() {
                if let Value::Object(n) = item {
                    if !n.contains_key("@value") && !n.contains_key("@list") {
                        self.node(n, &name)?;
                    }
                }
            }
        }
        if let Some(included) = node.get("@included") {
            for item in included.as_array().into_iter().flatten() {
                if let Value::Object(n) = item {
                    self.node(n, graph)?;
                }
            }
        }
        Ok(subject)
    }

    fn object(&mut self, item: &Value, graph: &Option<Term>) -> Result<Option<Term>> {
        let Value::Object(o) = item else {
            return Ok(None);
        };
        if o.contains_key("@value") {
            return literal(o).map(Some);
        }
        if let Some(list) = o.get("@list") {
            return self
                .list(list.as_array().map_or(&[][..], Vec::as_slice), graph)
                .map(Some);
        }
        self.node(o, graph).map(Some)
    }

    fn list(&mut self, items: &[Value], graph: &Option<Term>) -> Result<Term> {
        if items.is_empty() {
            return Ok(Term::Iri(RDF_NIL.into()));
        }
        let nodes: Vec<Term> = items.iter().map(|_| self.fresh()).collect();
        for (i, item) in items.iter().enumerate() {
            if let Some(o) = self.object(item, graph)? {
                self.push(&nodes[i], RDF_FIRST, o, graph);
            }
            let rest = nodes
                .get(i + 1)
                .cloned()
                .unwrap_or_else(|| Term::Iri(RDF_NIL.into()));
            self.push(&nodes[i], RDF_REST, rest, graph);
        }
        Ok(nodes[0].clone())
    }
}

/// A value object as a literal (§8.3 steps 4–13).
fn literal(o: &Map<String, Value>) -> Result<Term> {
    if o.contains_key("@direction") {
        return Err(data_loss(
            "a base direction (@direction), which RDF literals cannot carry".into(),
        ));
    }
    let value = &o["@value"];
    let datatype = o.get("@type").and_then(Value::as_str);
    if datatype == Some("@json") {
        return Ok(Term::Literal {
            value: crate::canon::jcs::canonicalize(value),
            datatype: RDF_JSON.into(),
            language: None,
        });
    }
    if let Some(dt) = datatype {
        if !is_absolute_iri(dt) {
            return Err(data_loss(format!("datatype {dt:?} is not an absolute IRI")));
        }
    }
    let typed = |lexical: String, default: &str| Term::Literal {
        value: lexical,
        datatype: datatype.unwrap_or(default).to_owned(),
        language: None,
    };
    Ok(match value {
        Value::Bool(b) => typed(b.to_string(), XSD_BOOLEAN),
        Value::Number(n) => {
            // JSON-LD numbers are IEEE doubles (as in JCS and in jsonld.js): an integer beyond
            // 2^53 is the double nearest it, so a credential canonicalizes as JavaScript
            // issuers canonicalize it.
            let f = n.as_f64().unwrap_or(f64::NAN);
            if datatype != Some(XSD_DOUBLE) && f.fract() == 0.0 && f.abs() < 1e21 {
                // Exact: an integral double below 10^21 fits in an i128.
                typed((f as i128).to_string(), XSD_INTEGER)
            } else {
                typed(canonical_double(f), XSD_DOUBLE)
            }
        }
        Value::String(s) => match o.get("@language").and_then(Value::as_str) {
            Some(lang) if datatype.is_none() => {
                if !well_formed_language(lang) {
                    return Err(Error::JsonLd(format!("invalid language tag {lang:?}")));
                }
                Term::Literal {
                    value: s.clone(),
                    datatype: RDF_LANG_STRING.into(),
                    language: Some(lang.to_ascii_lowercase()),
                }
            }
            _ => typed(s.clone(), XSD_STRING),
        },
        _ => return Err(Error::JsonLd("invalid value object value".into())),
    })
}

/// The canonical lexical form of an `xsd:double` as JSON-LD writes it (§8.6: ECMAScript's
/// `toExponential(15)` with trailing zeros of the mantissa removed, e.g. `1.1E0`, `5.3E-2`,
/// `1.0E21`).
fn canonical_double(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "INF" } else { "-INF" }.into();
    }
    if f == 0.0 {
        return "0.0E0".into();
    }
    let (digits, n) = crate::decimal::rounded(f.abs(), 16);
    let fraction = digits[1..].trim_end_matches('0');
    format!(
        "{}{}.{}E{}",
        if f < 0.0 { "-" } else { "" },
        &digits[..1],
        if fraction.is_empty() { "0" } else { fraction },
        n - 1
    )
}

/// BCP 47 well-formedness in the simple form JSON-LD checks: letters and digits in hyphenated
/// subtags of 1–8 characters, starting with letters.
fn well_formed_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    parts
        .next()
        .is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JSON-LD 1.1 API §8.6 step 10: a number with a non-zero fractional part is a double. (jsonld.js
    /// decides by whether `String(value)` contains a point, so it writes 1e-7 as the integer 0;
    /// we follow the specification.)
    #[test]
    fn small_numbers_written_with_exponents_are_doubles() {
        let o = serde_json::json!({"@value": 1e-7});
        let Term::Literal {
            value, datatype, ..
        } = literal(o.as_object().unwrap()).unwrap()
        else {
            panic!("not a literal")
        };
        assert_eq!((value.as_str(), datatype.as_str()), ("1.0E-7", XSD_DOUBLE));
    }

    #[test]
    fn doubles_take_the_canonical_form() {
        assert_eq!(canonical_double(1.1), "1.1E0");
        assert_eq!(canonical_double(0.053), "5.3E-2");
        assert_eq!(canonical_double(1e21), "1.0E21");
        assert_eq!(canonical_double(-2.5e-7), "-2.5E-7");
        assert_eq!(canonical_double(123456.789), "1.23456789E5");
    }

    #[test]
    fn language_tags() {
        assert!(well_formed_language("en") && well_formed_language("zh-Hant-TW"));
        assert!(!well_formed_language("") && !well_formed_language("en_US"));
        assert!(!well_formed_language("1en") && !well_formed_language("en--x"));
    }
}
