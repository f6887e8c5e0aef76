//! Verifying every proof of a document (VC Data Integrity 1.0 §4.4, and each suite's
//! "Verify Proof" algorithm).

use super::chain::matching_proofs;
use super::hashing::{signed_bytes, Assembled};
use super::DATA_INTEGRITY_PROOF;
use crate::did::{self, DidResolver, VerificationMethod};
use crate::error::{Error, Result};
use crate::jsonld::JsonLdProcessor;
use crate::model::Timestamp;
use crate::suites::{Canonicalization, Cryptosuite};
use serde_json::{Map, Value};

/// Maximum number of proofs we will verify on one document.
pub const MAX_PROOFS: usize = 8;

/// What the verifier requires of every proof.
#[derive(Clone, Copy)]
pub struct ProofRequirements<'a> {
    /// Required `proofPurpose` (`assertionMethod` for credentials, `authentication` for
    /// presentations).
    pub purpose: &'a str,
    /// Required `challenge`, if the verifier issued one.
    pub challenge: Option<&'a str>,
    /// Required `domain`, if any.
    pub domain: Option<&'a str>,
    /// The time of verification.
    pub now: Timestamp,
    /// Resolver for DID methods that do not resolve inline.
    pub resolver: Option<&'a dyn DidResolver>,
}

/// The outcome of one proof.
#[derive(Debug, Clone)]
pub struct ProofOutcome {
    /// The `cryptosuite`, if it was readable.
    pub cryptosuite: Option<String>,
    /// The verification method that was resolved, if it was.
    pub verification_method: Option<VerificationMethod>,
    /// Whether the proof names a `previousProof`.
    pub chained: bool,
    /// `Ok` if the proof verifies.
    pub result: Result<()>,
}

/// Verifies every proof on `document`. Returns `proof_missing` if there is none; otherwise one
/// outcome per proof, in document order.
pub fn verify_proofs(
    document: &Map<String, Value>,
    processor: &JsonLdProcessor,
    req: &ProofRequirements<'_>,
) -> Result<Vec<ProofOutcome>> {
    let proofs: Vec<&Map<String, Value>> = match document.get("proof") {
        None => return Err(Error::ProofMissing),
        Some(Value::Object(p)) => vec![p],
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_object()
                    .ok_or_else(|| Error::MalformedProof("every proof must be an object".into()))
            })
            .collect::<Result<_>>()?,
        Some(_) => {
            return Err(Error::MalformedProof(
                "proof must be an object or an array of objects".into(),
            ))
        }
    };
    if proofs.is_empty() {
        return Err(Error::ProofMissing);
    }
    if proofs.len() > MAX_PROOFS {
        return Err(Error::MalformedProof(format!(
            "{} proofs; at most {MAX_PROOFS} are verified",
            proofs.len()
        )));
    }
    Ok(proofs
        .iter()
        .map(|proof| {
            let mut vm = None;
            let result = verify_one(proof, &proofs, document, processor, req, &mut vm);
            ProofOutcome {
                cryptosuite: proof
                    .get("cryptosuite")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                verification_method: vm,
                chained: proof.contains_key("previousProof"),
                result,
            }
        })
        .collect())
}

fn string<'a>(proof: &'a Map<String, Value>, name: &str) -> Result<&'a str> {
    proof
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| Error::MalformedProof(format!("{name} is missing or not a string")))
}

/// Verifies `proof`, one of `all` on `document`.
fn verify_one(
    proof: &Map<String, Value>,
    all: &[&Map<String, Value>],
    document: &Map<String, Value>,
    processor: &JsonLdProcessor,
    req: &ProofRequirements<'_>,
    vm_out: &mut Option<VerificationMethod>,
) -> Result<()> {
    if string(proof, "type")? != DATA_INTEGRITY_PROOF {
        return Err(Error::MalformedProof(format!(
            "type must be {DATA_INTEGRITY_PROOF}"
        )));
    }
    let suite_name = string(proof, "cryptosuite")?;
    #[cfg(feature = "ecdsa-sd")]
    let selective = suite_name == crate::sd::CRYPTOSUITE;
    #[cfg(not(feature = "ecdsa-sd"))]
    let selective = false;
    let suite = if selective {
        None
    } else {
        Some(Cryptosuite::from_name(suite_name)?)
    };
    let purpose = string(proof, "proofPurpose")?;
    if purpose != req.purpose {
        return Err(Error::MalformedProof(format!(
            "proofPurpose is {purpose}, expected {}",
            req.purpose
        )));
    }
    check_times(proof, req.now)?;
    for (name, wanted) in [("challenge", req.challenge), ("domain", req.domain)] {
        if let Some(w) = wanted {
            if proof.get(name).and_then(Value::as_str) != Some(w) {
                return Err(Error::MalformedProof(format!(
                    "{name} does not match the verifier's"
                )));
            }
        }
    }
    // The document without its proofs (VC DI 1.0 §4.4 step 3), as parts: it is hashed, not built.
    let mut unsecured = Assembled {
        base: document,
        without: "proof",
        extra: Vec::new(),
    };
    let Some(suite) = suite else {
        return verify_selective(proof, &unsecured.to_map(), processor, req, vm_out);
    };
    let proof_value = string(proof, "proofValue")?;
    if !proof_value.starts_with('z') || proof_value.len() > 256 {
        return Err(Error::MalformedProof(
            "proofValue must be a base58btc multibase value".into(),
        ));
    }
    let signature = crate::keys::decode_base58btc(proof_value).map_err(|e| match e {
        Error::InvalidMultibase(m) => Error::MalformedProof(format!("proofValue: {m}")),
        other => other,
    })?;

    let vm = did::resolve(string(proof, "verificationMethod")?, req.resolver)?;
    suite.check_algorithm(vm.public_key.algorithm())?;
    let key = vm.public_key.clone();
    *vm_out = Some(vm);

    let chained = match proof.get("previousProof") {
        Some(previous) => Some(Value::Array(matching_proofs(previous, all)?)),
        None => None,
    };
    if let Some(chained) = &chained {
        unsecured.extra.push(("proof", chained));
    }
    // The proof configuration: the proof without its value, with the document's @context.
    let mut config = Assembled {
        base: proof,
        without: "proofValue",
        extra: Vec::new(),
    };
    let proof_context = proof.get("@context");
    if let Some(proof_context) = proof_context {
        check_context_prefix(proof_context, document.get("@context"))?;
        unsecured.extra.push(("@context", proof_context));
    }
    match proof_context.or_else(|| document.get("@context")) {
        Some(context) => config.extra.push(("@context", context)),
        None if suite.canonicalization() == Canonicalization::Jcs => {}
        None => return Err(Error::InvalidContext("@context is missing".into())),
    }

    let signed = signed_bytes(suite, key.algorithm(), &unsecured, &config, processor)?;
    key.verify(&signed, &signature)
}

/// An `ecdsa-sd-2023` derived proof (its purpose, dates, challenge and domain already checked).
#[cfg(feature = "ecdsa-sd")]
fn verify_selective(
    proof: &Map<String, Value>,
    unsecured: &Map<String, Value>,
    processor: &JsonLdProcessor,
    req: &ProofRequirements<'_>,
    vm_out: &mut Option<VerificationMethod>,
) -> Result<()> {
    if proof.contains_key("previousProof") {
        return Err(Error::InvalidProofChain(
            "an ecdsa-sd-2023 derived proof cannot chain to other proofs".into(),
        ));
    }
    // Refuse a base proof before resolving anything: it is for the holder, never a verifier.
    let proof_value = string(proof, "proofValue")?;
    if crate::sd::proof_value_kind(proof_value)? == crate::sd::ProofValueKind::Base {
        return Err(Error::BaseProofNotVerifiable {
            suite: crate::sd::CRYPTOSUITE.into(),
        });
    }
    let vm = did::resolve(string(proof, "verificationMethod")?, req.resolver)?;
    let key = vm.public_key.clone();
    *vm_out = Some(vm);
    crate::sd::verify_derived_proof(unsecured, proof, &key, processor)
}

#[cfg(not(feature = "ecdsa-sd"))]
fn verify_selective(
    _: &Map<String, Value>,
    _: &Map<String, Value>,
    _: &JsonLdProcessor,
    _: &ProofRequirements<'_>,
    _: &mut Option<VerificationMethod>,
) -> Result<()> {
    Err(Error::UnsupportedCryptosuite("ecdsa-sd-2023".into()))
}

/// `created` must be a valid date and not in the future; `expires`, if present, not past.
fn check_times(proof: &Map<String, Value>, now: Timestamp) -> Result<()> {
    if let Some(v) = proof.get("created") {
        let t = Timestamp::parse_property("proof.created", v.as_str().unwrap_or(""))?;
        // Allow five minutes of clock skew between issuer and verifier.
        if t.0 > now.0 + 300 {
            return Err(Error::MalformedProof(format!(
                "proof created in the future ({})",
                t.to_rfc3339()
            )));
        }
    }
    if let Some(v) = proof.get("expires") {
        let t = Timestamp::parse_property("proof.expires", v.as_str().unwrap_or(""))?;
        if t <= now {
            return Err(Error::MalformedProof(format!(
                "proof expired at {}",
                t.to_rfc3339()
            )));
        }
    }
    Ok(())
}

/// A proof's own `@context` must be a prefix of the document's (VC DI EdDSA §3.3.2 step 4).
fn check_context_prefix(proof_ctx: &Value, doc_ctx: Option<&Value>) -> Result<()> {
    fn as_list(v: &Value) -> &[Value] {
        match v {
            Value::Array(a) => a,
            other => std::slice::from_ref(other),
        }
    }
    let p = as_list(proof_ctx);
    let d = doc_ctx.map(as_list).unwrap_or_default();
    if d.starts_with(p) {
        Ok(())
    } else {
        Err(Error::InvalidContext(
            "the proof's @context is not a prefix of the document's".into(),
        ))
    }
}
