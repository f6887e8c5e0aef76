//! `laissez registry list|show|export`: reading the issuance registry (SQLite or PostgreSQL).

use super::Context;
use crate::cli::RegistryCommand;
use crate::error::{CliError, CliResult};
use crate::fsutil::write_atomic;
use crate::i18n;
use crate::registry::{Database, Registry};
use crate::securing::Securing;
use credential_core::message;
use serde_json::Value;
use std::path::Path;

/// `laissez registry …`, on the registry of the home of `ctx` (which must exist: it is not
/// created here).
pub fn run(ctx: &Context, cmd: RegistryCommand) -> CliResult<()> {
    let home = ctx.open_home()?;
    let database = ctx.database(&home)?;
    if let Database::Sqlite(path) = &database {
        if !path.exists() {
            return Err(CliError::Input {
                message: message!("registry_missing", path = path.display().to_string()),
                hint: Some(message!("hint_run_init")),
            });
        }
    }
    let registry = Registry::connect(&database)?;
    match cmd {
        RegistryCommand::List => list(&registry),
        RegistryCommand::Show { id } => show(&registry, &id),
        RegistryCommand::Export { out } => export(&registry, out.as_deref()),
    }
}

/// `laissez registry list`: one tab-separated line per credential. The last column is the status
/// purposes the credential carries as issued (`revocation,suspension`, `revocation`, `-` for
/// none, `unknown` where the registry has not recorded them; decision 0032).
fn list(registry: &Registry) -> CliResult<()> {
    let header = [
        message!("registry_column_id"),
        message!("registry_column_profile"),
        message!("registry_column_suite"),
        message!("registry_column_issued_at"),
        message!("registry_column_status_index"),
        message!("registry_column_digest"),
        message!("registry_column_status_purposes"),
    ];
    let header: Vec<String> = header.iter().map(i18n::text).collect();
    println!("{}", header.join("\t"));
    for e in registry.list()? {
        let index = match e.status_index {
            Some(i) => i.to_string(),
            None => "-".into(),
        };
        let purposes = match e.status_purposes.map(|p| p.column()) {
            Some("") => "-",
            Some(names) => names,
            None => "unknown",
        };
        println!(
            "{}\t{}\t{}\t{}\t{index}\t{}\t{purposes}",
            e.credential_id, e.profile, e.suite, e.issued_at, e.digest
        );
    }
    Ok(())
}

/// `laissez registry show ID`: the entry, then the credential.
fn show(registry: &Registry, id: &str) -> CliResult<()> {
    let (e, json) = registry.get(id)?.ok_or_else(|| CliError::Input {
        message: message!("registry_no_credential", id = id),
        hint: Some(message!("hint_see_registry_list")),
    })?;
    let entry = serde_json::to_string_pretty(&e).map_err(|err| {
        CliError::input(message!(
            "serialise_registry_entry",
            id = id,
            detail = err.to_string()
        ))
    })?;
    println!("{entry}");
    println!("{json}");
    Ok(())
}

/// `laissez registry export`: JSON Lines, each entry with its credential (a JSON string for the
/// JWT forms); written 0600 with `--out`. A row whose credential cannot be read is an error naming the credential.
fn export(registry: &Registry, out: Option<&Path>) -> CliResult<()> {
    let mut text = String::new();
    for (e, json) in registry.list_with_credentials()? {
        let id = &e.credential_id;
        let mut line = serde_json::to_value(&e).map_err(|err| {
            CliError::input(message!(
                "serialise_registry_entry",
                id = id,
                detail = err.to_string()
            ))
        })?;
        line["credential"] = if Securing::is_jwt_text(&e.suite) {
            Value::String(json)
        } else {
            serde_json::from_str(&json).map_err(|err| CliError::Input {
                message: message!("registry_row_not_json", id = id, detail = err.to_string()),
                hint: Some(message!("hint_restore_registry")),
            })?
        };
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
