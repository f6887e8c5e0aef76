//! The registry backends the tests run against: SQLite (the home's default file) and PostgreSQL
//! (a fresh database per test in the cluster `LAISSEZ_TEST_POSTGRES_URL` names; started by
//! scripts/with-postgres.sh). Without that URL the PostgreSQL variants are skipped with a note,
//! unless `LAISSEZ_REQUIRE_POSTGRES=1`, which makes them fail. (Each test crate uses its own part
//! of these helpers.)

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Where a test's registry lives.
pub enum Backend {
    /// `<home>/registry.sqlite`, no `--database`.
    Sqlite,
    /// A database of its own, dropped at the end.
    Postgres {
        /// Its URL.
        url: String,
        /// The cluster's URL (to drop the database).
        admin: String,
        /// Its name.
        name: String,
    },
}

impl Backend {
    /// A fresh PostgreSQL database, or `None` (skip) when no cluster is configured and none is
    /// required.
    pub fn postgres() -> Option<Backend> {
        let Ok(admin) = std::env::var("LAISSEZ_TEST_POSTGRES_URL") else {
            assert!(
                std::env::var("LAISSEZ_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "LAISSEZ_REQUIRE_POSTGRES=1 but LAISSEZ_TEST_POSTGRES_URL is not set: run the \
                 tests through scripts/with-postgres.sh"
            );
            eprintln!(
                "skipped: no LAISSEZ_TEST_POSTGRES_URL (run through scripts/with-postgres.sh)"
            );
            return None;
        };
        let name = format!("t_{}_{:08x}", std::process::id(), rand::random::<u32>());
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)
            .expect("connect to LAISSEZ_TEST_POSTGRES_URL");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let (base, _) = admin.rsplit_once('/').expect("URL with a database name");
        Some(Backend::Postgres {
            url: format!("{base}/{name}"),
            admin,
            name,
        })
    }

    /// `laissez` on `home` with this backend (`--database` through `LAISSEZ_DATABASE`), English
    /// messages.
    pub fn laissez(&self, home: &Path) -> Command {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("laissez"));
        c.env("LAISSEZ_HOME", home)
            .env_remove("LAISSEZ_PASSPHRASE")
            .env_remove("LAISSEZ_DATABASE")
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C");
        if let Backend::Postgres { url, .. } = self {
            c.env("LAISSEZ_DATABASE", url);
        }
        c
    }

    /// One integer from `sql` run directly on the registry of `home`.
    pub fn query_i64(&self, home: &Path, sql: &str) -> i64 {
        match self {
            Backend::Sqlite => rusqlite::Connection::open(home.join("registry.sqlite"))
                .unwrap()
                .query_row(sql, [], |r| r.get(0))
                .unwrap(),
            Backend::Postgres { url, .. } => {
                let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
                let row = c
                    .query_one(&format!("SELECT CAST(({sql}) AS BIGINT)"), &[])
                    .unwrap();
                row.get(0)
            }
        }
    }

    /// Runs `sql` directly on the registry of `home`.
    pub fn execute(&self, home: &Path, sql: &str) {
        match self {
            Backend::Sqlite => {
                rusqlite::Connection::open(home.join("registry.sqlite"))
                    .unwrap()
                    .execute_batch(sql)
                    .unwrap();
            }
            Backend::Postgres { url, .. } => {
                postgres::Client::connect(url, postgres::NoTls)
                    .unwrap()
                    .batch_execute(sql)
                    .unwrap();
            }
        }
    }

    /// The first column (text) of each row of `sql` run directly on the registry of `home`.
    pub fn strings(&self, home: &Path, sql: &str) -> Vec<String> {
        match self {
            Backend::Sqlite => {
                let conn = rusqlite::Connection::open(home.join("registry.sqlite")).unwrap();
                let mut stmt = conn.prepare(sql).unwrap();
                let rows = stmt
                    .query_map([], |r| r.get(0))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                rows
            }
            Backend::Postgres { url, .. } => postgres::Client::connect(url, postgres::NoTls)
                .unwrap()
                .query(sql, &[])
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect(),
        }
    }

    /// The names of the registry's tables.
    pub fn tables(&self, home: &Path) -> Vec<String> {
        self.strings(
            home,
            match self {
                Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                Backend::Postgres { .. } => {
                    "SELECT CAST(tablename AS TEXT) FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
                }
            },
        )
    }

    /// (record key, credential) of every row.
    pub fn credentials(&self, home: &Path) -> Vec<(String, String)> {
        let sql = "SELECT record_key, credential FROM credentials ORDER BY record_key";
        match self {
            Backend::Sqlite => {
                let conn = rusqlite::Connection::open(home.join("registry.sqlite")).unwrap();
                let mut stmt = conn.prepare(sql).unwrap();
                let rows = stmt
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                rows
            }
            Backend::Postgres { url, .. } => postgres::Client::connect(url, postgres::NoTls)
                .unwrap()
                .query(sql, &[])
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect(),
        }
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        if let Backend::Postgres { admin, name, .. } = self {
            if let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// Runs each named test function (taking a `&Backend`) on SQLite and on PostgreSQL, as
/// `sqlite::NAME` and `postgres::NAME`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(#[test]
            fn $name() {
                super::$name(&$crate::backends::Backend::Sqlite)
            })*
        }
        mod on_postgres {
            $(#[test]
            fn $name() {
                if let Some(backend) = $crate::backends::Backend::postgres() {
                    super::$name(&backend)
                }
            })*
        }
    };
}
