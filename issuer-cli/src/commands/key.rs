//! `laissez key generate|list|show|import|export`: the home's signing keys.

use super::Context;
use crate::cli::{Alg, KeyCommand, KeyExportArgs, KeyFormat, KeyGenerateArgs, KeyImportArgs};
use crate::error::{CliError, CliResult};
use crate::fsutil::write_atomic;
use crate::home::Home;
use crate::i18n::{self, say};
use crate::{keyfile, keystore};
use credential_core::did::{did_jwk, did_key};
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::message;
use rand_core::OsRng;
use std::io::IsTerminal;
use zeroize::Zeroizing;

/// `laissez key …`, in the home of `ctx`.
pub fn run(ctx: &Context, cmd: KeyCommand) -> CliResult<()> {
    let home = ctx.open_home()?;
    match cmd {
        KeyCommand::Generate(args) => generate(&home, &args, ctx.pass()),
        KeyCommand::List => list(&home),
        KeyCommand::Show { name } => show(&home, &name),
        KeyCommand::Import(args) => import(&home, &args, ctx.pass()),
        KeyCommand::Export(args) => export(&home, &args, ctx.pass()),
    }
}

/// The core algorithm of a command-line choice.
pub fn algorithm(alg: Alg) -> Algorithm {
    match alg {
        Alg::Ed25519 => Algorithm::Ed25519,
        Alg::P256 => Algorithm::P256,
        Alg::P384 => Algorithm::P384,
    }
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

/// `laissez key generate`.
fn generate(home: &Home, args: &KeyGenerateArgs, pass: Option<&str>) -> CliResult<()> {
    let algorithm = algorithm(args.alg);
    let name = match &args.name {
        Some(n) => n.clone(),
        None => next_key_name(home, algorithm),
    };
    let key = SecretKey::generate(algorithm, &mut OsRng)?;
    keystore::save(home, &name, &key, pass)?;
    println!(
        "{name}\t{}\t{}",
        algorithm.name(),
        did_key(&key.public_key())
    );
    Ok(())
}

/// `laissez key list`.
fn list(home: &Home) -> CliResult<()> {
    for k in keystore::list(home)? {
        let mut line = format!(
            "{}\t{}\t{}",
            k.name,
            k.public.algorithm().name(),
            did_key(&k.public)
        );
        if k.name == home.config.issuer.default_key {
            line += &format!(" {}", i18n::text(&message!("key_list_default")));
        }
        if k.encrypted {
            line += &format!(" {}", i18n::text(&message!("key_list_encrypted")));
        }
        println!("{line}");
    }
    Ok(())
}

/// `laissez key show NAME`.
fn show(home: &Home, name: &str) -> CliResult<()> {
    let k = keystore::info(home, name)?;
    say!("key_show_name", value = &k.name);
    say!("key_show_algorithm", value = k.public.algorithm().name());
    say!("key_show_multikey", value = k.public.to_multikey());
    say!("key_show_jwk", value = k.public.to_jwk().to_string());
    say!("key_show_did_key", value = did_key(&k.public));
    say!("key_show_did_jwk", value = did_jwk(&k.public));
    Ok(())
}

/// `laissez key import FILE --name NAME`.
fn import(home: &Home, args: &KeyImportArgs, pass: Option<&str>) -> CliResult<()> {
    let key = keyfile::read_secret(&args.file)?;
    keystore::save(home, &args.name, &key, pass)?;
    println!(
        "{}\t{}\t{}",
        args.name,
        key.algorithm().name(),
        did_key(&key.public_key())
    );
    Ok(())
}

/// `laissez key export NAME`.
fn export(home: &Home, args: &KeyExportArgs, pass: Option<&str>) -> CliResult<()> {
    let text: Zeroizing<String> = if args.secret {
        if args.out.is_none() && std::io::stdout().is_terminal() {
            return Err(CliError::input(message!("key_export_refuse_terminal")));
        }
        let key = keystore::load(home, &args.name, pass)?;
        match args.format {
            KeyFormat::Jwk => key.to_jwk(),
            KeyFormat::Pem => key.to_pkcs8_pem()?,
            KeyFormat::Multikey => key.to_multikey(),
        }
    } else {
        let public = keystore::info(home, &args.name)?.public;
        Zeroizing::new(match args.format {
            KeyFormat::Jwk => public.to_jwk().to_string(),
            KeyFormat::Pem => public.to_spki_pem()?,
            KeyFormat::Multikey => public.to_multikey(),
        })
    };
    match &args.out {
        Some(path) => write_atomic(path, text.trim_end().as_bytes(), args.secret),
        None => {
            println!("{}", text.trim_end());
            Ok(())
        }
    }
}
