//! # credential-core
//!
//! W3C Verifiable Credentials 2.0 for Laissez: data model, keys, DIDs, JSON-LD (offline),
//! canonicalization and Data Integrity cryptosuites, and the verification report.
//!
//! The crate does no I/O: no network, no files, no clock, no global randomness. Contexts, the
//! current time and random number generators are arguments. That is what lets the same code run
//! in the CLI and, offline, in the browser.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod canon;
mod cbor;
pub mod cborld;
mod decimal;
pub mod did;
pub mod envelope;
pub mod error;
mod inflate;
pub mod issue;
pub mod json;
pub mod jsonld;
pub mod keys;
pub mod model;
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod no_ambient_rng;
pub mod profiles;
pub mod proof;
pub mod qr;
pub mod rdf;
mod sort;
pub mod status;
pub mod suites;
pub mod trust;
pub mod verify;

pub use error::{Error, Result};
