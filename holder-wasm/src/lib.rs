//! Laissez holder operations for the offline web wallet: `credential-core` behind a small
//! JavaScript API (`presets`, `derive`, `presentSdJwt`, `generateHolderKey`, `presentVp`,
//! `toEnvelope`, `openEnvelope`, `qrCode`, `version`), built with wasm-bindgen by
//! `scripts/build-wasm.sh` into a module of its own, so that the kiosk's verifier module carries
//! none of it.
//!
//! The logic lives in plain Rust ([`wallet`] and the modules it uses, tested natively); the
//! bindings in `bindings.rs` exist only on `wasm32`. Nothing here touches the network or keeps a
//! key: keys come with each call and are wiped when it returns.

pub mod claims;
pub mod held;
pub mod holder_key;
pub mod present;
pub mod presets;
pub mod qr_code;
pub mod wallet;

#[cfg(target_arch = "wasm32")]
mod bindings;

/// This module's version (the npm package carries the same).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
