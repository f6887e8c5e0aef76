//! The verifier state behind the JavaScript API: one `Verifier` (its processed JSON-LD contexts
//! built once and reused by every call) and the trust bundle last loaded.

use crate::deferred::Recorder;
use crate::display::{self, Display};
use credential_core::error::Error;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{with_signature_check, PublicKey};
use credential_core::model::Timestamp;
use credential_core::verify::{VerificationReport, Verifier, VerifyOptions};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;

/// Options of `verify()`, as JavaScript passes them (camelCase, unknown keys refused so a typo
/// is not silently ignored).
#[derive(Debug, Default)]
pub struct Options {
    /// Verification time, RFC 3339 (default: the caller's clock).
    pub now: Option<String>,
    /// Display language: `en`, `fr`, `es` or `ar` (default `en`).
    pub language: Option<String>,
    /// A trust bundle (JSON text) to load before verifying, as `loadTrustBundle` would.
    pub trust_bundle: Option<String>,
    /// Trust anchors (did:key or Multikey) for `trust_bundle`.
    pub anchors: Vec<String>,
    /// The challenge this verifier gave the holder: a presentation's proof `challenge`, an
    /// SD-JWT's Key Binding JWT `nonce`.
    pub challenge: Option<String>,
    /// This verifier's domain: a presentation's proof `domain`, a Key Binding JWT's `aud`.
    pub domain: Option<String>,
}

impl Options {
    /// Reads the options object; the message of an error names the offending member.
    pub fn from_json(value: &serde_json::Value) -> Result<Options, String> {
        let object = value.as_object().ok_or("the options must be an object")?;
        let text = |key: &str| match object.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("{key} must be a string")),
        };
        let mut options = Options {
            now: text("now")?,
            language: text("language")?,
            trust_bundle: text("trustBundle")?,
            anchors: Vec::new(),
            challenge: text("challenge")?,
            domain: text("domain")?,
        };
        match object.get("anchors") {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::Array(items)) => {
                for item in items {
                    let anchor = item.as_str().ok_or("anchors must be strings")?;
                    options.anchors.push(anchor.to_owned());
                }
            }
            Some(_) => return Err("anchors must be an array of strings".into()),
        }
        if let Some(key) = object.keys().find(|k| {
            !matches!(
                k.as_str(),
                "now" | "language" | "trustBundle" | "anchors" | "challenge" | "domain"
            )
        }) {
            return Err(format!(
                "unknown field `{key}`, expected one of `now`, `language`, `trustBundle`, \
                 `anchors`, `challenge`, `domain`"
            ));
        }
        Ok(options)
    }
}

/// What `loadTrustBundle` reports about the bundle it accepted.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleSummary {
    /// Bundle version (monotonic; older ones are refused).
    pub version: u64,
    /// When the bundle was issued.
    pub issued: String,
    /// When a newer bundle is expected.
    pub next_update: String,
    /// Age in whole days at load time.
    pub age_days: i64,
    /// Recognised issuers: id and English name.
    pub issuers: Vec<IssuerSummary>,
}

/// One recognised issuer.
#[derive(Debug, Clone, Serialize)]
pub struct IssuerSummary {
    /// Issuer DID.
    pub id: String,
    /// English display name.
    pub name: String,
}

/// The result of `verify()`: the same report as `laissez verify --json`, plus display fields.
#[derive(Debug, Serialize)]
pub struct VerifyResult {
    /// The verification report.
    #[serde(flatten)]
    pub report: VerificationReport,
    /// Labels and values for a verdict screen, in the requested language.
    pub display: Display,
}

/// A verifier with its cached contexts and the trust bundle it owns.
pub struct Session {
    verifier: Verifier,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    /// A verifier with the bundled contexts and profiles, and no trust bundle.
    pub fn new() -> Self {
        Session {
            verifier: Verifier::new(ContextStore::bundled()),
        }
    }

    /// Checks `json` against `anchors` and keeps it for the following verifications. A bundle
    /// older than the one loaded is refused (`bundle_rollback`).
    pub fn load_trust_bundle(
        &mut self,
        json: &[u8],
        anchors: &[String],
        now: Timestamp,
    ) -> Result<BundleSummary, Error> {
        let anchors = anchors
            .iter()
            .map(|a| PublicKey::from_anchor(a))
            .collect::<Result<Vec<_>, _>>()?;
        let bundle = self.verifier.load_trust_bundle(json, &anchors, now)?;
        let summary = BundleSummary {
            version: bundle.version,
            issued: bundle.issued.to_rfc3339(),
            next_update: bundle.next_update.to_rfc3339(),
            age_days: bundle.age_days(now),
            issuers: bundle
                .issuers
                .iter()
                .map(|i| IssuerSummary {
                    id: i.id.clone(),
                    name: i.display_name("en").to_owned(),
                })
                .collect(),
        };
        Ok(summary)
    }

    /// Forgets the trust bundle (later verifications report `issuer_not_checked` at best).
    pub fn clear_trust_bundle(&mut self) {
        self.verifier.clear_trust_bundle();
    }

    /// Verifies envelope text, credential JSON or a JWT (reported unsupported) at `now`.
    pub fn verify(
        &mut self,
        input: &[u8],
        options: &Options,
        now: Timestamp,
    ) -> Result<VerifyResult, Error> {
        self.load_option_bundle(options, now)?;
        Ok(self.verify_loaded(input, options, now))
    }

    /// Loads the trust bundle of `options`, if any (`verifyAsync` does it before deferring
    /// signatures: the bundle's own signature is always checked in full before it is kept).
    pub fn load_option_bundle(&mut self, options: &Options, now: Timestamp) -> Result<(), Error> {
        if let Some(bundle) = &options.trust_bundle {
            self.load_trust_bundle(bundle.as_bytes(), &options.anchors, now)?;
        }
        Ok(())
    }

    /// Verifies with `recorder` deciding the signatures (see [`crate::deferred`]), the bundle of
    /// `options` already loaded.
    pub fn verify_recorded(
        &self,
        input: &[u8],
        options: &Options,
        now: Timestamp,
        recorder: Rc<RefCell<Recorder>>,
    ) -> VerifyResult {
        with_signature_check(recorder, || self.verify_loaded(input, options, now))
    }

    fn verify_loaded(&self, input: &[u8], options: &Options, now: Timestamp) -> VerifyResult {
        let mut opts = VerifyOptions::at(now);
        opts.challenge = options.challenge.as_deref();
        opts.domain = options.domain.as_deref();
        let (report, document) = self.verifier.verify_input_document(input, &opts);
        let language = options.language.as_deref().unwrap_or("en");
        let display = display::build(
            &report,
            document.as_ref(),
            self.verifier.profiles(),
            self.verifier.trust_bundle(),
            language,
            now,
        );
        VerifyResult { report, display }
    }
}

/// Parses an RFC 3339 time given by the caller.
pub fn parse_now(text: &str) -> Result<Timestamp, Error> {
    Timestamp::parse(text).ok_or_else(|| Error::InvalidDate {
        property: "now".into(),
        value: text.to_owned(),
    })
}
