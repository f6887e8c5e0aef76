//! `laissez serve` (the VC API over HTTPS) and `laissez serve key add|list|revoke` (its API
//! keys), in the home of the context.

use super::Context;
use crate::cli::{ServeArgs, ServeCommand, ServeKeyCommand};
use crate::error::CliResult;
use crate::serve;

/// `laissez serve …`.
pub fn run(ctx: &Context, args: ServeArgs) -> CliResult<()> {
    let home = ctx.open_home()?;
    match args.command {
        Some(ServeCommand::Key(ServeKeyCommand::Add { scope, label })) => {
            serve::auth::add(&home, &scope, &label)
        }
        Some(ServeCommand::Key(ServeKeyCommand::List)) => serve::auth::list(&home),
        Some(ServeCommand::Key(ServeKeyCommand::Revoke { id })) => serve::auth::revoke(&home, &id),
        None => {
            let database = ctx.database(&home)?;
            serve::run(home, database, &args, ctx.pass())
        }
    }
}
