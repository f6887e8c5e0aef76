//! Issuance: build a VC 2.0 credential (optionally of a Laissez profile), validate it, and
//! secure it with a Data Integrity proof.
//!
//! ```
//! use credential_core::issue::Issuer;
//! use credential_core::keys::{Algorithm, SecretKey};
//! use credential_core::model::Timestamp;
//! use credential_core::suites::Cryptosuite;
//!
//! let key = SecretKey::from_bytes(Algorithm::Ed25519, &[7; 32]).unwrap();
//! let issuer = Issuer::new(key, Cryptosuite::EddsaRdfc2022).unwrap();
//! let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
//! let credential = issuer
//!     .credential()
//!     .profile("health-vaccination")
//!     .unwrap()
//!     .id("urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d")
//!     .subject(serde_json::json!({"familyName": "Diallo"}))
//!     .issue(now);
//! // The profile's JSON Schema wants more than a family name: the error says what.
//! assert_eq!(credential.unwrap_err().code(), "schema_invalid");
//! ```

use crate::did::{did_key, did_key_vm};
use crate::error::{Error, Result};
use crate::jsonld::{ContextStore, JsonLdProcessor, CONTEXT_V2, UNDEFINED_TERMS_V2};
use crate::keys::{SecretKey, Signer};
use crate::model::{Credential, DataModelVersion, Timestamp};
use crate::profiles::{Profile, Profiles};
use crate::proof::{add_proof, ProofOptions};
use crate::status::StatusPurpose;
use crate::suites::{Canonicalization, Cryptosuite};
use serde_json::{json, Map, Value};

/// Validates `credential` (VC 2.0 only: 1.1 is read, never issued), checks that every term
/// expands (no data loss, whatever the suite), and adds a proof made by `signer`.
///
/// The low-level step under [`Issuer`]: use it to secure a credential built by hand.
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

/// An issuer: a signing key, a cryptosuite, and what building credentials needs (the offline
/// JSON-LD processor, the Laissez profiles). Build one and issue many credentials with it; it is
/// `Sync`, so batch workers can share it.
pub struct Issuer {
    key: SecretKey,
    suite: Cryptosuite,
    id: String,
    name: Option<String>,
    verification_method: String,
    processor: JsonLdProcessor,
    profiles: Profiles,
}

impl Issuer {
    /// An issuer identified by the `did:key` of `key`, signing with `suite`, over the bundled
    /// contexts. Fails with `algorithm_mismatch` when the suite cannot use the key.
    pub fn new(key: SecretKey, suite: Cryptosuite) -> Result<Self> {
        Self::with_store(key, suite, ContextStore::bundled())
    }

    /// As [`Issuer::new`], over another context store (the one a verifier will use, say; the
    /// credentials' `@context` stays the profile's).
    pub fn with_store(key: SecretKey, suite: Cryptosuite, store: ContextStore) -> Result<Self> {
        suite.check_algorithm(key.algorithm())?;
        let public = key.public_key();
        Ok(Issuer {
            id: did_key(&public),
            verification_method: did_key_vm(&public),
            key,
            suite,
            name: None,
            processor: JsonLdProcessor::new(store),
            profiles: Profiles::bundled(),
        })
    }

    /// The same issuer with a display `name` written into each credential's `issuer`.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The issuer's identifier (its `did:key`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The cryptosuite of its proofs.
    pub fn suite(&self) -> Cryptosuite {
        self.suite
    }

    /// The Laissez profiles it can build.
    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    /// The JSON-LD processor it checks and canonicalizes with.
    pub fn processor(&self) -> &JsonLdProcessor {
        &self.processor
    }

    /// Starts a credential. Without a profile it is a generic credential whose subject's terms
    /// come from the VC 2.0 issuer-dependent vocabulary (`undefined-terms/v2`).
    pub fn credential(&self) -> CredentialBuilder<'_> {
        CredentialBuilder {
            issuer: self,
            profile: None,
            id: None,
            subject: Value::Object(Map::new()),
            valid_from: None,
            valid_until: None,
            status: Vec::new(),
            compact: false,
        }
    }
}

/// One `BitstringStatusListEntry` (W3C Bitstring Status List v1.0 §2.1) to put in a credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEntrySpec {
    /// Revocation or suspension.
    pub purpose: StatusPurpose,
    /// URL of the status list credential.
    pub list_url: String,
    /// Index in that list.
    pub index: u64,
}

impl StatusEntrySpec {
    /// The entry as JSON; with `id` (optional in VC 2.0 §4.10) unless `compact`.
    fn to_json(&self, compact: bool) -> Value {
        let mut entry = Map::new();
        if !compact {
            entry.insert(
                "id".into(),
                json!(format!("{}#{}", self.list_url, self.index)),
            );
        }
        entry.insert("type".into(), json!("BitstringStatusListEntry"));
        entry.insert("statusPurpose".into(), json!(self.purpose.name()));
        entry.insert("statusListIndex".into(), json!(self.index.to_string()));
        entry.insert("statusListCredential".into(), json!(self.list_url));
        Value::Object(entry)
    }
}

/// A credential being built by an [`Issuer`]; [`CredentialBuilder::issue`] validates and signs.
pub struct CredentialBuilder<'a> {
    issuer: &'a Issuer,
    profile: Option<&'a Profile>,
    id: Option<String>,
    subject: Value,
    valid_from: Option<Timestamp>,
    valid_until: Option<Timestamp>,
    status: Vec<StatusEntrySpec>,
    compact: bool,
}

impl<'a> CredentialBuilder<'a> {
    /// A Laissez profile by name (`legal-identity`, `health-vaccination`, …): its contexts,
    /// types and schema reference, and its JSON Schema checked before signing.
    pub fn profile(mut self, name: &str) -> Result<Self> {
        let profile = self.issuer.profiles.get(name).ok_or_else(|| {
            let known: Vec<&str> = self
                .issuer
                .profiles
                .all()
                .iter()
                .map(Profile::name)
                .collect();
            Error::UnknownProfile(format!("{name:?} (known: {})", known.join(", ")))
        })?;
        self.profile = Some(profile);
        Ok(self)
    }

    /// The credential `id` (a URL, e.g. `urn:uuid:…`).
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The `credentialSubject` claims (a JSON object; anything else is refused at `issue`).
    pub fn subject(mut self, claims: Value) -> Self {
        self.subject = claims;
        self
    }

    /// The start of validity (default: the issuance time).
    pub fn valid_from(mut self, t: Timestamp) -> Self {
        self.valid_from = Some(t);
        self
    }

    /// The end of validity (default: none).
    pub fn valid_until(mut self, t: Timestamp) -> Self {
        self.valid_until = Some(t);
        self
    }

    /// Adds a status list entry (one per purpose).
    pub fn status(mut self, entry: StatusEntrySpec) -> Self {
        self.status.push(entry);
        self
    }

    /// The compact (paper) form of `specs/qr-envelope.md` ("Compact credentials"): only what a
    /// verifier cannot know otherwise. No credential `id`, the `issuer` as its DID alone (the
    /// trust bundle names it), status entries without `id`, and a proof without `created`; all
    /// optional in VC 2.0 and Data Integrity, so the result is still an ordinary credential.
    /// Which status entries to add (one serves for revocation alone) is the caller's choice.
    pub fn compact(mut self) -> Self {
        self.compact = true;
        self
    }

    /// The unsigned credential as built, before any check. A profile with age claims (legal
    /// identity) gets the `ageOverNN` claims its birth date determines at `now` (see
    /// [`crate::profiles::age_over`]), and then the age context after its own; a subject with a
    /// `portrait` gets the profile's portrait context last.
    pub fn build(&self, now: Timestamp) -> Result<Value> {
        if !self.subject.is_object() {
            return Err(Error::InvalidCredentialSubject(
                "the subject must be a JSON object of claims".into(),
            ));
        }
        let (context, types) = match self.profile {
            Some(p) => (p.context_url(), json!(p.types())),
            None => (UNDEFINED_TERMS_V2, json!(["VerifiableCredential"])),
        };
        let mut contexts = vec![CONTEXT_V2, context];
        let mut subject = self.subject.clone();
        if let (Some(age), Value::Object(claims)) =
            (self.profile.and_then(Profile::age_claims), &mut subject)
        {
            if age.add_to(claims, now) {
                contexts.push(age.context_url());
            }
        }
        if let (Some(portrait), Some(_)) = (
            self.profile.and_then(Profile::portrait_context),
            subject.get("portrait"),
        ) {
            contexts.push(portrait);
        }
        let mut doc = Map::new();
        doc.insert("@context".into(), json!(contexts));
        if let (Some(id), false) = (&self.id, self.compact) {
            doc.insert("id".into(), json!(id));
        }
        doc.insert("type".into(), types);
        doc.insert(
            "issuer".into(),
            match (&self.issuer.name, self.compact) {
                (Some(name), false) => json!({"id": self.issuer.id, "name": name}),
                _ => json!(self.issuer.id),
            },
        );
        let from = self.valid_from.unwrap_or(now);
        doc.insert("validFrom".into(), json!(from.to_rfc3339()));
        if let Some(until) = self.valid_until {
            if until <= from {
                return Err(Error::InvalidProperty {
                    property: "validUntil".into(),
                    reason: "must be after validFrom".into(),
                });
            }
            doc.insert("validUntil".into(), json!(until.to_rfc3339()));
        }
        doc.insert("credentialSubject".into(), subject);
        if let Some(p) = self.profile {
            doc.insert(
                "credentialSchema".into(),
                json!({"id": p.schema_url(), "type": "JsonSchema"}),
            );
        }
        if !self.status.is_empty() {
            let mut seen = Vec::new();
            for s in &self.status {
                if seen.contains(&s.purpose) {
                    return Err(Error::InvalidProperty {
                        property: "credentialStatus".into(),
                        reason: format!("two {} entries", s.purpose.name()),
                    });
                }
                seen.push(s.purpose);
            }
            let entries: Vec<Value> = self
                .status
                .iter()
                .map(|s| s.to_json(self.compact))
                .collect();
            doc.insert("credentialStatus".into(), Value::Array(entries));
        }
        Ok(Value::Object(doc))
    }

    /// Builds the credential, checks it (VC 2.0 data model, the profile's JSON Schema, age
    /// claims stated in the subject equal to those computed, every term defined) and signs it
    /// at `now` (the proof's `created`). Signing is deterministic for Ed25519 and RFC 6979
    /// ECDSA, so no randomness is needed here; ids that must be unpredictable are the caller's
    /// (see [`crate::codec::urn_uuid`]).
    pub fn issue(self, now: Timestamp) -> Result<Credential> {
        let doc = self.build(now)?;
        if let Some(p) = self.profile {
            p.check(&doc)?;
            if let (Some(age), Some(Value::Object(subject))) =
                (p.age_claims(), doc.get("credentialSubject"))
            {
                age.check(subject, now)?;
            }
        }
        // The status entries as a verifier will read them (index range, list URL).
        if let Value::Object(o) = &doc {
            crate::status::status_entries(o)?;
        }
        let cred = Credential::from_json(doc)?;
        let mut options =
            ProofOptions::assertion(self.issuer.suite, &self.issuer.verification_method);
        if !self.compact {
            options = options.created(now);
        }
        issue(&cred, &options, &self.issuer.key, &self.issuer.processor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Algorithm;
    use crate::verify::{Verdict, Verifier, VerifyOptions};

    /// The compact form leaves out the credential id, the issuer name, the status entries' ids
    /// and the proof's creation time, and still verifies.
    #[test]
    fn a_compact_credential_leaves_out_only_optional_members() {
        let key = SecretKey::from_bytes(Algorithm::Ed25519, &[9; 32]).unwrap();
        let issuer = Issuer::new(key, Cryptosuite::EddsaRdfc2022)
            .unwrap()
            .named("Civil registry");
        let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        let entry = StatusEntrySpec {
            purpose: StatusPurpose::Revocation,
            list_url: "https://status.example/r/0".into(),
            index: 7,
        };
        let build = |compact: bool| {
            let mut b = issuer
                .credential()
                .id("urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d")
                .subject(json!({"name": "Amina"}))
                .status(entry.clone());
            if compact {
                b = b.compact();
            }
            b.issue(now).unwrap().into_json()
        };
        let full = build(false);
        let compact = build(true);
        assert!(full.get("id").is_some() && full["issuer"]["name"] == "Civil registry");
        assert!(full["proof"].get("created").is_some());
        assert!(full["credentialStatus"][0].get("id").is_some());
        assert!(compact.get("id").is_none());
        assert_eq!(compact["issuer"], json!(issuer.id()));
        assert!(compact["proof"].get("created").is_none());
        assert!(compact["credentialStatus"][0].get("id").is_none());
        assert_eq!(
            compact["credentialStatus"][0]["statusPurpose"],
            "revocation"
        );
        let verifier = Verifier::new(ContextStore::bundled());
        let report = verifier.verify_credential(&compact, &VerifyOptions::at(now));
        assert_ne!(report.verdict, Verdict::Invalid, "{report:?}");
        let mut tampered = compact.clone();
        tampered["credentialSubject"]["name"] = json!("Amira");
        let report = verifier.verify_credential(&tampered, &VerifyOptions::at(now));
        assert_eq!(report.verdict, Verdict::Invalid);
    }
}
