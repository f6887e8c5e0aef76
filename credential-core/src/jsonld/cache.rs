//! The one cache of processed contexts, owned by the [`ContextStore`] whose documents they were
//! processed from (no ambient state). JSON-LD expansion and CBOR-LD both go through it, so a
//! verifier that decodes a CBOR-LD envelope and then expands the credential processes each
//! context once.

use super::context::{process, Context, Flags};
use super::store::ContextStore;
use crate::error::Result;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How many distinct top-level `@context` values are kept processed.
const TOP_LEVEL_ENTRIES: usize = 64;
/// Most processed scoped contexts kept.
const SCOPED_ENTRIES: usize = 1024;

/// A scoped context applied to a context: the id of the context, the address of the scoped
/// context (shared by the term definition it came from) and the flags.
type ScopedKey = (u64, usize, bool, bool);
/// A processed scoped context, with the scoped context it was processed from (held, so the
/// address in its key cannot be reused while the entry exists).
type ScopedEntry = (Arc<Value>, Arc<Context>);

/// Processed contexts: each top-level `@context` value (keyed by its exact JSON text), and each
/// type- or property-scoped context (keyed by the context it was applied to and the term
/// definition it came from). Processing a context such as the VC 2.0 base context is the most
/// expensive step of a verification; documents with the same contexts skip it, and a credential's
/// `VerifiableCredential` and `DataIntegrityProof` type-scoped contexts are processed once per
/// store, not once per document.
#[derive(Default)]
pub(crate) struct ContextCache {
    top_level: Mutex<HashMap<String, Arc<Context>>>,
    scoped: Mutex<HashMap<ScopedKey, ScopedEntry>>,
}

impl Clone for ContextCache {
    /// A copy of a store starts with an empty cache (its documents may diverge).
    fn clone(&self) -> Self {
        ContextCache::default()
    }
}

impl std::fmt::Debug for ContextCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContextCache")
    }
}

impl ContextStore {
    /// `local` processed as a document's top-level `@context` (against the empty context, with
    /// no base IRI), from the cache or processed now.
    pub(crate) fn top_level_context(&self, local: &Value) -> Result<Arc<Context>> {
        let cache = &self.processed().top_level;
        let key = local.to_string();
        if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(hit);
        }
        let empty = Arc::new(Context::empty());
        let processed = Arc::new(process(
            self,
            &empty,
            local,
            None,
            &mut Vec::new(),
            Flags::DEFAULT,
        )?);
        if let Ok(mut c) = cache.lock() {
            if c.len() >= TOP_LEVEL_ENTRIES {
                c.clear();
            }
            c.insert(key, processed.clone());
        }
        Ok(processed)
    }

    /// `local` (a term definition's scoped context, from the document at `base_url`) applied to
    /// `active`, from the cache or processed now.
    pub(crate) fn scoped_context(
        &self,
        active: &Arc<Context>,
        local: &Arc<Value>,
        base_url: Option<&str>,
        flags: Flags,
    ) -> Result<Arc<Context>> {
        let cache = &self.processed().scoped;
        let key = (
            active.id,
            Arc::as_ptr(local) as usize,
            flags.override_protected,
            flags.propagate,
        );
        if let Some((_, hit)) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(hit);
        }
        let processed = Arc::new(process(
            self,
            active,
            local,
            base_url,
            &mut Vec::new(),
            flags,
        )?);
        if let Ok(mut c) = cache.lock() {
            if c.len() >= SCOPED_ENTRIES {
                c.clear();
            }
            c.insert(key, (local.clone(), processed.clone()));
        }
        Ok(processed)
    }
}
