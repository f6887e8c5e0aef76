//! Regressions found by the libFuzzer targets (`fuzz/`, `scripts/fuzz.sh`).
//!
//! This file counts the bytes allocated and not yet freed (a counting global allocator), so its
//! tests take one lock: each measures the heap with nothing else running in the process.

use credential_core::cborld;
use credential_core::envelope::{self, Encoding, EnvelopeLimits};
use credential_core::jsonld::{ContextStore, CONTEXT_V2, LEGAL_IDENTITY_V1};
use serde_json::{json, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Bytes allocated and not freed, by every thread.
static LIVE: AtomicIsize = AtomicIsize::new(0);

struct Counting;

// SAFETY: every call is forwarded to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            LIVE.fetch_add(
                new_size as isize - layout.size() as isize,
                Ordering::Relaxed,
            );
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn alone() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

/// A legal identity credential: its contexts have type-scoped (so non-propagating) terms.
fn identity() -> Value {
    json!({
        "@context": [CONTEXT_V2, LEGAL_IDENTITY_V1],
        "id": "urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d",
        "type": ["VerifiableCredential", "LegalIdentityCredential"],
        "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"givenName": "Selam", "familyName": "Tesfaye", "registrationDate": "2024-02-29"}
    })
}

/// The fuzzers' first out-of-memory (`cborld` and `envelope`, after about a million inputs):
/// every CBOR-LD decode and encode leaked its contexts (about 60 KB for a credential), through an
/// `Rc` cycle between a context and the derived context it cached for plain properties. A
/// long-running verifier (a kiosk, a server) would grow without bound.
#[test]
fn cborld_and_envelopes_free_what_they_allocate() {
    let _alone = alone();
    let store = ContextStore::bundled();
    let doc = identity();
    let bytes = cborld::encode(&doc, &store).unwrap();
    let text = envelope::encode(&doc, Encoding::CborLdDeflate, &store).unwrap();
    let round = || {
        assert_eq!(cborld::decode(&bytes, &store, 32).unwrap(), doc);
        assert_eq!(cborld::encode(&doc, &store).unwrap(), bytes);
        let (back, _) = envelope::decode(&text, EnvelopeLimits::default(), &store).unwrap();
        assert_eq!(back, doc);
    };
    // The first rounds fill the store's context caches (bounded).
    for _ in 0..3 {
        round();
    }
    let before = live();
    for _ in 0..100 {
        round();
    }
    let grown = live() - before;
    assert!(
        grown < 16 * 1024,
        "{grown} bytes still allocated after 100 CBOR-LD decodes, encodes and envelope decodes"
    );
}
