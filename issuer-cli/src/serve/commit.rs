//! Fewer database round trips per issuance, the same guarantees.
//!
//! - **Group commit**: one thread per front-end owns a registry connection and records the
//!   credentials of all the requests waiting at that moment in one transaction
//!   (`Registry::insert_new`), so concurrent requests share one durable commit. A request is
//!   answered only after its row is committed; it waits for that without holding a thread (the
//!   outcome comes back on a oneshot channel). Should the group fail as a whole (a credential id
//!   another front-end recorded meanwhile), its rows are retried one by one, so one bad row does
//!   not fail the others.
//! - **Index blocks**: a front-end reserves status indexes in the database in blocks
//!   (`status_index_block` in serve.toml, default 64; each block in its own committed
//!   transaction) and hands them out one per credential. The next block is reserved ahead, when
//!   half of the current one is handed out, so requests seldom wait for a reservation. A
//!   front-end that dies leaves the rest of its blocks unused: a gap in the status list, never an
//!   index used twice.

use super::Pool;
use crate::error::{CliError, CliResult};
use crate::registry::{Database, Entry, Registry};
use credential_core::message;
use std::collections::{HashSet, VecDeque};
use std::ops::Range;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Mutex;
use tokio::sync::oneshot;

/// Most rows recorded in one transaction.
const MAX_GROUP: usize = 256;

/// One row waiting to be recorded, and where its outcome goes.
struct Job {
    row: (Entry, String),
    reply: oneshot::Sender<CliResult<bool>>,
}

/// The group-commit thread's mailbox.
pub struct GroupCommit {
    jobs: Sender<Job>,
}

impl GroupCommit {
    /// Starts the thread that records rows in `database`.
    pub fn start(database: Database) -> CliResult<GroupCommit> {
        let (jobs, inbox) = mpsc::channel();
        std::thread::Builder::new()
            .name("group-commit".into())
            .spawn(move || run(database, inbox))
            .map_err(|e| CliError::input(message!("serve_start_failed", detail = e.to_string())))?;
        Ok(GroupCommit { jobs })
    }

    /// Records `row` once committed: `true`, or `false` when its record key was already
    /// recorded (by any front-end).
    pub async fn insert(&self, row: (Entry, String)) -> CliResult<bool> {
        let (reply, outcome) = oneshot::channel();
        let gone = || CliError::input(message!("serve_internal_error"));
        self.jobs.send(Job { row, reply }).map_err(|_| gone())?;
        outcome.await.map_err(|_| gone())?
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
        let (rows, replies): (Vec<_>, Vec<_>) = group.into_iter().map(|j| (j.row, j.reply)).unzip();
        let outcomes = record(&database, &mut registry, &rows);
        for (reply, outcome) in replies.into_iter().zip(outcomes) {
            let _ = reply.send(outcome);
        }
    }
}

/// Records `group` in one transaction, or row by row if that fails; one outcome per row.
fn record(
    database: &Database,
    registry: &mut Option<Registry>,
    rows: &[(Entry, String)],
) -> Vec<CliResult<bool>> {
    let r = match registry {
        Some(r) => r,
        None => match Registry::connect(database) {
            Ok(r) => registry.insert(r),
            Err(e) => {
                let text = e.to_string();
                return rows
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
    if let Ok(flags) = r.insert_new(rows) {
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
    blocks: Mutex<Blocks>,
}

/// The reserved indexes not handed out yet.
struct Blocks {
    /// Being handed out.
    current: Range<i64>,
    /// Reserved ahead, for when `current` runs out.
    next: Option<Range<i64>>,
    /// Whether a reservation ahead is under way.
    topping_up: bool,
}

impl IndexBlocks {
    /// Indexes for `purpose`, reserved `block` at a time.
    pub fn new(purpose: &'static str, block: i64) -> IndexBlocks {
        IndexBlocks {
            purpose,
            block,
            blocks: Mutex::new(Blocks {
                current: 0..0,
                next: None,
                topping_up: false,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Blocks> {
        self.blocks.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A status index no one else has or will have, from the blocks at hand (never waits);
    /// `None` when they are used up.
    pub fn take(&self) -> Option<i64> {
        let mut b = self.lock();
        if b.current.is_empty() {
            b.current = b.next.take()?;
        }
        b.current.next()
    }

    /// A status index, reserving a block first if none is at hand (blocking). Callers waiting
    /// here meanwhile take from that block.
    pub fn take_reserving(&self, pool: &Pool) -> CliResult<i64> {
        let mut b = self.lock();
        if b.current.is_empty() {
            b.current = match b.next.take() {
                Some(next) => next,
                None => self.reserve(pool)?,
            };
        }
        b.current
            .next()
            .ok_or_else(|| CliError::input(message!("serve_internal_error")))
    }

    /// Whether the caller should reserve the next block now (then it must call
    /// [`IndexBlocks::top_up`]): half of the current block is handed out, none is reserved
    /// ahead and no one is reserving.
    pub fn claim_top_up(&self) -> bool {
        let mut b = self.lock();
        let due =
            !b.topping_up && b.next.is_none() && b.current.end - b.current.start <= self.block / 2;
        b.topping_up |= due;
        due
    }

    /// Reserves the next block (blocking). On failure nothing is reserved ahead, and the
    /// request that finds the indexes used up reserves (and reports the error).
    pub fn top_up(&self, pool: &Pool) {
        let reserved = self.reserve(pool);
        let mut b = self.lock();
        b.topping_up = false;
        if let Ok(block) = reserved {
            if b.current.is_empty() {
                b.current = block;
            } else if b.next.is_none() {
                b.next = Some(block);
            }
        }
    }

    /// A new block from the database.
    fn reserve(&self, pool: &Pool) -> CliResult<Range<i64>> {
        let first = pool.with(|r| r.reserve_indexes(self.purpose, self.block))?;
        Ok(first..first + self.block)
    }
}
