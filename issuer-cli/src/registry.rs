//! The issuance registry (SQLite, WAL). The SQL is kept portable (no SQLite-only syntax in the
//! issuance path) so that the same statements can later run on PostgreSQL.
//!
//! Crash safety: a status-list index is reserved in its own committed transaction before the
//! credential that uses it is signed, so an index is never handed out twice even if the process
//! dies; a credential row is committed before its output file is written, so a re-run can write
//! any missing file from the registry. The registry never stores secret keys.

use crate::error::{CliError, CliResult};
use credential_core::{message, Message};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use std::path::Path;
use std::time::Duration;

/// Schema migrations, applied in order; each runs once (recorded in `schema_migrations`).
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
];

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
    /// Status purpose (`revocation`).
    pub status_purpose: Option<String>,
    /// Global status index.
    pub status_index: Option<i64>,
    /// SHA-256 (hex) of the credential JSON as written.
    pub digest: String,
}

/// The registry connection.
pub struct Registry {
    conn: Connection,
}

impl Registry {
    /// Opens (creating if needed) the registry and applies pending migrations.
    pub fn open(path: &Path) -> CliResult<Registry> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // WAL and NORMAL sync: durable against process crashes (SIGKILL), consistent on power
        // loss (the last commits may be lost, never half-written).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut reg = Registry { conn };
        reg.migrate()?;
        Ok(reg)
    }

    fn migrate(&mut self) -> CliResult<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
            [],
        )?;
        let current: i64 = tx.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            [],
            |r| r.get(0),
        )?;
        if current > MIGRATIONS.len() as i64 {
            return Err(CliError::input(message!(
                "registry_schema_newer",
                found = current,
                supported = MIGRATIONS.len()
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                params![i as i64 + 1, crate::clock::now().to_rfc3339()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Reserves `count` consecutive status indexes for `purpose` and commits the reservation.
    /// Returns the first index. A reserved index is never handed out again.
    pub fn reserve_indexes(&mut self, purpose: &str, count: i64) -> CliResult<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let next: Option<i64> = tx
            .query_row(
                "SELECT next_index FROM status_allocation WHERE purpose = ?1",
                params![purpose],
                |r| r.get(0),
            )
            .optional()?;
        let first = match next {
            Some(n) => {
                tx.execute(
                    "UPDATE status_allocation SET next_index = ?1 WHERE purpose = ?2",
                    params![n + count, purpose],
                )?;
                n
            }
            None => {
                tx.execute(
                    "INSERT INTO status_allocation (purpose, next_index) VALUES (?1, ?2)",
                    params![purpose, count],
                )?;
                0
            }
        };
        tx.commit()?;
        Ok(first)
    }

    /// Whether a credential for `record_key` exists; returns its id.
    pub fn find_record(&self, record_key: &str) -> CliResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT credential_id FROM credentials WHERE record_key = ?1",
                params![record_key],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Records issued credentials in one transaction.
    pub fn insert(&mut self, rows: &[(Entry, String)]) -> CliResult<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO credentials (credential_id, record_key, profile, suite, key_name, issued_at, status_purpose, status_index, digest, credential)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for (e, json) in rows {
                stmt.execute(params![
                    e.credential_id,
                    e.record_key,
                    e.profile,
                    e.suite,
                    e.key_name,
                    e.issued_at,
                    e.status_purpose,
                    e.status_index,
                    e.digest,
                    json
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<Entry> {
        Ok(Entry {
            credential_id: r.get(0)?,
            record_key: r.get(1)?,
            profile: r.get(2)?,
            suite: r.get(3)?,
            key_name: r.get(4)?,
            issued_at: r.get(5)?,
            status_purpose: r.get(6)?,
            status_index: r.get(7)?,
            digest: r.get(8)?,
        })
    }

    const COLUMNS: &'static str = "credential_id, record_key, profile, suite, key_name, issued_at, status_purpose, status_index, digest";

    /// Every entry, oldest first.
    pub fn list(&self) -> CliResult<Vec<Entry>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM credentials ORDER BY issued_at, credential_id",
            Self::COLUMNS
        ))?;
        let rows = stmt
            .query_map([], Self::entry)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Every entry with its credential JSON, oldest first. A row whose credential is not text is
    /// an error naming the credential.
    pub fn list_with_credentials(&self) -> CliResult<Vec<(Entry, String)>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {}, credential FROM credentials ORDER BY issued_at, credential_id",
            Self::COLUMNS
        ))?;
        let rows = stmt
            .query_map([], |r| {
                let text = match r.get_ref(9)? {
                    ValueRef::Text(t) => std::str::from_utf8(t).ok().map(str::to_owned),
                    _ => None,
                };
                Ok((Self::entry(r)?, text))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(entry, text)| match text {
                Some(json) => Ok((entry, json)),
                None => Err(CliError::Input {
                    message: message!("registry_row_no_text", id = &entry.credential_id),
                    hint: Some(message!("hint_registry_row_corrupt")),
                }),
            })
            .collect()
    }

    /// One entry and its credential JSON.
    pub fn get(&self, credential_id: &str) -> CliResult<Option<(Entry, String)>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {}, credential FROM credentials WHERE credential_id = ?1",
                    Self::COLUMNS
                ),
                params![credential_id],
                |r| Ok((Self::entry(r)?, r.get(9)?)),
            )
            .optional()?)
    }

    /// Applies a status change; returns the message telling what happened, or an error when it
    /// makes no sense (unknown credential, reinstating a revoked one).
    pub fn change_status(
        &mut self,
        credential_id: &str,
        change: StatusChange,
    ) -> CliResult<Message> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row: Option<(i64, i64)> = tx
            .query_row(
                "SELECT revoked, suspended FROM credentials WHERE credential_id = ?1",
                params![credential_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((revoked, suspended)) = row else {
            return Err(CliError::Input {
                message: message!("registry_no_credential", id = credential_id),
                hint: Some(message!("hint_see_registry_list")),
            });
        };
        let message = match change {
            StatusChange::Revoke if revoked == 1 => {
                message!("status_already_revoked", id = credential_id)
            }
            StatusChange::Revoke => {
                tx.execute(
                    "UPDATE credentials SET revoked = 1 WHERE credential_id = ?1",
                    params![credential_id],
                )?;
                message!("status_revoked", id = credential_id)
            }
            StatusChange::Suspend if revoked == 1 => {
                return Err(CliError::input(message!(
                    "status_suspend_revoked",
                    id = credential_id
                )))
            }
            StatusChange::Suspend => {
                tx.execute(
                    "UPDATE credentials SET suspended = 1 WHERE credential_id = ?1",
                    params![credential_id],
                )?;
                message!("status_suspended", id = credential_id)
            }
            StatusChange::Reinstate if revoked == 1 => {
                return Err(CliError::input(message!(
                    "status_reinstate_revoked",
                    id = credential_id
                )))
            }
            StatusChange::Reinstate if suspended == 0 => {
                message!("status_not_suspended", id = credential_id)
            }
            StatusChange::Reinstate => {
                tx.execute(
                    "UPDATE credentials SET suspended = 0 WHERE credential_id = ?1",
                    params![credential_id],
                )?;
                message!("status_reinstated", id = credential_id)
            }
        };
        tx.commit()?;
        Ok(message)
    }

    /// For status publication: every credential that has a status index.
    pub fn status_rows(&self) -> CliResult<Vec<StatusRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT key_name, status_purpose, status_index, revoked, suspended FROM credentials WHERE status_index IS NOT NULL ORDER BY key_name, status_index",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StatusRow {
                    key_name: r.get(0)?,
                    purpose: r.get(1)?,
                    index: r.get(2)?,
                    revoked: r.get::<_, i64>(3)? != 0,
                    suspended: r.get::<_, i64>(4)? != 0,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The credential JSON for a record key.
    pub fn credential_for_record(&self, record_key: &str) -> CliResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT credential FROM credentials WHERE record_key = ?1",
                params![record_key],
                |r| r.get(0),
            )
            .optional()?)
    }
}
