//! `laissez registry list|show|export`: reading the issuance registry.

use super::Context;
use crate::cli::RegistryCommand;
use crate::error::{CliError, CliResult};
use crate::fsutil::write_atomic;
use crate::registry::Registry;
use std::path::Path;

/// `laissez registry …`, on the registry of the home of `ctx` (which must exist: it is not
/// created here).
pub fn run(ctx: &Context, cmd: RegistryCommand) -> CliResult<()> {
    let home = ctx.open_home()?;
    let path = home.registry_path();
    if !path.exists() {
        return Err(CliError::input(format!(
            "no registry at {} (run `laissez init`)",
            path.display()
        )));
    }
    let registry = Registry::open(&path)?;
    match cmd {
        RegistryCommand::List => list(&registry),
        RegistryCommand::Show { id } => show(&registry, &id),
        RegistryCommand::Export { out } => export(&registry, out.as_deref()),
    }
}

/// `laissez registry list`: one tab-separated line per credential.
fn list(registry: &Registry) -> CliResult<()> {
    println!("credential id\tprofile\tsuite\tissued at\tstatus index\tdigest (sha256)");
    for e in registry.list()? {
        let index = match e.status_index {
            Some(i) => i.to_string(),
            None => "-".into(),
        };
        println!(
            "{}\t{}\t{}\t{}\t{index}\t{}",
            e.credential_id, e.profile, e.suite, e.issued_at, e.digest
        );
    }
    Ok(())
}

/// `laissez registry show ID`: the entry, then the credential.
fn show(registry: &Registry, id: &str) -> CliResult<()> {
    let (e, json) = registry.get(id)?.ok_or_else(|| {
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
    Ok(())
}

/// `laissez registry export`: JSON Lines, each entry with its credential; written 0600 with
/// `--out`. A row whose credential cannot be read is an error naming the credential.
fn export(registry: &Registry, out: Option<&Path>) -> CliResult<()> {
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
        Some(p) => write_atomic(p, text.as_bytes(), true),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
