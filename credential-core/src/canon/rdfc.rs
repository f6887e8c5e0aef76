//! RDF Dataset Canonicalization (W3C RDFC-1.0, Recommendation 2024-05-21) with work bounds.
//!
//! RDFC-1.0 is exponential in the number of blank nodes that cannot be told apart by their
//! first-degree hash (a "poison graph", RDFC-1.0 §4.9 / "Dataset Poisoning"). Before anything
//! else we group blank nodes by first-degree hash and refuse a dataset whose ambiguous blank
//! nodes exceed [`RdfcLimits::max_ambiguous_blank_nodes`]; the N-degree hashing is also cut off
//! after a fixed number of calls.

use crate::canon::rdf::{Quad, Term};
use crate::error::{Error, Result};
use sha2::{Digest, Sha256, Sha384};
use std::collections::{BTreeMap, HashMap, HashSet};

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

/// Most calls of the Hash N-Degree Quads algorithm for one dataset (RDFC-1.0 §4.8; the
/// specification asks implementations to bound this work).
const MAX_N_DEGREE_CALLS: usize = 10_000;

/// Most permutations of related blank nodes tried for one dataset (RDFC-1.0 §4.8.3 step 5.4).
/// A node related to another through many quads (one per named graph, say) lists it once per
/// quad, so the list's length is not bounded by the ambiguity limit.
const MAX_PERMUTATIONS: usize = 100_000;

/// The hash function RDFC-1.0 uses to label blank nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfcHash {
    /// SHA-256 (the RDFC-1.0 default).
    Sha256,
    /// SHA-384 (used by `ecdsa-rdfc-2019` with P-384, VC DI ECDSA §3.3.2).
    Sha384,
}

impl RdfcHash {
    fn hex(self, data: &[u8]) -> String {
        match self {
            RdfcHash::Sha256 => crate::codec::hex(&Sha256::digest(data)),
            RdfcHash::Sha384 => crate::codec::hex(&Sha384::digest(data)),
        }
    }
}

/// Canonicalizes `quads` with RDFC-1.0 and returns the canonical N-Quads document: one line per
/// quad, sorted, each ending in `\n`. Duplicate quads count once (a dataset is a set).
pub fn canonicalize(quads: Vec<Quad>, hash: RdfcHash, limits: RdfcLimits) -> Result<String> {
    run(quads, hash, limits).map(|(nquads, _)| nquads)
}

/// [`canonicalize`], also returning the issued identifiers map (RDFC-1.0 §4.4.3 step 6): each
/// input blank node label and its canonical label (`c14n0`, …), in the order issued.
pub fn canonicalize_with_labels(
    quads: Vec<Quad>,
    hash: RdfcHash,
    limits: RdfcLimits,
) -> Result<(String, Vec<(String, String)>)> {
    let (nquads, canonical) = run(quads, hash, limits)?;
    let issued = canonical
        .order
        .into_iter()
        .map(|b| {
            let id = canonical.issued.get(&b).cloned().unwrap_or_default();
            (b, id)
        })
        .collect();
    Ok((nquads, issued))
}

/// The canonical N-Quads and the canonical issuer.
fn run(quads: Vec<Quad>, hash: RdfcHash, limits: RdfcLimits) -> Result<(String, Issuer)> {
    if quads.len() > limits.max_quads {
        return Err(Error::CanonicalizationLimit(format!(
            "{} quads exceed the limit of {}",
            quads.len(),
            limits.max_quads
        )));
    }
    let mut seen = HashSet::with_capacity(quads.len());
    let quads: Vec<Quad> = quads
        .into_iter()
        .filter(|q| seen.insert(q.clone()))
        .collect();

    let mut state = State {
        hash,
        quads: &quads,
        nodes: HashMap::new(),
        canonical: Issuer::new("c14n"),
        n_degree_calls: 0,
        permutations: 0,
    };
    // §4.4.3 step 2: the quads mentioning each blank node.
    for (i, q) in quads.iter().enumerate() {
        for label in blank_labels(q) {
            let node = state.nodes.entry(label).or_default();
            if node.quads.last() != Some(&i) {
                node.quads.push(i);
            }
        }
    }
    if state.nodes.len() > limits.max_blank_nodes {
        return Err(Error::CanonicalizationLimit(format!(
            "more than {} blank nodes",
            limits.max_blank_nodes
        )));
    }
    // Steps 3–4: first-degree hashes; unique ones are labelled at once, in hash order.
    let mut by_hash: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut labels: Vec<&str> = state.nodes.keys().copied().collect();
    crate::sort::sort(&mut labels);
    for label in labels {
        let hash = state.first_degree(label);
        by_hash.entry(hash.clone()).or_default().push(label);
        if let Some(node) = state.nodes.get_mut(label) {
            node.first_degree = hash;
        }
    }
    let ambiguous: usize = by_hash.values().filter(|v| v.len() > 1).map(Vec::len).sum();
    if ambiguous > limits.max_ambiguous_blank_nodes {
        return Err(Error::CanonicalizationLimit(format!(
            "{ambiguous} blank nodes cannot be told apart by their first-degree hash (limit {}): \
             a possible poison graph",
            limits.max_ambiguous_blank_nodes
        )));
    }
    for nodes in by_hash.values().filter(|v| v.len() == 1) {
        state.canonical.issue(nodes[0]);
    }
    // Step 5: the shared hashes, through N-degree hashing.
    for nodes in by_hash.values().filter(|v| v.len() > 1) {
        let mut paths = Vec::new();
        for &node in nodes {
            if state.canonical.get(node).is_some() {
                continue;
            }
            let mut temporary = Issuer::new("b");
            temporary.issue(node);
            paths.push(state.n_degree(node, temporary)?);
        }
        crate::sort::sort_by(&mut paths, &|a, b| a.0 < b.0);
        for (_, issuer) in paths {
            for existing in &issuer.order {
                state.canonical.issue(existing);
            }
        }
    }
    // Step 6: relabel and sort.
    let canonical = &state.canonical;
    let label = |b: &str| canonical.get(b).unwrap_or(b).to_owned();
    let mut lines: Vec<String> = quads.iter().map(|q| q.to_nquad(&label)).collect();
    crate::sort::sort(&mut lines);
    lines.dedup();
    Ok((lines.concat(), state.canonical))
}

/// The blank node labels of a quad's subject, object and graph, in that order.
fn blank_labels(q: &Quad) -> impl Iterator<Item = &str> {
    [Some(&q.subject), Some(&q.object), q.graph.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(|t| match t {
            Term::Blank(b) => Some(b.as_str()),
            _ => None,
        })
}

/// An identifier issuer (RDFC-1.0 §4.5): hands out `prefix0`, `prefix1`, … in order.
#[derive(Clone)]
struct Issuer {
    prefix: &'static str,
    issued: HashMap<String, String>,
    order: Vec<String>,
}

impl Issuer {
    fn new(prefix: &'static str) -> Self {
        Issuer {
            prefix,
            issued: HashMap::new(),
            order: Vec::new(),
        }
    }

    fn get(&self, existing: &str) -> Option<&str> {
        self.issued.get(existing).map(String::as_str)
    }

    fn issue(&mut self, existing: &str) -> String {
        if let Some(id) = self.issued.get(existing) {
            return id.clone();
        }
        let id = format!("{}{}", self.prefix, self.order.len());
        self.issued.insert(existing.to_owned(), id.clone());
        self.order.push(existing.to_owned());
        id
    }
}

/// What RDFC-1.0 keeps per blank node (its "blank node to quads map" entry, §4.4.3 step 2, and
/// the first-degree hash of step 3, reused by N-degree hashing).
#[derive(Default)]
struct Node {
    quads: Vec<usize>,
    first_degree: String,
}

struct State<'a> {
    hash: RdfcHash,
    quads: &'a [Quad],
    /// Blank node label -> the quads mentioning it and its first-degree hash.
    nodes: HashMap<&'a str, Node>,
    canonical: Issuer,
    n_degree_calls: usize,
    permutations: usize,
}

impl State<'_> {
    /// Hash First Degree Quads (§4.6.3).
    fn first_degree(&self, node: &str) -> String {
        let label = |b: &str| if b == node { "a" } else { "z" }.to_owned();
        let mut lines: Vec<String> = self.nodes[node]
            .quads
            .iter()
            .map(|&i| self.quads[i].to_nquad(&label))
            .collect();
        crate::sort::sort(&mut lines);
        self.hash.hex(lines.concat().as_bytes())
    }

    /// Hash Related Blank Node (§4.7.3).
    fn related(&self, related: &str, quad: &Quad, issuer: &Issuer, position: char) -> String {
        let id = match self.canonical.get(related).or_else(|| issuer.get(related)) {
            Some(id) => format!("_:{id}"),
            None => self.nodes[related].first_degree.clone(),
        };
        let mut input = String::with_capacity(id.len() + quad.predicate.len() + 3);
        input.push(position);
        if position != 'g' {
            input.push('<');
            input.push_str(&quad.predicate);
            input.push('>');
        }
        input.push_str(&id);
        self.hash.hex(input.as_bytes())
    }

    /// Hash N-Degree Quads (§4.8.3).
    fn n_degree(&mut self, node: &str, mut issuer: Issuer) -> Result<(String, Issuer)> {
        self.n_degree_calls += 1;
        if self.n_degree_calls > MAX_N_DEGREE_CALLS {
            return Err(Error::CanonicalizationLimit(format!(
                "blank node hashing needs more than {MAX_N_DEGREE_CALLS} steps: a possible poison \
                 graph"
            )));
        }
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for &i in &self.nodes[node].quads {
            let q = &self.quads[i];
            let parts = [
                (Some(&q.subject), 's'),
                (Some(&q.object), 'o'),
                (q.graph.as_ref(), 'g'),
            ];
            for (term, position) in parts {
                if let Some(Term::Blank(b)) = term {
                    if b != node {
                        let h = self.related(b, q, &issuer, position);
                        groups.entry(h).or_default().push(b.clone());
                    }
                }
            }
        }
        let mut data = String::new();
        for (hash, related) in groups {
            data.push_str(&hash);
            let mut chosen: Option<(String, Issuer)> = None;
            // Step 5.4, "for each permutation": each distinct permutation once, made one at a
            // time. The list names a node once per quad relating it, and permutations that
            // differ only by swapping two mentions of one node give the same path, so skipping
            // them changes nothing; trying (or even listing) all n! of them would take hours
            // for a node related through a dozen named graphs. Distinct permutations are still
            // many for a long list of distinct nodes, so they count against a bound. (The
            // specification leaves the order open; as before, a tie keeps the first path.)
            let mut perm = related;
            crate::sort::sort(&mut perm);
            loop {
                self.permutations += 1;
                if self.permutations > MAX_PERMUTATIONS {
                    return Err(Error::CanonicalizationLimit(format!(
                        "blank node hashing needs more than {MAX_PERMUTATIONS} permutations: a \
                         possible poison graph"
                    )));
                }
                if let Some(candidate) = self.path(&perm, &issuer, chosen.as_ref())? {
                    chosen = Some(candidate);
                }
                if !next_permutation(&mut perm) {
                    break;
                }
            }
            if let Some((path, chosen_issuer)) = chosen {
                data.push_str(&path);
                issuer = chosen_issuer;
            }
        }
        Ok((self.hash.hex(data.as_bytes()), issuer))
    }

    /// One permutation of §4.8.3 step 5.4; `None` when it cannot beat the chosen path.
    fn path(
        &mut self,
        perm: &[String],
        issuer: &Issuer,
        chosen: Option<&(String, Issuer)>,
    ) -> Result<Option<(String, Issuer)>> {
        let worse =
            |path: &str| chosen.is_some_and(|(c, _)| path.len() >= c.len() && path > c.as_str());
        let mut copy = issuer.clone();
        let mut path = String::new();
        let mut recursion = Vec::new();
        for related in perm {
            if let Some(id) = self.canonical.get(related) {
                path.push_str("_:");
                path.push_str(id);
            } else {
                if copy.get(related).is_none() {
                    recursion.push(related);
                }
                path.push_str("_:");
                path.push_str(&copy.issue(related));
            }
            if worse(&path) {
                return Ok(None);
            }
        }
        for related in recursion {
            let (hash, result_issuer) = self.n_degree(related, copy.clone())?;
            copy = result_issuer;
            path.push_str("_:");
            path.push_str(&copy.issue(related));
            path.push('<');
            path.push_str(&hash);
            path.push('>');
            if worse(&path) {
                return Ok(None);
            }
        }
        if chosen.is_some_and(|(c, _)| path.as_str() >= c.as_str()) {
            return Ok(None);
        }
        Ok(Some((path, copy)))
    }
}

/// Rearranges `items` into the next permutation in lexicographic order, or returns `false` if
/// it is the last (the classic algorithm: from a sorted list, each distinct permutation once).
fn next_permutation(items: &mut [String]) -> bool {
    let Some(i) = (1..items.len()).rev().find(|&i| items[i - 1] < items[i]) else {
        return false;
    };
    let Some(j) = (i..items.len()).rev().find(|&j| items[j] > items[i - 1]) else {
        return false;
    };
    items.swap(i - 1, j);
    items[i..].reverse();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: Term, p: &str, o: Term) -> Quad {
        Quad {
            subject: s,
            predicate: p.into(),
            object: o,
            graph: None,
        }
    }

    fn b(l: &str) -> Term {
        Term::Blank(l.into())
    }

    #[test]
    fn labels_do_not_depend_on_input_labels() {
        // A cycle of three indistinguishable blank nodes plus one distinguishable node: the
        // first needs N-degree hashing.
        let make = |names: [&str; 4]| {
            vec![
                q(b(names[0]), "http://e/p", b(names[1])),
                q(b(names[1]), "http://e/p", b(names[2])),
                q(b(names[2]), "http://e/p", b(names[0])),
                q(b(names[3]), "http://e/q", b(names[0])),
            ]
        };
        let one = canonicalize(
            make(["x", "y", "z", "w"]),
            RdfcHash::Sha256,
            RdfcLimits::default(),
        );
        let two = canonicalize(
            make(["k", "a", "m", "q"]),
            RdfcHash::Sha256,
            RdfcLimits::default(),
        );
        assert_eq!(one.unwrap(), two.unwrap());
    }

    #[test]
    fn permutations_are_complete_and_distinct() {
        let count = |items: &[&str]| {
            let mut v: Vec<String> = items.iter().map(|s| s.to_string()).collect();
            v.sort();
            let mut seen = vec![v.clone()];
            while next_permutation(&mut v) {
                seen.push(v.clone());
            }
            let n = seen.len();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), n, "a permutation came twice");
            n
        };
        assert_eq!(count(&["a", "b", "c", "d"]), 24);
        assert_eq!(count(&["a", "b", "a", "b"]), 6);
        assert_eq!(count(&["x"; 12]), 1);
        assert_eq!(count(&[]), 1);
    }

    /// Two blank nodes related in both directions in each of 16 named graphs: each lists the
    /// other 16 times (16! permutations). Only distinct permutations are tried, so this takes
    /// milliseconds (listing every permutation took minutes at 7 graphs).
    #[test]
    fn repeated_related_nodes_are_cheap() {
        let mut quads = Vec::new();
        for i in 0..16 {
            let g = Some(Term::Iri(format!("http://e/g{i}")));
            for (s, o) in [("a", "b"), ("b", "a")] {
                quads.push(Quad {
                    subject: b(s),
                    predicate: "http://e/p".into(),
                    object: b(o),
                    graph: g.clone(),
                });
            }
        }
        let started = std::time::Instant::now();
        let out = canonicalize(quads, RdfcHash::Sha256, RdfcLimits::default()).unwrap();
        assert_eq!(out.lines().count(), 32);
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    }

    /// Six distinct blank nodes, each related to all the others in each of four graphs: the
    /// distinct permutations of a 20-item list of 5 nodes are far too many, and the bound stops
    /// the work with an error.
    #[test]
    fn permutation_work_is_bounded() {
        let names = ["p", "q", "r", "s", "t", "u"];
        let mut quads = Vec::new();
        for i in 0..4 {
            let g = Some(Term::Iri(format!("http://e/g{i}")));
            for x in names {
                for y in names.iter().filter(|&&y| y != x) {
                    quads.push(Quad {
                        subject: b(x),
                        predicate: "http://e/p".into(),
                        object: b(y),
                        graph: g.clone(),
                    });
                }
            }
        }
        let started = std::time::Instant::now();
        let err = canonicalize(quads, RdfcHash::Sha256, RdfcLimits::default()).unwrap_err();
        assert_eq!(err.code(), "canonicalization_limit");
        assert!(err.to_string().contains("permutations"), "{err}");
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
