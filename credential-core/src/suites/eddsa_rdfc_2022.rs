//! `eddsa-rdfc-2022` (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3): RDFC-1.0 canonical N-Quads,
//! SHA-256 of proof configuration and document concatenated, Ed25519 signature, proofValue in
//! base58btc multibase.

use super::{Canonicalization, SuiteSpec};
use crate::keys::Algorithm;

pub(super) const SPEC: SuiteSpec = SuiteSpec {
    name: "eddsa-rdfc-2022",
    canonicalization: Canonicalization::Rdfc,
    algorithms: &[Algorithm::Ed25519],
};
