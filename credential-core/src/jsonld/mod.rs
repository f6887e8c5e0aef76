//! JSON-LD, offline: a store of pinned contexts, and JSON-LD -> RDF with processed contexts reused
//! across calls.

mod context;
mod expand;
mod quads;
mod store;
mod to_rdf;

pub use store::{
    ContextStore, CONTEXT_V1, CONTEXT_V2, DATA_INTEGRITY_V2, HEALTH_V1, LEGAL_IDENTITY_V1,
    MULTIKEY_V1, TRAVEL_V1, UNDEFINED_TERMS_V2,
};
pub use to_rdf::JsonLdProcessor;
