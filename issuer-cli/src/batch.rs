//! `laissez issue-batch`: idempotent, resumable, parallel batch issuance.

use crate::error::{io, CliError, CliResult};
use crate::fsutil::{sync_files_under, write_replace};
use crate::i18n;
use crate::issuing::{record_from_json, record_key, Issuer, Record};
use crate::registry::{Entry, Registry};
use credential_core::codec::hex;
use credential_core::{message, Message};
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

/// Runs a batch: skips records already issued (rewriting their file if it is missing or differs
/// from the registry's copy), then per block of [`CHUNK`] records: reserves their status indexes
/// (one committed transaction), signs on `jobs` threads, records the credentials (one
/// transaction), writes their files on `jobs` threads. The files are synced once at the end.
pub fn run(
    issuer: &Issuer<'_>,
    registry: &mut Registry,
    rows: Vec<Row>,
    out: &Path,
    jobs: usize,
) -> CliResult<Summary> {
    std::fs::create_dir_all(out).map_err(|e| CliError::io(io::create, out, e))?;
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
    let mut rewrite: Vec<(PathBuf, String)> = Vec::new();
    for block in records.chunks(LOOKUP) {
        let keys: Vec<String> = block.iter().map(|(_, _, key)| key.clone()).collect();
        let mut issued = registry.credentials_for_records(&keys)?;
        for (number, record, key) in block {
            match issued.remove(key) {
                Some(json) => {
                    let path = output_path(out, &record.record_id, extension);
                    if std::fs::read(&path).ok().as_deref() != Some(json.as_bytes()) {
                        rewrite.push((path, json));
                    }
                    summary.skipped += 1;
                }
                None => todo.push((*number, record.clone())),
            }
        }
    }
    write_files(&rewrite, jobs)?;
    progress.advance(summary.skipped);

    for chunk in todo.chunks(CHUNK) {
        let first = registry.reserve_indexes(issuer.status_purpose(), chunk.len() as i64)?;
        let results = sign_chunk(issuer, chunk, first, jobs);
        let mut rows: Vec<(Entry, String)> = Vec::with_capacity(chunk.len());
        let mut paths: Vec<PathBuf> = Vec::with_capacity(chunk.len());
        for ((number, record), result) in chunk.iter().zip(results) {
            match result {
                Ok(issued) => {
                    rows.push(issued);
                    paths.push(output_path(out, &record.record_id, extension));
                }
                Err(reason) => {
                    summary.failed.push((*number, reason));
                    progress.advance(1);
                }
            }
        }
        // A record another process issued meanwhile keeps that credential: its file is written
        // from the registry and the row counts as skipped (its reserved index stays unused).
        let inserted = registry.insert_new(&rows)?;
        let mut files: Vec<(PathBuf, String)> = Vec::with_capacity(rows.len());
        for ((path, (entry, json)), new) in paths.into_iter().zip(rows).zip(inserted) {
            if new {
                summary.issued += 1;
                files.push((path, json));
            } else if let Some(theirs) = registry.credential_for_record(&entry.record_key)? {
                summary.skipped += 1;
                files.push((path, theirs));
            }
        }
        write_files(&files, jobs)?;
        progress.advance(files.len());
    }
    sync_files_under(out)?;
    progress.finish();
    Ok(summary)
}

/// Writes `files` (path, content) on `jobs` threads; the first error wins.
fn write_files(files: &[(PathBuf, String)], jobs: usize) -> CliResult<()> {
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

/// Signs `chunk` (index `first + i` for row `i`) on `jobs` threads, keeping row order.
fn sign_chunk(
    issuer: &Issuer<'_>,
    chunk: &[(usize, Record)],
    first: i64,
    jobs: usize,
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
                            issuer.issue(record, Some(index)).map_err(|e| e.to_string())
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
