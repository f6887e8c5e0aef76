//! canonicalizeAndGroup (VC DI ECDSA §3.4.1): the document's canonical statements under HMAC
//! blank node labels, and which of them each named selection of JSON pointers covers.

use super::label_map::{canonicalize_relabel, hmac_label, relabel, sorted, LabelMap};
use super::pointers::select_json_ld;
use super::skolem::{deskolemize, skolemize};
use crate::canon::rdf::Quad;
use crate::canon::rdfc::{self, RdfcHash, RdfcLimits};
use crate::error::{Error, Result};
use crate::jsonld::JsonLdProcessor;
use serde_json::{Map, Value};

/// The statements one group of pointers selects.
#[derive(Debug, Clone)]
pub struct Group {
    /// The group's name (`mandatory`, `selective`, `combined`).
    pub name: &'static str,
    /// Indexes (into [`Grouped::nquads`]) of the statements the pointers select, ascending.
    pub matching: Vec<usize>,
    /// Indexes of the others, ascending.
    pub non_matching: Vec<usize>,
    /// The selection's statements, relabelled, sorted.
    pub selected_nquads: Vec<String>,
    /// The selection's statements with the skolem blank nodes restored (before relabelling).
    pub(crate) deskolemized: Vec<Quad>,
}

/// A document's canonical statements and its groups.
#[derive(Debug, Clone)]
pub struct Grouped {
    /// RDFC-1.0 canonical N-Quads of the document (`c14n` labels), as one string.
    pub canonical: String,
    /// The canonical statements with HMAC labels, sorted (the statements that are signed).
    pub nquads: Vec<String>,
    /// Skolem label (`s0`, …) -> HMAC label (`u…`).
    pub label_map: LabelMap,
    /// The groups, in the order they were asked for.
    pub groups: Vec<Group>,
}

impl Grouped {
    /// The group named `name`.
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.name == name)
    }
}

/// canonicalizeAndGroup with the HMAC label map function of `hmac_key`.
///
/// Refuses a document whose skolemized form does not have the same RDF (up to blank node
/// labels) as the document itself (skolemization adds `id`s to the compact document by shape,
/// which this check makes safe).
pub fn canonicalize_and_group(
    document: &Map<String, Value>,
    hmac_key: &[u8; 32],
    definitions: &[(&'static str, &[String])],
    processor: &JsonLdProcessor,
) -> Result<Grouped> {
    let skolemized = skolemize(document)?;
    let deskolemized = deskolemize(processor.to_rdf(&skolemized)?);
    let relabelled = canonicalize_relabel(deskolemized, &|c14n| hmac_label(hmac_key, c14n))?;
    let own = rdfc::canonicalize(
        processor.to_rdf(document)?,
        RdfcHash::Sha256,
        RdfcLimits::default(),
    )?;
    if own != relabelled.canonical {
        return Err(Error::MalformedDocument(
            "the document has a shape ecdsa-sd-2023 selection cannot name (JSON literal, \
             language or index map, or an IRI under urn:bnid:)"
                .into(),
        ));
    }
    let groups = definitions
        .iter()
        .map(|&(name, pointers)| {
            let deskolemized = match select_json_ld(pointers, &skolemized)? {
                Some(selection) => deskolemize(processor.to_rdf(&selection)?),
                None => Vec::new(),
            };
            let selected_nquads = sorted(relabel(&deskolemized, &relabelled.label_map)?);
            let (mut matching, mut non_matching) = (Vec::new(), Vec::new());
            for (i, nq) in relabelled.nquads.iter().enumerate() {
                if selected_nquads.binary_search(nq).is_ok() {
                    matching.push(i);
                } else {
                    non_matching.push(i);
                }
            }
            Ok(Group {
                name,
                matching,
                non_matching,
                selected_nquads,
                deskolemized,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Grouped {
        canonical: relabelled.canonical,
        nquads: relabelled.nquads,
        label_map: relabelled.label_map,
        groups,
    })
}
