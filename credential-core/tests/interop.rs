//! Interop with an independent implementation: Digital Bazaar's reference libraries
//! (`tests/interop/reference.mjs`, npm packages pinned in `tests/interop/package.json`).
//! Their credentials verify with us and ours verify with them, for all four suites; tampered
//! copies fail on both sides (so the harness itself can fail).
//!
//! Needs `npm ci --prefix tests/interop` (done by `.ci/run`). Under CI a missing install fails;
//! elsewhere the test is skipped loudly.

use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::issue;
use credential_core::jsonld::ContextStore;
use credential_core::keys::SecretKey;
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::ProofOptions;
use credential_core::suites::Cryptosuite;
use credential_core::verify::{Verdict, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/portrait.rs"]
mod portrait;
#[path = "common/samples.rs"]
mod samples;

fn harness() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/interop");
    let ready = dir.join("node_modules/@digitalbazaar/vc").is_dir()
        && Command::new("node").arg("--version").output().is_ok();
    if ready {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("interop harness not installed: run `npm ci --prefix tests/interop`");
    }
    eprintln!("\n*** SKIPPING interop: run `npm ci --prefix tests/interop` ***\n");
    None
}

fn node(harness: &Path, args: &[&str]) -> String {
    let out = Command::new("node")
        .arg(harness.join("reference.mjs"))
        .args(args)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "reference.mjs {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn now() -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00Z").unwrap()
}

fn tamper(doc: &Value) -> Value {
    let mut t = doc.clone();
    t["credentialSubject"]["https://schema.org/name"] = json!("Fatima Zahrah");
    t
}

#[test]
fn reference_credentials_verify_with_us() {
    let Some(h) = harness() else { return };
    let dir = tempfile::tempdir().unwrap();
    node(&h, &["issue", dir.path().to_str().unwrap()]);
    let verifier = Verifier::new(ContextStore::bundled());
    for suite in Cryptosuite::ALL {
        let path = dir.path().join(format!("{suite}.json"));
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let r = verifier.verify_credential(&doc, &VerifyOptions::at(now()));
        assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{suite}: {r:#?}");
        let r = verifier.verify_credential(&tamper(&doc), &VerifyOptions::at(now()));
        assert_eq!(r.verdict, Verdict::Invalid, "{suite} tampered");
    }
}

#[test]
fn our_credentials_verify_with_the_reference() {
    let Some(h) = harness() else { return };
    let dir = tempfile::tempdir().unwrap();
    let verifier = Verifier::new(ContextStore::bundled());
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
    let mut files = Vec::new();
    for suite in Cryptosuite::ALL {
        let key = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
        let cred = Credential::from_json(json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:0e7a2d4c-8f61-4c8e-a2f4-1b9d3c5e7f90",
            "type": ["VerifiableCredential"],
            "issuer": {"id": did_key(&key.public_key()), "name": [
                {"@value": "État civil", "@language": "fr"}, {"@value": "السجل المدني", "@language": "ar"}]},
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": {
                "id": "did:example:holder",
                "https://schema.org/name": "Fatima Zahra",
                "https://schema.org/birthDate": {"@value": "1990-04-02", "@type": "http://www.w3.org/2001/XMLSchema#date"}
            }
        }))
        .unwrap();
        let options = ProofOptions::assertion(suite, did_key_vm(&key.public_key()))
            .created(Timestamp::parse("2025-01-01T00:00:00Z").unwrap());
        let signed = issue(&cred, &options, &key, verifier.processor())
            .unwrap()
            .into_json();
        for (name, doc) in [
            (format!("{suite}.json"), signed.clone()),
            (format!("{suite}-tampered.json"), tamper(&signed)),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
            files.push(path.to_str().unwrap().to_owned());
        }
    }
    let mut args = vec!["verify"];
    args.extend(files.iter().map(String::as_str));
    let out = node(&h, &args);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), files.len());
    for line in lines {
        let file = line["file"].as_str().unwrap();
        let expected = !file.ends_with("-tampered.json");
        assert_eq!(line["verified"], json!(expected), "{line}");
    }
}

/// The compact (paper) form of every profile × suite (no credential id, the issuer as its DID,
/// one status entry without id, no proof `created`) is an ordinary VC 2.0 credential to the
/// reference verifier; a tampered copy of each is refused.
#[test]
fn compact_profile_credentials_verify_with_the_reference() {
    let Some(h) = harness() else { return };
    let dir = tempfile::tempdir().unwrap();
    let verifier = Verifier::new(ContextStore::bundled());
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(12);
    let mut files = Vec::new();
    for profile in verifier.profiles().all() {
        let (_, subject) = samples::examples(profile.name()).remove(0);
        for suite in Cryptosuite::ALL {
            let key = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
            let compact = samples::issued(
                profile.name(),
                subject.clone(),
                suite,
                &key,
                samples::Form::Compact,
            );
            assert!(compact.get("id").is_none() && compact["issuer"].is_string());
            let mut tampered = compact.clone();
            tampered["credentialSubject"]["nationality"] = json!("FRA");
            tampered["credentialSubject"]["sex"] = json!("male");
            for (name, doc) in [("ok", compact), ("tampered", tampered)] {
                let path = dir
                    .path()
                    .join(format!("{}-{suite}-{name}.json", profile.name()));
                std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
                files.push(path.to_str().unwrap().to_owned());
            }
            // With a signed portrait (decision 0023); the tampered copy changes image bytes.
            if profile.portrait_context().is_some() {
                let mut with = subject.clone();
                with["portrait"] = json!(portrait::data_url(&portrait::sample(30)));
                let signed =
                    samples::issued(profile.name(), with, suite, &key, samples::Form::Compact);
                let tampered = tamper_portrait(&signed);
                for (name, doc) in [("ok", signed), ("tampered", tampered)] {
                    let path = dir
                        .path()
                        .join(format!("{}-{suite}-portrait-{name}.json", profile.name()));
                    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
                    files.push(path.to_str().unwrap().to_owned());
                }
            }
        }
    }
    let contexts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/contexts");
    let mut args = vec!["verify".to_owned(), "--ignore-status".to_owned()];
    args.extend(["--now".to_owned(), "2026-06-01T00:00:00Z".to_owned()]);
    for (url, file) in [
        (
            "https://w3id.org/laissez/legal-identity/v1",
            "legal-identity-v1.jsonld",
        ),
        ("https://w3id.org/laissez/health/v1", "health-v1.jsonld"),
        ("https://w3id.org/laissez/travel/v1", "travel-v1.jsonld"),
        ("https://w3id.org/laissez/age/v1", "age-v1.jsonld"),
        ("https://w3id.org/laissez/portrait/v1", "portrait-v1.jsonld"),
    ] {
        args.push("--context".to_owned());
        args.push(format!("{url}={}", contexts.join(file).display()));
    }
    args.extend(files.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let lines: Vec<Value> = node(&h, &args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), files.len());
    for line in lines {
        let file = line["file"].as_str().unwrap();
        let expected = file.ends_with("-ok.json");
        assert_eq!(line["verified"], json!(expected), "{line}");
    }
}

/// `doc` with one Base64 character in the middle of its portrait changed (other image bytes,
/// still a well-formed `data:` URL).
fn tamper_portrait(doc: &Value) -> Value {
    let mut out = doc.clone();
    let url = doc["credentialSubject"]["portrait"].as_str().unwrap();
    let mut chars: Vec<char> = url.chars().collect();
    let i = chars.len() / 2;
    chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    out["credentialSubject"]["portrait"] = json!(chars.into_iter().collect::<String>());
    out
}
