//! Signed sample credentials: one per profile (its first valid example) and suite. Shared by
//! the envelope tests and the size table bench.

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
            let key = SecretKey::generate(suite.default_algorithm(), &mut rng);
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
