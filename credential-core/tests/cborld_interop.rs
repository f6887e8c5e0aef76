//! CBOR-LD interop with an independent implementation: Digital Bazaar's `@digitalbazaar/cborld`
//! (`tests/interop/cborld.mjs`, pinned in `tests/interop/package.json`). For every profile × suite
//! sample and the official W3C signed vectors: our bytes equal theirs, theirs decode with us, ours
//! decode with them, and the decoded credential still verifies.
//!
//! Needs `npm ci --prefix tests/interop` (done by `.ci/run`). Under CI a missing install fails;
//! elsewhere the test is skipped loudly.

mod common;

use credential_core::cborld::{
    self, TypeTable, LAISSEZ_REGISTRY_ENTRY, LAISSEZ_REGISTRY_ENTRY_V2, LAISSEZ_REGISTRY_ENTRY_V3,
};
use credential_core::issue::Issuer;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::suites::Cryptosuite;
use credential_core::verify::{Verdict, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "common/portrait.rs"]
mod portrait;
#[path = "common/samples.rs"]
mod samples;

fn harness() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/interop");
    if dir.join("node_modules/@digitalbazaar/cborld").is_dir()
        && Command::new("node").arg("--version").output().is_ok()
    {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("interop harness not installed: run `npm ci --prefix tests/interop`");
    }
    eprintln!("\n*** SKIPPING CBOR-LD interop: run `npm ci --prefix tests/interop` ***\n");
    None
}

/// The reference implementation with the tables of one registry entry.
struct Reference {
    dir: PathBuf,
    entry: u64,
    table: tempfile::NamedTempFile,
    contexts: Vec<String>,
}

impl Reference {
    fn new(dir: PathBuf, extra_contexts: &[(String, PathBuf)], entry: u64) -> Self {
        let mut table = tempfile::NamedTempFile::new().unwrap();
        let tables = TypeTable::for_entry(entry).unwrap().to_json();
        table.write_all(tables.to_string().as_bytes()).unwrap();
        let contexts = extra_contexts
            .iter()
            .flat_map(|(url, file)| ["--context".to_owned(), format!("{url}={}", file.display())])
            .collect();
        Reference {
            dir,
            entry,
            table,
            contexts,
        }
    }

    fn run(&self, args: &[&str], stdin: &str) -> String {
        let mut child = Command::new("node")
            .arg(self.dir.join("cborld.mjs"))
            .args(args)
            .arg(self.table.path())
            .args([self.entry.to_string()])
            .args(&self.contexts)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run node");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "cborld.mjs {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn encode(&self, doc: &Value) -> Vec<u8> {
        hex_decode(&self.run(&["encode"], &doc.to_string()))
    }

    fn decode(&self, bytes: &[u8]) -> Value {
        serde_json::from_str(&self.run(&["decode"], &hex_encode(bytes))).unwrap()
    }
}

fn hex_encode(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// The reference implementation with each Laissez registry entry's tables.
struct References(Vec<Reference>);

impl References {
    fn new(dir: PathBuf, extra_contexts: &[(String, PathBuf)]) -> Self {
        References(
            [
                LAISSEZ_REGISTRY_ENTRY,
                LAISSEZ_REGISTRY_ENTRY_V2,
                LAISSEZ_REGISTRY_ENTRY_V3,
            ]
            .into_iter()
            .map(|entry| Reference::new(dir.clone(), extra_contexts, entry))
            .collect(),
        )
    }

    /// The reference with the tables of the entry `bytes` were encoded with.
    fn for_bytes(&self, bytes: &[u8]) -> &Reference {
        let entry = cborld::registry_entry(bytes).expect("a registry entry id");
        self.0
            .iter()
            .find(|r| r.entry == entry)
            .unwrap_or_else(|| panic!("registry entry {entry}"))
    }
}

/// Checks one credential both ways (with the registry entry our encoder chose, whose tables
/// the reference gets); returns our encoding's length.
fn check(
    references: &References,
    store: &ContextStore,
    verifier: &Verifier,
    name: &str,
    doc: &Value,
) -> usize {
    let ours = cborld::encode(doc, store).unwrap_or_else(|e| panic!("{name}: {e}"));
    let reference = references.for_bytes(&ours);
    let theirs = reference.encode(doc);
    assert_eq!(
        hex_encode(&ours),
        hex_encode(&theirs),
        "{name}: our CBOR-LD differs from the reference encoder's"
    );
    assert_eq!(
        &reference.decode(&ours),
        doc,
        "{name}: reference decoding of ours"
    );
    let back = cborld::decode(&theirs, store, 32).unwrap();
    assert_eq!(&back, doc, "{name}: our decoding of theirs");
    let opts = VerifyOptions::at(Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
    let report = verifier.verify_credential(&back, &opts);
    assert_ne!(report.verdict, Verdict::Invalid, "{name}: {report:?}");
    ours.len()
}

#[test]
fn profile_samples_match_the_reference_implementation_both_ways() {
    let Some(dir) = harness() else { return };
    let store = ContextStore::bundled();
    let verifier = Verifier::new(store.clone());
    let reference = References::new(dir, &[]);
    for (name, doc) in samples::credentials(&verifier) {
        let n = check(&reference, &store, &verifier, &name, &doc);
        eprintln!("{name}: {n} bytes of CBOR-LD");
    }
    // As the CLI issues them and in the compact (paper) form: status entries, no ids.
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(11);
    for profile in verifier.profiles().all() {
        let (_, subject) = samples::examples(profile.name()).remove(0);
        for suite in Cryptosuite::ALL {
            let key = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
            for form in samples::Form::ALL {
                let doc = samples::issued(profile.name(), subject.clone(), suite, &key, form);
                let name = format!("{}/{suite} ({})", profile.name(), form.name());
                let n = check(&reference, &store, &verifier, &name, &doc);
                eprintln!("{name}: {n} bytes of CBOR-LD");
            }
        }
    }
    // A legal identity with age claims, as the core issuer makes it (age context, code 67).
    let key = SecretKey::from_bytes(Algorithm::Ed25519, &[42; 32]).unwrap();
    let (_, subject) = samples::examples("legal-identity").remove(0);
    let doc = Issuer::new(key, Cryptosuite::EddsaRdfc2022)
        .unwrap()
        .credential()
        .profile("legal-identity")
        .unwrap()
        .subject(subject)
        .issue(Timestamp::parse("2025-06-01T00:00:00Z").unwrap())
        .unwrap()
        .into_json();
    assert!(doc["credentialSubject"].get("ageOver18").is_some());
    let n = check(&reference, &store, &verifier, "legal-identity/age", &doc);
    eprintln!("legal-identity with age claims: {n} bytes of CBOR-LD");
    // With a signed portrait: portrait context (code 68 of the third entry), and the image
    // carried as bytes by the data: URL codec on both sides.
    let key = SecretKey::from_bytes(Algorithm::Ed25519, &[43; 32]).unwrap();
    let (_, mut subject) = samples::examples("legal-identity").remove(0);
    let image = portrait::sample(30);
    subject["portrait"] = portrait::data_url(&image).into();
    for form in samples::Form::ALL {
        let doc = samples::issued(
            "legal-identity",
            subject.clone(),
            Cryptosuite::EddsaRdfc2022,
            &key,
            form,
        );
        let ours = cborld::encode(&doc, &store).unwrap();
        assert_eq!(
            cborld::registry_entry(&ours),
            Some(LAISSEZ_REGISTRY_ENTRY_V3)
        );
        assert!(
            ours.windows(image.len()).any(|w| w == image),
            "the JPEG's bytes are in the CBOR-LD as they are"
        );
        let name = format!("legal-identity/portrait ({})", form.name());
        let n = check(&reference, &store, &verifier, &name, &doc);
        eprintln!("{name}: {n} bytes of CBOR-LD ({} of JPEG)", image.len());
    }
}

#[test]
fn official_signed_vectors_match_the_reference_implementation_both_ways() {
    let Some(dir) = harness() else { return };
    let Some(vectors) = common::vectors_dir() else {
        return;
    };
    let store = common::store_with_test_contexts(&vectors);
    let verifier = Verifier::new(store.clone());
    let index = common::read_json(&vectors.join("contexts/index.json"));
    let extra: Vec<(String, PathBuf)> = index
        .as_object()
        .unwrap()
        .iter()
        .filter(|(url, _)| !url.starts_with('_'))
        .map(|(url, f)| {
            (
                url.clone(),
                vectors.join("contexts").join(f.as_str().unwrap()),
            )
        })
        .collect();
    let reference = References::new(dir, &extra);
    let files = [
        "eddsa-rdfc-2022/signedDataInt.json",
        "eddsa-jcs-2022/signedJCS.json",
        "ecdsa-rdfc-2019/ecdsa-rdfc-2019-p256/signedECDSAP256.json",
        "ecdsa-rdfc-2019/ecdsa-rdfc-2019-p384/signedECDSAP384.json",
    ];
    let mut checked = 0;
    for f in files {
        let path = vectors.join(f);
        if !path.is_file() {
            panic!("missing vector {}", path.display());
        }
        check(&reference, &store, &verifier, f, &common::read_json(&path));
        checked += 1;
    }
    assert_eq!(checked, files.len());
}
