//! The JavaScript API (wasm-bindgen). Errors are thrown as the verifier module throws them
//! (`wasm-shared/js_error.rs`): `code` and `args`, rendered in the reader's language by the
//! package's `messages` module.

use crate::session::{self, Session};
use credential_core::error::Error;
use credential_core::model::Timestamp;
use js_sys::JSON;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[path = "../../wasm-shared/js_error.rs"]
mod js_error;
use js_error::js_error;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A format a QR code's text is in. */
export type Format = "laissez" | "eu-dcc" | "shc" | "claim169";
/** A message for people: an entry of the Laissez catalogues and its arguments. */
export interface Message { id: string; args?: Record<string, string | number>; }
/** The verification report of a code in another format (as `laissez verify --json`). */
export interface FormatReport {
  verdict: string; kind: "credential"; format: Format;
  checks: { code: string; status: "pass" | "fail" | "warning" | "skipped"; message: Message; error?: string; }[];
  credential: { issuer?: string; types: string[]; validFrom?: string; validUntil?: string; holder?: string;
    fields?: { label: Message; value: string }[]; photo?: string; };
  verifiedAt: string;
  trustBundle?: { id?: string; version: number; issued: string; nextUpdate: string; ageDays: number; };
}
/** What loadTrustBundle() accepted. */
export interface FormatTrustSummary {
  version: number; issued: string; nextUpdate: string; ageDays: number;
  dccSigners: number; shcIssuers: number; claim169Issuers: number;
}
/** What the module throws. */
export interface LaissezError extends Error { code: string; args: Record<string, string | number>; }
"#;

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

fn with_session<T>(f: impl FnOnce(&mut Session) -> T) -> T {
    SESSION.with(|s| f(s.borrow_mut().get_or_insert_with(Session::new)))
}

fn now_from(option: Option<String>) -> Result<Timestamp, JsValue> {
    match option {
        Some(t) => Timestamp::parse(&t).ok_or_else(|| {
            js_error(&Error::InvalidDate {
                property: "now".into(),
                value: t,
            })
        }),
        None => Ok(Timestamp((js_sys::Date::now() / 1000.0) as i64)),
    }
}

fn to_js(value: &impl serde::Serialize) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| js_error(&Error::MalformedDocument(e.to_string())))?;
    JSON::parse(&text)
}

/// The module version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

/// The format of a QR code's text: `eu-dcc`, `shc`, `claim169` or `laissez`.
#[wasm_bindgen(unchecked_return_type = "Format")]
pub fn detect(text: &str) -> String {
    session::detect(text).to_owned()
}

/// Verifies the text of an `HC1:`, `shc:/` or Claim 169 code at `now` (RFC 3339; default: the
/// clock) against the loaded trust bundle. Throws `unsupported_format` for other text.
#[wasm_bindgen(unchecked_return_type = "FormatReport")]
pub fn verify(text: &str, now: Option<String>) -> Result<JsValue, JsValue> {
    let now = now_from(now)?;
    let report = with_session(|s| s.verify(text, now)).map_err(|e| js_error(&e))?;
    to_js(&report)
}

/// Checks a trust bundle against the anchors (did:key or Multikey), as the verifier module's
/// `loadTrustBundle` does, and keeps it for the following verifications.
#[wasm_bindgen(js_name = loadTrustBundle, unchecked_return_type = "FormatTrustSummary")]
pub fn load_trust_bundle(
    json: &str,
    anchors: Vec<String>,
    now: Option<String>,
) -> Result<JsValue, JsValue> {
    let now = now_from(now)?;
    let summary = with_session(|s| s.load_trust_bundle(json.as_bytes(), &anchors, now))
        .map_err(|e| js_error(&e))?;
    to_js(&summary)
}

/// Forgets the loaded trust bundle.
#[wasm_bindgen(js_name = clearTrustBundle)]
pub fn clear_trust_bundle() {
    with_session(Session::clear_trust_bundle);
}
