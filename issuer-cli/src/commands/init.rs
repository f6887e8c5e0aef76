//! `laissez init`: a new issuer home with its configuration, a first key and an empty registry.

use super::key::algorithm;
use super::Context;
use crate::cli::{HomeSettings, InitArgs};
use crate::error::{CliError, CliResult};
use crate::home::{Config, Home, IssuanceConfig, IssuerConfig, StatusConfig};
use crate::i18n::say;
use crate::keystore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::message;
use rand_core::OsRng;
use std::path::Path;

/// `laissez init [DIR]`.
pub fn run(ctx: &Context, args: &InitArgs) -> CliResult<()> {
    let root = Home::locate(args.dir.as_deref().or(ctx.home.as_deref()));
    let home = create_home(&root, &args.settings, ctx.pass())?;
    ctx.open_registry(&home)?;
    say!("init_done", path = root.display().to_string());
    Ok(())
}

/// Creates an issuer home at `root` with a first key (its registry is created when first
/// opened).
pub fn create_home(root: &Path, settings: &HomeSettings, pass: Option<&str>) -> CliResult<Home> {
    let status_base_url = &settings.status_base_url;
    if !credential_core::model::is_url(status_base_url) {
        return Err(CliError::input(message!(
            "init_bad_status_url",
            url = status_base_url
        )));
    }
    let algorithm = algorithm(settings.alg);
    let key_name = format!("{}-1", algorithm.name());
    let suite = match algorithm {
        Algorithm::Ed25519 => "eddsa-rdfc-2022",
        _ => "ecdsa-rdfc-2019",
    };
    let home = Home::create(
        root,
        Config {
            issuer: IssuerConfig {
                name: settings.issuer_name.clone(),
                default_key: key_name.clone(),
            },
            issuance: IssuanceConfig {
                default_suite: suite.to_owned(),
            },
            status: StatusConfig {
                base_url: status_base_url.clone(),
                list_size: 131_072,
            },
        },
    )?;
    keystore::save(
        &home,
        &key_name,
        &SecretKey::generate(algorithm, &mut OsRng)?,
        pass,
    )?;
    Ok(home)
}
