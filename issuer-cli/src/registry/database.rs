//! Where the registry lives: a SQLite file (the default, `<home>/registry.sqlite`, a path or
//! `sqlite://PATH`) or a PostgreSQL database (`postgres://…` / `postgresql://…`), chosen by URL.

use crate::error::{CliError, CliResult};
use credential_core::message;
use std::path::PathBuf;

/// A registry location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file (created on first use).
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL (or `key=value` connection string), as `libpq` takes it.
    Postgres(String),
}

impl Database {
    /// From a `--database` value: `postgres://…` or `postgresql://…` (PostgreSQL), `sqlite://PATH`
    /// or a plain path (SQLite). Any other `scheme://` is an error naming the scheme only (a URL
    /// may hold a password).
    pub fn parse(value: &str) -> CliResult<Database> {
        let lower = value.to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            return Ok(Database::Postgres(value.to_owned()));
        }
        if let Some(path) = value.strip_prefix("sqlite://") {
            return Ok(Database::Sqlite(PathBuf::from(path)));
        }
        match value.split_once("://") {
            Some((scheme, _)) => Err(CliError::input(message!(
                "database_unsupported",
                scheme = scheme
            ))),
            None if value.is_empty() => Err(CliError::input(message!(
                "database_unsupported",
                scheme = ""
            ))),
            None => Ok(Database::Sqlite(PathBuf::from(value))),
        }
    }

    /// `--database` (or `$LAISSEZ_DATABASE`) when given, else the SQLite file `default`.
    pub fn choose(option: Option<&str>, default: PathBuf) -> CliResult<Database> {
        match option {
            Some(value) => Database::parse(value),
            None => Ok(Database::Sqlite(default)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        let db = |s| Database::parse(s).unwrap();
        assert_eq!(db("reg.sqlite"), Database::Sqlite("reg.sqlite".into()));
        assert_eq!(
            db("sqlite:///tmp/r.db"),
            Database::Sqlite("/tmp/r.db".into())
        );
        assert_eq!(
            db("postgres://u@localhost/db"),
            Database::Postgres("postgres://u@localhost/db".into())
        );
        assert_eq!(
            db("PostgreSQL://h/db"),
            Database::Postgres("PostgreSQL://h/db".into())
        );
        assert!(Database::parse("mysql://root:secret@h/db").is_err());
        assert!(Database::parse("").is_err());
        assert_eq!(
            Database::choose(None, "h/registry.sqlite".into()).unwrap(),
            Database::Sqlite("h/registry.sqlite".into())
        );
    }
}
