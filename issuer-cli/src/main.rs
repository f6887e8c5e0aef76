//! `laissez`: the issuer's command line. Keys, issuance (single and batch), the issuance registry,
//! verification and a demo, on top of `credential-core`.

mod batch;
mod clock;
mod commands;
mod demo;
mod error;
mod fsutil;
mod home;
mod issuing;
mod keystore;
mod qr_cmds;
mod registry;
mod report;
mod trust_cmds;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Issue and verify W3C Verifiable Credentials, offline.
#[derive(Parser)]
#[command(name = "laissez", version, about, long_about = None)]
pub struct Cli {
    /// Issuer home directory (default: ./laissez-home).
    #[arg(long, global = true, env = "LAISSEZ_HOME")]
    home: Option<PathBuf>,
    /// File holding the passphrase that encrypts secret keys at rest (or set LAISSEZ_PASSPHRASE).
    #[arg(long, global = true)]
    passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create an issuer home: configuration, a first signing key, the registry.
    Init {
        /// Directory to create (default: --home, $LAISSEZ_HOME or ./laissez-home).
        dir: Option<PathBuf>,
        /// Algorithm of the first key.
        #[arg(long, value_enum, default_value = "ed25519")]
        alg: Alg,
        /// Issuer display name written into credentials.
        #[arg(long, default_value = "Laissez demo civil registry")]
        issuer_name: String,
        /// Base URL where status list credentials will be published.
        #[arg(long, default_value = "https://status.laissez.invalid/lists")]
        status_base_url: String,
    },
    /// Manage signing keys.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Issue one credential from a subject record (JSON object).
    Issue {
        /// Credential profile.
        #[arg(long, default_value = "generic")]
        profile: String,
        /// Subject record file (JSON object), or - for standard input.
        #[arg(long)]
        subject: String,
        /// Cryptosuite (default: the home's default suite).
        #[arg(long)]
        suite: Option<String>,
        /// Signing key name (default: the home's default key).
        #[arg(long)]
        key: Option<String>,
        /// End of validity (RFC 3339 date-time, e.g. 2030-01-01T00:00:00Z).
        #[arg(long)]
        valid_until: Option<String>,
        /// Stable record id (default: recordId in the subject, else a digest of the subject).
        #[arg(long)]
        record_id: Option<String>,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Issue credentials for every row of a CSV or JSONL file; idempotent and resumable.
    IssueBatch {
        /// Credential profile.
        #[arg(long, default_value = "generic")]
        profile: String,
        /// Input: .csv with a record_id column, or .jsonl with a recordId member.
        #[arg(long)]
        input: PathBuf,
        /// Output directory (one <record id>.json per credential).
        #[arg(long)]
        out: PathBuf,
        /// Signing threads.
        #[arg(long, default_value_t = 1)]
        jobs: usize,
        /// Cryptosuite (default: the home's default suite).
        #[arg(long)]
        suite: Option<String>,
        /// Signing key name (default: the home's default key).
        #[arg(long)]
        key: Option<String>,
        /// End of validity (RFC 3339).
        #[arg(long)]
        valid_until: Option<String>,
    },
    /// Verify a credential (file or - for standard input).
    Verify {
        /// Credential JSON file, or -.
        input: String,
        /// Print the VerificationReport as JSON.
        #[arg(long)]
        json: bool,
        /// Verification time (RFC 3339; default: now).
        #[arg(long)]
        at: Option<String>,
        /// Trust bundle to evaluate the issuer and status against.
        #[arg(long, requires = "anchor")]
        bundle: Option<PathBuf>,
        /// Trust anchor public key (Multikey or did:key); repeat for several.
        #[arg(long)]
        anchor: Vec<String>,
    },
    /// Revoke a credential (permanent).
    Revoke {
        /// Credential id.
        id: String,
    },
    /// Suspend a credential (can be reinstated).
    Suspend {
        /// Credential id.
        id: String,
    },
    /// Lift a suspension.
    Reinstate {
        /// Credential id.
        id: String,
    },
    /// Status lists.
    #[command(subcommand)]
    Status(StatusCommand),
    /// Trust bundles (for trust anchors).
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// Inspect the issuance registry.
    #[command(subcommand)]
    Registry(RegistryCommand),
    /// QR codes: credential <-> envelope text <-> image.
    #[command(subcommand)]
    Qr(QrCommand),
    /// Run the whole flow on built-in defaults: issue, verify, tamper, reject.
    Demo {
        /// Directory for the demo's issuer home and files (default: a new temporary directory).
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Generate a signing key.
    Generate {
        /// Algorithm.
        #[arg(long, value_enum, default_value = "ed25519")]
        alg: Alg,
        /// Key name (default: <alg>-<n>).
        #[arg(long)]
        name: Option<String>,
    },
    /// List keys.
    List,
    /// Show a public key as Multikey, JWK, did:key and did:jwk.
    Show {
        /// Key name.
        name: String,
    },
    /// Import a secret key (PKCS#8 PEM, JWK with d, or Multikey secret).
    Import {
        /// Key file.
        file: PathBuf,
        /// Name for the key.
        #[arg(long)]
        name: String,
    },
    /// Export a key (public by default).
    Export {
        /// Key name.
        name: String,
        /// Format.
        #[arg(long, value_enum, default_value = "jwk")]
        format: KeyFormat,
        /// Export the secret key (written 0600; never to a terminal).
        #[arg(long)]
        secret: bool,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum QrCommand {
    /// Encode a credential as envelope text (stdout) and optionally PNG / SVG images.
    Encode {
        /// Credential JSON file, or -.
        input: String,
        /// Write a PNG image.
        #[arg(long)]
        png: Option<PathBuf>,
        /// Write an SVG image.
        #[arg(long)]
        svg: Option<PathBuf>,
        /// Envelope encoding: generic, generic-dict, cborld, cborld-zlib, or smallest.
        #[arg(long, default_value = "smallest")]
        encoding: String,
        /// Error correction level: L, M, Q or H.
        #[arg(long, default_value = "M")]
        ecc: String,
        /// Pixels per module in the PNG.
        #[arg(long, default_value_t = 4)]
        module_px: usize,
        /// Printed width in millimetres (quiet zone included): sets SVG size and PNG pixels at 300 dpi.
        #[arg(long)]
        print_mm: Option<f64>,
        /// Quiet zone, in modules.
        #[arg(long, default_value_t = 4)]
        quiet_zone: usize,
    },
    /// Decode a QR image (PNG, JPEG) or envelope text back to the credential JSON.
    Decode {
        /// Image file, text file, envelope text, or -.
        input: String,
    },
}

#[derive(Subcommand)]
enum StatusCommand {
    /// Write signed BitstringStatusListCredentials (revocation and suspension) for every list in use.
    Publish {
        /// Output directory (default: <home>/status).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Days until the published lists expire.
        #[arg(long, default_value_t = 30)]
        valid_days: u32,
    },
}

#[derive(Subcommand)]
enum BundleCommand {
    /// Create an unsigned trust bundle.
    Create {
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        /// Days until verifiers should load a newer bundle (nextUpdate).
        #[arg(long, default_value_t = 7)]
        valid_days: u32,
        /// Version (default: the current Unix time, so later bundles are newer).
        #[arg(long)]
        version: Option<u64>,
    },
    /// Add (or replace) an issuer and its status lists.
    AddIssuer {
        /// Bundle file (edited in place; an existing signature is removed).
        bundle: PathBuf,
        /// Take the issuer from an issuer home: its keys, name and published status lists.
        #[arg(long)]
        from_home: Option<PathBuf>,
        /// Issuer DID (instead of --from-home).
        #[arg(long)]
        did: Option<String>,
        /// Public key (Multikey) of --did; repeat for several.
        #[arg(long)]
        key: Vec<String>,
        /// Display name, LANG=TEXT; repeat for several languages.
        #[arg(long)]
        name: Vec<String>,
        /// Credential types the issuer may issue (comma-separated; default with --from-home: all profiles).
        #[arg(long, value_delimiter = ',')]
        types: Vec<String>,
        /// Country or jurisdiction.
        #[arg(long)]
        jurisdiction: Option<String>,
        /// Extra status list credential file; repeat for several.
        #[arg(long)]
        status_list: Vec<PathBuf>,
        /// End of recognition (RFC 3339).
        #[arg(long)]
        valid_until: Option<String>,
        /// Extra JSON-LD context the issuer's credentials use, URL=FILE (pinned by SHA-256).
        #[arg(long)]
        context: Vec<String>,
        /// DID document for a DID that does not resolve inline (did:web), as a JSON file.
        #[arg(long)]
        did_document: Vec<PathBuf>,
    },
    /// Sign a bundle with an anchor key of this home.
    Sign {
        /// Bundle file.
        bundle: PathBuf,
        /// Anchor key name.
        #[arg(long)]
        anchor_key: String,
        /// Output file (default: in place).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Show a bundle; with --anchor, check its signature too.
    Inspect {
        /// Bundle file.
        bundle: PathBuf,
        /// Trust anchor public key (Multikey or did:key).
        #[arg(long)]
        anchor: Vec<String>,
    },
}

#[derive(Subcommand)]
enum RegistryCommand {
    /// List issued credentials.
    List,
    /// Show one entry and its credential.
    Show {
        /// Credential id.
        id: String,
    },
    /// Export every entry as JSON Lines.
    Export {
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Key algorithms offered for new keys.
#[derive(Clone, Copy, ValueEnum)]
pub enum Alg {
    /// Ed25519 (eddsa-* suites).
    Ed25519,
    /// NIST P-256 (ecdsa-* suites).
    P256,
}

/// Key export formats.
#[derive(Clone, Copy, ValueEnum)]
pub enum KeyFormat {
    /// JSON Web Key.
    Jwk,
    /// PEM (SPKI for public, PKCS#8 for secret).
    Pem,
    /// Multikey (multibase).
    Multikey,
}

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
    let cli = Cli::parse();
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
