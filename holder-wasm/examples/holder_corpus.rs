//! The holder module's test corpus, and a native verifier for what the module makes.
//!
//! `holder_corpus write DIR` issues, with fixed keys and the bundled profiles:
//! - `legal-identity.base.json`: a legal identity (the `latin-colombia` example) with an
//!   `ecdsa-sd-2023` base proof on the profile's mandatory claims;
//! - `covid-vaccination.base.json`: a vaccination certificate without yellow fever (the
//!   `covid-devanagari` example), the same way;
//! - `legal-identity.sd-jwt.txt`: the legal identity as an SD-JWT VC bound to the holder key;
//! - `holder.jwk.json`: the holder's private JWK (Ed25519; the credentials' subject and `cnf`);
//! - `corpus.json`: the issuance time and the holder's DID.
//!
//! `holder_corpus verify FILE NOW [CHALLENGE DOMAIN]` verifies a credential, an SD-JWT VC or a
//! Verifiable Presentation with the native verifier (which has `ecdsa-sd-2023`; the WASM
//! verifier does not yet) and prints the report as JSON; with a challenge and domain, a
//! presentation's proof or an SD-JWT's Key Binding JWT is checked against them.

use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::Issuer;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::profiles::Profiles;
use credential_core::sd::{self, BaseProofOptions};
use credential_core::sd_jwt::{self, credential::from_credential};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;

const ISSUED: &str = "2026-06-01T09:00:00Z";

fn key(alg: Algorithm, seed: u64) -> credential_core::Result<SecretKey> {
    SecretKey::generate(alg, &mut ChaCha20Rng::seed_from_u64(seed))
}

fn example(profile: &str, name: &str) -> Result<Value, Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles")
        .join(profile)
        .join("examples/valid")
        .join(format!("{name}.json"));
    let mut subject: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    if let Some(s) = subject.as_object_mut() {
        s.remove("recordId");
    }
    Ok(subject)
}

fn write(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let now = Timestamp::parse(ISSUED).ok_or("bad time")?;
    let issuer_key = || key(Algorithm::P256, 30);
    let holder = key(Algorithm::Ed25519, 31)?;
    let holder_did = did_key(&holder.public_key());
    let issuer = Issuer::new(issuer_key()?, Cryptosuite::EcdsaRdfc2019)?;
    let profiles = Profiles::bundled();
    let mut rng = ChaCha20Rng::seed_from_u64(32);

    let credential = |profile: &str, name: &str| -> Result<Value, Box<dyn std::error::Error>> {
        let mut subject = example(profile, name)?;
        subject["id"] = json!(holder_did);
        Ok(issuer
            .credential()
            .profile(profile)?
            .subject(subject)
            .build(now)?)
    };
    let identity = credential("legal-identity", "latin-colombia")?;
    let covid = credential("health-vaccination", "covid-devanagari")?;

    for (file, profile, unsigned) in [
        ("legal-identity.base.json", "legal-identity", &identity),
        ("covid-vaccination.base.json", "health-vaccination", &covid),
    ] {
        let rules = profiles.get(profile).ok_or("profile")?.disclosure()?;
        let options = BaseProofOptions::assertion(did_key_vm(&issuer_key()?.public_key()))
            .created(now)
            .mandatory(rules.mandatory_pointers(unsigned));
        let base = sd::create_base_proof(
            unsigned.as_object().ok_or("object")?,
            &options,
            &issuer_key()?,
            &mut rng,
            issuer.processor(),
        )?;
        std::fs::write(dir.join(file), serde_json::to_string_pretty(&base)?)?;
    }

    let form = from_credential(&identity, profiles.get("legal-identity").ok_or("profile")?)?;
    let mut params = form.issue_params(now);
    params.holder_key = Some(holder.public_key());
    params.kid = Some(did_key_vm(&issuer_key()?.public_key()));
    let issued = sd_jwt::issue(
        &form.claims,
        &form.disclosable,
        &params,
        &issuer_key()?,
        &mut rng,
    )?;
    std::fs::write(dir.join("legal-identity.sd-jwt.txt"), issued.sd_jwt)?;
    std::fs::write(dir.join("holder.jwk.json"), holder.to_jwk().as_str())?;
    let meta = json!({"issued": ISSUED, "holder": holder_did});
    std::fs::write(
        dir.join("corpus.json"),
        serde_json::to_string_pretty(&meta)?,
    )?;
    Ok(())
}

fn verify(
    file: &Path,
    now: &str,
    binding: Option<(&str, &str)>,
) -> Result<(), Box<dyn std::error::Error>> {
    let input = std::fs::read(file)?;
    let now = Timestamp::parse(now).ok_or("NOW is an RFC 3339 time")?;
    let opts = VerifyOptions {
        challenge: binding.map(|(c, _)| c),
        domain: binding.map(|(_, d)| d),
        ..VerifyOptions::at(now)
    };
    let verifier = Verifier::new(ContextStore::bundled());
    let parsed: Option<Value> = serde_json::from_slice(&input).ok();
    let is_vp = parsed
        .as_ref()
        .and_then(|v| v.get("type"))
        .is_some_and(|t| t.to_string().contains("VerifiablePresentation"));
    let report = match parsed {
        Some(vp) if is_vp => verifier.verify_presentation(&vp, &opts),
        _ => verifier.verify_input(&input, &opts),
    };
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["write", dir] => write(Path::new(dir)),
        ["verify", file, now] => verify(Path::new(file), now, None),
        ["verify", file, now, challenge, domain] => {
            verify(Path::new(file), now, Some((challenge, domain)))
        }
        _ => Err("usage: holder_corpus write DIR | verify FILE NOW [CHALLENGE DOMAIN]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("holder_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
