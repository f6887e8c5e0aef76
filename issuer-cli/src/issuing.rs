//! Building and securing credentials from subject records.

use crate::error::{CliError, CliResult};
use crate::home::Home;
use crate::registry::Entry;
use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::issue;
use credential_core::jsonld::{CONTEXT_V2, UNDEFINED_TERMS_V2};
use credential_core::keys::SecretKey;
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::ProofOptions;
use credential_core::status::StatusPurpose;
use credential_core::suites::Cryptosuite;
use credential_core::verify::Verifier;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

/// The profile with a free-form subject (undefined terms go to the VC 2.0 issuer-dependent
/// vocabulary).
pub const GENERIC: &str = "generic";

/// Status purpose used for every issued credential.
pub const STATUS_PURPOSE: &str = "revocation";

/// One subject record to issue.
#[derive(Debug, Clone)]
pub struct Record {
    /// Stable id of the record in the issuer's own system.
    pub record_id: String,
    /// The `credentialSubject`.
    pub subject: Map<String, Value>,
}

/// Everything needed to issue: key, suite, profile, contexts.
pub struct Issuer<'a> {
    /// Signing key.
    pub key: SecretKey,
    /// Its name in the home.
    pub key_name: String,
    /// Cryptosuite.
    pub suite: Cryptosuite,
    /// Profile name.
    pub profile: String,
    /// Verifier (JSON-LD processor and profiles), shared across threads.
    pub verifier: &'a Verifier,
    /// The home (issuer name, status base URL).
    pub home: &'a Home,
    /// Issuance time.
    pub now: Timestamp,
    /// End of validity, if any.
    pub valid_until: Option<Timestamp>,
}

/// Checks a profile name against `generic` and the bundled profiles.
pub fn check_profile(verifier: &Verifier, profile: &str) -> CliResult<()> {
    if profile == GENERIC || verifier.profiles().get(profile).is_some() {
        return Ok(());
    }
    let mut names = vec![GENERIC];
    names.extend(verifier.profiles().all().iter().map(|p| p.name()));
    Err(CliError::input(format!(
        "unknown profile {profile:?} (available: {})",
        names.join(", ")
    )))
}

/// Parses a suite name.
pub fn parse_suite(name: &str) -> CliResult<Cryptosuite> {
    Cryptosuite::from_name(name).map_err(|_| {
        CliError::input(format!(
            "unknown suite {name:?} (use {})",
            Cryptosuite::ALL.map(|s| s.name()).join(", ")
        ))
    })
}

/// URL of the status list credential of `key_name` for `purpose` holding global index `index`.
pub fn list_url(home: &Home, key_name: &str, purpose: StatusPurpose, index: i64) -> String {
    format!(
        "{}/{key_name}/{}/{}",
        home.config.status.base_url.trim_end_matches('/'),
        purpose.name(),
        index / home.config.status.list_size as i64
    )
}

fn status_entry(home: &Home, key_name: &str, purpose: StatusPurpose, index: i64) -> Value {
    let list = list_url(home, key_name, purpose, index);
    let within = index % home.config.status.list_size as i64;
    json!({
        "id": format!("{list}#{within}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose.name(),
        "statusListIndex": within.to_string(),
        "statusListCredential": list,
    })
}

/// A deterministic `urn:uuid:` for (issuer, profile, record): re-issuing a record yields the
/// same credential id.
fn credential_id(issuer: &str, record_key: &str) -> String {
    let h = Sha256::digest(format!("{issuer}\n{record_key}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    b[6] = (b[6] & 0x0f) | 0x80; // version 8 (custom, RFC 9562)
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// `<profile>:<record id>`.
pub fn record_key(profile: &str, record_id: &str) -> String {
    format!("{profile}:{record_id}")
}

impl Issuer<'_> {
    /// The issuer DID (`did:key` of the signing key).
    pub fn did(&self) -> String {
        did_key(&self.key.public_key())
    }

    /// Builds, validates and signs the credential for `record`, using status index `index`.
    /// Returns the registry entry and the credential JSON as written.
    pub fn issue(&self, record: &Record, index: Option<i64>) -> CliResult<(Entry, String)> {
        let did = self.did();
        let key = record_key(&self.profile, &record.record_id);
        let id = credential_id(&did, &key);
        let profile = self.verifier.profiles().get(&self.profile);
        let (context, types) = match profile {
            Some(p) => (p.context_url(), json!(p.types())),
            None => (UNDEFINED_TERMS_V2, json!(["VerifiableCredential"])),
        };
        let mut doc = json!({
            "@context": [CONTEXT_V2, context],
            "id": id,
            "type": types,
            "issuer": {"id": did, "name": self.home.config.issuer.name},
            "validFrom": self.now.to_rfc3339(),
            "credentialSubject": Value::Object(record.subject.clone()),
        });
        if let Some(p) = profile {
            doc["credentialSchema"] = json!({"id": p.schema_url(), "type": "JsonSchema"});
        }
        if let Some(until) = self.valid_until {
            doc["validUntil"] = json!(until.to_rfc3339());
        }
        if let Some(i) = index {
            doc["credentialStatus"] = json!([
                status_entry(self.home, &self.key_name, StatusPurpose::Revocation, i),
                status_entry(self.home, &self.key_name, StatusPurpose::Suspension, i),
            ]);
        }
        if let Some(p) = profile {
            p.check(&doc)?;
        }
        let cred = Credential::from_json(doc)?;
        let options = ProofOptions::assertion(self.suite, did_key_vm(&self.key.public_key()))
            .created(self.now);
        let signed = issue(&cred, &options, &self.key, self.verifier.processor())?;
        let text = serde_json::to_string_pretty(&signed.into_json())
            .map_err(|e| CliError::input(format!("cannot serialize credential: {e}")))?;
        let digest: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok((
            Entry {
                credential_id: id,
                record_key: key,
                profile: self.profile.clone(),
                suite: self.suite.name().into(),
                key_name: self.key_name.clone(),
                issued_at: self.now.to_rfc3339(),
                status_purpose: index.map(|_| STATUS_PURPOSE.to_owned()),
                status_index: index,
                digest,
            },
            text,
        ))
    }
}

/// A subject record from JSON: an object with the subject's claims; `recordId` / `record_id`
/// (removed from the claims) gives the record id.
pub fn record_from_json(value: Value, fallback_id: Option<&str>) -> Result<Record, String> {
    let Value::Object(mut subject) = value else {
        return Err("a subject record must be a JSON object".into());
    };
    let explicit = ["recordId", "record_id"]
        .iter()
        .find_map(|k| subject.remove(*k));
    let record_id = match explicit {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("recordId must be a non-empty string".into()),
        None => match fallback_id {
            Some(f) => f.to_owned(),
            None => return Err("missing recordId".into()),
        },
    };
    if record_id.len() > 200 {
        return Err("recordId is longer than 200 characters".into());
    }
    if subject.is_empty() {
        return Err("the subject has no claims".into());
    }
    Ok(Record { record_id, subject })
}
