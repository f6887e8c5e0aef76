//! Signed sample credentials: one per profile (its first valid example) and suite. Shared by
//! the envelope tests and the size table bench. Each test crate uses some of them.

#![allow(dead_code)]

use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::issue;
use credential_core::jsonld::CONTEXT_V2;
use credential_core::keys::SecretKey;
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::ProofOptions;
use credential_core::suites::Cryptosuite;
use credential_core::verify::Verifier;
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};
use std::path::Path;

/// One credential per profile (first valid example) and suite.
pub fn credentials(verifier: &Verifier) -> Vec<(String, Value)> {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(3);
    let mut out = Vec::new();
    for profile in verifier.profiles().all() {
        let (_, subject) = examples(profile.name()).remove(0);
        for suite in Cryptosuite::ALL {
            let key = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
            let signed = sign(verifier, profile.name(), subject.clone(), suite, &key);
            out.push((format!("{}/{suite}", profile.name()), signed));
        }
    }
    out
}

/// The valid examples of `profile` (file stem, credential subject), sorted by file name.
pub fn examples(profile: &str) -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles")
        .join(profile)
        .join("examples/valid");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let mut subject: Value =
                serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            subject.as_object_mut().unwrap().remove("recordId");
            let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, subject)
        })
        .collect()
}

/// A credential of `profile` about `subject`, issued by `key`'s did:key with `suite`.
pub fn sign(
    verifier: &Verifier,
    profile: &str,
    subject: Value,
    suite: Cryptosuite,
    key: &SecretKey,
) -> Value {
    let profile = verifier.profiles().get(profile).unwrap();
    let doc = json!({
        "@context": [CONTEXT_V2, profile.context_url()],
        "id": "urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d",
        "type": profile.types(),
        "issuer": did_key(&key.public_key()),
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSchema": {"id": profile.schema_url(), "type": "JsonSchema"},
        "credentialSubject": subject,
    });
    let opts = ProofOptions::assertion(suite, did_key_vm(&key.public_key()))
        .created(Timestamp::parse("2025-01-01T00:00:00Z").unwrap());
    issue(
        &Credential::from_json(doc).unwrap(),
        &opts,
        key,
        verifier.processor(),
    )
    .unwrap()
    .into_json()
}

/// How a sample credential is shaped: as `laissez issue` makes it today, or in the compact
/// (paper) form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Credential `id`, issuer name, a revocation and a suspension entry (with ids), a proof
    /// with `created`.
    Current,
    /// [`credential_core::issue::CredentialBuilder::compact`] with one revocation entry.
    Compact,
}

impl Form {
    /// Both forms.
    pub const ALL: [Form; 2] = [Form::Current, Form::Compact];

    /// `current` or `compact`.
    pub fn name(self) -> &'static str {
        match self {
            Form::Current => "current",
            Form::Compact => "compact",
        }
    }
}

/// A credential of `profile` about `subject` as the CLI issues it (issuer name, status entries
/// on lists under the demo's status URL, five years of validity), in `form`, at 2026-01-01.
pub fn issued(
    profile: &str,
    subject: Value,
    suite: Cryptosuite,
    key: &SecretKey,
    form: Form,
) -> Value {
    use credential_core::issue::{Issuer, StatusEntrySpec};
    use credential_core::status::StatusPurpose;
    let issuer = Issuer::new(
        SecretKey::from_bytes(key.algorithm(), &key.to_bytes()).unwrap(),
        suite,
    )
    .unwrap()
    .named("Laissez demo civil registry");
    let list = |purpose: StatusPurpose| StatusEntrySpec {
        purpose,
        list_url: format!(
            "https://status.laissez.invalid/lists/key-1/{}/0",
            purpose.name()
        ),
        index: 4711,
    };
    let mut builder = issuer
        .credential()
        .profile(profile)
        .unwrap()
        .id("urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d")
        .subject(subject)
        .valid_until(Timestamp::parse("2031-01-01T00:00:00Z").unwrap())
        .status(list(StatusPurpose::Revocation));
    builder = match form {
        Form::Current => builder.status(list(StatusPurpose::Suspension)),
        Form::Compact => builder.compact(),
    };
    builder
        .issue(Timestamp::parse("2026-01-01T00:00:00Z").unwrap())
        .unwrap()
        .into_json()
}
