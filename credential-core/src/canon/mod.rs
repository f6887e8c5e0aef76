//! Canonicalization: RDF Dataset Canonicalization (RDFC-1.0) and JSON Canonicalization (RFC 8785).

pub mod jcs;
pub mod rdfc;
