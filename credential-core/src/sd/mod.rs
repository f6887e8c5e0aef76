//! `ecdsa-sd-2023`: selective disclosure with ECDSA (W3C Data Integrity ECDSA Cryptosuites v1.0,
//! §3.4 and its selective disclosure functions).
//!
//! Three parties, three operations:
//! - the issuer secures a credential with a *base proof* ([`create_base_proof`]): each
//!   canonical statement is signed on its own by a key made for this proof, blank nodes get
//!   HMAC-derived labels, and the issuer's key signs the proof-scoped key together with the
//!   statements the issuer makes mandatory (named by JSON pointers);
//! - the holder [`derive`](derive())s a document that discloses the mandatory statements and those its
//!   pointers select, with a *derived proof* carrying only the signatures needed;
//! - the verifier checks the derived proof through [`crate::proof::verify_proofs`] (and so
//!   [`crate::verify::Verifier`]). A base proof shown to a verifier is refused: it holds the HMAC
//!   key and every signature.
//!
//! The data flow, by module: `pointers` select parts of the document ([`select_json_ld`]);
//! `skolem` names its blank nodes so a selection still names the same nodes; `label_map`
//! canonicalizes and relabels; `group` sorts the statements into what each selection covers;
//! `proof_value` is the CBOR wire form; `base`, `derive` and `verify` are the three operations.
//!
//! Only P-256 issuer keys: the derived proof value fixes the base signature at 64 bytes and the
//! label map's values at 32 (parseDerivedProofValue), so a P-384 issuer (ES384, SHA-384 HMAC)
//! could not produce one that parses.
//!
//! This module is the `ecdsa-sd` feature (on by default; the WASM verifier turns it on too).

mod base;
mod derive;
mod group;
mod label_map;
mod pointers;
mod proof_value;
mod skolem;
mod verify;

pub use base::{
    base_hashes, base_transform, create_base_proof, create_base_proof_with, BaseHashes,
    BaseProofOptions, BaseProofSecrets, BaseTransform,
};
pub use derive::{create_disclosure_data, derive, DisclosureData};
pub use group::{canonicalize_and_group, Group, Grouped};
pub use label_map::LabelMap;
pub use pointers::{parse_pointer, resolve_pointer, select_json_ld};
pub use proof_value::{
    parse_base_proof_value, parse_derived_proof_value, proof_value_kind,
    serialize_base_proof_value, serialize_derived_proof_value, BaseProofValue, DerivedProofValue,
    ProofValueKind, BASE_HEADER, DERIVED_HEADER, MAX_PROOF_VALUE_CHARS,
};
pub(crate) use verify::verify_derived_proof;
pub use verify::{create_verify_data, VerifyData};

/// The suite's identifier (the proof's `cryptosuite`).
pub const CRYPTOSUITE: &str = "ecdsa-sd-2023";

/// Most statements (canonical N-Quads) one base proof signs, and so most signatures in a proof
/// value. A credential within the default JSON limits (4,096 values) stays under it.
pub const MAX_STATEMENTS: usize = 4096;
/// Most entries of a derived proof's label map (the RDFC-1.0 blank node limit).
pub const MAX_LABELS: usize = 2000;
/// Most JSON pointers in one group (mandatory or selective).
pub const MAX_POINTERS: usize = 256;
