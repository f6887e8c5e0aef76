//! Laissez verifier for browsers, kiosks and Node: `credential-core` behind a small JavaScript
//! API (`verify`, `verifyAsync`, `prepare`, `loadTrustBundle`, `clearTrustBundle`, `version`), built
//! with wasm-bindgen by `scripts/build-wasm.sh`. Reading QR codes from camera frames is the
//! scanner module's (`scanner-wasm`, decision 0020). Nothing here touches the network: contexts, profiles
//! and schemas are bundled, and trust comes only from bundles the caller loads.
//!
//! The logic lives in [`session`] and [`display`] (plain Rust, tested natively); the bindings in
//! `bindings.rs` exist only on `wasm32`.

pub mod deferred;
pub mod display;
pub mod session;

#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(target_arch = "wasm32")]
mod node_crypto;
#[cfg(target_arch = "wasm32")]
mod webcrypto;

/// This package's version (the npm package carries the same).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
