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
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/profiles");
    let mut out = Vec::new();
    for profile in verifier.profiles().all() {
        let dir = root.join(profile.name()).join("examples/valid");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let mut subject: Value =
            serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
        subject.as_object_mut().unwrap().remove("recordId");
        for suite in Cryptosuite::ALL {
            let key = SecretKey::generate(suite.default_algorithm(), &mut rng);
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
            let signed = issue(
                &Credential::from_json(doc).unwrap(),
                &opts,
                &key,
                verifier.processor(),
            )
            .unwrap();
            out.push((format!("{}/{suite}", profile.name()), signed.into_json()));
        }
    }
    out
}
