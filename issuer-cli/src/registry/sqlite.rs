//! The SQLite backend: one file in WAL mode, writers serialised by `BEGIN IMMEDIATE`.

use super::{
    carried, check_schema_version, decide, no_credential, row_not_text, sql, Current, Entry,
    Purposes, StatusChange, StatusRow, BACKFILL_PAGE, MIGRATIONS, PURPOSES_MIGRATION,
};
use crate::error::CliResult;
use credential_core::Message;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

/// Opens (creating) the file.
pub(super) fn open(path: &Path) -> CliResult<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    // WAL and FULL sync: a commit is on disk when it returns, so a reserved index or an
    // acknowledged credential survives a process crash and a power loss. Batches commit in
    // blocks, so the sync costs little per credential.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// Applies pending migrations in one immediate transaction.
pub(super) fn migrate(conn: &mut Connection) -> CliResult<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute(sql::CREATE_MIGRATIONS, [])?;
    let current: i64 = tx.query_row(sql::SCHEMA_VERSION, [], |r| r.get(0))?;
    check_schema_version(current)?;
    for (i, statements) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(statements)?;
        if i + 1 == PURPOSES_MIGRATION {
            fill_purposes(&tx)?;
        }
        tx.execute(
            sql::RECORD_MIGRATION,
            params![i as i64 + 1, crate::clock::now().to_rfc3339()],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Fills `status_purposes` of the rows already in from their stored credentials, a page at a
/// time; a row whose credential does not tell stays NULL (unknown).
fn fill_purposes(tx: &Transaction<'_>) -> CliResult<()> {
    let mut read = tx.prepare(sql::BACKFILL_READ)?;
    let mut write =
        tx.prepare("UPDATE credentials SET status_purposes = $1 WHERE credential_id = $2")?;
    let mut after = String::new();
    loop {
        let page = read
            .query_map(params![after, BACKFILL_PAGE], |r| {
                let credential = match r.get_ref(3)? {
                    ValueRef::Text(t) => std::str::from_utf8(t).ok().map(str::to_owned),
                    _ => None,
                };
                let purpose: Option<String> = r.get(1)?;
                let purposes =
                    Purposes::of_stored(purpose.as_deref(), r.get(2)?, credential.as_deref());
                Ok((r.get::<_, String>(0)?, purposes))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let Some((last, _)) = page.last() else {
            return Ok(());
        };
        after = last.clone();
        for (id, purposes) in &page {
            if let Some(p) = purposes {
                write.execute(params![p.column(), id])?;
            }
        }
    }
}

/// Runs the reservation (one statement, its own transaction); returns the new `next_index`.
pub(super) fn reserve(conn: &mut Connection, purpose: &str, count: i64) -> CliResult<i64> {
    Ok(conn.query_row(sql::RESERVE, params![purpose, count], |r| r.get(0))?)
}

/// The one text column of the row matching `key`, if any.
pub(super) fn one_text(conn: &Connection, query: &str, key: &str) -> CliResult<Option<String>> {
    Ok(conn
        .prepare_cached(query)?
        .query_row(params![key], |r| r.get(0))
        .optional()?)
}

/// Inserts `rows` in one immediate transaction; returns which were inserted (all, or an error,
/// unless `skip_issued`, which passes over rows whose record key is already in).
pub(super) fn insert(
    conn: &mut Connection,
    rows: &[(Entry, String)],
    skip_issued: bool,
) -> CliResult<Vec<bool>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut inserted = Vec::with_capacity(rows.len());
    {
        let mut stmt = tx.prepare_cached(&format!(
            "INSERT INTO credentials ({}, credential) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11){}",
            sql::COLUMNS,
            if skip_issued { sql::SKIP_ISSUED } else { "" }
        ))?;
        for (e, json) in rows {
            let changed = stmt.execute(params![
                e.credential_id,
                e.record_key,
                e.profile,
                e.suite,
                e.key_name,
                e.issued_at,
                e.status_purpose,
                e.status_index,
                e.digest,
                e.status_purposes.map(Purposes::column),
                json
            ])?;
            inserted.push(changed == 1);
        }
    }
    tx.commit()?;
    Ok(inserted)
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
        status_purposes: r
            .get::<_, Option<String>>(9)?
            .as_deref()
            .and_then(Purposes::from_column),
    })
}

/// The credential column, when it holds UTF-8 text.
fn credential_text(r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<String>> {
    Ok(match r.get_ref(10)? {
        ValueRef::Text(t) => std::str::from_utf8(t).ok().map(str::to_owned),
        _ => None,
    })
}

pub(super) fn list(conn: &Connection) -> CliResult<Vec<Entry>> {
    let mut stmt = conn.prepare(&sql::list(false))?;
    let rows = stmt.query_map([], entry)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub(super) fn list_with_credentials(conn: &Connection) -> CliResult<Vec<(Entry, String)>> {
    let mut stmt = conn.prepare(&sql::list(true))?;
    let rows = stmt
        .query_map([], |r| Ok((entry(r)?, credential_text(r)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(entry, text)| match text {
            Some(json) => Ok((entry, json)),
            None => Err(row_not_text(&entry.credential_id)),
        })
        .collect()
}

pub(super) fn get(conn: &Connection, credential_id: &str) -> CliResult<Option<(Entry, String)>> {
    Ok(conn
        .query_row(&sql::get(), params![credential_id], |r| {
            Ok((entry(r)?, r.get(10)?))
        })
        .optional()?)
}

pub(super) fn change_status(
    conn: &mut Connection,
    credential_id: &str,
    change: StatusChange,
) -> CliResult<Message> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = tx
        .query_row(sql::STATUS_OF, params![credential_id], |r| {
            let column: Option<String> = r.get(3)?;
            let purpose: Option<String> = r.get(4)?;
            let credential = match r.get_ref(6)? {
                ValueRef::Text(t) => std::str::from_utf8(t).ok(),
                _ => None,
            };
            Ok(Current {
                revoked: r.get::<_, i64>(0)? != 0,
                suspended: r.get::<_, i64>(1)? != 0,
                record_key: r.get(2)?,
                carried: carried(column.as_deref(), purpose.as_deref(), r.get(5)?, credential),
            })
        })
        .optional()?
        .ok_or_else(|| no_credential(credential_id))?;
    let (update, message) = decide(credential_id, change, &current)?;
    if let Some(update) = update {
        tx.execute(update, params![credential_id])?;
    }
    tx.commit()?;
    Ok(message)
}

pub(super) fn status_rows(conn: &Connection) -> CliResult<Vec<StatusRow>> {
    let mut stmt = conn.prepare(sql::STATUS_ROWS)?;
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

pub(super) fn credentials_for_records(
    conn: &Connection,
    record_keys: &[String],
) -> CliResult<HashMap<String, String>> {
    let mut found = HashMap::new();
    for key in record_keys {
        if let Some(json) = one_text(conn, sql::CREDENTIAL_FOR_RECORD, key)? {
            found.insert(key.clone(), json);
        }
    }
    Ok(found)
}
