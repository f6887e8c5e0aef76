//! Issuing from subject records: the issuer a command chose (profile, suite, a key from the
//! home's keystore), record ids, status indexes and list URLs from the issuer home, registry
//! entries. Building, checking and signing the credential is the core's
//! ([`credential_core::issue::Issuer`]).

use crate::cli::IssuerChoice;
use crate::error::{CliError, CliResult};
use crate::home::Home;
use crate::registry::Entry;
use crate::{clock, keystore};
use credential_core::codec::{hex, urn_uuid};
use credential_core::issue::{Issuer as CoreIssuer, StatusEntrySpec};
use credential_core::model::Timestamp;
use credential_core::profiles::Profiles;
use credential_core::status::StatusPurpose;
use credential_core::suites::Cryptosuite;
use credential_core::{message, Message};
use serde_json::{Map, Value};
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

/// The core issuer plus what the home decides: key name, profile, validity, status lists.
pub struct Issuer<'a> {
    /// The core issuer (key, suite, JSON-LD processor, profiles); shared across batch threads.
    pub core: CoreIssuer,
    /// The key's name in the home.
    pub key_name: String,
    /// Profile name (or `generic`).
    pub profile: String,
    /// The home (status base URL, list size).
    pub home: &'a Home,
    /// Issuance time.
    pub now: Timestamp,
    /// End of validity, if any.
    pub valid_until: Option<Timestamp>,
}

/// Checks a profile name against `generic` and the bundled profiles.
fn check_profile(profile: &str) -> CliResult<()> {
    let profiles = Profiles::bundled();
    if profile == GENERIC || profiles.get(profile).is_some() {
        return Ok(());
    }
    let mut names = vec![GENERIC];
    names.extend(profiles.all().iter().map(|p| p.name()));
    Err(CliError::input(message!(
        "issue_unknown_profile",
        profile = profile,
        available = names.join(", ")
    )))
}

/// Parses a suite name.
fn parse_suite(name: &str) -> CliResult<Cryptosuite> {
    Cryptosuite::from_name(name).map_err(|_| CliError::Input {
        message: message!("issue_unknown_suite", suite = name),
        hint: Some(message!(
            "issue_suite_hint",
            suites = Cryptosuite::ALL.map(|s| s.name()).join(", ")
        )),
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

fn status_entry(
    home: &Home,
    key_name: &str,
    purpose: StatusPurpose,
    index: i64,
) -> StatusEntrySpec {
    StatusEntrySpec {
        purpose,
        list_url: list_url(home, key_name, purpose, index),
        index: (index % home.config.status.list_size as i64) as u64,
    }
}

/// A deterministic `urn:uuid:` (version 8, RFC 9562) for (issuer, profile, record):
/// re-issuing a record yields the same credential id.
fn credential_id(issuer: &str, record_key: &str) -> String {
    let h = Sha256::digest(format!("{issuer}\n{record_key}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    urn_uuid(b, 8)
}

/// `<profile>:<record id>`.
pub fn record_key(profile: &str, record_id: &str) -> String {
    format!("{profile}:{record_id}")
}

impl<'a> Issuer<'a> {
    /// Builds an issuer from the home and the command's choices: checks the profile, loads the
    /// key (decrypting it with `pass`), checks that it suits the cryptosuite and that the end of
    /// validity is in the future.
    pub fn from_home(
        home: &'a Home,
        choice: &IssuerChoice,
        pass: Option<&str>,
    ) -> CliResult<Issuer<'a>> {
        check_profile(&choice.profile)?;
        let suite = parse_suite(
            choice
                .suite
                .as_deref()
                .unwrap_or(&home.config.issuance.default_suite),
        )?;
        let key_name = choice
            .key
            .as_deref()
            .unwrap_or(&home.config.issuer.default_key)
            .to_owned();
        let secret = keystore::load(home, &key_name, pass)?;
        suite.check_algorithm(secret.algorithm()).map_err(|_| {
            CliError::input(message!(
                "issue_key_suite_mismatch",
                key = &key_name,
                algorithm = secret.algorithm().name(),
                suite = suite.name(),
                needed = suite.default_algorithm().name()
            ))
        })?;
        let now = clock::now();
        let valid_until = clock::parse_time("--valid-until", choice.valid_until.as_deref())?;
        if valid_until.is_some_and(|u| u <= now) {
            return Err(CliError::input(message!("issue_valid_until_past")));
        }
        let core = CoreIssuer::new(secret, suite)?.named(&home.config.issuer.name);
        Ok(Issuer {
            core,
            key_name,
            profile: choice.profile.clone(),
            home,
            now,
            valid_until,
        })
    }

    /// The issuer DID (`did:key` of the signing key).
    pub fn did(&self) -> &str {
        self.core.id()
    }

    /// The cryptosuite.
    pub fn suite(&self) -> Cryptosuite {
        self.core.suite()
    }

    /// Builds, validates and signs the credential for `record`, using status index `index`.
    /// Returns the registry entry and the credential JSON as written.
    pub fn issue(&self, record: &Record, index: Option<i64>) -> CliResult<(Entry, String)> {
        let key = record_key(&self.profile, &record.record_id);
        let id = credential_id(self.did(), &key);
        let mut builder = self
            .core
            .credential()
            .id(id.clone())
            .subject(Value::Object(record.subject.clone()));
        if self.profile != GENERIC {
            builder = builder.profile(&self.profile)?;
        }
        if let Some(until) = self.valid_until {
            builder = builder.valid_until(until);
        }
        if let Some(i) = index {
            for purpose in [StatusPurpose::Revocation, StatusPurpose::Suspension] {
                builder = builder.status(status_entry(self.home, &self.key_name, purpose, i));
            }
        }
        let signed = builder.issue(self.now)?;
        let text = serde_json::to_string_pretty(signed.as_json()).map_err(|e| {
            CliError::input(message!("serialise_credential", detail = e.to_string()))
        })?;
        let digest = hex(&Sha256::digest(text.as_bytes()));
        Ok((
            Entry {
                credential_id: id,
                record_key: key,
                profile: self.profile.clone(),
                suite: self.suite().name().into(),
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

/// Longest record id, in bytes.
const MAX_RECORD_ID: usize = 200;

/// A subject record from JSON: an object with the subject's claims; `recordId` / `record_id`
/// (removed from the claims) gives the record id.
pub fn record_from_json(value: Value, fallback_id: Option<&str>) -> Result<Record, Message> {
    let Value::Object(mut subject) = value else {
        return Err(message!("record_not_object"));
    };
    let explicit = ["recordId", "record_id"]
        .iter()
        .find_map(|k| subject.remove(*k));
    let record_id = match explicit {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(message!("record_id_not_string")),
        None => match fallback_id {
            Some(f) => f.to_owned(),
            None => return Err(message!("record_id_missing")),
        },
    };
    if record_id.len() > MAX_RECORD_ID {
        return Err(message!("record_id_too_long", max = MAX_RECORD_ID));
    }
    if subject.is_empty() {
        return Err(message!("record_no_claims"));
    }
    Ok(Record { record_id, subject })
}
