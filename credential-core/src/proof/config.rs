//! Proof options: what goes into a proof besides its value.

use crate::error::{Error, Result};
use crate::model::Timestamp;
use crate::suites::Cryptosuite;
use serde_json::{Map, Value};

/// Options for a new proof (VC Data Integrity 1.0 §2.1).
#[derive(Debug, Clone, PartialEq)]
pub struct ProofOptions {
    /// The cryptosuite.
    pub cryptosuite: Cryptosuite,
    /// The verification method id (a DID URL).
    pub verification_method: String,
    /// `assertionMethod` for credentials, `authentication` for presentations.
    pub proof_purpose: String,
    /// Creation time (the caller's clock; the core has none).
    pub created: Option<Timestamp>,
    /// Expiry of the proof.
    pub expires: Option<Timestamp>,
    /// Verifier-chosen challenge (presentations).
    pub challenge: Option<String>,
    /// Verifier's domain (presentations).
    pub domain: Option<String>,
    /// Proof id (needed when another proof will reference it in a chain).
    pub id: Option<String>,
    /// Id(s) of the proof(s) this one chains to.
    pub previous_proof: Option<Value>,
    /// A nonce.
    pub nonce: Option<String>,
}

impl ProofOptions {
    /// Options for an `assertionMethod` proof with `suite` by `verification_method`.
    pub fn assertion(suite: Cryptosuite, verification_method: impl Into<String>) -> Self {
        ProofOptions {
            cryptosuite: suite,
            verification_method: verification_method.into(),
            proof_purpose: "assertionMethod".into(),
            created: None,
            expires: None,
            challenge: None,
            domain: None,
            id: None,
            previous_proof: None,
            nonce: None,
        }
    }

    /// Options for an `authentication` proof (presentations) bound to `challenge` and `domain`.
    pub fn authentication(
        suite: Cryptosuite,
        verification_method: impl Into<String>,
        challenge: Option<String>,
        domain: Option<String>,
    ) -> Self {
        ProofOptions {
            proof_purpose: "authentication".into(),
            challenge,
            domain,
            ..ProofOptions::assertion(suite, verification_method)
        }
    }

    /// Sets `created`.
    pub fn created(mut self, t: Timestamp) -> Self {
        self.created = Some(t);
        self
    }

    /// The proof configuration object (no `proofValue`, no `@context`), members in the order the
    /// specification's examples use.
    pub fn to_config(&self) -> Result<Map<String, Value>> {
        if self.verification_method.is_empty() {
            return Err(Error::MalformedProof("verificationMethod is empty".into()));
        }
        let mut m = Map::new();
        if let Some(id) = &self.id {
            m.insert("id".into(), Value::String(id.clone()));
        }
        m.insert(
            "type".into(),
            Value::String(super::DATA_INTEGRITY_PROOF.into()),
        );
        m.insert(
            "cryptosuite".into(),
            Value::String(self.cryptosuite.name().into()),
        );
        if let Some(t) = self.created {
            m.insert("created".into(), Value::String(t.to_rfc3339()));
        }
        if let Some(t) = self.expires {
            m.insert("expires".into(), Value::String(t.to_rfc3339()));
        }
        m.insert(
            "verificationMethod".into(),
            Value::String(self.verification_method.clone()),
        );
        m.insert(
            "proofPurpose".into(),
            Value::String(self.proof_purpose.clone()),
        );
        for (k, v) in [
            ("challenge", &self.challenge),
            ("domain", &self.domain),
            ("nonce", &self.nonce),
        ] {
            if let Some(v) = v {
                m.insert(k.into(), Value::String(v.clone()));
            }
        }
        if let Some(p) = &self.previous_proof {
            m.insert("previousProof".into(), p.clone());
        }
        Ok(m)
    }
}
