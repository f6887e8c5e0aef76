//! JSON-LD, offline: a store of pinned contexts, the one context engine (term definitions,
//! context processing, the keyword table and the cache of processed contexts) that JSON-LD
//! expansion and CBOR-LD share, and JSON-LD -> RDF.

mod cache;
mod context;
mod expand;
mod iri;
pub(crate) mod keywords;
mod quads;
mod store;
mod term;
mod to_rdf;

pub(crate) use context::{process, Context, Flags};
pub use store::{
    ContextStore, AGE_V1, CONTEXT_V1, CONTEXT_V2, DATA_INTEGRITY_V2, HEALTH_V1, LEGAL_IDENTITY_V1,
    MULTIKEY_V1, PORTRAIT_V1, TRAVEL_V1, UNDEFINED_TERMS_V2,
};
pub(crate) use term::TermDefinition;
pub use to_rdf::JsonLdProcessor;
