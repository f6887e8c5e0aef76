//! Skolemization (VC DI ECDSA §3.4.1 skolemizeCompactJsonLd, toDeskolemizedNQuads): every blank
//! node of the document is given an IRI `urn:bnid:…` so that a selection of the document still
//! names the same nodes; the RDF of a selection is then turned back into blank nodes.
//!
//! The specification skolemizes the expanded document and compacts it again. We have no
//! compaction, so we add the `id` to the compact document directly, to every JSON object that is
//! a node object by its shape (not a value object, list or set, not inside `@context`). The
//! shape is not proof of meaning (a `@json`-typed or language-map member would also get one), so
//! [`skolemize`]'s caller checks that the deskolemized dataset is the document's own, up to blank
//! node labels (equal RDFC-1.0 canonical forms), and refuses the document otherwise.

use crate::canon::rdf::{Quad, Term};
use crate::error::{Error, Result};
use serde_json::{Map, Value};

/// The URN prefix of skolem IRIs (the one Digital Bazaar's implementation uses).
pub(crate) const PREFIX: &str = "urn:bnid:";

/// `document` with an `id` of `urn:bnid:s<n>` added to every node object without one, in
/// document order. Blank node identifiers written in the document (`_:x`) are refused: a string
/// elsewhere may refer to them, and the compact form does not say which strings are references.
pub(crate) fn skolemize(document: &Map<String, Value>) -> Result<Map<String, Value>> {
    let mut counter = 0usize;
    let mut out = document.clone();
    node(&mut out, &mut counter)?;
    Ok(out)
}

fn node(obj: &mut Map<String, Value>, counter: &mut usize) -> Result<()> {
    for (k, v) in obj.iter_mut() {
        if k != "@context" {
            value(v, counter)?;
        }
    }
    match obj.get("id").or_else(|| obj.get("@id")) {
        Some(Value::String(id)) if id.starts_with("_:") => Err(Error::InvalidProperty {
            property: "id".into(),
            reason: "blank node identifiers (_:) cannot be selectively disclosed".into(),
        }),
        Some(_) => Ok(()),
        None => {
            obj.insert("id".into(), Value::String(format!("{PREFIX}s{counter}")));
            *counter += 1;
            Ok(())
        }
    }
}

fn value(v: &mut Value, counter: &mut usize) -> Result<()> {
    match v {
        Value::Array(items) => items.iter_mut().try_for_each(|i| value(i, counter)),
        Value::Object(o) if o.contains_key("@value") => Ok(()),
        Value::Object(o) if o.contains_key("@list") || o.contains_key("@set") => o
            .iter_mut()
            .filter(|(k, _)| k.as_str() != "@context")
            .try_for_each(|(_, v)| value(v, counter)),
        Value::Object(o) => node(o, counter),
        _ => Ok(()),
    }
}

/// Turns skolem IRIs back into blank nodes (`urn:bnid:s0` becomes `_:s0`).
pub(crate) fn deskolemize(quads: Vec<Quad>) -> Vec<Quad> {
    let fix = |t: Term| match t {
        Term::Iri(iri) => match iri.strip_prefix(PREFIX) {
            Some(label) if !label.is_empty() => Term::Blank(label.to_owned()),
            _ => Term::Iri(iri),
        },
        other => other,
    };
    quads
        .into_iter()
        .map(|q| Quad {
            subject: fix(q.subject),
            predicate: q.predicate,
            object: fix(q.object),
            graph: q.graph.map(fix),
        })
        .collect()
}
