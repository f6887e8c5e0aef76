//! `laissez`: the issuer's command line. Keys, issuance (single and batch), the issuance registry,
//! verification and a demo, on top of `credential-core`.
//!
//! The pipeline: `cli` parses, `commands` runs one module per command group. Issuing goes from the
//! issuer `home` (configuration) and its `keystore` through `issuing` (one record to a signed
//! credential and its registry entry; `batch` for many) into the `registry`; `signing` signs the
//! status lists and trust bundles a home publishes. `qr_image`, `report`, `fsutil`, `clock` and
//! `error` serve them all; `i18n` renders every message in the reader's language.

// The doc comments of cli.rs are also the `--help` text, where `<home>`, `<alg>-<n>` and
// `<record id>` are placeholders for people, not HTML tags.
#![allow(rustdoc::invalid_html_tags)]

mod batch;
mod card;
mod cli;
mod clock;
mod commands;
mod error;
mod fsutil;
mod home;
mod i18n;
mod issuing;
mod keyfile;
mod keystore;
mod portrait;
mod qr_image;
mod registry;
mod report;
mod securing;
mod serve;
mod signing;

use clap::Parser;
use std::process::ExitCode;

/// Restores the default SIGPIPE action, so `laissez … | head` ends quietly instead of failing on a
/// closed pipe (Rust ignores SIGPIPE by default, turning it into a write error).
#[cfg(unix)]
fn default_sigpipe() {
    // SAFETY: setting a signal disposition to SIG_DFL at start-up, before any thread exists.
    #[allow(unsafe_code)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn default_sigpipe() {}

fn main() -> ExitCode {
    default_sigpipe();
    let cli = cli::Cli::parse();
    match i18n::choose(cli.lang.as_deref()) {
        Ok(lang) => i18n::init(lang),
        Err(available) => {
            i18n::init("en");
            eprintln!(
                "laissez: {}",
                i18n::text(&credential_core::message!(
                    "unknown_language",
                    available = available
                ))
            );
            return ExitCode::from(2);
        }
    }
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.to_string().is_empty() {
                eprintln!("laissez: {e}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}
