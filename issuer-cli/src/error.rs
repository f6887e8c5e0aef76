//! The CLI's one error type: every failure is one line naming the problem and what to do, and
//! maps to an exit code (2: usage or input error; 1: a verification or batch verdict; 3: a
//! signature that verifies from an issuer nobody vouched for, because no trust bundle was given).

use std::fmt;
use std::path::Path;

/// A CLI failure.
#[derive(Debug)]
pub enum CliError {
    /// Bad input or usage: exit code 2.
    Input(String),
    /// The command ran but the answer is "no" (credential not valid, some batch rows failed):
    /// exit code 1. The message has already been printed when this is empty.
    Negative(String),
    /// The credential's signature and contents are good, but no trust bundle was given, so its
    /// issuer was not checked against recognised authorities: exit code 3.
    IssuerNotChecked,
}

impl CliError {
    /// An input error with a hint on what to do.
    pub fn input(msg: impl Into<String>) -> Self {
        CliError::Input(msg.into())
    }

    /// An error reading or writing `path`.
    pub fn io(action: &str, path: &Path, e: std::io::Error) -> Self {
        let hint = match e.kind() {
            std::io::ErrorKind::NotFound => " (check the path)",
            std::io::ErrorKind::PermissionDenied => {
                " (check permissions, or choose another location)"
            }
            std::io::ErrorKind::AlreadyExists => " (remove it or choose another path)",
            _ => "",
        };
        CliError::Input(format!("cannot {action} {}: {e}{hint}", path.display()))
    }

    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) => 2,
            CliError::Negative(_) => 1,
            CliError::IssuerNotChecked => 3,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Input(m) | CliError::Negative(m) => f.write_str(m),
            CliError::IssuerNotChecked => Ok(()),
        }
    }
}

impl From<credential_core::Error> for CliError {
    fn from(e: credential_core::Error) -> Self {
        CliError::Input(format!("{e} [{}]", e.code()))
    }
}

impl From<rusqlite::Error> for CliError {
    fn from(e: rusqlite::Error) -> Self {
        let hint = match &e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                    " (another laissez process holds the registry; wait for it or stop it)"
                }
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt => {
                    " (the registry file is corrupt; restore it from a backup)"
                }
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen => {
                    " (check that the issuer home is writable)"
                }
                _ => "",
            },
            _ => "",
        };
        CliError::Input(format!("registry error: {e}{hint}"))
    }
}

/// Result alias for the CLI.
pub type CliResult<T> = Result<T, CliError>;
