//! The context in force at each point of a CBOR-LD walk, applied in the order CBOR-LD 1.0 (and
//! `@digitalbazaar/cborld`) applies contexts: an object's embedded `@context`; then the
//! type-scoped contexts of its types in code-unit order, each looked up in the context the ones
//! before left; and for the value of each property, the type-scoped (non-propagated) contexts
//! reverted and the property's scoped context applied. Every context applied first gives its new
//! terms ids. The contexts are processed by the JSON-LD engine ([`crate::jsonld`]), through the
//! store's cache of processed contexts.

use super::terms::TermCodes;
use crate::error::Result;
use crate::jsonld::{process, Context, ContextStore, Flags};
use serde_json::Value;
use std::sync::Arc;

/// The contexts and term ids of one encode or decode.
pub(super) struct Scopes<'s> {
    store: &'s ContextStore,
    /// The term ids assigned so far.
    pub codes: TermCodes,
}

impl<'s> Scopes<'s> {
    /// No context applied yet; contexts come from `store`.
    pub fn new(store: &'s ContextStore) -> Self {
        Scopes {
            store,
            codes: TermCodes::default(),
        }
    }

    /// The context of an object: `parent` (`None` for the document itself) with the object's
    /// `@context`, if any, applied.
    pub fn object(
        &mut self,
        parent: Option<&Arc<Context>>,
        context: Option<&Value>,
    ) -> Result<Arc<Context>> {
        let Some(context) = context else {
            return Ok(parent
                .cloned()
                .unwrap_or_else(|| Arc::new(Context::empty())));
        };
        self.codes.add(self.store, context)?;
        match parent {
            None => self.store.top_level_context(context),
            Some(active) => Ok(Arc::new(process(
                self.store,
                active,
                context,
                None,
                &mut Vec::new(),
                Flags::DEFAULT,
            )?)),
        }
    }

    /// `ctx` with the type-scoped contexts of `types` (distinct, in code-unit order) applied.
    pub fn typed(&mut self, ctx: &Arc<Context>, types: &[String]) -> Result<Arc<Context>> {
        let mut active = ctx.clone();
        for t in types {
            if let Some((local, base)) = scoped(&active, t) {
                self.codes.add(self.store, &local)?;
                active = self.store.scoped_context(
                    &active,
                    &local,
                    base.as_deref(),
                    Flags::TYPE_SCOPED,
                )?;
            }
        }
        Ok(active)
    }

    /// The context of the values of `term` in an object whose context is `ctx`.
    pub fn property(&mut self, ctx: &Arc<Context>, term: &str) -> Result<Arc<Context>> {
        let reverted = ctx.previous.clone().unwrap_or_else(|| ctx.clone());
        let Some((local, base)) = scoped(ctx, term) else {
            return Ok(reverted);
        };
        self.codes.add(self.store, &local)?;
        self.store
            .scoped_context(&reverted, &local, base.as_deref(), Flags::PROPERTY_SCOPED)
    }
}

/// The scoped context of `term` in `ctx` and the URL of the document it came from.
fn scoped(ctx: &Context, term: &str) -> Option<(Arc<Value>, Option<String>)> {
    let def = ctx.term(term)?;
    Some((def.context.clone()?, def.base_url.clone()))
}

/// Whether `term` is `@type` or an alias of it in `ctx`.
pub(super) fn is_type_term(ctx: &Context, term: &str) -> bool {
    term == "@type" || ctx.term(term).and_then(|d| d.iri.as_deref()) == Some("@type")
}
