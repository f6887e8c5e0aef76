//! Laissez verifier of the other credential formats travellers carry — EU Digital COVID
//! Certificates and WHO DDCC (`HC1:`), SMART Health Cards (`shc:/`), MOSIP Claim 169 (bare
//! Base45) — as a WebAssembly module of its own (`verify`, `detect`, `loadTrustBundle`,
//! `clearTrustBundle`, `version`), built by `scripts/build-wasm.sh` into
//! `verifier-wasm/pkg/formats`. The kiosk loads it the first time it reads such a code, so its
//! verifier module carries none of it (decision 0022).
//!
//! The logic lives in [`session`] (plain Rust, tested natively); the bindings in `bindings.rs`
//! exist only on `wasm32`. Nothing here touches the network: trust comes only from the bundle
//! the caller loads, checked against its anchors as the verifier module checks it.

pub mod session;

#[cfg(target_arch = "wasm32")]
mod bindings;

/// This module's version (the npm package carries the same).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
