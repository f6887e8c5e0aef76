//! Fewer database round trips per issuance, the same guarantees.
//!
//! - **Group commit**: one thread per front-end owns a registry connection and records the
//!   credentials of all the requests waiting at that moment in one transaction
//!   (`Registry::insert_new`), so concurrent requests share one durable commit. A request is
//!   answered only after its row is committed. Should the group fail as a whole (a credential id
//!   another front-end recorded meanwhile), its rows are retried one by one, so one bad row does
//!   not fail the others.
//! - **Index blocks**: a front-end reserves status indexes in the database in blocks
//!   (`status_index_block` in serve.toml, default 64; each block in its own committed
//!   transaction) and hands them out one per credential. A front-end that dies leaves the rest of
//!   its block unused: a gap in the status list, never an index used twice.

use super::Pool;
use crate::error::{CliError, CliResult};
use crate::registry::{Database, Entry, Registry};
use credential_core::message;
use std::collections::{HashSet, VecDeque};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::Mutex;

/// Most rows recorded in one transaction.
const MAX_GROUP: usize = 256;

/// One row waiting to be recorded, and where its outcome goes.
struct Job {
    row: (Entry, String),
    reply: SyncSender<CliResult<bool>>,
}

/// The group-commit thread's mailbox.
pub struct GroupCommit {
    jobs: Mutex<Sender<Job>>,
}

impl GroupCommit {
    /// Starts the thread that records rows in `database`.
    pub fn start(database: Database) -> CliResult<GroupCommit> {
        let (jobs, inbox) = mpsc::channel();
        std::thread::Builder::new()
            .name("group-commit".into())
            .spawn(move || run(database, inbox))
            .map_err(|e| CliError::input(message!("serve_start_failed", detail = e.to_string())))?;
        Ok(GroupCommit {
            jobs: Mutex::new(jobs),
        })
    }

    /// Records `row` (blocking until committed): `true`, or `false` when its record key was
    /// already recorded (by any front-end).
    pub fn insert(&self, row: (Entry, String)) -> CliResult<bool> {
        let (reply, outcome) = mpsc::sync_channel(1);
        let gone = || CliError::input(message!("serve_internal_error"));
        self.jobs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .send(Job { row, reply })
            .map_err(|_| gone())?;
        outcome.recv().map_err(|_| gone())?
    }
}

/// The group-commit loop: waits for a row, takes every other row waiting (one per record key:
/// a second row for a key waits for the next group), records them in one transaction, answers
/// each. Reconnects after a failure.
fn run(database: Database, inbox: Receiver<Job>) {
    let mut registry: Option<Registry> = None;
    let mut carried: VecDeque<Job> = VecDeque::new();
    loop {
        let first = match carried.pop_front() {
            Some(job) => job,
            None => match inbox.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
        };
        let mut keys = HashSet::from([first.row.0.record_key.clone()]);
        let mut group = vec![first];
        let mut later = VecDeque::new();
        while group.len() < MAX_GROUP {
            let job = match carried.pop_front() {
                Some(job) => job,
                None => match inbox.try_recv() {
                    Ok(job) => job,
                    Err(_) => break,
                },
            };
            if keys.insert(job.row.0.record_key.clone()) {
                group.push(job);
            } else {
                later.push_back(job);
            }
        }
        later.extend(carried.drain(..));
        carried = later;
        let outcomes = record(&database, &mut registry, &group);
        for (job, outcome) in group.into_iter().zip(outcomes) {
            let _ = job.reply.send(outcome);
        }
    }
}

/// Records `group` in one transaction, or row by row if that fails; one outcome per row.
fn record(
    database: &Database,
    registry: &mut Option<Registry>,
    group: &[Job],
) -> Vec<CliResult<bool>> {
    let r = match registry {
        Some(r) => r,
        None => match Registry::connect(database) {
            Ok(r) => registry.insert(r),
            Err(e) => {
                let text = e.to_string();
                return group
                    .iter()
                    .map(|_| {
                        Err(CliError::input(message!(
                            "serve_start_failed",
                            detail = &text
                        )))
                    })
                    .collect();
            }
        },
    };
    let rows: Vec<(Entry, String)> = group.iter().map(|j| j.row.clone()).collect();
    if let Ok(flags) = r.insert_new(&rows) {
        return flags.into_iter().map(Ok).collect();
    }
    let outcomes: Vec<CliResult<bool>> = rows
        .iter()
        .map(|row| {
            r.insert_new(std::slice::from_ref(row))
                .map(|flags| flags.first().copied().unwrap_or(false))
        })
        .collect();
    if outcomes.iter().any(Result::is_err) {
        // Perhaps the connection broke: a new one for the next group.
        *registry = None;
    }
    outcomes
}

/// Status indexes of one purpose, handed out from blocks reserved in the database.
pub struct IndexBlocks {
    purpose: &'static str,
    block: i64,
    /// Next index to hand out, end of the block (exclusive).
    current: Mutex<(i64, i64)>,
}

impl IndexBlocks {
    /// Indexes for `purpose`, reserved `block` at a time.
    pub fn new(purpose: &'static str, block: i64) -> IndexBlocks {
        IndexBlocks {
            purpose,
            block,
            current: Mutex::new((0, 0)),
        }
    }

    /// A status index no one else has or will have (blocking).
    pub fn next(&self, pool: &Pool) -> CliResult<i64> {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if current.0 == current.1 {
            let first = pool.with(|r| r.reserve_indexes(self.purpose, self.block))?;
            *current = (first, first + self.block);
        }
        let index = current.0;
        current.0 += 1;
        Ok(index)
    }
}
