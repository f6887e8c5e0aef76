//! The issuance registry, on SQLite (the embedded default, WAL) or PostgreSQL (several issuing
//! processes on one database), chosen by URL ([`Database`]). Both run the same migrations and
//! the same statements wherever the SQL is portable; `sqlite` and `postgres` hold what differs
//! (connecting, locking, bulk inserts, column types).
//!
//! Crash safety: status-list indexes are reserved in their own committed transaction (one atomic
//! `INSERT … ON CONFLICT DO UPDATE … RETURNING` in the database, never in process memory) before
//! the credentials that use them are signed, so an index is never handed out twice even if the
//! process dies; credential rows are committed (durably: SQLite `synchronous=FULL`, PostgreSQL's
//! default) before their output files are written, so a re-run can write any missing or damaged
//! file from the registry; a record key is unique, so no record gets two credentials. The
//! registry never stores secret keys.

mod database;
mod postgres;
mod purposes;
mod sqlite;

pub use database::Database;
pub use purposes::{Purposes, StatusRefusal};

use crate::error::{CliError, CliResult};
use credential_core::{message, Message};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// Schema migrations, applied in order on both backends; each runs once (recorded in
/// `schema_migrations`). Portable SQL only.
const MIGRATIONS: &[&str] = &[
    // 1: issued credentials and status-list index allocation.
    "CREATE TABLE credentials (
        credential_id  VARCHAR(200) PRIMARY KEY,
        record_key     VARCHAR(400) NOT NULL UNIQUE,
        profile        VARCHAR(100) NOT NULL,
        suite          VARCHAR(50)  NOT NULL,
        key_name       VARCHAR(64)  NOT NULL,
        issued_at      VARCHAR(40)  NOT NULL,
        status_purpose VARCHAR(20),
        status_index   BIGINT,
        digest         CHAR(64)     NOT NULL,
        credential     TEXT         NOT NULL,
        UNIQUE (status_purpose, status_index)
    );
    CREATE TABLE status_allocation (
        purpose    VARCHAR(20) PRIMARY KEY,
        next_index BIGINT NOT NULL
    );",
    // 2: revocation and suspension flags (published in status lists).
    "ALTER TABLE credentials ADD COLUMN revoked SMALLINT NOT NULL DEFAULT 0;
    ALTER TABLE credentials ADD COLUMN suspended SMALLINT NOT NULL DEFAULT 0;",
    // 3: the status purposes each credential carries as issued ([`Purposes`]); the rows already
    // in are filled from their stored credentials ([`PURPOSES_MIGRATION`]).
    "ALTER TABLE credentials ADD COLUMN status_purposes VARCHAR(40);",
];

/// The migration after which each backend fills `status_purposes` of the rows already in
/// ([`Purposes::of_stored`]), in the migration's transaction, [`BACKFILL_PAGE`] rows at a time.
const PURPOSES_MIGRATION: usize = 3;

/// Rows read per page while filling `status_purposes`.
const BACKFILL_PAGE: i64 = 1000;

/// Statements both backends run as they are. Placeholders are `$1`, `$2`, … in order of first
/// appearance (PostgreSQL's numbering; SQLite binds `$NNN` names in that order).
mod sql {
    pub const CREATE_MIGRATIONS: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)";
    pub const SCHEMA_VERSION: &str =
        "SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM schema_migrations";
    pub const RECORD_MIGRATION: &str =
        "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)";
    /// Atomic reservation: the new `next_index` comes back; the block is the `count` before it.
    pub const RESERVE: &str = "INSERT INTO status_allocation (purpose, next_index) VALUES ($1, $2)
        ON CONFLICT (purpose) DO UPDATE SET next_index = status_allocation.next_index + $2
        RETURNING next_index";
    pub const FIND_RECORD: &str = "SELECT credential_id FROM credentials WHERE record_key = $1";
    pub const CREDENTIAL_FOR_RECORD: &str =
        "SELECT credential FROM credentials WHERE record_key = $1";
    /// Appended to an insert that passes over records already issued.
    pub const SKIP_ISSUED: &str = " ON CONFLICT (record_key) DO NOTHING";
    pub const COLUMNS: &str = "credential_id, record_key, profile, suite, key_name, issued_at, status_purpose, status_index, digest, status_purposes";
    pub const STATUS_ROWS: &str = "SELECT key_name, status_purpose, status_index, revoked, suspended FROM credentials WHERE status_index IS NOT NULL ORDER BY key_name, status_index";
    /// What a status change reads ([`super::Current`]); the credential only when its purposes
    /// are not recorded.
    pub const STATUS_OF: &str = "SELECT revoked, suspended, record_key, status_purposes, status_purpose, status_index,
        CASE WHEN status_purposes IS NULL THEN credential END FROM credentials WHERE credential_id = $1";
    /// One page of the rows to fill `status_purposes` of (migration 3), after credential id $1.
    pub const BACKFILL_READ: &str =
        "SELECT credential_id, status_purpose, status_index, credential FROM credentials
        WHERE credential_id > $1 ORDER BY credential_id LIMIT $2";
    pub const SET_REVOKED: &str = "UPDATE credentials SET revoked = 1 WHERE credential_id = $1";
    pub const SET_SUSPENDED: &str = "UPDATE credentials SET suspended = 1 WHERE credential_id = $1";
    pub const CLEAR_SUSPENDED: &str =
        "UPDATE credentials SET suspended = 0 WHERE credential_id = $1";

    /// Every entry (with its credential when `with_credential`), oldest first.
    pub fn list(with_credential: bool) -> String {
        let extra = if with_credential { ", credential" } else { "" };
        format!("SELECT {COLUMNS}{extra} FROM credentials ORDER BY issued_at, credential_id")
    }

    /// One entry and its credential.
    pub fn get() -> String {
        format!("SELECT {COLUMNS}, credential FROM credentials WHERE credential_id = $1")
    }
}
/// The status of one issued credential.
#[derive(Debug, Clone)]
pub struct StatusRow {
    /// Key that signed it (status lists are per key, since the list's issuer must be the
    /// credential's).
    pub key_name: String,
    /// The purpose its index was allocated under (`revocation` for a Bitstring Status List
    /// entry, `token-status-list` for an SD-JWT VC's Token Status List entry).
    pub purpose: String,
    /// Global status index.
    pub index: i64,
    /// Revoked.
    pub revoked: bool,
    /// Suspended.
    pub suspended: bool,
}

/// A status change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChange {
    /// Permanent.
    Revoke,
    /// Temporary.
    Suspend,
    /// Lift a suspension.
    Reinstate,
}

/// One issued credential.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The credential `id`.
    pub credential_id: String,
    /// `<profile>:<record id>`, the idempotency key.
    pub record_key: String,
    /// Profile name.
    pub profile: String,
    /// Cryptosuite.
    pub suite: String,
    /// Signing key name.
    pub key_name: String,
    /// Issuance time (RFC 3339).
    pub issued_at: String,
    /// The purpose its status index was allocated under (`revocation` for Bitstring Status
    /// List entries, `token-status-list` for an SD-JWT VC).
    pub status_purpose: Option<String>,
    /// Global status index.
    pub status_index: Option<i64>,
    /// SHA-256 (hex) of the credential JSON as written.
    pub digest: String,
    /// The status purposes the credential carries as issued; `None`: not recorded (a row the
    /// schema-3 migration could not read, or one a version-2 process wrote after it).
    pub status_purposes: Option<Purposes>,
}

/// The registry connection. `Send`, so a server can move it into a blocking task.
pub struct Registry {
    backend: Backend,
}

/// The open connection of one backend.
enum Backend {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Shared>),
}

/// `Registry` crosses threads (a server's blocking pool); keep it `Send`.
const _: fn() = || {
    fn send<T: Send>() {}
    send::<Registry>();
};

impl Registry {
    /// Opens (creating if needed) the SQLite registry at `path` and applies pending migrations.
    pub fn open(path: &Path) -> CliResult<Registry> {
        Registry::connect(&Database::Sqlite(path.to_path_buf()))
    }

    /// Opens the registry at `database` (SQLite file or PostgreSQL) and applies pending
    /// migrations.
    pub fn connect(database: &Database) -> CliResult<Registry> {
        let backend = match database {
            Database::Sqlite(path) => {
                let mut conn = sqlite::open(path)?;
                sqlite::migrate(&mut conn)?;
                Backend::Sqlite(conn)
            }
            Database::Postgres(url) => {
                let mut client = postgres::open(url)?;
                postgres::migrate(&mut client)?;
                Backend::Postgres(Box::new(client.into()))
            }
        };
        Ok(Registry { backend })
    }

    /// Reserves `count` consecutive status indexes for `purpose` and commits the reservation.
    /// Returns the first index. A reserved index is never handed out again.
    pub fn reserve_indexes(&mut self, purpose: &str, count: i64) -> CliResult<i64> {
        let next = match &mut self.backend {
            Backend::Sqlite(c) => sqlite::reserve(c, purpose, count)?,
            Backend::Postgres(c) => postgres::reserve(c.get_mut(), purpose, count)?,
        };
        Ok(next - count)
    }

    /// Whether a credential for `record_key` exists; returns its id.
    pub fn find_record(&self, record_key: &str) -> CliResult<Option<String>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::one_text(c, sql::FIND_RECORD, record_key),
            Backend::Postgres(c) => postgres::one_text(c, sql::FIND_RECORD, record_key),
        }
    }

    /// Records issued credentials in one transaction: all of them or, on any error (a record
    /// key or status index already used), none.
    pub fn insert(&mut self, rows: &[(Entry, String)]) -> CliResult<()> {
        match &mut self.backend {
            Backend::Sqlite(c) => sqlite::insert(c, rows, false)?,
            Backend::Postgres(c) => postgres::insert(c.get_mut(), rows, false)?,
        };
        Ok(())
    }

    /// Records issued credentials in one transaction, passing over those whose record key is
    /// already in (another process issued the record meanwhile); returns, per row, whether it
    /// was inserted. Any other conflict (a status index used twice) is an error and inserts
    /// nothing.
    pub fn insert_new(&mut self, rows: &[(Entry, String)]) -> CliResult<Vec<bool>> {
        match &mut self.backend {
            Backend::Sqlite(c) => sqlite::insert(c, rows, true),
            Backend::Postgres(c) => postgres::insert(c.get_mut(), rows, true),
        }
    }

    /// Every entry, oldest first.
    pub fn list(&self) -> CliResult<Vec<Entry>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::list(c),
            Backend::Postgres(c) => postgres::list(c),
        }
    }

    /// Every entry with its credential JSON, oldest first. A row whose credential is not text is
    /// an error naming the credential.
    pub fn list_with_credentials(&self) -> CliResult<Vec<(Entry, String)>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::list_with_credentials(c),
            Backend::Postgres(c) => postgres::list_with_credentials(c),
        }
    }

    /// One entry and its credential JSON.
    pub fn get(&self, credential_id: &str) -> CliResult<Option<(Entry, String)>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::get(c, credential_id),
            Backend::Postgres(c) => postgres::get(c, credential_id),
        }
    }

    /// Applies a status change; returns the message telling what happened, or an error when it
    /// makes no sense (unknown credential, reinstating a revoked one) or would set a bit no
    /// verifier reads (a purpose the credential does not carry: [`StatusRefusal`], nothing
    /// written). The row is read and updated in one transaction that holds it against
    /// concurrent changes.
    pub fn change_status(
        &mut self,
        credential_id: &str,
        change: StatusChange,
    ) -> CliResult<Message> {
        match &mut self.backend {
            Backend::Sqlite(c) => sqlite::change_status(c, credential_id, change),
            Backend::Postgres(c) => postgres::change_status(c.get_mut(), credential_id, change),
        }
    }

    /// For status publication: every credential that has a status index.
    pub fn status_rows(&self) -> CliResult<Vec<StatusRow>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::status_rows(c),
            Backend::Postgres(c) => postgres::status_rows(c),
        }
    }

    /// The credential JSON for a record key.
    pub fn credential_for_record(&self, record_key: &str) -> CliResult<Option<String>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::one_text(c, sql::CREDENTIAL_FOR_RECORD, record_key),
            Backend::Postgres(c) => postgres::one_text(c, sql::CREDENTIAL_FOR_RECORD, record_key),
        }
    }

    /// The credential JSON of each of `record_keys` that is in the registry, in one query
    /// (PostgreSQL) or one prepared statement (SQLite): what a batch looks up before issuing.
    pub fn credentials_for_records(
        &self,
        record_keys: &[String],
    ) -> CliResult<HashMap<String, String>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::credentials_for_records(c, record_keys),
            Backend::Postgres(c) => postgres::credentials_for_records(c, record_keys),
        }
    }
}

/// Refuses a registry whose schema is newer than this program's.
fn check_schema_version(current: i64) -> CliResult<()> {
    if current > MIGRATIONS.len() as i64 {
        return Err(CliError::input(message!(
            "registry_schema_newer",
            found = current,
            supported = MIGRATIONS.len()
        )));
    }
    Ok(())
}

/// What a status change reads of a credential's row.
struct Current {
    record_key: String,
    revoked: bool,
    suspended: bool,
    /// The status purposes it carries (`None`: unknown).
    carried: Option<Purposes>,
}

/// The status purposes a credential carries: its `status_purposes` column, else (NULL: a row a
/// process of schema version 2 wrote after the migration, or one the migration could not read)
/// what its allocation and stored credential tell, read again at each change.
fn carried(
    column: Option<&str>,
    status_purpose: Option<&str>,
    status_index: Option<i64>,
    credential: Option<&str>,
) -> Option<Purposes> {
    match column {
        Some(text) => Purposes::from_column(text),
        None => Purposes::of_stored(status_purpose, status_index, credential),
    }
}

/// What a status change does to a credential as it is now: the update to run, if any, and the
/// message telling the outcome; or why it is refused (a purpose the credential does not carry,
/// or a change that makes no sense).
fn decide(
    credential_id: &str,
    change: StatusChange,
    current: &Current,
) -> CliResult<(Option<&'static str>, Message)> {
    StatusRefusal::check(credential_id, &current.record_key, change, current.carried)?;
    let (revoked, suspended) = (current.revoked, current.suspended);
    Ok(match change {
        StatusChange::Revoke if revoked => {
            (None, message!("status_already_revoked", id = credential_id))
        }
        StatusChange::Revoke => (
            Some(sql::SET_REVOKED),
            message!("status_revoked", id = credential_id),
        ),
        StatusChange::Suspend if revoked => {
            return Err(CliError::input(message!(
                "status_suspend_revoked",
                id = credential_id
            )))
        }
        StatusChange::Suspend => (
            Some(sql::SET_SUSPENDED),
            message!("status_suspended", id = credential_id),
        ),
        StatusChange::Reinstate if revoked => {
            return Err(CliError::input(message!(
                "status_reinstate_revoked",
                id = credential_id
            )))
        }
        StatusChange::Reinstate if !suspended => {
            (None, message!("status_not_suspended", id = credential_id))
        }
        StatusChange::Reinstate => (
            Some(sql::CLEAR_SUSPENDED),
            message!("status_reinstated", id = credential_id),
        ),
    })
}

/// The error for a status change on a credential the registry does not hold.
fn no_credential(credential_id: &str) -> CliError {
    CliError::Input {
        message: message!("registry_no_credential", id = credential_id),
        hint: Some(message!("hint_see_registry_list")),
    }
}

/// The error for a row whose credential column is not text.
fn row_not_text(credential_id: &str) -> CliError {
    CliError::Input {
        message: message!("registry_row_no_text", id = credential_id),
        hint: Some(message!("hint_registry_row_corrupt")),
    }
}
