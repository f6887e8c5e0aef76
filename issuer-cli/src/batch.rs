//! `laissez issue-batch`: idempotent, resumable, parallel batch issuance.

use crate::error::{io, CliError, CliResult};
use crate::fsutil::{sync_files_under, write_replace, LinesFile};
use crate::i18n;
use crate::issuing::{record_from_json, record_key, Issuer, Layout, Record};
use crate::registry::{Entry, Registry};
use credential_core::codec::hex;
use credential_core::{message, Message};
use std::borrow::Cow;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Largest batch input file.
const MAX_BATCH_BYTES: u64 = 512 * 1024 * 1024;
/// Records per round: indexes reserved in one committed transaction (a crash loses at most this
/// many, never reuses them), then the credentials recorded in one transaction.
const CHUNK: usize = 1024;
/// Record keys looked up in the registry per query.
const LOOKUP: usize = 10_000;

/// One input row: its 1-based row number and the parsed record or why it is bad.
pub struct Row {
    /// Row number (data rows, 1-based; the CSV header is row 0).
    pub number: usize,
    /// The record, or the reason the row is unusable.
    pub record: Result<Record, Message>,
}

/// Reads `input` (`.csv` with a header including `record_id`, or `.jsonl` / `.ndjson`).
pub fn read_rows(input: &Path) -> CliResult<Vec<Row>> {
    let meta = std::fs::metadata(input).map_err(|e| CliError::io(io::read, input, e))?;
    if meta.len() > MAX_BATCH_BYTES {
        return Err(CliError::input(message!(
            "batch_too_large",
            path = input.display().to_string(),
            max = MAX_BATCH_BYTES
        )));
    }
    let ext = input
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" => read_csv(input),
        "jsonl" | "ndjson" => read_jsonl(input),
        _ => Err(CliError::input(message!(
            "batch_bad_extension",
            path = input.display().to_string()
        ))),
    }
}

fn read_csv(input: &Path) -> CliResult<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(input)
        .map_err(|e| {
            CliError::input(message!(
                "io_read",
                path = input.display().to_string(),
                error = e.to_string()
            ))
        })?;
    let headers = reader
        .headers()
        .map_err(|e| {
            CliError::input(message!(
                "batch_bad_csv_header",
                path = input.display().to_string(),
                detail = e.to_string()
            ))
        })?
        .clone();
    let id_col = headers
        .iter()
        .position(|h| h == "record_id" || h == "recordId")
        .ok_or_else(|| {
            CliError::input(message!(
                "batch_no_record_id_column",
                path = input.display().to_string()
            ))
        })?;
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let number = i + 1;
        let record = match rec {
            Err(e) => Err(message!("batch_malformed_csv_row", detail = e.to_string())),
            Ok(rec) => {
                let mut subject = serde_json::Map::new();
                let mut record_id = None;
                for (col, (h, v)) in headers.iter().zip(rec.iter()).enumerate() {
                    if col == id_col {
                        record_id = Some(v.trim().to_owned());
                    } else if !v.is_empty() {
                        subject.insert(h.to_owned(), serde_json::Value::String(v.to_owned()));
                    }
                }
                match record_id {
                    Some(id) if !id.is_empty() => {
                        let mut obj = subject;
                        obj.insert("recordId".into(), serde_json::Value::String(id));
                        record_from_json(serde_json::Value::Object(obj), None)
                    }
                    _ => Err(message!("batch_empty_record_id")),
                }
            }
        };
        rows.push(Row { number, record });
    }
    Ok(rows)
}

fn read_jsonl(input: &Path) -> CliResult<Vec<Row>> {
    let file = std::fs::File::open(input).map_err(|e| CliError::io(io::read, input, e))?;
    let mut rows = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| CliError::io(io::read, input, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let record = credential_core::json::parse_bounded(line.as_bytes(), Default::default())
            .map_err(|e| e.message())
            .and_then(|v| record_from_json(v, None));
        rows.push(Row {
            number: i + 1,
            record,
        });
    }
    Ok(rows)
}

/// Output file for a record: its id when that is a safe file name, else a digest-suffixed one;
/// `extension` says what the file holds (`json`, `jwt`, `sd-jwt`).
pub fn output_path(out: &Path, record_id: &str, extension: &str) -> PathBuf {
    let safe: String = record_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = if safe == record_id && !safe.starts_with('.') {
        safe
    } else {
        let h = sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(
            record_id.as_bytes(),
        ));
        format!("{safe}-{}", hex(&h[..4]))
    };
    out.join(format!("{name}.{extension}"))
}

/// Totals reported at the end.
#[derive(Default, Debug)]
pub struct Summary {
    /// Newly issued.
    pub issued: usize,
    /// Already in the registry (file rewritten if it was missing).
    pub skipped: usize,
    /// Failed rows: (row number, reason).
    pub failed: Vec<(usize, String)>,
}

/// Progress: a bar on a terminal, plain periodic lines otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    done: usize,
    started: Instant,
    last_line: Instant,
}

impl Progress {
    fn new(total: usize) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let b = indicatif::ProgressBar::new(total as u64);
            b.set_style(
                indicatif::ProgressStyle::with_template(&format!(
                    "{{bar:40}} {{pos}}/{{len}} {}  {{per_sec}}  {} {{eta}}",
                    i18n::text(&message!("batch_progress_bar_unit")),
                    i18n::text(&message!("batch_progress_bar_eta"))
                ))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            b
        });
        Progress {
            bar,
            total,
            done: 0,
            started: Instant::now(),
            last_line: Instant::now(),
        }
    }

    fn advance(&mut self, n: usize) {
        self.done += n;
        if let Some(b) = &self.bar {
            b.inc(n as u64);
        } else if self.last_line.elapsed() >= Duration::from_secs(2) || self.done == self.total {
            let rate = self.done as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
            crate::i18n::note!(
                "batch_progress",
                done = self.done,
                total = self.total,
                rate = rate.round() as i64
            );
            self.last_line = Instant::now();
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// Where a batch's credentials go: `--out` naming a `.jsonl` / `.ndjson` file gives one JSON
/// Lines file (one credential per line, in one write stream, synced and renamed into place when
/// the batch is complete); any other `--out` is a directory with one file per credential.
pub enum Output {
    /// One `<record id>.<extension>` file per credential.
    Files(PathBuf),
    /// One JSON Lines file.
    Lines(PathBuf),
}

impl Output {
    /// The layout `--out` asks for (by its extension).
    pub fn from_path(out: &Path) -> Output {
        let lines = out
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
        if lines {
            Output::Lines(out.to_owned())
        } else {
            Output::Files(out.to_owned())
        }
    }
}

/// The open output of a running batch.
enum Sink {
    Files(PathBuf),
    Lines(LinesFile),
}

impl Sink {
    fn open(output: &Output) -> CliResult<Sink> {
        Ok(match output {
            Output::Files(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| CliError::io(io::create, dir, e))?;
                Sink::Files(dir.clone())
            }
            Output::Lines(path) => Sink::Lines(LinesFile::create(path)?),
        })
    }

    /// Writes credentials: (record id, text); `jobs` threads for the one-file-per-credential
    /// layout.
    fn write(&mut self, extension: &str, creds: &[(&str, &str)], jobs: usize) -> CliResult<()> {
        match self {
            Sink::Files(dir) => {
                let files: Vec<(PathBuf, &str)> = creds
                    .iter()
                    .map(|(id, text)| (output_path(dir, id, extension), *text))
                    .collect();
                write_files(&files, jobs)
            }
            Sink::Lines(file) => creds
                .iter()
                .try_for_each(|(_, text)| file.append(one_line(text)?.as_bytes())),
        }
    }

    /// Makes the output durable: the directory's file system synced, or the JSON Lines file
    /// synced and renamed into place.
    fn finish(self) -> CliResult<()> {
        match self {
            Sink::Files(dir) => sync_files_under(&dir),
            Sink::Lines(file) => file.commit(),
        }
    }
}

/// `text` on one line: as it is when it has no line break (compact JSON, a JWT), else
/// re-serialised compactly (a pretty-printed credential already in the registry; the proof
/// covers the canonical form, not the whitespace or member order).
fn one_line(text: &str) -> CliResult<Cow<'_, str>> {
    if !text.contains('\n') {
        return Ok(Cow::Borrowed(text));
    }
    serde_json::from_str::<serde_json::Value>(text)
        .and_then(|v| serde_json::to_string(&v))
        .map(Cow::Owned)
        .map_err(|e| CliError::input(message!("serialise_credential", detail = e.to_string())))
}

/// Runs a batch: skips records already issued, then per block of [`CHUNK`] records: reserves
/// their status indexes (one committed transaction), signs on `jobs` threads, records the
/// credentials (one transaction) and writes them out; the next block is reserved and signed
/// while the current one is recorded and written (a crash loses at most two blocks of
/// indexes, never reuses one). With one file per credential, a record
/// already issued has its file rewritten if it is missing or differs from the registry's copy,
/// and the files are synced once at the end; a JSON Lines output is written whole on every
/// run (the registry's copies of the records already issued, then the new ones) and replaces
/// the old file only when complete.
pub fn run(
    issuer: &Issuer<'_>,
    registry: &mut Registry,
    rows: Vec<Row>,
    output: &Output,
    jobs: usize,
) -> CliResult<Summary> {
    let mut sink = Sink::open(output)?;
    let layout = match output {
        Output::Lines(_) => Layout::OneLine,
        Output::Files(_) => Layout::Pretty,
    };
    let mut summary = Summary::default();
    let mut progress = Progress::new(rows.len());
    let mut records: Vec<(usize, Record, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in rows {
        match row.record {
            Err(reason) => {
                summary.failed.push((row.number, i18n::text(&reason)));
                progress.advance(1);
            }
            Ok(record) => {
                let key = record_key(&issuer.profile, &record.record_id);
                if seen.insert(key.clone()) {
                    records.push((row.number, record, key));
                } else {
                    summary.failed.push((
                        row.number,
                        i18n::text(&message!("batch_duplicate_record", id = &record.record_id)),
                    ));
                    progress.advance(1);
                }
            }
        }
    }

    let extension = issuer.securing.extension();
    let mut todo: Vec<(usize, Record)> = Vec::new();
    for block in records.chunks(LOOKUP) {
        let keys: Vec<String> = block.iter().map(|(_, _, key)| key.clone()).collect();
        let mut issued = registry.credentials_for_records(&keys)?;
        let mut again: Vec<(&str, String)> = Vec::new();
        for (number, record, key) in block {
            match issued.remove(key) {
                Some(json) => {
                    let stale = match &sink {
                        Sink::Files(dir) => {
                            let path = output_path(dir, &record.record_id, extension);
                            std::fs::read(&path).ok().as_deref() != Some(json.as_bytes())
                        }
                        Sink::Lines(_) => true,
                    };
                    if stale {
                        again.push((&record.record_id, json));
                    }
                    summary.skipped += 1;
                }
                None => todo.push((*number, record.clone())),
            }
        }
        let again: Vec<(&str, &str)> = again.iter().map(|(id, j)| (*id, j.as_str())).collect();
        sink.write(extension, &again, jobs)?;
    }
    progress.advance(summary.skipped);

    // A pipeline of two blocks: the next block's indexes are reserved (committed) and its
    // credentials signed on `jobs` threads while this thread records and writes the current one.
    let chunks: Vec<&[(usize, Record)]> = todo.chunks(CHUNK).collect();
    let purpose = issuer.status_purpose();
    std::thread::scope(|s| -> CliResult<()> {
        let mut next = None;
        for (k, chunk) in chunks.iter().enumerate() {
            let results = match next.take() {
                Some(signing) => joined(signing, chunk.len()),
                None => {
                    let first = registry.reserve_indexes(purpose, chunk.len() as i64)?;
                    sign_chunk(issuer, chunk, first, jobs, layout)
                }
            };
            if let Some(following) = chunks.get(k + 1).copied() {
                let first = registry.reserve_indexes(purpose, following.len() as i64)?;
                next = Some(s.spawn(move || sign_chunk(issuer, following, first, jobs, layout)));
            }
            let mut rows: Vec<(Entry, String)> = Vec::with_capacity(chunk.len());
            let mut ids: Vec<&str> = Vec::with_capacity(chunk.len());
            for ((number, record), result) in chunk.iter().zip(results) {
                match result {
                    Ok(issued) => {
                        rows.push(issued);
                        ids.push(&record.record_id);
                    }
                    Err(reason) => {
                        summary.failed.push((*number, reason));
                        progress.advance(1);
                    }
                }
            }
            let creds = record_chunk(registry, &ids, &rows, &mut summary)?;
            let creds: Vec<(&str, &str)> = creds.iter().map(|(id, j)| (*id, j.as_ref())).collect();
            sink.write(extension, &creds, jobs)?;
            progress.advance(creds.len());
        }
        Ok(())
    })?;
    sink.finish()?;
    progress.finish();
    Ok(summary)
}

/// The results of a block signed on another thread (all failed if that thread panicked).
fn joined(
    signing: std::thread::ScopedJoinHandle<'_, Vec<Result<(Entry, String), String>>>,
    len: usize,
) -> Vec<Result<(Entry, String), String>> {
    signing
        .join()
        .unwrap_or_else(|_| vec![Err(i18n::text(&message!("batch_thread_panicked"))); len])
}

/// Records a signed block (one transaction) and returns what to write: (record id, text). A
/// record another process issued meanwhile keeps that credential: it is written from the
/// registry and counts as skipped (its reserved index stays unused).
fn record_chunk<'a>(
    registry: &mut Registry,
    ids: &[&'a str],
    rows: &'a [(Entry, String)],
    summary: &mut Summary,
) -> CliResult<Vec<(&'a str, Cow<'a, str>)>> {
    let inserted = registry.insert_new(rows)?;
    let mut creds = Vec::with_capacity(rows.len());
    for ((id, (entry, json)), new) in ids.iter().zip(rows).zip(inserted) {
        if new {
            summary.issued += 1;
            creds.push((*id, Cow::Borrowed(json.as_str())));
        } else if let Some(theirs) = registry.credential_for_record(&entry.record_key)? {
            summary.skipped += 1;
            creds.push((*id, Cow::Owned(theirs)));
        }
    }
    Ok(creds)
}

/// Writes `files` (path, content) on `jobs` threads; the first error wins.
fn write_files(files: &[(PathBuf, &str)], jobs: usize) -> CliResult<()> {
    if files.is_empty() {
        return Ok(());
    }
    let per = files.len().div_ceil(jobs.clamp(1, 64));
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(per)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .try_for_each(|(path, json)| write_replace(path, json.as_bytes()))
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| {
            h.join()
                .unwrap_or_else(|_| Err(CliError::input(message!("batch_thread_panicked"))))
        })
    })
}

/// Signs `chunk` (index `first + i` for row `i`) on `jobs` threads, keeping row order, each
/// credential's text in `layout` (what the registry then records).
fn sign_chunk(
    issuer: &Issuer<'_>,
    chunk: &[(usize, Record)],
    first: i64,
    jobs: usize,
    layout: Layout,
) -> Vec<Result<(Entry, String), String>> {
    let jobs = jobs.clamp(1, 64).min(chunk.len().max(1));
    let per = chunk.len().div_ceil(jobs);
    std::thread::scope(|s| {
        let handles: Vec<_> = chunk
            .chunks(per.max(1))
            .enumerate()
            .map(|(part, rows)| {
                let n = rows.len();
                let handle = s.spawn(move || {
                    rows.iter()
                        .enumerate()
                        .map(|(i, (_, record))| {
                            let index = first + (part * per + i) as i64;
                            issuer
                                .issue_as(record, Some(index), layout)
                                .map_err(|e| e.to_string())
                        })
                        .collect::<Vec<_>>()
                });
                (n, handle)
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(n, h)| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(i18n::text(&message!("batch_thread_panicked"))); n]
                })
            })
            .collect()
    })
}
