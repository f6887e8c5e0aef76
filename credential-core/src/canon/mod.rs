//! Canonicalization: RDF Dataset Canonicalization (RDFC-1.0) over the RDF model JSON-LD
//! produces, and JSON Canonicalization (RFC 8785).

pub mod jcs;
pub mod rdf;
pub mod rdfc;
