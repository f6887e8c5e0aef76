//! The only document loader: it answers from the [`ContextStore`] and never fetches.

use super::store::ContextStore;
use json_ld::{LoadError, RemoteDocument};
use std::cell::RefCell;

/// Loads contexts from the store and remembers the first URL it could not find.
pub(super) struct StoreLoader<'a> {
    store: &'a ContextStore,
    missing: RefCell<Option<String>>,
}

impl<'a> StoreLoader<'a> {
    pub(super) fn new(store: &'a ContextStore) -> Self {
        StoreLoader {
            store,
            missing: RefCell::new(None),
        }
    }

    /// The first context URL asked for that the store does not hold.
    pub(super) fn missing(&self) -> Option<String> {
        self.missing.borrow().clone()
    }
}

#[derive(Debug)]
struct NotInStore;

impl std::fmt::Display for NotInStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not in the offline context store")
    }
}

impl std::error::Error for NotInStore {}

impl json_ld::Loader for StoreLoader<'_> {
    async fn load(&self, url: &json_ld::Iri) -> Result<RemoteDocument<json_ld::IriBuf>, LoadError> {
        match self.store.get(url.as_str()) {
            Ok(doc) => Ok(RemoteDocument::new(
                Some(url.to_owned()),
                None,
                (*doc).clone(),
            )),
            Err(_) => {
                self.missing
                    .borrow_mut()
                    .get_or_insert_with(|| url.as_str().to_owned());
                Err(LoadError::new(url.to_owned(), NotInStore))
            }
        }
    }
}
