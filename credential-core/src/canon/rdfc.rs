//! RDF Dataset Canonicalization (W3C RDFC-1.0) with a work bound.
//!
//! The canonicalization itself is `oxrdf`'s (feature `rdfc-10`; see
//! `specs/decisions/0001-jsonld-rdf-stack.md` for why). RDFC-1.0 is exponential in the number of
//! blank nodes that cannot be told apart by their first-degree hash (a "poison graph", RDFC-1.0
//! §4.9 / "Dataset Poisoning"), so before calling it we compute those groups ourselves and refuse
//! a dataset whose ambiguous blank nodes exceed [`RdfcLimits::max_ambiguous_blank_nodes`].

use crate::error::{Error, Result};
use oxrdf::{
    dataset::{CanonicalizationAlgorithm, CanonicalizationHashAlgorithm},
    Dataset, GraphNameRef, NamedOrBlankNodeRef, Quad, TermRef,
};
use std::collections::HashMap;

/// Bounds on canonicalization work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RdfcLimits {
    /// Maximum number of quads.
    pub max_quads: usize,
    /// Maximum number of distinct blank nodes.
    pub max_blank_nodes: usize,
    /// Maximum number of blank nodes sharing a first-degree hash with another blank node (these
    /// are the ones that need the exponential N-degree hashing).
    pub max_ambiguous_blank_nodes: usize,
}

impl Default for RdfcLimits {
    fn default() -> Self {
        RdfcLimits {
            max_quads: 20_000,
            max_blank_nodes: 2_000,
            max_ambiguous_blank_nodes: 6,
        }
    }
}

/// The hash function RDFC-1.0 uses to label blank nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfcHash {
    /// SHA-256 (the RDFC-1.0 default).
    Sha256,
    /// SHA-384 (used by `ecdsa-rdfc-2019` with P-384, VC DI ECDSA §3.3.2).
    Sha384,
}

/// Canonicalizes `quads` with RDFC-1.0 and returns the canonical N-Quads document: one line per
/// quad, sorted, each ending in `\n`.
pub fn canonicalize(quads: Vec<Quad>, hash: RdfcHash, limits: RdfcLimits) -> Result<String> {
    if quads.len() > limits.max_quads {
        return Err(Error::CanonicalizationLimit(format!(
            "{} quads exceed the limit of {}",
            quads.len(),
            limits.max_quads
        )));
    }
    check_ambiguity(&quads, limits)?;
    let mut dataset: Dataset = quads.into_iter().collect();
    dataset.canonicalize(CanonicalizationAlgorithm::Rdfc10 {
        hash_algorithm: match hash {
            RdfcHash::Sha256 => CanonicalizationHashAlgorithm::Sha256,
            RdfcHash::Sha384 => CanonicalizationHashAlgorithm::Sha384,
        },
    });
    let mut lines: Vec<String> = dataset.iter().map(|q| format!("{q} .\n")).collect();
    lines.sort_unstable();
    lines.dedup();
    Ok(lines.concat())
}

/// Refuses datasets whose blank nodes would need too much N-degree hashing.
fn check_ambiguity(quads: &[Quad], limits: RdfcLimits) -> Result<()> {
    // Blank node label -> the quads mentioning it, written with that node as `_:a` and every other
    // blank node as `_:z` (the input of RDFC-1.0's first-degree hash, §4.6).
    let mut first_degree: HashMap<&str, Vec<String>> = HashMap::new();
    for q in quads {
        for label in blank_labels(q) {
            let entry = first_degree.entry(label).or_default();
            entry.push(first_degree_line(q, label));
            if first_degree.len() > limits.max_blank_nodes {
                return Err(Error::CanonicalizationLimit(format!(
                    "more than {} blank nodes",
                    limits.max_blank_nodes
                )));
            }
        }
    }
    let mut groups: HashMap<Vec<String>, usize> = HashMap::new();
    for (_, mut lines) in first_degree {
        lines.sort_unstable();
        lines.dedup();
        *groups.entry(lines).or_default() += 1;
    }
    let ambiguous: usize = groups.values().filter(|&&n| n > 1).sum();
    if ambiguous > limits.max_ambiguous_blank_nodes {
        return Err(Error::CanonicalizationLimit(format!(
            "{ambiguous} blank nodes cannot be told apart by their first-degree hash (limit {}): \
             a possible poison graph",
            limits.max_ambiguous_blank_nodes
        )));
    }
    Ok(())
}

fn blank_labels(q: &Quad) -> impl Iterator<Item = &str> {
    let s = match &q.subject {
        oxrdf::NamedOrBlankNode::BlankNode(b) => Some(b.as_str()),
        _ => None,
    };
    let o = match &q.object {
        oxrdf::Term::BlankNode(b) => Some(b.as_str()),
        _ => None,
    };
    let g = match &q.graph_name {
        oxrdf::GraphName::BlankNode(b) => Some(b.as_str()),
        _ => None,
    };
    s.into_iter().chain(o).chain(g)
}

fn first_degree_line(q: &Quad, me: &str) -> String {
    let label = |b: &str| if b == me { "_:a" } else { "_:z" };
    let s = match q.subject.as_ref() {
        NamedOrBlankNodeRef::BlankNode(b) => label(b.as_str()).to_owned(),
        NamedOrBlankNodeRef::NamedNode(n) => n.to_string(),
    };
    let o = match q.object.as_ref() {
        TermRef::BlankNode(b) => label(b.as_str()).to_owned(),
        other => other.to_string(),
    };
    let g = match q.graph_name.as_ref() {
        GraphNameRef::BlankNode(b) => label(b.as_str()).to_owned(),
        GraphNameRef::NamedNode(n) => n.to_string(),
        GraphNameRef::DefaultGraph => String::new(),
    };
    format!("{s} {} {o} {g}", q.predicate)
}
