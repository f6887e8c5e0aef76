//! The holder's derived proof (VC DI ECDSA §3.4.2 createDisclosureData, §3.4.8 "Add Derived
//! Proof"): the reveal document with only what the pointers select, and the signatures a
//! verifier needs for it.

use super::group::{canonicalize_and_group, Grouped};
use super::pointers::select_json_ld;
use super::proof_value::{
    parse_base_proof_value, serialize_derived_proof_value, DerivedProofValue,
};
use super::{CRYPTOSUITE, MAX_POINTERS};
use crate::canon::rdfc::{self, RdfcHash, RdfcLimits};
use crate::error::{Error, Result};
use crate::jsonld::JsonLdProcessor;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

/// What createDisclosureData produces.
#[derive(Debug, Clone)]
pub struct DisclosureData {
    /// The derived proof value's components.
    pub proof_value: DerivedProofValue,
    /// The document with only the selected (mandatory and selective) parts, without proof.
    pub reveal_document: Map<String, Value>,
    /// The groups `mandatory`, `selective` and `combined` of the document's statements.
    pub groups: Grouped,
}

fn bad(reason: &str) -> Error {
    Error::InvalidProperty {
        property: "proof".into(),
        reason: reason.to_owned(),
    }
}

/// createDisclosureData for the unsecured `document`, its base `proof`, and the holder's
/// `selective_pointers`.
pub fn create_disclosure_data(
    document: &Map<String, Value>,
    proof: &Map<String, Value>,
    selective_pointers: &[String],
    processor: &JsonLdProcessor,
) -> Result<DisclosureData> {
    if selective_pointers.len() > MAX_POINTERS {
        return Err(Error::InvalidProperty {
            property: "selectivePointers".into(),
            reason: format!("more than {MAX_POINTERS}"),
        });
    }
    let proof_value = proof
        .get("proofValue")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::MalformedProof("proofValue is missing or not a string".into()))?;
    let base = parse_base_proof_value(proof_value)?;
    let mut hmac_key = Zeroizing::new([0u8; 32]);
    hmac_key.copy_from_slice(&base.hmac_key);

    let mandatory = &base.mandatory_pointers;
    let combined: Vec<String> = mandatory
        .iter()
        .chain(selective_pointers)
        .cloned()
        .collect();
    let grouped = canonicalize_and_group(
        document,
        &hmac_key,
        &[
            ("mandatory", mandatory),
            ("selective", selective_pointers),
            ("combined", &combined),
        ],
        processor,
    )?;
    let (mandatory_group, selective_group, combined_group) =
        (&grouped.groups[0], &grouped.groups[1], &grouped.groups[2]);

    if base.signatures.len() != mandatory_group.non_matching.len() {
        return Err(Error::MalformedProof(format!(
            "the base proof has {} signatures for {} non-mandatory statements (the document \
             changed since it was signed?)",
            base.signatures.len(),
            mandatory_group.non_matching.len()
        )));
    }
    // Positions of the mandatory statements among the disclosed ones.
    let mandatory_indexes: Vec<usize> = combined_group
        .matching
        .iter()
        .enumerate()
        .filter(|(_, abs)| mandatory_group.matching.binary_search(abs).is_ok())
        .map(|(rel, _)| rel)
        .collect();
    // The signature of each non-mandatory statement that is disclosed.
    let signatures: Vec<Vec<u8>> = mandatory_group
        .non_matching
        .iter()
        .zip(&base.signatures)
        .filter(|(abs, _)| selective_group.matching.binary_search(abs).is_ok())
        .map(|(_, s)| s.clone())
        .collect();

    let reveal_document = select_json_ld(&combined, document)?
        .ok_or_else(|| bad("nothing is selected: no mandatory and no selective pointers"))?;
    // The labels a verifier's canonicalization of the reveal document will issue, each mapped to
    // the HMAC label that was signed.
    let (_, issued) = rdfc::canonicalize_with_labels(
        combined_group.deskolemized.clone(),
        RdfcHash::Sha256,
        RdfcLimits::default(),
    )?;
    let mut label_map: Vec<(String, String)> = issued
        .into_iter()
        .map(|(input, c14n)| {
            grouped
                .label_map
                .get(&input)
                .map(|l| (c14n, l.clone()))
                .ok_or_else(|| {
                    Error::MalformedDocument("a disclosed blank node has no label".into())
                })
        })
        .collect::<Result<_>>()?;
    label_map.sort_by_key(|(c, _)| c.get(4..).and_then(|n| n.parse::<u64>().ok()));

    Ok(DisclosureData {
        proof_value: DerivedProofValue {
            base_signature: base.base_signature.clone(),
            public_key: base.public_key.clone(),
            signatures,
            label_map,
            mandatory_indexes,
        },
        reveal_document,
        groups: grouped,
    })
}

/// Derives a document for a verifier from `document` secured with an `ecdsa-sd-2023` base
/// proof: it discloses what the issuer made mandatory and what `selective_pointers` name, with
/// a derived proof. Other proofs of `document` are not carried over.
pub fn derive(
    document: &Map<String, Value>,
    selective_pointers: &[String],
    processor: &JsonLdProcessor,
) -> Result<Map<String, Value>> {
    let proofs: Vec<&Map<String, Value>> = match document.get("proof") {
        None => return Err(Error::ProofMissing),
        Some(Value::Object(p)) => vec![p],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(_) => return Err(Error::MalformedProof("proof is not an object".into())),
    };
    let mut sd = proofs
        .into_iter()
        .filter(|p| p.get("cryptosuite").and_then(Value::as_str) == Some(CRYPTOSUITE));
    let proof = match (sd.next(), sd.next()) {
        (Some(p), None) => p,
        (None, _) => {
            return Err(Error::UnsupportedCryptosuite(
                "the document has no ecdsa-sd-2023 proof".into(),
            ))
        }
        (Some(_), Some(_)) => return Err(bad("more than one ecdsa-sd-2023 proof")),
    };
    let mut unsecured = document.clone();
    unsecured.remove("proof");
    let data = create_disclosure_data(&unsecured, proof, selective_pointers, processor)?;
    let mut new_proof = proof.clone();
    new_proof.insert(
        "proofValue".into(),
        Value::String(serialize_derived_proof_value(&data.proof_value)?),
    );
    let mut reveal = data.reveal_document;
    reveal.insert("proof".into(), Value::Object(new_proof));
    Ok(reveal)
}
