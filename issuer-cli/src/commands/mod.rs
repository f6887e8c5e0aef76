//! Running a parsed command line: one module per command group, each reading its inputs, calling
//! the core and the building blocks, and writing its outputs.

mod bundle;
mod bundle_formats;
mod demo;
mod init;
mod issue;
mod key;
mod present;
mod print;
mod qr;
mod registry;
mod serve;
mod status;
mod verify;

use crate::cli::{Cli, Command};
use crate::error::{CliError, CliResult};
use crate::fsutil::read_input;
use crate::home::Home;
use crate::registry::{Database, Registry, StatusChange};
use credential_core::message;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// What commands share besides their own options: the `--home` choice and the passphrase.
pub struct Context {
    /// `--home` (or `$LAISSEZ_HOME`), if given.
    home: Option<PathBuf>,
    /// The passphrase for encrypted keys, if one was given.
    passphrase: Option<Zeroizing<String>>,
    /// `--database` (or `$LAISSEZ_DATABASE`), if given.
    database: Option<String>,
}

impl Context {
    /// The passphrase, if any.
    fn pass(&self) -> Option<&str> {
        self.passphrase.as_deref().map(String::as_str)
    }

    /// The registry database: `--database` if given, else the home's SQLite file.
    fn database(&self, home: &Home) -> CliResult<Database> {
        Database::choose(self.database.as_deref(), home.registry_path())
    }

    /// Opens (creating or migrating) the registry of `home`, or the one `--database` names.
    fn open_registry(&self, home: &Home) -> CliResult<Registry> {
        Registry::connect(&self.database(home)?)
    }

    /// Opens the issuer home chosen by `--home`, `$LAISSEZ_HOME` or the default.
    fn open_home(&self) -> CliResult<Home> {
        Home::open(&Home::locate(self.home.as_deref()))
    }
}

/// Dispatches a parsed command line.
pub fn run(cli: Cli) -> CliResult<()> {
    let ctx = Context {
        passphrase: passphrase(cli.passphrase_file.as_deref())?,
        home: cli.home,
        database: cli.database,
    };
    match cli.command {
        Command::Init(args) => init::run(&ctx, &args),
        Command::Key(cmd) => key::run(&ctx, cmd),
        Command::Issue(args) => issue::issue_one(&ctx, &args),
        Command::IssueBatch(args) => issue::issue_batch(&ctx, &args),
        Command::Verify(args) => verify::run(&args),
        Command::Present(args) => present::run(&args),
        Command::Print(args) => print::run(&args),
        Command::Revoke { id } => status::change(&ctx, &id, StatusChange::Revoke),
        Command::Suspend { id } => status::change(&ctx, &id, StatusChange::Suspend),
        Command::Reinstate { id } => status::change(&ctx, &id, StatusChange::Reinstate),
        Command::Status(cmd) => status::run(&ctx, cmd),
        Command::Bundle(cmd) => bundle::run(&ctx, cmd),
        Command::Registry(cmd) => registry::run(&ctx, cmd),
        Command::Qr(cmd) => qr::run(cmd),
        Command::Serve(args) => serve::run(&ctx, args),
        Command::Demo { dir } => demo::run(dir.as_deref()),
    }
}

/// The passphrase: the first line of `--passphrase-file`, else `$LAISSEZ_PASSPHRASE`.
fn passphrase(file: Option<&Path>) -> CliResult<Option<Zeroizing<String>>> {
    if let Some(f) = file {
        let bytes = Zeroizing::new(read_input(f)?);
        let text = std::str::from_utf8(&bytes).map_err(|_| {
            CliError::input(message!("file_not_utf8", path = f.display().to_string()))
        })?;
        let line = text.lines().next().unwrap_or("").to_owned();
        if line.is_empty() {
            return Err(CliError::input(message!(
                "passphrase_empty",
                path = f.display().to_string()
            )));
        }
        return Ok(Some(Zeroizing::new(line)));
    }
    Ok(std::env::var("LAISSEZ_PASSPHRASE")
        .ok()
        .filter(|p| !p.is_empty())
        .map(Zeroizing::new))
}
