//! The CLI's one error type: every failure is one line naming the problem and what to do, in the
//! reader's language (see `i18n`), and maps to an exit code (2: usage or input error; 1: a
//! verification or batch verdict; 3: a signature that verifies from an issuer nobody vouched for,
//! because no trust bundle was given).

use crate::i18n;
use crate::registry::StatusRefusal;
use credential_core::{message, Message};
use std::fmt;
use std::path::Path;

/// A CLI failure.
#[derive(Debug)]
pub enum CliError {
    /// Bad input or usage, with an optional hint on what to do: exit code 2.
    Input {
        /// What is wrong.
        message: Message,
        /// What to do about it.
        hint: Option<Message>,
    },
    /// An error of the credential core (its message, then its code): exit code 2.
    Core(credential_core::Error),
    /// The command ran but the answer is "no" (credential not valid, some batch rows failed):
    /// exit code 1. `None` when the outcome has already been printed.
    Negative(Option<Message>),
    /// The credential's signature and contents are good, but no trust bundle was given, so its
    /// issuer was not checked against recognised authorities: exit code 3.
    IssuerNotChecked,
    /// A revocation or suspension the credential, as issued, has no status entry for (nothing
    /// written): exit code 2, shown with its stable code.
    StatusRefused(StatusRefusal),
}

impl CliError {
    /// An input error.
    pub fn input(message: Message) -> Self {
        CliError::Input {
            message,
            hint: None,
        }
    }

    /// A problem with the input `path` (a core error's message, a record's problem), shown as
    /// `<path>: <problem>`.
    pub fn in_file(path: &str, problem: &Message) -> Self {
        CliError::input(message!(
            "file_error",
            path = path,
            error = i18n::text(problem)
        ))
    }

    /// An error reading or writing `path`; `action` is the message naming the operation
    /// (`io_read`, `io_write`, ...), given the path and the system's error text.
    pub fn io(action: fn(String, String) -> Message, path: &Path, e: std::io::Error) -> Self {
        let hint = match e.kind() {
            std::io::ErrorKind::NotFound => Some(message!("hint_check_path")),
            std::io::ErrorKind::PermissionDenied => Some(message!("hint_check_permissions")),
            std::io::ErrorKind::AlreadyExists => Some(message!("hint_already_exists")),
            _ => None,
        };
        CliError::Input {
            message: action(path.display().to_string(), e.to_string()),
            hint,
        }
    }

    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input { .. } | CliError::Core(_) | CliError::StatusRefused(_) => 2,
            CliError::Negative(_) => 1,
            CliError::IssuerNotChecked => 3,
        }
    }
}

/// The operations `CliError::io` names, as messages taking the path and the error text.
pub mod io {
    use credential_core::{message, Message};

    /// Reading a file.
    pub fn read(path: String, error: String) -> Message {
        message!("io_read", path = path, error = error)
    }
    /// Writing a file.
    pub fn write(path: String, error: String) -> Message {
        message!("io_write", path = path, error = error)
    }
    /// Creating a directory.
    pub fn create(path: String, error: String) -> Message {
        message!("io_create", path = path, error = error)
    }
    /// Listing a directory.
    pub fn list(path: String, error: String) -> Message {
        message!("io_list", path = path, error = error)
    }
    /// Setting a file's permissions.
    pub fn permissions(path: String, error: String) -> Message {
        message!("io_permissions", path = path, error = error)
    }
    /// Creating a temporary directory or file in a directory.
    pub fn temporary(path: String, error: String) -> Message {
        message!("io_temporary", path = path, error = error)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Input { message, hint } => {
                f.write_str(&i18n::text(message))?;
                match hint {
                    Some(h) => write!(f, " ({})", i18n::text(h)),
                    None => Ok(()),
                }
            }
            CliError::Core(e) => write!(f, "{} [{}]", i18n::text(&e.message()), e.code()),
            CliError::StatusRefused(r) => write!(
                f,
                "{} ({}) [{}]",
                i18n::text(&r.message()),
                i18n::text(&r.hint()),
                r.code()
            ),
            CliError::Negative(Some(m)) => f.write_str(&i18n::text(m)),
            CliError::Negative(None) | CliError::IssuerNotChecked => Ok(()),
        }
    }
}

impl From<credential_core::Error> for CliError {
    fn from(e: credential_core::Error) -> Self {
        CliError::Core(e)
    }
}

impl From<rusqlite::Error> for CliError {
    fn from(e: rusqlite::Error) -> Self {
        let hint = match &e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                    Some(message!("hint_registry_busy"))
                }
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt => {
                    Some(message!("hint_registry_corrupt"))
                }
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen => {
                    Some(message!("hint_registry_readonly"))
                }
                _ => None,
            },
            _ => None,
        };
        CliError::Input {
            message: message!("registry_error", detail = e.to_string()),
            hint,
        }
    }
}

impl From<postgres::Error> for CliError {
    fn from(e: postgres::Error) -> Self {
        // A refused or lost connection has no SQLSTATE (or one of class 08); the server's own
        // errors carry theirs.
        let unreachable = e.is_closed()
            || e.code()
                .map_or(e.as_db_error().is_none(), |c| c.code().starts_with("08"));
        let detail = match e.as_db_error() {
            Some(db) => format!("{} ({})", db.message(), db.code().code()),
            None => e.to_string(),
        };
        CliError::Input {
            message: message!("registry_error", detail = detail.replace('\n', " ")),
            hint: unreachable.then(|| message!("hint_registry_unreachable")),
        }
    }
}

/// Result alias for the CLI.
pub type CliResult<T> = Result<T, CliError>;
