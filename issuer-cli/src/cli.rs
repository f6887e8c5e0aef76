//! The command line as clap types: commands, subcommands and their options. No behaviour here;
//! `commands` runs what was parsed.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Issue and verify W3C Verifiable Credentials, offline.
#[derive(Parser)]
#[command(name = "laissez", version, about, long_about = None)]
pub struct Cli {
    /// Issuer home directory (default: ./laissez-home).
    #[arg(long, global = true, env = "LAISSEZ_HOME")]
    pub home: Option<PathBuf>,
    /// Issuance registry: a SQLite path or sqlite://PATH (default: <home>/registry.sqlite), or a
    /// PostgreSQL URL postgres://USER@HOST:PORT/DB shared by several issuing processes.
    #[arg(long, global = true, env = "LAISSEZ_DATABASE", value_name = "URL")]
    pub database: Option<String>,
    /// File holding the passphrase that encrypts secret keys at rest (or set LAISSEZ_PASSPHRASE).
    #[arg(long, global = true)]
    pub passphrase_file: Option<PathBuf>,
    /// Language of messages: en, fr, es or ar (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The top-level commands.
#[derive(Subcommand)]
pub enum Command {
    /// Create an issuer home: configuration, a first signing key, the registry.
    Init(InitArgs),
    /// Manage signing keys.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Issue one credential from a subject record (JSON object).
    Issue(IssueArgs),
    /// Issue credentials for every row of a CSV or JSONL file; idempotent and resumable.
    IssueBatch(IssueBatchArgs),
    /// Verify a credential or presentation (file or - for standard input): Data Integrity JSON
    /// (derived ecdsa-sd-2023 too), vc+jwt, SD-JWT VC, QR envelope text or a QR image.
    Verify(VerifyArgs),
    /// Holder: present a selectively disclosable credential (ecdsa-sd-2023 base proof or
    /// SD-JWT VC) showing only a preset's or the chosen claims.
    Present(PresentArgs),
    /// Print a credential as a card (PDF or SVG): its QR code, the holder's names in their
    /// script and in Latin letters, key fields labelled in one or two languages.
    Print(PrintArgs),
    /// Revoke a credential (permanent).
    ///
    /// Refused, changing nothing, for a credential issued without a revocation entry of this
    /// issuer.
    Revoke {
        /// Credential id.
        id: String,
    },
    /// Suspend a credential (can be reinstated).
    ///
    /// Refused, changing nothing, for a credential issued without a suspension entry (a compact
    /// credential carries a revocation entry only).
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
    /// Serve the W3C VC API over HTTPS (issue, verify, status, status lists); `serve key`
    /// manages its API keys.
    Serve(ServeArgs),
    /// Run the whole flow on built-in defaults: issue, verify, tamper, reject.
    Demo {
        /// Directory for the demo's issuer home and files (default: a new temporary directory).
        dir: Option<PathBuf>,
    },
}

/// Options of `init`.
#[derive(Args)]
pub struct InitArgs {
    /// Directory to create (default: --home, $LAISSEZ_HOME or ./laissez-home).
    pub dir: Option<PathBuf>,
    /// What the new home holds.
    #[command(flatten)]
    pub settings: HomeSettings,
}

/// The choices written into a new issuer home.
#[derive(Args)]
pub struct HomeSettings {
    /// Algorithm of the first key.
    #[arg(long, value_enum, default_value = "ed25519")]
    pub alg: Alg,
    /// Issuer display name written into credentials.
    #[arg(long, default_value = "Laissez demo civil registry")]
    pub issuer_name: String,
    /// Base URL where status list credentials will be published.
    #[arg(long, default_value = "https://status.laissez.invalid/lists")]
    pub status_base_url: String,
}

/// `key` subcommands.
#[derive(Subcommand)]
pub enum KeyCommand {
    /// Generate a signing key.
    Generate(KeyGenerateArgs),
    /// List keys.
    List,
    /// Show a public key as Multikey, JWK, did:key and did:jwk.
    Show {
        /// Key name.
        name: String,
    },
    /// Import a secret key (PKCS#8 PEM, JWK with d, or Multikey secret).
    Import(KeyImportArgs),
    /// Export a key (public by default).
    Export(KeyExportArgs),
}

/// Options of `key generate`.
#[derive(Args)]
pub struct KeyGenerateArgs {
    /// Algorithm.
    #[arg(long, value_enum, default_value = "ed25519")]
    pub alg: Alg,
    /// Key name (default: <alg>-<n>).
    #[arg(long)]
    pub name: Option<String>,
}

/// Options of `key import`.
#[derive(Args)]
pub struct KeyImportArgs {
    /// Key file.
    pub file: PathBuf,
    /// Name for the key.
    #[arg(long)]
    pub name: String,
}

/// Options of `key export`.
#[derive(Args)]
pub struct KeyExportArgs {
    /// Key name.
    pub name: String,
    /// Format.
    #[arg(long, value_enum, default_value = "jwk")]
    pub format: KeyFormat,
    /// Export the secret key (written 0600; never to a terminal).
    #[arg(long)]
    pub secret: bool,
    /// Output file (default: standard output).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Options of `issue`.
#[derive(Args)]
pub struct IssueArgs {
    /// Profile, suite, key and validity.
    #[command(flatten)]
    pub issuer: IssuerChoice,
    /// Subject record file (JSON object), or - for standard input.
    #[arg(long)]
    pub subject: String,
    /// Stable record id (default: recordId in the subject, else a digest of the subject).
    #[arg(long)]
    pub record_id: Option<String>,
    /// The holder's photo (JPEG or PNG), signed into the credential as a 48 × 64 greyscale
    /// JPEG `portrait` claim (legal-identity profile).
    #[arg(long)]
    pub portrait: Option<PathBuf>,
    /// SD-JWT VC: the holder's public key (PEM, JWK, Multikey, did:key or did:jwk, or a file
    /// holding one), when the subject's id is not a did:key or did:jwk.
    #[arg(long)]
    pub holder_key: Option<String>,
    /// Output file (default: standard output).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Options of `issue-batch`.
#[derive(Args)]
pub struct IssueBatchArgs {
    /// Profile, suite, key and validity.
    #[command(flatten)]
    pub issuer: IssuerChoice,
    /// Input: .csv with a record_id column, or .jsonl with a recordId member.
    #[arg(long)]
    pub input: PathBuf,
    /// Output: a .jsonl file (one credential per line, written whole and renamed into place
    /// when the batch completes; the fast layout for large batches) or a directory (one
    /// <record id>.json per credential).
    #[arg(long)]
    pub out: PathBuf,
    /// Signing threads.
    #[arg(long, default_value_t = 1)]
    pub jobs: usize,
}

/// What `issue` and `issue-batch` choose for their issuer; unset options take the home's default.
#[derive(Args, Clone, Debug)]
pub struct IssuerChoice {
    /// Credential profile.
    #[arg(long, default_value = "generic")]
    pub profile: String,
    /// Data Integrity cryptosuite (default: the home's default suite); see also --securing.
    #[arg(long, conflicts_with = "securing")]
    pub suite: Option<String>,
    /// Securing mechanism: a Data Integrity suite (eddsa-rdfc-2022, eddsa-jcs-2022,
    /// ecdsa-rdfc-2019, ecdsa-jcs-2019), ecdsa-sd-2023 (P-256 key), vc+jwt or sd-jwt
    /// (default: the home's default suite).
    #[arg(long)]
    pub securing: Option<String>,
    /// Signing key name (default: the home's default key).
    #[arg(long)]
    pub key: Option<String>,
    /// End of validity (RFC 3339 date-time, e.g. 2030-01-01T00:00:00Z).
    #[arg(long)]
    pub valid_until: Option<String>,
    /// The compact (paper) form: no credential id, the issuer as its DID alone (the trust
    /// bundle names it), one revocation status entry, no proof creation time.
    #[arg(long)]
    pub compact: bool,
}

/// Options of `verify`.
#[derive(Args)]
pub struct VerifyArgs {
    /// Credential JSON file, or -.
    pub input: String,
    /// Print the VerificationReport as JSON.
    #[arg(long)]
    pub json: bool,
    /// Verification time (RFC 3339; default: now).
    #[arg(long)]
    pub at: Option<String>,
    /// Trust bundle to evaluate the issuer and status against.
    #[arg(long, requires = "anchor")]
    pub bundle: Option<PathBuf>,
    /// Trust anchor public key (Multikey or did:key); repeat for several.
    #[arg(long)]
    pub anchor: Vec<String>,
    /// The challenge this verifier gave the holder (an SD-JWT's KB-JWT nonce).
    #[arg(long, visible_alias = "nonce")]
    pub challenge: Option<String>,
    /// This verifier's domain (an SD-JWT's KB-JWT aud).
    #[arg(long, visible_alias = "aud")]
    pub domain: Option<String>,
    /// Write the holder's signed portrait (or face photo) to this file, when the credential
    /// verified and carries one.
    #[arg(long)]
    pub photo_out: Option<PathBuf>,
}

/// Options of `print`.
#[derive(Args)]
pub struct PrintArgs {
    /// The credential: JSON file, envelope text or QR image (PNG, JPEG), or -.
    pub input: String,
    /// Page format: id1 (ID-1 card, 85.6 × 54 mm), a6 or a4.
    #[arg(long, default_value = "id1")]
    pub layout: String,
    /// Output file: .pdf (fonts embedded) or .svg.
    #[arg(long)]
    pub out: PathBuf,
    /// One or two languages of the labels, e.g. en,ar (default: yours, then Arabic).
    #[arg(long)]
    pub labels: Option<String>,
    /// Trust bundle naming the issuer (and checking it).
    #[arg(long, requires = "anchor")]
    pub bundle: Option<PathBuf>,
    /// Trust anchor public key (Multikey or did:key); repeat for several.
    #[arg(long)]
    pub anchor: Vec<String>,
    /// Verification time (RFC 3339; default: now).
    #[arg(long)]
    pub at: Option<String>,
}

/// Options of `present`.
#[derive(Args)]
pub struct PresentArgs {
    /// The holder's credential: an ecdsa-sd-2023 base-proof credential (JSON) or an SD-JWT VC.
    pub input: PathBuf,
    /// Show what the profile's preset NAME shows (see --list-presets).
    #[arg(long, conflicts_with = "disclose")]
    pub preset: Option<String>,
    /// Show these claims (JSON pointers such as /credentialSubject/givenName); repeat or list.
    #[arg(long, num_args = 1..)]
    pub disclose: Vec<String>,
    /// List the presets of the credential's profile and stop.
    #[arg(long)]
    pub list_presets: bool,
    /// The holder's secret key file (PEM, JWK or Multikey): signs the key binding.
    #[arg(long)]
    pub holder_key: Option<PathBuf>,
    /// The verifier's challenge (ecdsa-sd-2023 presentation proof; for SD-JWT, its nonce).
    #[arg(long, visible_alias = "nonce")]
    pub challenge: Option<String>,
    /// The verifier's domain (ecdsa-sd-2023 presentation proof; for SD-JWT, its aud).
    #[arg(long, visible_alias = "aud")]
    pub domain: Option<String>,
    /// Output file for the presentation.
    #[arg(long, required_unless_present = "list_presets")]
    pub out: Option<PathBuf>,
    /// Also write the presentation as a QR code (PNG).
    #[arg(long)]
    pub qr: Option<PathBuf>,
}

/// `status` subcommands.
#[derive(Subcommand)]
pub enum StatusCommand {
    /// Write signed BitstringStatusListCredentials (revocation and suspension) for every list in use.
    Publish(StatusPublishArgs),
}

/// Options of `status publish`.
#[derive(Args)]
pub struct StatusPublishArgs {
    /// Output directory (default: <home>/status).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Days until the published lists expire.
    #[arg(long, default_value_t = 30)]
    pub valid_days: u32,
}

/// `bundle` subcommands.
#[derive(Subcommand)]
pub enum BundleCommand {
    /// Create an unsigned trust bundle.
    Create(BundleCreateArgs),
    /// Add (or replace) an issuer and its status lists.
    AddIssuer(BundleAddIssuerArgs),
    /// Sign a bundle with an anchor key of this home.
    Sign(BundleSignArgs),
    /// Show a bundle; with --anchor, check its signature too.
    Inspect(BundleInspectArgs),
    /// Add the EU DCC document signers of a DCC Gateway trust list (JSON) to a bundle.
    AddDccSigners(BundleAddDccSignersArgs),
    /// Add (or replace) a SMART Health Card issuer: its JWKS and revocation lists.
    AddShcIssuer(BundleAddShcIssuerArgs),
    /// Add keys of a MOSIP Claim 169 issuer.
    AddClaim169Key(BundleAddClaim169KeyArgs),
}

/// Options of `bundle add-dcc-signers`.
#[derive(Args)]
pub struct BundleAddDccSignersArgs {
    /// Bundle file (edited in place; an existing signature is removed).
    pub bundle: PathBuf,
    /// The DCC Gateway trust list (`/trustList/DSC`): a JSON array of `{kid, country, certificateType, rawData, …}`.
    pub file: PathBuf,
}

/// Options of `bundle add-shc-issuer`.
#[derive(Args)]
pub struct BundleAddShcIssuerArgs {
    /// Bundle file (edited in place; an existing signature is removed).
    pub bundle: PathBuf,
    /// The issuer URL (`iss` of its cards).
    #[arg(long)]
    pub iss: String,
    /// Its JWKS file (as published at ISS/.well-known/jwks.json).
    #[arg(long)]
    pub jwks: PathBuf,
    /// A revocation list file (ISS/.well-known/crl/KID.json); repeat for several.
    #[arg(long)]
    pub crl: Vec<PathBuf>,
    /// Display name.
    #[arg(long)]
    pub name: Option<String>,
}

/// Options of `bundle add-claim169-key`.
#[derive(Args)]
pub struct BundleAddClaim169KeyArgs {
    /// Bundle file (edited in place; an existing signature is removed).
    pub bundle: PathBuf,
    /// The issuer (`iss` claim of its codes).
    #[arg(long)]
    pub iss: String,
    /// A public key: a Multikey, or a JWK as JSON; repeat for several.
    #[arg(long, required = true)]
    pub key: Vec<String>,
    /// Display name.
    #[arg(long)]
    pub name: Option<String>,
}

/// Options of `bundle create`.
#[derive(Args)]
pub struct BundleCreateArgs {
    /// Output file.
    #[arg(long)]
    pub out: PathBuf,
    /// Days until verifiers should load a newer bundle (nextUpdate).
    #[arg(long, default_value_t = 7)]
    pub valid_days: u32,
    /// Version (default: the current Unix time, so later bundles are newer).
    #[arg(long)]
    pub version: Option<u64>,
}

/// Options of `bundle add-issuer`: the issuers come from `--from-home`, or `--did` with `--key`.
#[derive(Args)]
pub struct BundleAddIssuerArgs {
    /// Bundle file (edited in place; an existing signature is removed).
    pub bundle: PathBuf,
    /// Take the issuer from an issuer home: its keys, name and published status lists.
    #[arg(long)]
    pub from_home: Option<PathBuf>,
    /// Issuer DID (instead of --from-home).
    #[arg(long)]
    pub did: Option<String>,
    /// Public key (Multikey) of --did; repeat for several.
    #[arg(long)]
    pub key: Vec<String>,
    /// Display name, LANG=TEXT; repeat for several languages.
    #[arg(long)]
    pub name: Vec<String>,
    /// Credential types the issuer may issue (comma-separated; default with --from-home: all profiles).
    #[arg(long, value_delimiter = ',')]
    pub types: Vec<String>,
    /// Country or jurisdiction.
    #[arg(long)]
    pub jurisdiction: Option<String>,
    /// Extra status list credential file; repeat for several.
    #[arg(long)]
    pub status_list: Vec<PathBuf>,
    /// End of recognition (RFC 3339).
    #[arg(long)]
    pub valid_until: Option<String>,
    /// Extra JSON-LD context the issuer's credentials use, URL=FILE (pinned by SHA-256).
    #[arg(long)]
    pub context: Vec<String>,
    /// DID document for a DID that does not resolve inline (did:web), as a JSON file.
    #[arg(long)]
    pub did_document: Vec<PathBuf>,
}

/// Options of `bundle sign`.
#[derive(Args)]
pub struct BundleSignArgs {
    /// Bundle file.
    pub bundle: PathBuf,
    /// Anchor key name.
    #[arg(long)]
    pub anchor_key: String,
    /// Output file (default: in place).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Options of `bundle inspect`.
#[derive(Args)]
pub struct BundleInspectArgs {
    /// Bundle file.
    pub bundle: PathBuf,
    /// Trust anchor public key (Multikey or did:key).
    #[arg(long)]
    pub anchor: Vec<String>,
}

/// `registry` subcommands.
#[derive(Subcommand)]
pub enum RegistryCommand {
    /// List issued credentials (tab-separated; the last column is the status purposes each carries).
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

/// `qr` subcommands.
#[derive(Subcommand)]
pub enum QrCommand {
    /// Encode a credential as envelope text (stdout) and optionally PNG / SVG images.
    Encode(QrEncodeArgs),
    /// Decode a QR image (PNG, JPEG) or envelope text back to the credential JSON.
    Decode {
        /// Image file, text file, envelope text, or -.
        input: String,
    },
}

/// Options of `qr encode`.
#[derive(Args)]
pub struct QrEncodeArgs {
    /// Credential JSON file, or -.
    pub input: String,
    /// Write a PNG image.
    #[arg(long)]
    pub png: Option<PathBuf>,
    /// Write an SVG image.
    #[arg(long)]
    pub svg: Option<PathBuf>,
    /// Envelope encoding: generic, generic-dict, cborld, cborld-zlib, or smallest.
    #[arg(long, default_value = "smallest")]
    pub encoding: String,
    /// Error correction level: L, M, Q or H.
    #[arg(long, default_value = "M")]
    pub ecc: String,
    /// Pixels per module in the PNG.
    #[arg(long, default_value_t = 4)]
    pub module_px: usize,
    /// Printed width in millimetres (quiet zone included): sets SVG size and PNG pixels at 300 dpi.
    #[arg(long)]
    pub print_mm: Option<f64>,
    /// Quiet zone, in modules.
    #[arg(long, default_value_t = 4)]
    pub quiet_zone: usize,
}

/// Options of `serve`; with a subcommand, manages API keys instead of serving.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ServeArgs {
    /// API key management.
    #[command(subcommand)]
    pub command: Option<ServeCommand>,
    /// Address to listen on (default: from <home>/serve.toml, else 127.0.0.1:8443).
    #[arg(long)]
    pub listen: Option<String>,
    /// TLS certificate chain (PEM); without it a self-signed certificate for localhost is made.
    #[arg(long, requires = "tls_key")]
    pub cert: Option<PathBuf>,
    /// TLS private key (PEM, PKCS#8 or SEC1) of --cert.
    #[arg(long, requires = "cert")]
    pub tls_key: Option<PathBuf>,
    /// Server settings file (default: <home>/serve.toml, if it exists).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// `serve` subcommands.
#[derive(Subcommand)]
pub enum ServeCommand {
    /// Manage the API keys clients authenticate with.
    #[command(subcommand)]
    Key(ServeKeyCommand),
    /// Manage OAuth2 clients, which exchange their secret for expiring access tokens at
    /// POST /oauth/token (client credentials grant, RFC 6749 § 4.4).
    #[command(subcommand)]
    Client(ServeKeyCommand),
}

/// `serve key` and `serve client` subcommands.
#[derive(Subcommand)]
pub enum ServeKeyCommand {
    /// Create an API key (its token) or a client (its id and secret); the token or secret is
    /// printed once and stored only as a hash.
    Add {
        /// What it may do: issue, status, verify (comma-separated or repeated).
        #[arg(long, value_enum, value_delimiter = ',', required = true)]
        scope: Vec<Scope>,
        /// A label for people (no personal data), shown by `list`.
        #[arg(long, default_value = "")]
        label: String,
    },
    /// List them (id, scopes, label, created, revoked); never the tokens or secrets.
    List,
    /// Revoke one: the running server refuses it (and a client's access tokens) from its next
    /// request.
    Revoke {
        /// Its id (from `list`).
        id: String,
    },
}

/// What an API key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// POST /credentials/issue (and /issuers/…/credentials/issue).
    Issue,
    /// POST /credentials/status and status list publishing.
    Status,
    /// POST /credentials/verify, /presentations/verify, /credentials/derive (when verification
    /// is not open).
    Verify,
}

/// Key algorithms offered for new keys.
#[derive(Clone, Copy, ValueEnum)]
pub enum Alg {
    /// Ed25519 (eddsa-* suites).
    Ed25519,
    /// NIST P-256 (ecdsa-* suites).
    P256,
    /// NIST P-384 (ecdsa-* suites).
    P384,
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
