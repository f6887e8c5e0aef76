//! # credential-core
//!
//! W3C Verifiable Credentials 2.0 for Laissez, offline: issue credentials of the Laissez profiles
//! (legal identity, vaccination, health assessment, travel eligibility) with Data Integrity
//! proofs, carry them as QR codes, and verify them into one [`verify::VerificationReport`].
//!
//! ```
//! use credential_core::{issue::Issuer, jsonld::ContextStore, keys::{Algorithm, SecretKey}};
//! use credential_core::{model::Timestamp, suites::Cryptosuite, verify::{Verdict, Verifier, VerifyOptions}};
//!
//! let key = SecretKey::from_bytes(Algorithm::Ed25519, &[42; 32])?; // keep real keys secret
//! let now = Timestamp::parse("2026-06-01T09:00:00Z").unwrap();
//! let credential = Issuer::new(key, Cryptosuite::EddsaJcs2022)?
//!     .credential()
//!     .subject(serde_json::json!({"name": "Selam Tesfaye"}))
//!     .issue(now)?;
//! let report = Verifier::new(ContextStore::bundled())
//!     .verify_credential(&credential.into_json(), &VerifyOptions::at(now));
//! // Authentic; "valid" needs a trust bundle saying who the issuer is (Verifier::load_trust_bundle).
//! assert_eq!(report.verdict, Verdict::IssuerNotChecked);
//! # Ok::<(), credential_core::Error>(())
//! ```
//!
//! The pipeline, by module: [`codec`] (CBOR, DEFLATE, Base45: the wire codecs) and [`qr`] under
//! [`envelope`] (the `LZ1:` QR text) and [`cborld`]; [`json`] (bounded parsing) and [`jsonld`] / [`canon`]
//! (JSON-LD to canonical RDF, with the RDF model in [`canon::rdf`]; JCS); [`keys`], [`did`], [`suites`] and
//! [`proof`] (Data Integrity; `sd` holds the `ecdsa-sd-2023` selective disclosure suite, feature
//! `ecdsa-sd`); [`issue`] (building and signing); [`sd_jwt`] (SD-JWT VC: issue, present with key
//! binding, verify; Token Status List); [`trust`] and [`status`];
//! [`profiles`]; and [`verify`], which runs them in order and writes the report. Examples:
//! `examples/issue_and_verify.rs` (with a trust bundle) and `examples/qr_round_trip.rs`.
//!
//! The crate does no I/O: no network, no files, no clock, no global randomness. Contexts, trust
//! bundles, the current time and random number generators are arguments. That is what lets the
//! same code run in the CLI and, offline, in the browser.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod canon;
pub mod cborld;
pub mod codec;
mod decimal;
pub mod did;
pub mod envelope;
pub mod error;
#[cfg(feature = "other-formats")]
pub mod formats;
pub mod issue;
pub mod json;
pub mod jsonld;
pub mod keys;
pub mod message;
pub mod model;
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod no_ambient_rng;
pub mod profiles;
pub mod proof;
pub mod qr;
#[cfg(feature = "ecdsa-sd")]
pub mod sd;
pub mod sd_jwt;
mod sort;
pub mod status;
pub mod suites;
pub mod trust;
pub mod vc_jose;
pub mod verify;

pub use error::{Error, Result};
pub use message::Message;
