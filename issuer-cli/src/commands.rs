//! Command handlers: each reads its inputs, calls the core, writes its outputs.

use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input, read_input_max, write_atomic, MAX_BUNDLE_BYTES, MAX_IMAGE_BYTES};
use crate::home::{Config, Home, IssuanceConfig, IssuerConfig, StatusConfig};
use crate::issuing::{check_profile, parse_suite, record_from_json, record_key, Issuer};
use crate::qr_cmds;
use crate::registry::Registry;
use crate::registry::StatusChange;
use crate::{
    batch, clock, demo, keystore, report, trust_cmds, Alg, BundleCommand, Cli, Command, KeyCommand,
    KeyFormat, QrCommand, RegistryCommand, StatusCommand,
};
use credential_core::codec::hex;
use credential_core::did::{did_jwk, did_key};
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::Timestamp;
use credential_core::verify::{Verdict, Verifier, VerifyOptions};
use rand_core::OsRng;
use std::io::IsTerminal;
use std::path::Path;
use zeroize::Zeroizing;

/// Dispatches a parsed command line.
pub fn run(cli: Cli) -> CliResult<()> {
    let passphrase = passphrase(cli.passphrase_file.as_deref())?;
    let pass = passphrase.as_deref().map(String::as_str);
    match cli.command {
        Command::Init {
            dir,
            alg,
            issuer_name,
            status_base_url,
        } => {
            let root = Home::locate(dir.as_deref().or(cli.home.as_deref()));
            init(&root, alg, &issuer_name, &status_base_url, pass)?;
            println!("created issuer home {}", root.display());
            Ok(())
        }
        Command::Demo { dir } => demo::run(dir.as_deref()),
        Command::Verify {
            input,
            json,
            at,
            bundle,
            anchor,
        } => verify(&input, json, at.as_deref(), bundle.as_deref(), &anchor),
        Command::Bundle(BundleCommand::Create {
            out,
            valid_days,
            version,
        }) => trust_cmds::create(&out, valid_days, version),
        Command::Bundle(BundleCommand::AddIssuer {
            bundle,
            from_home,
            did,
            key,
            name,
            types,
            jurisdiction,
            status_list,
            valid_until,
            context,
            did_document,
        }) => trust_cmds::add_issuer(
            &bundle,
            trust_cmds::IssuerSpec {
                from_home,
                did,
                keys: key,
                names: name,
                types,
                jurisdiction,
                status_files: status_list,
                valid_until,
                contexts: context,
                did_documents: did_document,
            },
        ),
        Command::Qr(QrCommand::Decode { input }) => qr_cmds::decode(&input),
        Command::Qr(QrCommand::Encode {
            input,
            png,
            svg,
            encoding,
            ecc,
            module_px,
            print_mm,
            quiet_zone,
        }) => qr_cmds::encode(qr_cmds::EncodeOptions {
            input: &input,
            png: png.as_deref(),
            svg: svg.as_deref(),
            encoding: &encoding,
            ecc: &ecc,
            module_px,
            print_mm,
            quiet_zone,
        }),
        Command::Bundle(BundleCommand::Inspect { bundle, anchor }) => {
            trust_cmds::inspect(&bundle, &anchor)
        }
        command => {
            let home = Home::open(&Home::locate(cli.home.as_deref()))?;
            match command {
                Command::Key(k) => key(&home, k, pass),
                Command::Issue {
                    profile,
                    subject,
                    suite,
                    key,
                    valid_until,
                    record_id,
                    out,
                } => issue_one(
                    &home,
                    &profile,
                    &subject,
                    suite.as_deref(),
                    key.as_deref(),
                    valid_until.as_deref(),
                    record_id.as_deref(),
                    out.as_deref(),
                    pass,
                ),
                Command::IssueBatch {
                    profile,
                    input,
                    out,
                    jobs,
                    suite,
                    key,
                    valid_until,
                } => issue_batch(
                    &home,
                    &profile,
                    &input,
                    &out,
                    jobs,
                    suite.as_deref(),
                    key.as_deref(),
                    valid_until.as_deref(),
                    pass,
                ),
                Command::Registry(r) => registry(&home, r),
                Command::Revoke { id } => trust_cmds::change(&home, &id, StatusChange::Revoke),
                Command::Suspend { id } => trust_cmds::change(&home, &id, StatusChange::Suspend),
                Command::Reinstate { id } => {
                    trust_cmds::change(&home, &id, StatusChange::Reinstate)
                }
                Command::Status(StatusCommand::Publish { out, valid_days }) => {
                    trust_cmds::publish(&home, out.as_deref(), valid_days, pass)
                }
                Command::Bundle(BundleCommand::Sign {
                    bundle,
                    anchor_key,
                    out,
                }) => trust_cmds::sign_bundle(&home, &bundle, &anchor_key, out.as_deref(), pass),
                Command::Bundle(_)
                | Command::Qr(_)
                | Command::Init { .. }
                | Command::Demo { .. }
                | Command::Verify { .. } => unreachable!("handled above"),
            }
        }
    }
}

fn passphrase(file: Option<&Path>) -> CliResult<Option<Zeroizing<String>>> {
    if let Some(f) = file {
        let bytes = Zeroizing::new(read_input(f)?);
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| CliError::input(format!("{} is not UTF-8", f.display())))?;
        let line = text.lines().next().unwrap_or("").to_owned();
        if line.is_empty() {
            return Err(CliError::input(format!(
                "{} holds an empty passphrase",
                f.display()
            )));
        }
        return Ok(Some(Zeroizing::new(line)));
    }
    Ok(std::env::var("LAISSEZ_PASSPHRASE")
        .ok()
        .filter(|p| !p.is_empty())
        .map(Zeroizing::new))
}

fn algorithm(alg: Alg) -> Algorithm {
    match alg {
        Alg::Ed25519 => Algorithm::Ed25519,
        Alg::P256 => Algorithm::P256,
    }
}

/// Creates an issuer home with a first key and an empty registry.
pub fn init(
    root: &Path,
    alg: Alg,
    issuer_name: &str,
    status_base_url: &str,
    pass: Option<&str>,
) -> CliResult<Home> {
    if !credential_core::model::is_url(status_base_url) {
        return Err(CliError::input(format!(
            "--status-base-url {status_base_url:?} is not a URL"
        )));
    }
    let algorithm = algorithm(alg);
    let key_name = format!("{}-1", algorithm.name());
    let suite = match algorithm {
        Algorithm::Ed25519 => "eddsa-rdfc-2022",
        _ => "ecdsa-rdfc-2019",
    };
    let home = Home::create(
        root,
        Config {
            issuer: IssuerConfig {
                name: issuer_name.to_owned(),
                default_key: key_name.clone(),
            },
            issuance: IssuanceConfig {
                default_suite: suite.to_owned(),
            },
            status: StatusConfig {
                base_url: status_base_url.to_owned(),
                list_size: 131_072,
            },
        },
    )?;
    keystore::save(
        &home,
        &key_name,
        &SecretKey::generate(algorithm, &mut OsRng),
        pass,
    )?;
    Registry::open(&home.registry_path())?;
    Ok(home)
}

fn key(home: &Home, cmd: KeyCommand, pass: Option<&str>) -> CliResult<()> {
    match cmd {
        KeyCommand::Generate { alg, name } => {
            let algorithm = algorithm(alg);
            let name = match name {
                Some(n) => n,
                None => next_key_name(home, algorithm),
            };
            let key = SecretKey::generate(algorithm, &mut OsRng);
            keystore::save(home, &name, &key, pass)?;
            println!(
                "{name}\t{}\t{}",
                algorithm.name(),
                did_key(&key.public_key())
            );
        }
        KeyCommand::List => {
            for k in keystore::list(home)? {
                let default = if k.name == home.config.issuer.default_key {
                    " (default)"
                } else {
                    ""
                };
                let enc = if k.encrypted { " encrypted" } else { "" };
                println!(
                    "{}\t{}\t{}{default}{enc}",
                    k.name,
                    k.public.algorithm().name(),
                    did_key(&k.public)
                );
            }
        }
        KeyCommand::Show { name } => {
            let k = keystore::info(home, &name)?;
            println!("name        {}", k.name);
            println!("algorithm   {}", k.public.algorithm().name());
            println!("multikey    {}", k.public.to_multikey());
            println!("jwk         {}", k.public.to_jwk());
            println!("did:key     {}", did_key(&k.public));
            println!("did:jwk     {}", did_jwk(&k.public));
        }
        KeyCommand::Import { file, name } => {
            let bytes = Zeroizing::new(read_input(&file)?);
            let text = std::str::from_utf8(&bytes)
                .map_err(|_| CliError::input(format!("{} is not UTF-8", file.display())))?
                .trim();
            let key = if text.starts_with("-----BEGIN") {
                SecretKey::from_pkcs8_pem(text)?
            } else if text.starts_with('{') {
                let jwk =
                    credential_core::json::parse_bounded(text.as_bytes(), Default::default())?;
                if jwk.get("d").is_none() {
                    return Err(CliError::input(
                        "the JWK has no private member d: import needs a secret key",
                    ));
                }
                SecretKey::from_jwk(&jwk)?
            } else if text.starts_with('z') {
                SecretKey::from_multikey(text)?
            } else {
                return Err(CliError::input(format!(
                    "{}: expected a PKCS#8 PEM, a JWK or a Multikey secret",
                    file.display()
                )));
            };
            keystore::save(home, &name, &key, pass)?;
            println!(
                "{name}\t{}\t{}",
                key.algorithm().name(),
                did_key(&key.public_key())
            );
        }
        KeyCommand::Export {
            name,
            format,
            secret,
            out,
        } => {
            let text: Zeroizing<String> = if secret {
                if out.is_none() && std::io::stdout().is_terminal() {
                    return Err(CliError::input(
                        "refusing to print a secret key to a terminal: use --out FILE",
                    ));
                }
                let key = keystore::load(home, &name, pass)?;
                match format {
                    KeyFormat::Jwk => key.to_jwk(),
                    KeyFormat::Pem => key.to_pkcs8_pem()?,
                    KeyFormat::Multikey => key.to_multikey(),
                }
            } else {
                let public = keystore::info(home, &name)?.public;
                Zeroizing::new(match format {
                    KeyFormat::Jwk => public.to_jwk().to_string(),
                    KeyFormat::Pem => public.to_spki_pem()?,
                    KeyFormat::Multikey => public.to_multikey(),
                })
            };
            match out {
                Some(path) => write_atomic(&path, text.trim_end().as_bytes(), secret)?,
                None => println!("{}", text.trim_end()),
            }
        }
    }
    Ok(())
}

/// The first free `<alg>-<n>` key name, n = 1, 2, …
fn next_key_name(home: &Home, algorithm: Algorithm) -> String {
    let mut n = 1u64;
    loop {
        let name = format!("{}-{n}", algorithm.name());
        if !home.keys_dir().join(format!("{name}.json")).exists() {
            return name;
        }
        n += 1;
    }
}

fn parse_time(flag: &str, v: Option<&str>) -> CliResult<Option<Timestamp>> {
    v.map(|s| {
        Timestamp::parse(s).ok_or_else(|| {
            CliError::input(format!("{flag} {s:?} is not an RFC 3339 date-time with time zone (e.g. 2030-01-01T00:00:00Z)"))
        })
    })
    .transpose()
}

/// Builds an issuer from the home and the command's choices.
pub fn issuer<'a>(
    home: &'a Home,
    verifier: &'a Verifier,
    profile: &str,
    suite: Option<&str>,
    key: Option<&str>,
    valid_until: Option<&str>,
    pass: Option<&str>,
) -> CliResult<Issuer<'a>> {
    check_profile(verifier, profile)?;
    let suite = parse_suite(suite.unwrap_or(&home.config.issuance.default_suite))?;
    let key_name = key.unwrap_or(&home.config.issuer.default_key).to_owned();
    let secret = keystore::load(home, &key_name, pass)?;
    suite.check_algorithm(secret.algorithm()).map_err(|_| {
        CliError::input(format!(
            "key {key_name} is {} but {suite} needs {}; choose another --key or --suite",
            secret.algorithm().name(),
            suite.default_algorithm().name()
        ))
    })?;
    let now = clock::now();
    let valid_until = parse_time("--valid-until", valid_until)?;
    if valid_until.is_some_and(|u| u <= now) {
        return Err(CliError::input("--valid-until is in the past"));
    }
    let core = credential_core::issue::Issuer::new(secret, suite)?.named(&home.config.issuer.name);
    Ok(Issuer {
        core,
        key_name,
        profile: profile.to_owned(),
        home,
        now,
        valid_until,
    })
}

#[allow(clippy::too_many_arguments)]
fn issue_one(
    home: &Home,
    profile: &str,
    subject: &str,
    suite: Option<&str>,
    key: Option<&str>,
    valid_until: Option<&str>,
    record_id: Option<&str>,
    out: Option<&Path>,
    pass: Option<&str>,
) -> CliResult<()> {
    let verifier = Verifier::new(ContextStore::bundled());
    let issuer = issuer(home, &verifier, profile, suite, key, valid_until, pass)?;
    let bytes = read_input(Path::new(subject))?;
    let value = credential_core::json::parse_bounded(&bytes, Default::default())
        .map_err(|e| CliError::input(format!("{subject}: {e}")))?;
    let canonical = credential_core::canon::jcs::canonicalize(&value);
    let digest = sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(
        canonical.as_bytes(),
    ));
    let digest_id = hex(&digest[..16]);
    let mut record = record_from_json(value, Some(record_id.unwrap_or(&digest_id)))
        .map_err(|e| CliError::input(format!("{subject}: {e}")))?;
    if let Some(r) = record_id {
        record.record_id = r.to_owned();
    }
    let mut registry = Registry::open(&home.registry_path())?;
    let rkey = record_key(profile, &record.record_id);
    if let Some(existing) = registry.find_record(&rkey)? {
        return Err(CliError::input(format!(
            "record {} was already issued as {existing} (see `laissez registry show {existing}`; pass another --record-id to issue again)",
            record.record_id
        )));
    }
    let index = registry.reserve_indexes(crate::issuing::STATUS_PURPOSE, 1)?;
    let (entry, json) = issuer.issue(&record, Some(index))?;
    if let Some(path) = out {
        // Check the output location before recording, so a bad path leaves no registry entry.
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(CliError::input(format!(
                "output directory {} does not exist",
                dir.display()
            )));
        }
        registry.insert(&[(entry.clone(), json.clone())])?;
        write_atomic(path, json.as_bytes(), false)?;
        eprintln!(
            "issued {} ({}, {}) -> {}",
            entry.credential_id,
            entry.profile,
            entry.suite,
            path.display()
        );
    } else {
        registry.insert(&[(entry.clone(), json.clone())])?;
        println!("{json}");
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn issue_batch(
    home: &Home,
    profile: &str,
    input: &Path,
    out: &Path,
    jobs: usize,
    suite: Option<&str>,
    key: Option<&str>,
    valid_until: Option<&str>,
    pass: Option<&str>,
) -> CliResult<()> {
    if jobs == 0 {
        return Err(CliError::input("--jobs must be at least 1"));
    }
    let verifier = Verifier::new(ContextStore::bundled());
    let issuer = issuer(home, &verifier, profile, suite, key, valid_until, pass)?;
    let rows = batch::read_rows(input)?;
    let total = rows.len();
    let mut registry = Registry::open(&home.registry_path())?;
    let started = std::time::Instant::now();
    let summary = batch::run(&issuer, &mut registry, rows, out, jobs)?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{total} rows: {} issued, {} skipped (already issued), {} failed  [{:.1} s, {:.0} credentials/s]",
        summary.issued,
        summary.skipped,
        summary.failed.len(),
        secs,
        summary.issued as f64 / secs.max(1e-3)
    );
    for (row, reason) in summary.failed.iter().take(50) {
        println!("  row {row}: {reason}");
    }
    if summary.failed.len() > 50 {
        println!("  … and {} more failed rows", summary.failed.len() - 50);
    }
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(CliError::Negative(String::new()))
    }
}

fn verify(
    input: &str,
    json: bool,
    at: Option<&str>,
    bundle: Option<&Path>,
    anchors: &[String],
) -> CliResult<()> {
    // Images may be large; anything else still meets the verifier's own 1 MiB bound.
    let bytes = read_input_max(Path::new(input), MAX_IMAGE_BYTES)?;
    let now = parse_time("--at", at)?.unwrap_or_else(clock::now);
    let mut verifier = Verifier::new(ContextStore::bundled());
    if let Some(path) = bundle {
        let anchors = trust_cmds::parse_anchors(anchors)?;
        let b = read_input_max(path, MAX_BUNDLE_BYTES)?;
        verifier.load_trust_bundle(&b, &anchors, now).map_err(|e| {
            CliError::input(format!(
                "trust bundle {}: {e} [{}]",
                path.display(),
                e.code()
            ))
        })?;
    }
    let opts = VerifyOptions::at(now);
    // A QR image is read first; text (envelope, JSON, JWT) goes to the core as it is.
    let r = match qr_cmds::image_text(&bytes)? {
        Some(text) => verifier.verify_input(text.as_bytes(), &opts),
        None => verifier.verify_input(&bytes, &opts),
    };
    if json {
        let text = serde_json::to_string_pretty(&r)
            .map_err(|e| CliError::input(format!("cannot serialise the report: {e}")))?;
        println!("{text}");
    } else {
        print!("{}", report::render(&r));
    }
    match r.verdict {
        Verdict::Valid => Ok(()),
        Verdict::IssuerNotChecked => Err(CliError::IssuerNotChecked),
        _ => Err(CliError::Negative(String::new())),
    }
}

fn registry(home: &Home, cmd: RegistryCommand) -> CliResult<()> {
    let path = home.registry_path();
    if !path.exists() {
        return Err(CliError::input(format!(
            "no registry at {} (run `laissez init`)",
            path.display()
        )));
    }
    let registry = Registry::open(&path)?;
    match cmd {
        RegistryCommand::List => {
            println!("credential id\tprofile\tsuite\tissued at\tstatus index\tdigest (sha256)");
            for e in registry.list()? {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    e.credential_id,
                    e.profile,
                    e.suite,
                    e.issued_at,
                    e.status_index
                        .map(|i| i.to_string())
                        .unwrap_or_else(|| "-".into()),
                    e.digest
                );
            }
        }
        RegistryCommand::Show { id } => {
            let (e, json) = registry.get(&id)?.ok_or_else(|| {
                CliError::input(format!(
                    "no credential {id} in the registry (see `laissez registry list`)"
                ))
            })?;
            let entry = serde_json::to_string_pretty(&e).map_err(|err| {
                CliError::input(format!(
                    "cannot serialise the registry entry of {id}: {err}"
                ))
            })?;
            println!("{entry}");
            println!("{json}");
        }
        RegistryCommand::Export { out } => {
            let mut text = String::new();
            for (e, json) in registry.list_with_credentials()? {
                let id = &e.credential_id;
                let mut line = serde_json::to_value(&e).map_err(|err| {
                    CliError::input(format!(
                        "cannot serialise the registry entry of {id}: {err}"
                    ))
                })?;
                line["credential"] = serde_json::from_str(&json).map_err(|err| {
                    CliError::input(format!(
                        "the registry row of {id} holds a credential that is not JSON: {err} (restore the registry from a backup)"
                    ))
                })?;
                text += &line.to_string();
                text.push('\n');
            }
            match out {
                Some(p) => write_atomic(&p, text.as_bytes(), true)?,
                None => print!("{text}"),
            }
        }
    }
    Ok(())
}
