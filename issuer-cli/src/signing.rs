//! Signing the documents a home publishes besides credentials: status list credentials and trust
//! bundles, each with a Data Integrity proof by a key of the home.

use crate::error::{CliError, CliResult};
use credential_core::did::did_key_vm;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::suites::Cryptosuite;
use credential_core::verify::Verifier;
use serde_json::Value;

/// `doc` with an assertion proof by `key` (verification method: its `did:key`), created `now`.
pub fn sign_document(
    doc: &Value,
    key: &SecretKey,
    suite: Cryptosuite,
    verifier: &Verifier,
    now: Timestamp,
) -> CliResult<Value> {
    let obj = doc
        .as_object()
        .ok_or_else(|| CliError::input(credential_core::message!("internal_not_object")))?;
    let opts = ProofOptions::assertion(suite, did_key_vm(&key.public_key())).created(now);
    Ok(Value::Object(add_proof(
        obj,
        &opts,
        key,
        verifier.processor(),
    )?))
}

/// The RDF canonicalisation suite for `key` (status list credentials).
pub fn rdfc_suite(key: &SecretKey) -> Cryptosuite {
    match key.algorithm() {
        Algorithm::Ed25519 => Cryptosuite::EddsaRdfc2022,
        _ => Cryptosuite::EcdsaRdfc2019,
    }
}

/// The JSON canonicalisation suite for `key` (trust bundles).
pub fn jcs_suite(key: &SecretKey) -> Cryptosuite {
    match key.algorithm() {
        Algorithm::Ed25519 => Cryptosuite::EddsaJcs2022,
        _ => Cryptosuite::EcdsaJcs2019,
    }
}
