//! `laissez issue` (one subject record) and `laissez issue-batch` (a CSV or JSONL file, through
//! the batch engine).

use super::Context;
use crate::batch;
use crate::cli::{IssueArgs, IssueBatchArgs};
use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input, write_atomic};
use crate::i18n::{self, note, say};
use crate::issuing::{record_from_json, record_key, Issuer};
use crate::keyfile;
use credential_core::codec::hex;
use credential_core::message;
use std::path::Path;

/// Failed rows listed one by one at the end of a batch; the rest are counted.
const FAILED_ROWS_SHOWN: usize = 50;

/// `laissez issue --subject FILE`: one credential, to `--out` or standard output.
pub fn issue_one(ctx: &Context, args: &IssueArgs) -> CliResult<()> {
    let home = ctx.open_home()?;
    let mut issuer = Issuer::from_home(&home, &args.issuer, ctx.pass())?;
    issuer.holder_key = args
        .holder_key
        .as_deref()
        .map(keyfile::read_public)
        .transpose()?;
    let subject = &args.subject;
    let bytes = read_input(Path::new(subject))?;
    let mut value = credential_core::json::parse_bounded(&bytes, Default::default())
        .map_err(|e| CliError::in_file(subject, &e.message()))?;
    if let Some(path) = &args.portrait {
        let url = crate::portrait::data_url(path)?;
        match value.as_object_mut() {
            Some(claims) => claims.insert("portrait".into(), url.into()),
            None => None,
        };
    }
    let canonical = credential_core::canon::jcs::canonicalize(&value);
    let digest = sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(
        canonical.as_bytes(),
    ));
    let digest_id = hex(&digest[..16]);
    let record_id = args.record_id.as_deref();
    let mut record = record_from_json(value, Some(record_id.unwrap_or(&digest_id)))
        .map_err(|e| CliError::in_file(subject, &e))?;
    if let Some(r) = record_id {
        record.record_id = r.to_owned();
    }
    let mut registry = ctx.open_registry(&home)?;
    let rkey = record_key(&args.issuer.profile, &record.record_id);
    if let Some(existing) = registry.find_record(&rkey)? {
        return Err(CliError::Input {
            message: message!(
                "issue_already_issued",
                record = &record.record_id,
                id = &existing
            ),
            hint: Some(message!("hint_issue_already_issued", id = &existing)),
        });
    }
    let index = registry.reserve_indexes(issuer.status_purpose(), 1)?;
    let (entry, json) = issuer.issue(&record, Some(index))?;
    if let Some(path) = &args.out {
        // Check the output location before recording, so a bad path leaves no registry entry.
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(CliError::input(message!(
                "issue_no_output_dir",
                path = dir.display().to_string()
            )));
        }
        registry.insert(&[(entry.clone(), json.clone())])?;
        write_atomic(path, json.as_bytes(), false)?;
        note!(
            "issue_done",
            id = &entry.credential_id,
            profile = &entry.profile,
            suite = &entry.suite,
            path = path.display().to_string()
        );
    } else {
        registry.insert(&[(entry, json.clone())])?;
        println!("{}", json.trim_end());
    }
    Ok(())
}

/// `laissez issue-batch --input FILE --out DIR`: every row, idempotent and resumable; exit 1 when
/// some rows failed.
pub fn issue_batch(ctx: &Context, args: &IssueBatchArgs) -> CliResult<()> {
    let home = ctx.open_home()?;
    if args.jobs == 0 {
        return Err(CliError::input(message!("batch_jobs_zero")));
    }
    let issuer = Issuer::from_home(&home, &args.issuer, ctx.pass())?;
    let rows = batch::read_rows(&args.input)?;
    let total = rows.len();
    let mut registry = ctx.open_registry(&home)?;
    let started = std::time::Instant::now();
    let summary = batch::run(
        &issuer,
        &mut registry,
        rows,
        &batch::Output::from_path(&args.out),
        args.jobs,
    )?;
    let secs = started.elapsed().as_secs_f64();
    say!(
        "batch_summary",
        total = total,
        issued = summary.issued,
        skipped = summary.skipped,
        failed = summary.failed.len(),
        seconds = format!("{secs:.1}"),
        rate = (summary.issued as f64 / secs.max(1e-3)).round() as i64
    );
    for (row, reason) in summary.failed.iter().take(FAILED_ROWS_SHOWN) {
        let line = message!("batch_failed_row", row = *row, reason = reason);
        println!("  {}", i18n::text(&line));
    }
    if summary.failed.len() > FAILED_ROWS_SHOWN {
        let more = message!(
            "batch_more_failed",
            count = summary.failed.len() - FAILED_ROWS_SHOWN
        );
        println!("  {}", i18n::text(&more));
    }
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(CliError::Negative(None))
    }
}
