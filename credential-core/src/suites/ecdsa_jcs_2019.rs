//! `ecdsa-jcs-2019` (W3C Data Integrity ECDSA Cryptosuites v1.0, §3.4): RFC 8785 JCS; hashing and
//! signing as `ecdsa-rdfc-2019`.

use super::{Canonicalization, SuiteSpec};
use crate::keys::Algorithm;

pub(super) const SPEC: SuiteSpec = SuiteSpec {
    name: "ecdsa-jcs-2019",
    canonicalization: Canonicalization::Jcs,
    algorithms: &[Algorithm::P256, Algorithm::P384],
};
