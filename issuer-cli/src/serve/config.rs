//! The server's settings: `<home>/serve.toml` (or `--config`), every field optional, command-line
//! flags over the file.

use crate::cli::ServeArgs;
use crate::error::{io, CliError, CliResult};
use crate::home::Home;
use credential_core::jsonld::ContextStore;
use credential_core::message;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `serve.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServeConfig {
    /// Address to listen on.
    pub listen: String,
    /// Whether verification (`/credentials/verify`, `/presentations/verify`,
    /// `/credentials/derive`) is open to anyone; otherwise it needs the `verify` scope.
    pub open_verify: bool,
    /// Largest request body, in bytes (larger requests get 413 before the body is read).
    pub max_body_bytes: usize,
    /// Longest time one request may take, in seconds (then 503).
    pub timeout_seconds: u64,
    /// Requests per second each client (API key, or address when anonymous) may sustain.
    pub rate_per_second: f64,
    /// Requests a client may make in a burst above its rate.
    pub rate_burst: f64,
    /// Registry connections (each used by one blocking call at a time).
    pub registry_connections: usize,
    /// Seconds a status list credential served at its URL is reused before it is rebuilt from
    /// the registry (`POST …/publish` rebuilds it at once).
    pub status_list_max_age_seconds: u64,
    /// Status indexes a front-end reserves at a time (a front-end that dies leaves the rest of
    /// its block unused: gaps, never an index used twice).
    pub status_index_block: i64,
    /// Seconds an OAuth2 access token from `/oauth/token` lasts.
    pub token_lifetime_seconds: u64,
    /// JSON-LD contexts besides the bundled ones, URL -> file (the operator vouches for them:
    /// nothing is fetched).
    pub contexts: BTreeMap<String, PathBuf>,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            listen: "127.0.0.1:8443".into(),
            open_verify: true,
            max_body_bytes: 1024 * 1024,
            timeout_seconds: 30,
            rate_per_second: 200.0,
            rate_burst: 400.0,
            registry_connections: 4,
            status_list_max_age_seconds: 300,
            token_lifetime_seconds: 900,
            status_index_block: 64,
            contexts: BTreeMap::new(),
        }
    }
}

/// The file name in the home.
const FILE: &str = "serve.toml";

impl ServeConfig {
    /// The settings: `--config`, else `<home>/serve.toml` when present, else the defaults; then
    /// the flags.
    pub fn load(home: &Home, args: &ServeArgs) -> CliResult<ServeConfig> {
        let path = args
            .config
            .clone()
            .unwrap_or_else(|| home.root().join(FILE));
        let mut config = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| {
                CliError::input(message!(
                    "home_invalid_config",
                    path = path.display().to_string(),
                    detail = e.to_string()
                ))
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && args.config.is_none() => {
                ServeConfig::default()
            }
            Err(e) => return Err(CliError::io(io::read, &path, e)),
        };
        if let Some(listen) = &args.listen {
            config.listen = listen.clone();
        }
        if config.registry_connections == 0
            || config.rate_per_second <= 0.0
            || config.token_lifetime_seconds == 0
            || !(1..=1_000_000).contains(&config.status_index_block)
            || config.token_lifetime_seconds > i64::MAX as u64 / 2
        {
            return Err(CliError::input(message!(
                "serve_bad_config",
                path = path.display().to_string()
            )));
        }
        Ok(config)
    }

    /// The bundled contexts and those of `contexts`.
    pub fn context_store(&self) -> CliResult<ContextStore> {
        let mut store = ContextStore::bundled();
        for (url, path) in &self.contexts {
            let text =
                std::fs::read_to_string(path).map_err(|e| CliError::io(io::read, path, e))?;
            store.add_trusted(url, &text)?;
        }
        Ok(store)
    }
}
