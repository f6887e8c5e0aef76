//! Issuance: validate an unsigned VC 2.0 credential and secure it with a Data Integrity proof.

use crate::error::{Error, Result};
use crate::jsonld::JsonLdProcessor;
use crate::keys::Signer;
use crate::model::{Credential, DataModelVersion};
use crate::proof::{add_proof, ProofOptions};
use crate::suites::Canonicalization;
use serde_json::Value;

/// Validates `credential` (VC 2.0 only: 1.1 is read, never issued), checks that every term
/// expands (no data loss, whatever the suite), and adds a proof made by `signer`.
pub fn issue(
    credential: &Credential,
    options: &ProofOptions,
    signer: &dyn Signer,
    processor: &JsonLdProcessor,
) -> Result<Credential> {
    if credential.as_json().contains_key("proof") {
        return Err(Error::MalformedDocument(
            "the credential to issue already has a proof".into(),
        ));
    }
    if credential.validate()? != DataModelVersion::V2_0 {
        return Err(Error::UnsupportedVersion(
            "VC 1.1 credentials are verified but never issued; use the VC 2.0 context".into(),
        ));
    }
    // RDFC suites expand the document while hashing it; JCS suites do not, so check here.
    if options.cryptosuite.canonicalization() == Canonicalization::Jcs {
        processor.to_rdf(credential.as_json())?;
    }
    let secured = add_proof(credential.as_json(), options, signer, processor)?;
    Credential::from_json(Value::Object(secured))
}
