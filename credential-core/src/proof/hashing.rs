//! Transformation and hashing (the shared core of every suite's create and verify).

use crate::canon::{jcs, rdfc};
use crate::error::Result;
use crate::jsonld::JsonLdProcessor;
use crate::keys::Algorithm;
use crate::suites::{Canonicalization, Cryptosuite};
use serde_json::{Map, Value};

/// The intermediate values of a proof computation, exposed so that tests can compare each with
/// the published vectors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashData {
    /// Canonical form of the unsecured document.
    pub canonical_document: String,
    /// Canonical form of the proof configuration.
    pub canonical_proof_config: String,
    /// Hash of the canonical document.
    pub document_hash: Vec<u8>,
    /// Hash of the canonical proof configuration.
    pub proof_config_hash: Vec<u8>,
}

impl HashData {
    /// The bytes that are signed: proof configuration hash followed by document hash.
    pub fn combined(&self) -> Vec<u8> {
        let mut v = self.proof_config_hash.clone();
        v.extend_from_slice(&self.document_hash);
        v
    }
}

/// Canonicalizes and hashes `document` and `proof_config` (which must already carry the
/// document's `@context`) for `suite` with a key of `alg`.
pub fn hash_data(
    suite: Cryptosuite,
    alg: Algorithm,
    document: &Map<String, Value>,
    proof_config: &Map<String, Value>,
    processor: &JsonLdProcessor,
) -> Result<HashData> {
    let canon = |m: &Map<String, Value>| -> Result<String> {
        match suite.canonicalization() {
            Canonicalization::Rdfc => {
                let hash = match alg {
                    Algorithm::P384 => rdfc::RdfcHash::Sha384,
                    Algorithm::Ed25519 | Algorithm::P256 => rdfc::RdfcHash::Sha256,
                };
                rdfc::canonicalize(processor.to_rdf(m)?, hash, rdfc::RdfcLimits::default())
            }
            Canonicalization::Jcs => Ok(jcs::canonicalize_object(m)),
        }
    };
    let canonical_proof_config = canon(proof_config)?;
    let canonical_document = canon(document)?;
    Ok(HashData {
        document_hash: suite.hash(alg, canonical_document.as_bytes()),
        proof_config_hash: suite.hash(alg, canonical_proof_config.as_bytes()),
        canonical_document,
        canonical_proof_config,
    })
}

/// A JSON object given as parts, hashed without building it: the members of `base` except
/// `without`, and the `extra` members (which replace members of `base` of the same name).
/// Verification hashes the unsecured document and the proof configuration this way rather than
/// copying the document and the proof.
pub(crate) struct Assembled<'a> {
    /// The object the members come from.
    pub(crate) base: &'a Map<String, Value>,
    /// The member of `base` left out (`proof` of a document, `proofValue` of a proof).
    pub(crate) without: &'a str,
    /// Members added or replaced.
    pub(crate) extra: Vec<(&'a str, &'a Value)>,
}

impl Assembled<'_> {
    fn replaced(&self, name: &str) -> bool {
        name == self.without || self.extra.iter().any(|(k, _)| *k == name)
    }

    /// The members, distinct by name.
    fn members(&self) -> Vec<(&str, &Value)> {
        let mut members: Vec<(&str, &Value)> = self
            .base
            .iter()
            .filter(|(k, _)| !self.replaced(k))
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        members.extend(self.extra.iter().copied());
        members
    }

    /// The object itself (for RDFC, which expands a whole document).
    pub(crate) fn to_map(&self) -> Map<String, Value> {
        self.members()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.clone()))
            .collect()
    }
}

/// The bytes a proof signs (proof configuration hash, then document hash), as [`hash_data`]
/// computes them, for objects given as parts.
pub(crate) fn signed_bytes(
    suite: Cryptosuite,
    alg: Algorithm,
    document: &Assembled<'_>,
    proof_config: &Assembled<'_>,
    processor: &JsonLdProcessor,
) -> Result<Vec<u8>> {
    if suite.canonicalization() == Canonicalization::Rdfc {
        return Ok(hash_data(
            suite,
            alg,
            &document.to_map(),
            &proof_config.to_map(),
            processor,
        )?
        .combined());
    }
    let mut bytes = suite.hash(
        alg,
        jcs::canonicalize_members(proof_config.members()).as_bytes(),
    );
    bytes.extend(suite.hash(
        alg,
        jcs::canonicalize_members(document.members()).as_bytes(),
    ));
    Ok(bytes)
}
