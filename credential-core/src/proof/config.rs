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
        ConfigMembers {
            id: self.id.as_deref(),
            cryptosuite: self.cryptosuite.name(),
            created: self.created,
            expires: self.expires,
            verification_method: &self.verification_method,
            proof_purpose: &self.proof_purpose,
            challenge: self.challenge.as_deref(),
            domain: self.domain.as_deref(),
            nonce: self.nonce.as_deref(),
            previous_proof: self.previous_proof.as_ref(),
        }
        .to_map()
    }
}

/// The members of a Data Integrity proof configuration, whatever suite's options they come from
/// (the four suites' [`ProofOptions`], `ecdsa-sd-2023`'s base proof options).
pub(crate) struct ConfigMembers<'a> {
    pub(crate) id: Option<&'a str>,
    pub(crate) cryptosuite: &'a str,
    pub(crate) created: Option<Timestamp>,
    pub(crate) expires: Option<Timestamp>,
    pub(crate) verification_method: &'a str,
    pub(crate) proof_purpose: &'a str,
    pub(crate) challenge: Option<&'a str>,
    pub(crate) domain: Option<&'a str>,
    pub(crate) nonce: Option<&'a str>,
    pub(crate) previous_proof: Option<&'a Value>,
}

impl ConfigMembers<'_> {
    /// The configuration object, members in the order the specifications' examples use.
    pub(crate) fn to_map(&self) -> Result<Map<String, Value>> {
        if self.verification_method.is_empty() {
            return Err(Error::MalformedProof("verificationMethod is empty".into()));
        }
        let text = |v: &str| Value::String(v.to_owned());
        let mut m = Map::new();
        if let Some(id) = self.id {
            m.insert("id".into(), text(id));
        }
        m.insert("type".into(), text(super::DATA_INTEGRITY_PROOF));
        m.insert("cryptosuite".into(), text(self.cryptosuite));
        if let Some(t) = self.created {
            m.insert("created".into(), Value::String(t.to_rfc3339()));
        }
        if let Some(t) = self.expires {
            m.insert("expires".into(), Value::String(t.to_rfc3339()));
        }
        m.insert("verificationMethod".into(), text(self.verification_method));
        m.insert("proofPurpose".into(), text(self.proof_purpose));
        for (k, v) in [
            ("challenge", self.challenge),
            ("domain", self.domain),
            ("nonce", self.nonce),
        ] {
            if let Some(v) = v {
                m.insert(k.into(), text(v));
            }
        }
        if let Some(p) = self.previous_proof {
            m.insert("previousProof".into(), p.clone());
        }
        Ok(m)
    }
}
