//! `laissez demo`: the main job on embedded defaults. Creates an issuer, issues a sample
//! credential with every suite, verifies each, tampers one and shows it rejected.

use crate::commands::{init, issuer};
use crate::error::{CliError, CliResult};
use crate::fsutil::write_atomic;
use crate::issuing::{record_from_json, Record};
use crate::registry::Registry;
use crate::{clock, keystore, Alg};
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{Verdict, Verifier, VerifyOptions};
use rand_core::OsRng;
use serde_json::json;
use std::path::{Path, PathBuf};

/// One example subject per profile, from `specs/profiles/*/examples/valid/`.
const SAMPLES: &[(&str, &str)] = &[
    (
        "legal-identity",
        include_str!("../../specs/profiles/legal-identity/examples/valid/arabic-stateless.json"),
    ),
    (
        "health-vaccination",
        include_str!(
            "../../specs/profiles/health-vaccination/examples/valid/yellow-fever-ihr.json"
        ),
    ),
    (
        "health-assessment",
        include_str!(
            "../../specs/profiles/health-assessment/examples/valid/geez-fit-to-travel.json"
        ),
    ),
    (
        "travel-eligibility",
        include_str!(
            "../../specs/profiles/travel-eligibility/examples/valid/e-visa-linked-identity.json"
        ),
    ),
];

fn sample(text: &str) -> CliResult<Record> {
    let value =
        serde_json::from_str(text).map_err(|e| CliError::input(format!("built-in sample: {e}")))?;
    record_from_json(value, None).map_err(|e| CliError::input(format!("built-in sample: {e}")))
}

/// Runs the demo in `dir` (or a new temporary directory, kept for inspection).
pub fn run(dir: Option<&Path>) -> CliResult<()> {
    let root: PathBuf = match dir {
        Some(d) => d.to_path_buf(),
        None => tempfile::Builder::new()
            .prefix("laissez-demo-")
            .tempdir()
            .map_err(|e| CliError::io("create a temporary directory in", &std::env::temp_dir(), e))?
            .keep(),
    };
    let home_dir = root.join("issuer-home");
    let out = root.join("credentials");
    std::fs::create_dir_all(&out).map_err(|e| CliError::io("create", &out, e))?;

    println!("1. Creating an issuer home in {}", home_dir.display());
    let home = init(
        &home_dir,
        Alg::Ed25519,
        "Laissez demo civil registry",
        "https://status.laissez.invalid/lists",
        None,
    )?;
    keystore::save(
        &home,
        "p256-1",
        &SecretKey::generate(Algorithm::P256, &mut OsRng),
        None,
    )?;

    let verifier = Verifier::new(ContextStore::bundled());
    let mut registry = Registry::open(&home.registry_path())?;
    println!("2. Issuing one credential per profile, and the legal identity with every suite");
    let mut jobs: Vec<(&str, Cryptosuite)> = SAMPLES
        .iter()
        .map(|(profile, _)| (*profile, Cryptosuite::EddsaRdfc2022))
        .collect();
    for suite in [
        Cryptosuite::EddsaJcs2022,
        Cryptosuite::EcdsaRdfc2019,
        Cryptosuite::EcdsaJcs2019,
    ] {
        jobs.push(("legal-identity", suite));
    }
    let mut files = Vec::new();
    for (profile, suite) in jobs {
        let key = if suite.default_algorithm() == Algorithm::Ed25519 {
            "ed25519-1"
        } else {
            "p256-1"
        };
        let issuer = issuer(
            &home,
            &verifier,
            profile,
            Some(suite.name()),
            Some(key),
            None,
            None,
        )?;
        let text = SAMPLES
            .iter()
            .find(|(p, _)| *p == profile)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        let mut record = sample(text)?;
        record.record_id = format!("{}-{suite}", record.record_id);
        let index = registry.reserve_indexes(crate::issuing::STATUS_PURPOSE, 1)?;
        let (entry, text) = issuer.issue(&record, Some(index))?;
        registry.insert(&[(entry.clone(), text.clone())])?;
        let name = format!("{profile}-{suite}");
        let path = out.join(format!("{name}.json"));
        write_atomic(&path, text.as_bytes(), false)?;
        println!(
            "   {name:<36} {} ({} bytes)",
            entry.credential_id,
            text.len()
        );
        files.push((name, path, text));
    }

    println!("3. Verifying (offline, bundled contexts only)");
    let now = clock::now();
    let mut ok = true;
    for (name, _, text) in &files {
        let r = verifier.verify_credential_bytes(text.as_bytes(), &VerifyOptions::at(now));
        println!("   {name:<36} {}", r.verdict.code());
        ok &= r.verdict == Verdict::Valid;
    }

    println!("4. Tampering with one credential (nationality changed) and verifying again");
    let (_, _, text) = &files[0];
    let mut doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| CliError::input(e.to_string()))?;
    doc["credentialSubject"]["nationality"] = json!("SYR");
    let tampered = serde_json::to_string_pretty(&doc).unwrap_or_default();
    let tampered_path = out.join("tampered.json");
    write_atomic(&tampered_path, tampered.as_bytes(), false)?;
    let r = verifier.verify_credential_bytes(tampered.as_bytes(), &VerifyOptions::at(now));
    let why = r
        .check("signature_valid")
        .map(|c| c.message.clone())
        .unwrap_or_default();
    println!("   {:<36} {} ({why})", "tampered", r.verdict.code());
    ok &= r.verdict == Verdict::Invalid;

    println!("5. Files");
    println!("   issuer home   {}", home_dir.display());
    println!("   credentials   {}", out.display());
    println!("   registry      {}", home.registry_path().display());
    println!("   try: laissez verify {}", files[0].1.display());
    if ok {
        println!(
            "demo complete: {} credentials valid, the tampered one rejected",
            files.len()
        );
        Ok(())
    } else {
        Err(CliError::Negative(
            "demo: an outcome was not as expected".into(),
        ))
    }
}
