//! The Data Integrity cryptosuites, one file each. A suite fixes three things: how the document is
//! canonicalized (RDFC-1.0 or JCS), which hash is applied, and which key types may sign. The
//! generic create/verify flow that uses them lives in [`crate::proof`].

mod ecdsa_jcs_2019;
mod ecdsa_rdfc_2019;
mod eddsa_jcs_2022;
mod eddsa_rdfc_2022;

use crate::error::{Error, Result};
use crate::keys::Algorithm;
use sha2::{Digest, Sha256};

/// How a suite turns a JSON-LD document into bytes to hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canonicalization {
    /// JSON-LD -> RDF -> RDFC-1.0 canonical N-Quads.
    Rdfc,
    /// RFC 8785 JSON Canonicalization Scheme.
    Jcs,
}

/// A Data Integrity cryptosuite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cryptosuite {
    /// `eddsa-rdfc-2022` (W3C VC DI EdDSA §3.3).
    EddsaRdfc2022,
    /// `eddsa-jcs-2022` (W3C VC DI EdDSA §3.4).
    EddsaJcs2022,
    /// `ecdsa-rdfc-2019` (W3C VC DI ECDSA §3.3).
    EcdsaRdfc2019,
    /// `ecdsa-jcs-2019` (W3C VC DI ECDSA §3.4).
    EcdsaJcs2019,
}

/// What a suite file declares.
pub(crate) struct SuiteSpec {
    pub(crate) name: &'static str,
    pub(crate) canonicalization: Canonicalization,
    pub(crate) algorithms: &'static [Algorithm],
}

impl Cryptosuite {
    /// Every suite we implement.
    pub const ALL: [Cryptosuite; 4] = [
        Cryptosuite::EddsaRdfc2022,
        Cryptosuite::EddsaJcs2022,
        Cryptosuite::EcdsaRdfc2019,
        Cryptosuite::EcdsaJcs2019,
    ];

    fn spec(self) -> &'static SuiteSpec {
        match self {
            Cryptosuite::EddsaRdfc2022 => &eddsa_rdfc_2022::SPEC,
            Cryptosuite::EddsaJcs2022 => &eddsa_jcs_2022::SPEC,
            Cryptosuite::EcdsaRdfc2019 => &ecdsa_rdfc_2019::SPEC,
            Cryptosuite::EcdsaJcs2019 => &ecdsa_jcs_2019::SPEC,
        }
    }

    /// The suite's identifier (the proof's `cryptosuite` value).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Parses a `cryptosuite` value.
    pub fn from_name(name: &str) -> Result<Self> {
        Cryptosuite::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| Error::UnsupportedCryptosuite(name.to_owned()))
    }

    /// How this suite canonicalizes documents.
    pub fn canonicalization(self) -> Canonicalization {
        self.spec().canonicalization
    }

    /// Checks that a key of `alg` may be used with this suite.
    pub fn check_algorithm(self, alg: Algorithm) -> Result<()> {
        if self.spec().algorithms.contains(&alg) {
            Ok(())
        } else {
            Err(Error::KeyTypeMismatch(format!(
                "{} cannot use a {} key",
                self.name(),
                alg.name()
            )))
        }
    }

    /// The suite's default key algorithm for issuance.
    pub fn default_algorithm(self) -> Algorithm {
        self.spec().algorithms[0]
    }

    /// Hashes canonical bytes: SHA-256, except SHA-384 for ECDSA with P-384 (VC DI ECDSA §3.3.4).
    pub fn hash(self, alg: Algorithm, bytes: &[u8]) -> Vec<u8> {
        match alg {
            Algorithm::P384 => sha2::Sha384::digest(bytes).to_vec(),
            Algorithm::Ed25519 | Algorithm::P256 => Sha256::digest(bytes).to_vec(),
        }
    }
}

impl std::fmt::Display for Cryptosuite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}
