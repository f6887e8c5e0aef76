//! `laissez demo`: the main job on embedded defaults. Creates an issuer, issues a sample
//! credential with every suite, verifies each, tampers one and shows it rejected; then offline
//! trust with status lists and a signed bundle; then minimal disclosure with `ecdsa-sd-2023` and
//! SD-JWT VC, each presentation verified and searched for the values it must hide. It runs the
//! same functions as `init`, `issue`, `present`, `status publish` and `bundle …`.

use super::bundle::{self, parse_anchors};
use super::present::{self, Binding, Held};
use super::{init, status};
use crate::card::layout::Layout;
use crate::cli::IssuerChoice;
use crate::cli::{
    Alg, BundleAddIssuerArgs, BundleCreateArgs, BundleSignArgs, HomeSettings, StatusPublishArgs,
};
use crate::error::{io, CliError, CliResult};
use crate::fsutil::write_atomic;
use crate::home::Home;
use crate::i18n::{self, say};
use crate::issuing::{record_from_json, Issuer, Record, STATUS_PURPOSE};
use crate::registry::{Registry, StatusChange};
use crate::{clock, keystore, qr_image, report};
use credential_core::codec::{hex, Base64};
use credential_core::did::did_key;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{CheckCode, Verdict, Verifier, VerifyOptions};
use credential_core::{message, Message};
use rand_core::{OsRng, RngCore};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// One example subject per profile, from `specs/profiles/*/examples/valid/`.
const SAMPLES: &[(&str, &str)] = &[
    (
        "legal-identity",
        include_str!("../../../specs/profiles/legal-identity/examples/valid/arabic-stateless.json"),
    ),
    (
        "health-vaccination",
        include_str!(
            "../../../specs/profiles/health-vaccination/examples/valid/yellow-fever-ihr.json"
        ),
    ),
    (
        "health-assessment",
        include_str!(
            "../../../specs/profiles/health-assessment/examples/valid/geez-fit-to-travel.json"
        ),
    ),
    (
        "travel-eligibility",
        include_str!(
            "../../../specs/profiles/travel-eligibility/examples/valid/e-visa-linked-identity.json"
        ),
    ),
];

/// A credential the demo issued and wrote.
struct DemoFile {
    /// `<profile>-<suite>`.
    name: String,
    /// Where it was written.
    path: PathBuf,
    /// The credential id.
    id: String,
    /// The credential JSON.
    text: String,
}

/// An Ed25519 home named `issuer_name`, publishing status under `status_base_url`.
fn settings(issuer_name: &str, status_base_url: &str) -> HomeSettings {
    HomeSettings {
        alg: Alg::Ed25519,
        issuer_name: issuer_name.to_owned(),
        status_base_url: status_base_url.to_owned(),
    }
}

fn sample(text: &str) -> CliResult<Record> {
    let value = serde_json::from_str(text)
        .map_err(|e| CliError::input(message!("demo_bad_sample", detail = e.to_string())))?;
    record_from_json(value, None)
        .map_err(|e| CliError::input(message!("demo_bad_sample", detail = i18n::text(&e))))
}

/// A credential the demo itself wrote, as JSON.
fn parse(json: &str) -> CliResult<serde_json::Value> {
    serde_json::from_str(json)
        .map_err(|e| CliError::input(message!("demo_internal", detail = e.to_string())))
}

/// The name of a verdict in the reader's language.
fn verdict(v: Verdict) -> String {
    i18n::text(&report::verdict_name(v))
}

/// Writes the credential's QR code as a PNG (ECC M, 4 px per module); returns a size summary.
fn write_qr(path: &Path, json: &str, store: &ContextStore) -> CliResult<Message> {
    let doc = parse(json)?;
    let (text, _) = credential_core::envelope::encode_smallest(&doc, store)?;
    let m = credential_core::qr::QrMatrix::new(&text, credential_core::qr::Ecc::M)?;
    qr_image::write_png(path, &m, 4, 4)?;
    Ok(message!(
        "demo_qr_summary",
        version = i64::from(m.version),
        characters = text.len()
    ))
}

/// Runs the demo in `dir` (or a new temporary directory, kept for inspection).
pub fn run(dir: Option<&Path>) -> CliResult<()> {
    let root: PathBuf = match dir {
        Some(d) => d.to_path_buf(),
        None => tempfile::Builder::new()
            .prefix("laissez-demo-")
            .tempdir()
            .map_err(|e| CliError::io(io::temporary, &std::env::temp_dir(), e))?
            .keep(),
    };
    let home_dir = root.join("issuer-home");
    let out = root.join("credentials");
    std::fs::create_dir_all(&out).map_err(|e| CliError::io(io::create, &out, e))?;

    say!("demo_step_home", path = home_dir.display().to_string());
    let home = init::create_home(
        &home_dir,
        &settings(
            "Laissez demo civil registry",
            "https://status.laissez.invalid/lists",
        ),
        None,
    )?;
    keystore::save(
        &home,
        "p256-1",
        &SecretKey::generate(Algorithm::P256, &mut OsRng)?,
        None,
    )?;

    let verifier = Verifier::new(ContextStore::bundled());
    let mut registry = Registry::open(&home.registry_path())?;
    say!("demo_step_issue");
    let mut jobs: Vec<(&str, &str, Cryptosuite, bool)> = SAMPLES
        .iter()
        .map(|(profile, text)| (*profile, *text, Cryptosuite::EddsaRdfc2022, false))
        .collect();
    let (identity, identity_text) = SAMPLES[0];
    for suite in [
        Cryptosuite::EddsaJcs2022,
        Cryptosuite::EcdsaRdfc2019,
        Cryptosuite::EcdsaJcs2019,
    ] {
        jobs.push((identity, identity_text, suite, false));
    }
    // The paper form, printed as a card below.
    jobs.push((identity, identity_text, Cryptosuite::EddsaRdfc2022, true));
    let mut files = Vec::new();
    for (profile, sample_text, suite, compact) in jobs {
        let key = if suite.default_algorithm() == Algorithm::Ed25519 {
            "ed25519-1"
        } else {
            "p256-1"
        };
        let choice = IssuerChoice {
            profile: profile.to_owned(),
            suite: Some(suite.name().to_owned()),
            securing: None,
            key: Some(key.to_owned()),
            valid_until: None,
            compact,
        };
        let issuer = Issuer::from_home(&home, &choice, None)?;
        let mut record = sample(sample_text)?;
        let form = if compact { "-compact" } else { "" };
        record.record_id = format!("{}-{suite}{form}", record.record_id);
        let index = registry.reserve_indexes(STATUS_PURPOSE, 1)?;
        let (entry, text) = issuer.issue(&record, Some(index))?;
        registry.insert(&[(entry.clone(), text.clone())])?;
        let name = format!("{profile}-{suite}{form}");
        let path = out.join(format!("{name}.json"));
        write_atomic(&path, text.as_bytes(), false)?;
        let qr = write_qr(
            &out.join(format!("{name}.png")),
            &text,
            verifier.processor().store(),
        )?;
        let issued = message!(
            "demo_issued",
            id = &entry.credential_id,
            bytes = text.len(),
            qr = i18n::text(&qr)
        );
        println!("   {name:<36} {}", i18n::text(&issued));
        files.push(DemoFile {
            name,
            path,
            id: entry.credential_id,
            text,
        });
    }

    say!("demo_step_verify");
    let now = clock::now();
    let mut ok = true;
    for DemoFile { name, text, .. } in &files {
        let r = verifier.verify_credential_bytes(text.as_bytes(), &VerifyOptions::at(now));
        println!("   {name:<36} {}", verdict(r.verdict));
        ok &= r.verdict == Verdict::IssuerNotChecked;
    }

    say!("demo_step_tamper");
    let mut doc = parse(&files[0].text)?;
    doc["credentialSubject"]["nationality"] = json!("SYR");
    let tampered = serde_json::to_string_pretty(&doc)
        .map_err(|e| CliError::input(message!("demo_internal", detail = e.to_string())))?;
    let tampered_path = out.join("tampered.json");
    write_atomic(&tampered_path, tampered.as_bytes(), false)?;
    let r = verifier.verify_credential_bytes(tampered.as_bytes(), &VerifyOptions::at(now));
    let why = r
        .check(CheckCode::SignatureValid)
        .map_or_else(String::new, |c| i18n::text(&c.message));
    println!(
        "   {:<36} {} ({why})",
        i18n::text(&message!("demo_tampered")),
        verdict(r.verdict)
    );
    ok &= r.verdict == Verdict::Invalid;

    // The compact legal identity as a printable ID-1 card, labelled in English and Arabic.
    if let Some(compact) = files.iter().find(|f| f.name.ends_with("-compact")) {
        let card = out.join("legal-identity-card.pdf");
        let document = parse(&compact.text)?;
        let r = verifier.verify_credential(&document, &VerifyOptions::at(now));
        let written =
            super::print::write_card(&document, &r, &verifier, Layout::Id1, &["en", "ar"], &card)?;
        println!("   {}", i18n::text(&written));
    }

    say!("demo_step_trust");
    ok &= trust_demo(&root, &home_dir, &home, &files)?;

    say!("demo_step_disclosure");
    ok &= disclosure_demo(&home, &out, &verifier)?;

    say!("demo_step_files");
    let files_shown = [
        message!("demo_file_home", path = home_dir.display().to_string()),
        message!("demo_file_credentials", path = out.display().to_string()),
        message!(
            "demo_file_registry",
            path = home.registry_path().display().to_string()
        ),
        message!(
            "demo_file_bundle",
            path = root.join("trust-bundle-2.json").display().to_string()
        ),
        message!("demo_try", path = files[0].path.display().to_string()),
    ];
    for m in &files_shown {
        println!("   {}", i18n::text(m));
    }
    if ok {
        say!("demo_complete", count = files.len());
        Ok(())
    } else {
        Err(CliError::Negative(Some(message!("demo_unexpected"))))
    }
}

/// Prints one line of the trust demo: what is shown, the credential, its verdict.
fn outcome(what: &Message, name: &str, v: Verdict) {
    println!("   {:<12} {name:<36} {}", i18n::text(what), verdict(v));
}

/// Publishes status, builds a bundle with a separate anchor, and shows a trusted, an untrusted and
/// a revoked credential. Returns whether every outcome was the expected one.
fn trust_demo(root: &Path, home_dir: &Path, home: &Home, files: &[DemoFile]) -> CliResult<bool> {
    let anchor_home = init::create_home(
        &root.join("trust-anchor-home"),
        &settings(
            "Laissez demo trust anchor",
            "https://status.laissez.invalid/anchor",
        ),
        None,
    )?;
    let anchor = did_key(&keystore::info(&anchor_home, "ed25519-1")?.public);
    let add_issuer = |bundle: PathBuf| BundleAddIssuerArgs {
        bundle,
        from_home: Some(home_dir.to_path_buf()),
        did: None,
        key: Vec::new(),
        name: vec![
            "en=Demo civil registry".into(),
            "fr=État civil (démo)".into(),
            "es=Registro civil (demo)".into(),
            "ar=السجل المدني (تجريبي)".into(),
        ],
        types: Vec::new(),
        jurisdiction: Some("XXX".into()),
        status_list: Vec::new(),
        valid_until: None,
        context: Vec::new(),
        did_document: Vec::new(),
    };
    let build = |version: u64| -> CliResult<PathBuf> {
        let path = root.join(format!("trust-bundle-{version}.json"));
        let publish = StatusPublishArgs {
            out: None,
            valid_days: 30,
        };
        status::publish(
            home,
            &Registry::open(&home.registry_path())?,
            &publish,
            None,
        )?;
        bundle::create(&BundleCreateArgs {
            out: path.clone(),
            valid_days: 7,
            version: Some(version),
        })?;
        bundle::add_issuer(&add_issuer(path.clone()))?;
        let sign = BundleSignArgs {
            bundle: path.clone(),
            anchor_key: "ed25519-1".into(),
            out: None,
        };
        bundle::sign(&anchor_home, &sign, None)?;
        Ok(path)
    };
    let verify_with = |bundle: &Path, text: &str| -> CliResult<Verdict> {
        let mut v = Verifier::new(ContextStore::bundled());
        let anchors = parse_anchors(std::slice::from_ref(&anchor))?;
        let bytes = std::fs::read(bundle).map_err(|e| CliError::io(io::read, bundle, e))?;
        let now = clock::now();
        v.load_trust_bundle(&bytes, &anchors, now)?;
        Ok(
            v.verify_credential_bytes(text.as_bytes(), &VerifyOptions::at(now))
                .verdict,
        )
    };

    let b1 = build(1)?;
    let DemoFile { name, text, .. } = &files[0];
    let trusted = verify_with(&b1, text)?;
    outcome(&message!("demo_trusted"), name, trusted);

    // A credential from an issuer the anchor does not recognise.
    let rogue_home = init::create_home(
        &root.join("unrecognised-issuer-home"),
        &settings(
            "Unrecognised issuer",
            "https://status.laissez.invalid/rogue",
        ),
        None,
    )?;
    let choice = IssuerChoice {
        profile: "legal-identity".into(),
        suite: None,
        securing: None,
        key: None,
        valid_until: None,
        compact: false,
    };
    let rogue = Issuer::from_home(&rogue_home, &choice, None)?;
    let (_, rogue_text) = rogue.issue(&sample(SAMPLES[0].1)?, None)?;
    let untrusted = verify_with(&b1, &rogue_text)?;
    let rogue_name = message!("demo_unrecognised_issuer", profile = "legal-identity");
    outcome(
        &message!("demo_untrusted"),
        &i18n::text(&rogue_name),
        untrusted,
    );

    // Revoke the vaccination credential, publish, distribute bundle version 2.
    let DemoFile {
        name: vname,
        id,
        text: vtext,
        ..
    } = &files[1];
    Registry::open(&home.registry_path())?.change_status(id, StatusChange::Revoke)?;
    let b2 = build(2)?;
    let revoked = verify_with(&b2, vtext)?;
    outcome(&message!("demo_revoked"), vname, revoked);
    Ok(trusted == Verdict::Valid && untrusted == Verdict::Untrusted && revoked == Verdict::Revoked)
}

/// Issues `record` of `profile` secured with `securing` by key `key`, records and writes it.
fn issue_secured(
    home: &Home,
    out: &Path,
    profile: &str,
    securing: &str,
    key: &str,
    mut record: Record,
) -> CliResult<String> {
    let choice = IssuerChoice {
        profile: profile.to_owned(),
        suite: None,
        securing: Some(securing.to_owned()),
        key: Some(key.to_owned()),
        valid_until: None,
        compact: false,
    };
    let issuer = Issuer::from_home(home, &choice, None)?;
    record.record_id = format!("{}-{securing}", record.record_id);
    let mut registry = Registry::open(&home.registry_path())?;
    let index = registry.reserve_indexes(issuer.status_purpose(), 1)?;
    let (entry, text) = issuer.issue(&record, Some(index))?;
    registry.insert(&[(entry, text.clone())])?;
    let path = out.join(format!(
        "{profile}-{}.{}",
        securing.replace('+', "-"),
        issuer.securing.extension()
    ));
    write_atomic(&path, text.as_bytes(), false)?;
    Ok(text)
}

/// What a presentation lets a reader see: the text itself, and for an SD-JWT every
/// base64url-encoded part (JWT header and payload, each disclosure, the KB-JWT) decoded.
fn readable(presented: &str) -> String {
    if presented.trim_start().starts_with('{') {
        return presented.to_owned();
    }
    let mut out = presented.to_owned();
    for part in presented.split(['~', '.']) {
        if let Some(bytes) = Base64::UrlSafeNoPad.decode(part) {
            out.push('\n');
            out.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    out
}

/// Searches the readable presentation for each hidden string value, as JSON (quoted, so that a
/// short value is not found inside a base64url digest), unless the same value is also the value
/// of a claim the presentation may show. Returns how many values were searched for, and the
/// hidden claims found.
fn leaked(view: &Value, hidden: &[String], presented: &str) -> (usize, Vec<String>) {
    fn strings(v: &Value, at: String, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(o) => {
                for (k, v) in o {
                    let escaped = k.replace('~', "~0").replace('/', "~1");
                    strings(v, format!("{at}/{escaped}"), out);
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    strings(v, format!("{at}/{i}"), out);
                }
            }
            Value::String(s) => out.push((at, Value::String(s.clone()).to_string())),
            _ => {}
        }
    }
    let mut all = Vec::new();
    strings(view, String::new(), &mut all);
    let (secret, visible): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|(p, _)| hidden.contains(p));
    let text = readable(presented);
    let searched: Vec<(String, String)> = secret
        .into_iter()
        .filter(|(_, v)| !visible.iter().any(|(_, w)| w == v))
        .collect();
    let found = searched
        .iter()
        .filter(|(_, v)| text.contains(v.as_str()))
        .map(|(p, _)| p.clone())
        .collect();
    (searched.len(), found)
}

/// Minimal disclosure with each mechanism: a legal identity secured with `ecdsa-sd-2023`
/// derived with `proof-of-registration`, and a vaccination certificate as an SD-JWT VC presented
/// with `yellow-fever` and a key binding to a kiosk's challenge. Each presentation is verified
/// (its report must list exactly the claims shown) and searched for the hidden values: a leak
/// fails the demo at once.
fn disclosure_demo(home: &Home, out: &Path, verifier: &Verifier) -> CliResult<bool> {
    let holder = SecretKey::generate(Algorithm::P256, &mut OsRng)?;
    let mut nonce = [0u8; 16];
    OsRng.fill_bytes(&mut nonce);
    let challenge = hex(&nonce);
    let domain = "kiosk.laissez.invalid";
    let mut vaccination = sample(SAMPLES[1].1)?;
    vaccination
        .subject
        .insert("id".into(), json!(did_key(&holder.public_key())));
    let cases = [
        (
            "legal-identity",
            "ecdsa-sd-2023",
            "p256-1",
            sample(SAMPLES[0].1)?,
            "proof-of-registration",
        ),
        (
            "health-vaccination",
            "sd-jwt",
            "ed25519-1",
            vaccination,
            "yellow-fever",
        ),
    ];
    let mut ok = true;
    let lang = i18n::current().lang();
    for (profile_name, securing, key, record, preset) in cases {
        let issued = issue_secured(home, out, profile_name, securing, key, record)?;
        let held = Held::parse(&issued, securing)?;
        let profile = held.profile(verifier)?;
        let rules = profile.disclosure()?;
        let view = held.view();
        let chosen = present::preset_pointers(profile, &rules, preset, &view)?;
        let binding = Binding {
            key: &holder,
            challenge: &challenge,
            domain,
        };
        let bound = (securing == "sd-jwt").then_some(&binding);
        let presented = held.present(&chosen, bound, verifier)?;
        let path = out.join(format!("{profile_name}-{preset}.presentation"));
        write_atomic(&path, presented.as_bytes(), false)?;
        let opts = VerifyOptions {
            challenge: Some(challenge.as_str()),
            domain: Some(domain),
            ..VerifyOptions::at(clock::now())
        };
        let r = verifier.verify_input(presented.as_bytes(), &opts);
        let (shown, hidden) = present::shown_and_hidden(&rules, &view, &chosen);
        let label = rules
            .preset(preset)
            .map(|p| p.label(lang))
            .unwrap_or(preset);
        println!(
            "   {:<40} {}",
            format!("{securing} · {label}"),
            verdict(r.verdict)
        );
        let labels = |pointers: &[String]| {
            let mut l: Vec<String> = pointers
                .iter()
                .map(|p| report::claim_label(Some(profile), p))
                .collect();
            l.dedup();
            l.join(", ")
        };
        let lines = [
            message!("demo_disclosure_shown", fields = labels(&shown)),
            message!("demo_disclosure_hidden", fields = labels(&hidden)),
        ];
        for m in &lines {
            println!("      {}", i18n::text(m));
        }
        let (searched, leaks) = leaked(&view, &hidden, &presented);
        if let Some(first) = leaks.first() {
            return Err(CliError::Negative(Some(message!(
                "demo_disclosure_leak",
                securing = securing,
                pointer = first
            ))));
        }
        let mut reported = r.credential.disclosed.clone();
        reported.sort();
        let mut expected = shown.clone();
        expected.sort();
        let exact = reported == expected;
        let check = if exact {
            message!(
                "demo_disclosure_checked",
                bytes = presented.len(),
                count = searched
            )
        } else {
            message!("demo_disclosure_report_differs")
        };
        println!("      {}", i18n::text(&check));
        ok &= exact && searched > 0 && r.verdict == Verdict::IssuerNotChecked;
    }
    Ok(ok)
}
