//! `ecdsa-rdfc-2019` (W3C Data Integrity ECDSA Cryptosuites v1.0, §3.3): RDFC-1.0 canonical
//! N-Quads; SHA-256 with P-256 and SHA-384 with P-384; ECDSA signature `r || s`.

use super::{Canonicalization, SuiteSpec};
use crate::keys::Algorithm;

pub(super) const SPEC: SuiteSpec = SuiteSpec {
    name: "ecdsa-rdfc-2019",
    canonicalization: Canonicalization::Rdfc,
    algorithms: &[Algorithm::P256, Algorithm::P384],
};
