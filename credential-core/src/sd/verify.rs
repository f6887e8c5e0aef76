//! Verifying a derived proof (VC DI ECDSA §3.4.2 createVerifyData, §3.4.9 "Verify Derived
//! Proof"). Called from the Data Integrity pipeline ([`crate::proof::verify_proofs`]) once the
//! proof's purpose, dates and verification method are checked.

use super::base::{mandatory_hash, proof_config_hash, sign_data};
use super::label_map::canonicalize_relabel;
use super::proof_value::parse_derived_proof_value;
use crate::error::{Error, Result};
use crate::jsonld::JsonLdProcessor;
use crate::keys::{Algorithm, PublicKey};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// What createVerifyData produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyData {
    /// The issuer's signature over proof hash, proof-scoped key and mandatory hash.
    pub base_signature: Vec<u8>,
    /// SHA-256 of the canonical proof configuration.
    pub proof_hash: [u8; 32],
    /// The proof-scoped public key, Multikey bytes.
    pub public_key: Vec<u8>,
    /// One signature per non-mandatory statement.
    pub signatures: Vec<Vec<u8>>,
    /// Every statement of the document, canonical, relabelled with the proof's label map, sorted.
    pub nquads: Vec<String>,
    /// The statements the issuer made mandatory.
    pub mandatory: Vec<String>,
    /// The others, in order (each needs a signature).
    pub non_mandatory: Vec<String>,
    /// SHA-256 of the mandatory statements joined.
    pub mandatory_hash: [u8; 32],
}

/// createVerifyData for the unsecured `document` and its derived `proof`.
pub fn create_verify_data(
    document: &Map<String, Value>,
    proof: &Map<String, Value>,
    processor: &JsonLdProcessor,
) -> Result<VerifyData> {
    let proof_value = proof
        .get("proofValue")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::MalformedProof("proofValue is missing or not a string".into()))?;
    let derived = parse_derived_proof_value(proof_value)?;
    let context = document
        .get("@context")
        .ok_or_else(|| Error::InvalidContext("@context is missing".into()))?;
    let mut config = proof.clone();
    config.remove("proofValue");
    config.insert("@context".into(), context.clone());
    let (_, proof_hash) = proof_config_hash(&config, processor)?;

    let map: HashMap<&str, &str> = derived
        .label_map
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if map.values().collect::<HashSet<_>>().len() != map.len() {
        return Err(Error::MalformedProof(
            "the label map gives two blank nodes the same label".into(),
        ));
    }
    let relabelled = canonicalize_relabel(processor.to_rdf(document)?, &|c14n| {
        map.get(c14n).map(|l| (*l).to_owned()).ok_or_else(|| {
            Error::MalformedProof("the label map lacks a blank node of the document".into())
        })
    })?;
    if relabelled.issued.len() != map.len() {
        return Err(Error::MalformedProof(
            "the label map names blank nodes the document does not have".into(),
        ));
    }
    let nquads = relabelled.nquads;
    if derived
        .mandatory_indexes
        .last()
        .is_some_and(|&i| i >= nquads.len())
    {
        return Err(Error::InvalidSignature);
    }
    let (mut mandatory, mut non_mandatory) = (Vec::new(), Vec::new());
    for (i, nq) in nquads.iter().enumerate() {
        if derived.mandatory_indexes.binary_search(&i).is_ok() {
            mandatory.push(nq.clone());
        } else {
            non_mandatory.push(nq.clone());
        }
    }
    Ok(VerifyData {
        mandatory_hash: mandatory_hash(&mandatory),
        base_signature: derived.base_signature,
        proof_hash,
        public_key: derived.public_key,
        signatures: derived.signatures,
        nquads,
        mandatory,
        non_mandatory,
    })
}

/// Verify Derived Proof: the issuer's base signature with `issuer_key`, then one proof-scoped
/// signature per disclosed non-mandatory statement. A statement added, removed or changed is
/// `invalid_signature`.
pub(crate) fn verify_derived_proof(
    document: &Map<String, Value>,
    proof: &Map<String, Value>,
    issuer_key: &PublicKey,
    processor: &JsonLdProcessor,
) -> Result<()> {
    if issuer_key.algorithm() != Algorithm::P256 {
        return Err(Error::KeyTypeMismatch(format!(
            "{} verifies P-256 keys only",
            super::CRYPTOSUITE
        )));
    }
    let data = create_verify_data(document, proof, processor)?;
    if data.signatures.len() != data.non_mandatory.len() {
        return Err(Error::InvalidSignature);
    }
    let proof_key = PublicKey::from_bytes(Algorithm::P256, &data.public_key[2..])
        .map_err(|_| Error::MalformedProof("the proof-scoped key is not a P-256 point".into()))?;
    issuer_key.verify(
        &sign_data(&data.proof_hash, &data.public_key, &data.mandatory_hash),
        &data.base_signature,
    )?;
    for (nq, signature) in data.non_mandatory.iter().zip(&data.signatures) {
        proof_key.verify(nq.as_bytes(), signature)?;
    }
    Ok(())
}
