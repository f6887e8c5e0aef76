//! The PostgreSQL backend (the synchronous `postgres` client, without TLS: a local socket or a
//! private network; see specs/decisions). Several processes may share one database: migrations
//! run under an advisory lock, index reservations are one atomic statement, a status change
//! locks its row, and the unique record key refuses a second credential for a record.
//!
//! The hot statements (index reservation, credential inserts, look-ups by key) go out with their
//! parameter types (`query_typed`): parse, bind, execute and sync in one message, so one round
//! trip each instead of three (prepare, execute, close). A single statement outside `BEGIN` is
//! its own transaction, committed before PostgreSQL answers `ReadyForQuery`, which the client
//! waits for: an insert that returned is durable.

use super::{
    carried, check_schema_version, decide, no_credential, sql, Current, Entry, Purposes,
    StatusChange, StatusRow, BACKFILL_PAGE, MIGRATIONS, PURPOSES_MIGRATION,
};
use crate::error::{CliError, CliResult};
use ::postgres::types::Type;
use ::postgres::{Client, Config, NoTls, Transaction};
use credential_core::{message, Message};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

/// Advisory lock key held while migrating ("laissez" in ASCII).
const MIGRATION_LOCK: i64 = 0x006c_6169_7373_657a;

/// Connects to `url` (a `postgres://` URL or a `key=value` string).
pub(super) fn open(url: &str) -> CliResult<Client> {
    let mut config = Config::from_str(url)
        .map_err(|e| CliError::input(message!("database_bad_url", detail = e.to_string())))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    if config.get_application_name().is_none() {
        config.application_name("laissez");
    }
    Ok(config.connect(NoTls)?)
}

/// Applies pending migrations in one transaction, under an advisory lock so that processes
/// starting together migrate once.
pub(super) fn migrate(client: &mut Client) -> CliResult<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(sql::CREATE_MIGRATIONS)?;
    let current: i64 = tx.query_one(sql::SCHEMA_VERSION, &[])?.get(0);
    check_schema_version(current)?;
    for (i, statements) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.batch_execute(statements)?;
        if i + 1 == PURPOSES_MIGRATION {
            fill_purposes(&mut tx)?;
        }
        let version = i as i32 + 1;
        tx.execute(
            sql::RECORD_MIGRATION,
            &[&version, &crate::clock::now().to_rfc3339()],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Fills `status_purposes` of the rows already in from their stored credentials, a page at a
/// time (one read and one `UPDATE … FROM UNNEST` per page); a row whose credential does not tell
/// stays NULL (unknown).
fn fill_purposes(tx: &mut Transaction<'_>) -> CliResult<()> {
    let mut after = String::new();
    loop {
        let page = tx.query(sql::BACKFILL_READ, &[&after, &BACKFILL_PAGE])?;
        let Some(last) = page.last() else {
            return Ok(());
        };
        after = last.get(0);
        let (mut ids, mut columns) = (Vec::new(), Vec::new());
        for r in &page {
            let purposes = Purposes::of_stored(r.get(1), r.get(2), r.get(3));
            if let Some(p) = purposes {
                ids.push(r.get::<_, &str>(0));
                columns.push(p.column());
            }
        }
        tx.execute(
            "UPDATE credentials SET status_purposes = v.purposes
             FROM UNNEST($1::text[], $2::text[]) AS v(id, purposes)
             WHERE credentials.credential_id = v.id",
            &[&ids, &columns],
        )?;
    }
}

/// Runs the reservation (one statement, its own transaction); returns the new `next_index`.
pub(super) fn reserve(client: &mut Client, purpose: &str, count: i64) -> CliResult<i64> {
    let row = client.query_typed_one(
        sql::RESERVE,
        &[(&purpose, Type::TEXT), (&count, Type::INT8)],
    )?;
    Ok(row.get(0))
}

/// The client as the registry holds it: queries need `&mut Client`, and the registry's reads
/// take `&self`, so reads borrow it for the length of one query (the registry is not `Sync`,
/// and no borrow outlives a call, so a borrow never meets another).
pub(super) type Shared = RefCell<Client>;

/// The one text column of the row matching `key`, if any.
pub(super) fn one_text(client: &Shared, query: &str, key: &str) -> CliResult<Option<String>> {
    let rows = client
        .borrow_mut()
        .query_typed(query, &[(&key, Type::TEXT)])?;
    Ok(rows.first().map(|r| r.get(0)))
}

/// Inserts `rows` in one statement (arrays unnested into rows), which is its own transaction;
/// returns which were inserted (all, or an error, unless `skip_issued`, which passes over rows
/// whose record key is already in).
pub(super) fn insert(
    client: &mut Client,
    rows: &[(Entry, String)],
    skip_issued: bool,
) -> CliResult<Vec<bool>> {
    let col = |f: fn(&Entry) -> &str| rows.iter().map(|(e, _)| f(e)).collect::<Vec<_>>();
    let ids = col(|e| &e.credential_id);
    let keys = col(|e| &e.record_key);
    let profiles = col(|e| &e.profile);
    let suites = col(|e| &e.suite);
    let key_names = col(|e| &e.key_name);
    let issued = col(|e| &e.issued_at);
    let digests = col(|e| &e.digest);
    let purposes: Vec<Option<&str>> = rows
        .iter()
        .map(|(e, _)| e.status_purpose.as_deref())
        .collect();
    let indexes: Vec<Option<i64>> = rows.iter().map(|(e, _)| e.status_index).collect();
    let carried: Vec<Option<&str>> = rows
        .iter()
        .map(|(e, _)| e.status_purposes.map(Purposes::column))
        .collect();
    let credentials: Vec<&str> = rows.iter().map(|(_, j)| j.as_str()).collect();
    let text = Type::TEXT_ARRAY;
    let returned = client.query_typed(
        &format!(
            "INSERT INTO credentials ({}, credential)
             SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                                  $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[],
                                  $11::text[]){}
             RETURNING record_key",
            sql::COLUMNS,
            if skip_issued { sql::SKIP_ISSUED } else { "" }
        ),
        &[
            (&ids, text.clone()),
            (&keys, text.clone()),
            (&profiles, text.clone()),
            (&suites, text.clone()),
            (&key_names, text.clone()),
            (&issued, text.clone()),
            (&purposes, text.clone()),
            (&indexes, Type::INT8_ARRAY),
            (&digests, text.clone()),
            (&carried, text.clone()),
            (&credentials, text),
        ],
    )?;
    let inserted: HashSet<&str> = returned.iter().map(|r| r.get(0)).collect();
    Ok(keys.iter().map(|k| inserted.contains(k)).collect())
}

fn entry(r: &::postgres::Row) -> Entry {
    Entry {
        credential_id: r.get(0),
        record_key: r.get(1),
        profile: r.get(2),
        suite: r.get(3),
        key_name: r.get(4),
        issued_at: r.get(5),
        status_purpose: r.get(6),
        status_index: r.get(7),
        digest: r.get(8),
        status_purposes: r.get::<_, Option<&str>>(9).and_then(Purposes::from_column),
    }
}

pub(super) fn list(client: &Shared) -> CliResult<Vec<Entry>> {
    let rows = client.borrow_mut().query(&sql::list(false), &[])?;
    Ok(rows.iter().map(entry).collect())
}

pub(super) fn list_with_credentials(client: &Shared) -> CliResult<Vec<(Entry, String)>> {
    let rows = client.borrow_mut().query(&sql::list(true), &[])?;
    Ok(rows.iter().map(|r| (entry(r), r.get(10))).collect())
}

pub(super) fn get(client: &Shared, credential_id: &str) -> CliResult<Option<(Entry, String)>> {
    let rows = client
        .borrow_mut()
        .query_typed(&sql::get(), &[(&credential_id, Type::TEXT)])?;
    Ok(rows.first().map(|r| (entry(r), r.get(10))))
}

pub(super) fn change_status(
    client: &mut Client,
    credential_id: &str,
    change: StatusChange,
) -> CliResult<Message> {
    let mut tx = client.transaction()?;
    let rows = tx.query(&format!("{} FOR UPDATE", sql::STATUS_OF), &[&credential_id])?;
    let row = rows.first().ok_or_else(|| no_credential(credential_id))?;
    let current = Current {
        revoked: row.get::<_, i16>(0) != 0,
        suspended: row.get::<_, i16>(1) != 0,
        record_key: row.get(2),
        carried: carried(row.get(3), row.get(4), row.get(5), row.get(6)),
    };
    let (update, message) = decide(credential_id, change, &current)?;
    if let Some(update) = update {
        tx.execute(update, &[&credential_id])?;
    }
    tx.commit()?;
    Ok(message)
}

pub(super) fn status_rows(client: &Shared) -> CliResult<Vec<StatusRow>> {
    let rows = client.borrow_mut().query(sql::STATUS_ROWS, &[])?;
    Ok(rows
        .iter()
        .map(|r| StatusRow {
            key_name: r.get(0),
            purpose: r.get(1),
            index: r.get(2),
            revoked: r.get::<_, i16>(3) != 0,
            suspended: r.get::<_, i16>(4) != 0,
        })
        .collect())
}

pub(super) fn credentials_for_records(
    client: &Shared,
    record_keys: &[String],
) -> CliResult<HashMap<String, String>> {
    let rows = client.borrow_mut().query(
        "SELECT record_key, credential FROM credentials WHERE record_key = ANY($1)",
        &[&record_keys],
    )?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}
