//! Adding a proof to a document (VC Data Integrity 1.0 §4.2 / §4.3).

use super::chain::matching_proofs;
use super::config::ProofOptions;
use super::hashing::hash_data;
use crate::error::{Error, Result};
use crate::jsonld::JsonLdProcessor;
use crate::keys::Signer;
use crate::suites::Canonicalization;
use serde_json::{Map, Value};

/// Secures `document` with a new proof made by `signer`, returning the secured document. Existing
/// proofs are kept (a proof set); with `previous_proof`, the new proof signs over the proofs it
/// names (a proof chain).
pub fn add_proof(
    document: &Map<String, Value>,
    options: &ProofOptions,
    signer: &dyn Signer,
    processor: &JsonLdProcessor,
) -> Result<Map<String, Value>> {
    let key = signer.public_key();
    options.cryptosuite.check_algorithm(key.algorithm())?;
    // JCS suites may secure plain JSON without @context (VC DI EdDSA §3.4.1); RDFC needs one.
    let context = document.get("@context").cloned();
    if context.is_none() && options.cryptosuite.canonicalization() == Canonicalization::Rdfc {
        return Err(Error::InvalidContext("@context is missing".into()));
    }

    // The existing proofs, and the document without them (one copy, not two).
    let all: Vec<&Map<String, Value>> = match document.get("proof") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(one) => one.as_object().into_iter().collect(),
        None => Vec::new(),
    };
    let mut unsecured: Map<String, Value> = document
        .iter()
        .filter(|(k, _)| *k != "proof")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if let Some(previous) = &options.previous_proof {
        unsecured.insert(
            "proof".into(),
            Value::Array(matching_proofs(previous, &all)?),
        );
    }

    let mut config = options.to_config()?;
    if let Some(context) = context {
        config.insert("@context".into(), context);
    }
    let hashes = hash_data(
        options.cryptosuite,
        key.algorithm(),
        &unsecured,
        &config,
        processor,
    )?;
    let signature = signer.sign(&hashes.combined())?;

    // RDFC suites drop the proof's @context (it is the document's); JCS suites keep it, since the
    // JCS bytes signed include it (VC DI EdDSA §3.4.1 / ECDSA §3.4.1).
    if options.cryptosuite.canonicalization() == Canonicalization::Rdfc {
        config.remove("@context");
    }
    config.insert(
        "proofValue".into(),
        Value::String(crate::keys::encode_base58btc(&signature)),
    );
    let mut secured = document.clone();
    let proof = Value::Object(config);
    match secured.get_mut("proof") {
        None => {
            secured.insert("proof".into(), proof);
        }
        Some(Value::Array(list)) => list.push(proof),
        Some(single) => {
            let first = single.take();
            *single = Value::Array(vec![first, proof]);
        }
    }
    Ok(secured)
}
