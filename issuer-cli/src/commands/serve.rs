//! `laissez serve` (the VC API over HTTPS), `laissez serve key add|list|revoke` (its API keys)
//! and `laissez serve client add|list|revoke` (its OAuth2 clients), in the home of the context.

use super::Context;
use crate::cli::{ServeArgs, ServeCommand, ServeKeyCommand};
use crate::error::CliResult;
use crate::home::Home;
use crate::serve;
use crate::serve::auth::Kind;

/// `laissez serve …`.
pub fn run(ctx: &Context, args: ServeArgs) -> CliResult<()> {
    let home = ctx.open_home()?;
    match args.command {
        Some(ServeCommand::Key(command)) => manage(&home, Kind::ApiKey, command),
        Some(ServeCommand::Client(command)) => manage(&home, Kind::Client, command),
        None => {
            let database = ctx.database(&home)?;
            serve::run(home, database, &args, ctx.pass())
        }
    }
}

/// `serve key …` or `serve client …`.
fn manage(home: &Home, kind: Kind, command: ServeKeyCommand) -> CliResult<()> {
    match command {
        ServeKeyCommand::Add { scope, label } => serve::auth::add(home, kind, &scope, &label),
        ServeKeyCommand::List => serve::auth::list(home, kind),
        ServeKeyCommand::Revoke { id } => serve::auth::revoke(home, kind, &id),
    }
}
