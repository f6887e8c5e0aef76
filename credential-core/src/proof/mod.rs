//! Data Integrity proofs (W3C VC Data Integrity 1.0): create and verify, proof sets and proof
//! chains (`previousProof`), for every suite in [`crate::suites`].

mod chain;
pub(crate) mod config;
mod create;
mod hashing;
mod verify;

pub use config::ProofOptions;
pub use create::add_proof;
pub use hashing::{hash_data, HashData};
pub use verify::{verify_proofs, ProofOutcome, ProofRequirements};

/// The only proof `type` these suites use.
pub const DATA_INTEGRITY_PROOF: &str = "DataIntegrityProof";
