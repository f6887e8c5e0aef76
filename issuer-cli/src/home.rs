//! The issuer home: `laissez.toml`, `keys/`, `registry.sqlite`, `status/`.

use crate::error::{io, CliError, CliResult};
use crate::fsutil::write_atomic;
use credential_core::message;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// `laissez.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    /// Who issues.
    pub issuer: IssuerConfig,
    /// Issuance defaults.
    pub issuance: IssuanceConfig,
    /// Where status lists will be published.
    pub status: StatusConfig,
}

/// `[issuer]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IssuerConfig {
    /// Display name written into credentials.
    pub name: String,
    /// The signing key used when `--key` is not given.
    pub default_key: String,
}

/// `[issuance]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IssuanceConfig {
    /// Cryptosuite used when `--suite` is not given.
    pub default_suite: String,
}

/// `[status]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatusConfig {
    /// Base URL of the published status list credentials (`<base>/<list number>`).
    pub base_url: String,
    /// Entries per status list (at least 131,072 = 16 KiB, for herd privacy).
    pub list_size: u64,
}

/// An opened issuer home.
pub struct Home {
    root: PathBuf,
    /// Its configuration.
    pub config: Config,
}

const CONFIG_FILE: &str = "laissez.toml";

impl Home {
    /// Where the home is: `--home`, else `$LAISSEZ_HOME` (both handled by clap), else
    /// `./laissez-home`.
    pub fn locate(arg: Option<&Path>) -> PathBuf {
        arg.map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("laissez-home"))
    }

    /// Opens an existing home.
    pub fn open(root: &Path) -> CliResult<Home> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                CliError::Input {
                    message: message!("home_not_found", path = root.display().to_string()),
                    hint: Some(message!(
                        "hint_home_init",
                        path = root.display().to_string()
                    )),
                }
            } else {
                CliError::io(io::read, &path, e)
            }
        })?;
        let config: Config = toml::from_str(&text).map_err(|e| {
            CliError::input(message!(
                "home_invalid_config",
                path = path.display().to_string(),
                detail = e.to_string()
            ))
        })?;
        Ok(Home {
            root: root.to_path_buf(),
            config,
        })
    }

    /// Creates the directory layout and writes the configuration. Refuses an existing home.
    pub fn create(root: &Path, config: Config) -> CliResult<Home> {
        if root.join(CONFIG_FILE).exists() {
            return Err(CliError::Input {
                message: message!("home_exists", path = root.display().to_string()),
                hint: Some(message!("hint_choose_another_directory")),
            });
        }
        std::fs::create_dir_all(root.join("keys"))
            .map_err(|e| CliError::io(io::create, root, e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let keys = root.join("keys");
            std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| CliError::io(io::permissions, &keys, e))?;
        }
        let home = Home {
            root: root.to_path_buf(),
            config,
        };
        home.save_config()?;
        Ok(home)
    }

    /// Writes `laissez.toml` atomically.
    pub fn save_config(&self) -> CliResult<()> {
        let text = toml::to_string_pretty(&self.config)
            .map_err(|e| CliError::input(message!("serialise_config", detail = e.to_string())))?;
        write_atomic(&self.root.join(CONFIG_FILE), text.as_bytes(), false)
    }

    /// The home directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `keys/`.
    pub fn keys_dir(&self) -> PathBuf {
        self.root.join("keys")
    }

    /// `registry.sqlite`.
    pub fn registry_path(&self) -> PathBuf {
        self.root.join("registry.sqlite")
    }

    /// `status/`: where `status publish` writes by default, and where `bundle add-issuer
    /// --from-home` takes the published lists from.
    pub fn status_dir(&self) -> PathBuf {
        self.root.join("status")
    }
}
