//! `eddsa-jcs-2022` (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.4): RFC 8785 JCS instead of
//! RDF canonicalization; hashing and signing as `eddsa-rdfc-2022`.

use super::{Canonicalization, SuiteSpec};
use crate::keys::Algorithm;

pub(super) const SPEC: SuiteSpec = SuiteSpec {
    name: "eddsa-jcs-2022",
    canonicalization: Canonicalization::Jcs,
    algorithms: &[Algorithm::Ed25519],
};
