//! Issuing from subject records: the issuer a command chose (profile, securing mechanism, a key
//! from the home's keystore), record ids, status indexes and list URLs from the issuer home,
//! registry entries. Building, checking and signing the credential is the core's
//! ([`credential_core::issue::Issuer`], [`credential_core::sd`], [`credential_core::sd_jwt`],
//! [`credential_core::vc_jose`]).

use crate::cli::IssuerChoice;
use crate::error::{CliError, CliResult};
use crate::home::Home;
use crate::registry::{Entry, Purposes};
use crate::securing::Securing;
use crate::{clock, keystore};
use credential_core::codec::{hex, urn_uuid};
use credential_core::did::{did_key_vm, resolve};
use credential_core::issue::{Issuer as CoreIssuer, StatusEntrySpec};
use credential_core::keys::{PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::profiles::Profiles;
use credential_core::sd::{self, BaseProofOptions};
use credential_core::sd_jwt::{self, credential::from_credential, status_list::StatusReference};
use credential_core::status::StatusPurpose;
use credential_core::{message, Message};
use rand_core::OsRng;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The profile with a free-form subject (undefined terms go to the VC 2.0 issuer-dependent
/// vocabulary).
pub const GENERIC: &str = "generic";

/// Status purpose under which Bitstring Status List indexes are allocated (Data Integrity and
/// `vc+jwt` credentials; the entry carries revocation and suspension).
pub const STATUS_PURPOSE: &str = "revocation";

/// Status purpose under which Token Status List indexes are allocated (SD-JWT VCs; one 2-bit
/// entry: 0 valid, 1 revoked, 2 suspended).
pub const TOKEN_STATUS_PURPOSE: &str = "token-status-list";

/// One subject record to issue.
#[derive(Debug, Clone)]
pub struct Record {
    /// Stable id of the record in the issuer's own system.
    pub record_id: String,
    /// The `credentialSubject`.
    pub subject: Map<String, Value>,
}

/// The core issuer plus what the home decides: key name, profile, securing, validity, status
/// lists.
pub struct Issuer<'a> {
    /// The core issuer (key, suite, JSON-LD processor, profiles); shared across batch threads.
    pub core: CoreIssuer,
    /// How credentials are secured.
    pub securing: Securing,
    /// The signing key again, for the mechanisms the core issuer does not sign with itself
    /// (`ecdsa-sd-2023`, `vc+jwt`, SD-JWT VC).
    signer: SecretKey,
    /// The holder key an SD-JWT VC binds to (`cnf`) when the subject's `id` does not give one.
    pub holder_key: Option<PublicKey>,
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
    /// The compact (paper) form ([`credential_core::issue::CredentialBuilder::compact`]).
    pub compact: bool,
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

/// URI of the Token Status List (`statuslist+jwt`) of `key_name` holding global index `index`.
pub fn token_list_uri(home: &Home, key_name: &str, index: i64) -> String {
    format!(
        "{}/{key_name}/token/{}",
        home.config.status.base_url.trim_end_matches('/'),
        index / home.config.status.list_size as i64
    )
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
    /// key (decrypting it with `pass`), checks that it suits the securing mechanism and that the
    /// end of validity is in the future.
    pub fn from_home(
        home: &'a Home,
        choice: &IssuerChoice,
        pass: Option<&str>,
    ) -> CliResult<Issuer<'a>> {
        check_profile(&choice.profile)?;
        let securing = Securing::choose(
            choice.securing.as_deref(),
            choice.suite.as_deref(),
            &home.config.issuance.default_suite,
        )?;
        if securing.is_selective() && choice.profile == GENERIC {
            return Err(CliError::input(message!(
                "issue_selective_needs_profile",
                securing = securing.name()
            )));
        }
        let key_name = choice
            .key
            .as_deref()
            .unwrap_or(&home.config.issuer.default_key)
            .to_owned();
        let secret = keystore::load(home, &key_name, pass)?;
        securing.check_key(&key_name, secret.algorithm())?;
        let now = clock::now();
        let valid_until = clock::parse_time("--valid-until", choice.valid_until.as_deref())?;
        if valid_until.is_some_and(|u| u <= now) {
            return Err(CliError::input(message!("issue_valid_until_past")));
        }
        let signer = SecretKey::from_bytes(secret.algorithm(), &secret.to_bytes())?;
        let core = CoreIssuer::new(secret, securing.builder_suite(signer.algorithm()))?
            .named(&home.config.issuer.name);
        Ok(Issuer {
            core,
            securing,
            signer,
            holder_key: None,
            key_name,
            profile: choice.profile.clone(),
            home,
            now,
            valid_until,
            compact: choice.compact,
        })
    }

    /// The issuer DID (`did:key` of the signing key).
    pub fn did(&self) -> &str {
        self.core.id()
    }

    /// The status purpose this issuer's status indexes are allocated under.
    pub fn status_purpose(&self) -> &'static str {
        match self.securing {
            Securing::SdJwt => TOKEN_STATUS_PURPOSE,
            _ => STATUS_PURPOSE,
        }
    }

    /// Builds, validates and secures the credential for `record`, using status index `index`.
    /// Returns the registry entry and the credential as written (JSON for Data Integrity, the
    /// compact JWT for `vc+jwt` and SD-JWT VC).
    pub fn issue(&self, record: &Record, index: Option<i64>) -> CliResult<(Entry, String)> {
        self.issue_as(record, index, Layout::Pretty)
    }

    /// As [`Issuer::issue`], with the JSON credential's text in `layout` (the digest is that
    /// text's).
    pub fn issue_as(
        &self,
        record: &Record,
        index: Option<i64>,
        layout: Layout,
    ) -> CliResult<(Entry, String)> {
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
        // An SD-JWT VC carries a Token Status List entry instead of Bitstring entries; a
        // compact credential one revocation entry.
        let purposes: &[StatusPurpose] = if self.compact {
            builder = builder.compact();
            &[StatusPurpose::Revocation]
        } else {
            &[StatusPurpose::Revocation, StatusPurpose::Suspension]
        };
        if let (Some(i), false) = (index, self.securing == Securing::SdJwt) {
            for purpose in purposes {
                builder = builder.status(status_entry(self.home, &self.key_name, *purpose, i));
            }
        }
        // What the registry lets `revoke` and `suspend` change: the entries just added, or both
        // for the Token Status List entry (2 bits: revoked, suspended).
        let carried = match (index, self.securing) {
            (None, _) => Purposes::NONE,
            (Some(_), Securing::SdJwt) => Purposes::BOTH,
            (Some(_), _) => Purposes::of(purposes.iter().copied()),
        };
        let text = match self.securing {
            Securing::DataIntegrity(_) => serialise(builder.issue(self.now)?.as_json(), layout)?,
            _ => {
                let unsigned = builder.build(self.now)?;
                let profiles = self.core.profiles();
                if let Some(p) = profiles.get(&self.profile) {
                    p.check(&unsigned)?;
                }
                if let Value::Object(o) = &unsigned {
                    credential_core::status::status_entries(o)?;
                }
                self.secure(&unsigned, record, index, layout)?
            }
        };
        let digest = hex(&Sha256::digest(text.as_bytes()));
        Ok((
            Entry {
                credential_id: id,
                record_key: key,
                profile: self.profile.clone(),
                suite: self.securing.name().into(),
                key_name: self.key_name.clone(),
                issued_at: self.now.to_rfc3339(),
                status_purpose: index.map(|_| self.status_purpose().to_owned()),
                status_index: index,
                digest,
                status_purposes: Some(carried),
            },
            text,
        ))
    }

    /// Secures a built and checked credential with `ecdsa-sd-2023`, `vc+jwt` or SD-JWT VC.
    fn secure(
        &self,
        unsigned: &Value,
        record: &Record,
        index: Option<i64>,
        layout: Layout,
    ) -> CliResult<String> {
        let vm = did_key_vm(&self.signer.public_key());
        let profile = self.core.profiles().get(&self.profile);
        match (self.securing, profile) {
            (Securing::VcJwt, _) => {
                Ok(credential_core::vc_jose::sign(unsigned, &vm, &self.signer)?)
            }
            (Securing::EcdsaSd, Some(profile)) => {
                let rules = profile.disclosure()?;
                let options = BaseProofOptions::assertion(vm)
                    .created(self.now)
                    .mandatory(rules.mandatory_pointers(unsigned));
                let doc = unsigned
                    .as_object()
                    .ok_or_else(|| CliError::input(message!("internal_not_object")))?;
                let base = sd::create_base_proof(
                    doc,
                    &options,
                    &self.signer,
                    &mut OsRng,
                    self.core.processor(),
                )?;
                serialise(&base, layout)
            }
            (Securing::SdJwt, Some(profile)) => {
                let claims = from_credential(unsigned, profile)?;
                let mut params = claims.issue_params(self.now);
                params.holder_key = Some(self.holder_for(record)?);
                params.kid = Some(vm);
                params.status = index.map(|i| StatusReference {
                    idx: (i % self.home.config.status.list_size as i64) as u64,
                    uri: token_list_uri(self.home, &self.key_name, i),
                });
                let issued = sd_jwt::issue(
                    &claims.claims,
                    &claims.disclosable,
                    &params,
                    &self.signer,
                    &mut OsRng,
                )?;
                Ok(issued.sd_jwt)
            }
            // `from_home` refuses the selective mechanisms without a profile.
            _ => Err(CliError::input(message!(
                "issue_selective_needs_profile",
                securing = self.securing.name()
            ))),
        }
    }

    /// The holder key an SD-JWT VC for `record` binds to: the subject's `did:key` / `did:jwk`,
    /// else `--holder-key`; both, when they differ, is an error.
    fn holder_for(&self, record: &Record) -> CliResult<PublicKey> {
        let from_id = match record.subject.get("id").and_then(Value::as_str) {
            Some(id) if id.starts_with("did:key:") || id.starts_with("did:jwk:") => {
                Some(resolve(id, None)?.public_key)
            }
            _ => None,
        };
        match (from_id, &self.holder_key) {
            (Some(a), Some(b)) if a != *b => Err(CliError::input(message!(
                "issue_holder_key_conflict",
                record = &record.record_id
            ))),
            (Some(k), _) => Ok(k),
            (None, Some(k)) => Ok(k.clone()),
            (None, None) => Err(CliError::Input {
                message: message!("issue_holder_key_missing", record = &record.record_id),
                hint: Some(message!("hint_issue_holder_key")),
            }),
        }
    }
}

/// How a JSON credential's text is laid out (a JWT is always one line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Pretty-printed (files, the registry's copy for `laissez issue`).
    Pretty,
    /// Compact, on one line (JSON Lines output).
    OneLine,
}

/// A credential as JSON text in `layout`.
fn serialise(doc: &impl serde::Serialize, layout: Layout) -> CliResult<String> {
    match layout {
        Layout::Pretty => serde_json::to_string_pretty(doc),
        Layout::OneLine => serde_json::to_string(doc),
    }
    .map_err(|e| CliError::input(message!("serialise_credential", detail = e.to_string())))
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
