//! The JavaScript API (wasm-bindgen). Errors are thrown as `Error` objects with a stable `code`
//! property (the same codes as the CLI's reports) and `args`: with the code as message id, they
//! render in the reader's language through the package's `messages` module.

use crate::deferred::Recorder;
use crate::session::{parse_now, Options, Session};
use crate::{node_crypto, webcrypto};
use credential_core::error::Error;
use credential_core::keys::Algorithm;
use credential_core::model::Timestamp;
use js_sys::{Reflect, Uint8Array, JSON};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of verify(). */
export interface VerifyOptions {
  /** Verification time (RFC 3339); default: now. */
  now?: string;
  /** Display language: "en" (default), "fr", "es" or "ar". */
  language?: "en" | "fr" | "es" | "ar";
  /** A trust bundle (JSON text) to load first, as loadTrustBundle() does. */
  trustBundle?: string;
  /** Trust anchors for trustBundle: did:key or Multikey values. */
  anchors?: string[];
  /** The challenge this verifier gave the holder: checked against a presentation's proof or an SD-JWT's Key Binding JWT (`nonce`). */
  challenge?: string;
  /** This verifier's domain: checked against a presentation's proof or a Key Binding JWT (`aud`). */
  domain?: string;
}
/** The verdict of a report (generated from credential-core's `Verdict`; tests/codes.rs checks it). */
export type Verdict = "valid" | "issuer_not_checked" | "invalid" | "expired" | "not_yet_valid" | "untrusted" | "revoked" | "suspended";
/** What a check examined (generated from credential-core's `CheckCode`; tests/codes.rs checks it). */
export type CheckCode = "well_formed" | "data_model" | "schema_valid" | "proof_present" | "signature_valid" | "issuer_key_binding" | "proof_chain" | "holder_binding" | "valid_from" | "valid_until" | "issuer_trusted" | "issuer_authorised_for_type" | "trust_data_fresh" | "trust_not_evaluated" | "revocation_status" | "suspension_status" | "status_unknown" | "credential_status";
/** A message for people: an entry of the Laissez catalogues (locales/<lang>/*.ftl) and its arguments; render it with the package's `messages` module. */
export interface Message { id: string; args?: Record<string, string | number>; }
/** One check of a report. */
export interface Check { code: CheckCode; status: "pass" | "fail" | "warning" | "skipped"; message: Message; error?: string; }
/** What the verifier throws: `code` and `args` render in any language with the `messages` module; `message` is the two as text. */
export interface LaissezError extends Error { code: string; args: Record<string, string | number>; }
/** The verification report, identical to `laissez verify --json`, plus display fields. */
export interface VerifyResult {
  verdict: Verdict;
  kind: "credential" | "presentation";
  checks: Check[];
  credential: { id?: string; issuer?: string; issuerName?: string; types: string[]; validFrom?: string; validUntil?: string; cryptosuites: string[]; profile?: string; };
  verifiedAt: string;
  /** The trust bundle the issuer and status were checked against (absent: none loaded). */
  trustBundle?: { id?: string; version: number; issued: string; nextUpdate: string; ageDays: number; };
  display: {
    language: string; direction: "ltr" | "rtl"; title?: string; issuerName?: string;
    fields: { name: string; label: string; value: string; boolean?: boolean }[];
    trustDataAgeDays?: number;
  };
}
/** What loadTrustBundle() accepted. */
export interface TrustBundleSummary {
  version: number; issued: string; nextUpdate: string; ageDays: number;
  issuers: { id: string; name: string }[];
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// A panic is a bug (every input error is a typed error), but if one happens the message goes to
/// the console before the module traps, so it can be reported.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!("laissez verifier bug: {info}"))
    }));
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Runs `f` on the verifier, creating it (and processing its contexts) on first use only.
fn with_session<T>(f: impl FnOnce(&mut Session) -> T) -> T {
    SESSION.with(|s| {
        f(s.borrow_mut().get_or_insert_with(|| {
            install_panic_hook();
            Session::new()
        }))
    })
}

/// The error as a JavaScript `Error`: `code` (also the catalogue message id) and `args`, which the
/// package's `messages` module renders in any language. Its `message` is the code and the
/// arguments as JSON: the English sentences stay in the catalogues, out of the module.
fn js_error(e: &Error) -> JsValue {
    // Serialising a map of strings and integers cannot fail.
    let args = serde_json::to_string(&e.message().args).unwrap_or_else(|_| "{}".into());
    let err = js_sys::Error::new(&format!("{} {args}", e.code()));
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    let args = JSON::parse(&args).unwrap_or_else(|_| js_sys::Object::new().into());
    let _ = Reflect::set(&err, &"args".into(), &args);
    err.into()
}

fn usage(message: &str) -> JsValue {
    js_error(&Error::MalformedDocument(message.to_owned()))
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // A report is maps, strings, numbers and booleans: serialising it does not fail.
    let text = serde_json::to_string(value).map_err(|_| usage("the result is not serialisable"))?;
    JSON::parse(&text)
}

fn now_from(option: Option<&str>) -> Result<Timestamp, JsValue> {
    match option {
        Some(t) => parse_now(t).map_err(|e| js_error(&e)),
        None => Ok(Timestamp((js_sys::Date::now() / 1000.0) as i64)),
    }
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

/// Builds the verifier now (its JSON-LD contexts, profiles and schemas) instead of on the first
/// `verify`: call it once the page has started (e.g. when idle) to take that work off the first
/// scan. Verification works without it.
#[wasm_bindgen]
pub fn prepare() {
    with_session(|_| ());
}

/// Verifies a credential: QR envelope text (`LZ1:...`), credential JSON (text, bytes or an
/// object), or a JWT (reported as unsupported). Returns the report with display fields; throws
/// only for bad options or a trust bundle that does not load. Signatures are checked by Node's
/// crypto in Node, in Rust (WASM) elsewhere; `verifyAsync` has WebCrypto check them in browsers,
/// with the same report. This module has no Rust check for P-384: outside Node, a P-384
/// signature is `unsupported_key_algorithm` here and checked by WebCrypto in `verifyAsync`.
#[wasm_bindgen(unchecked_return_type = "VerifyResult")]
pub fn verify(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VerifyOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (bytes, options, now) = arguments(&input, &options)?;
    let recorder = Rc::new(RefCell::new(
        Recorder::new(Vec::new()).with_native(node_crypto::check),
    ));
    let result = with_session(|s| {
        s.load_option_bundle(&options, now)?;
        Ok(s.verify_recorded(&bytes, &options, now, recorder))
    })
    .map_err(|e| js_error(&e))?;
    to_js(&result)
}

/// What `verify` does, with the signatures of the algorithms WebCrypto has (Ed25519, ECDSA
/// P-256 and P-384; detected once) checked by `crypto.subtle.verify` (by Node's synchronous crypto in Node)
/// and the others in Rust: resolves to the report `verify` returns (decision 0016), rejects as
/// `verify` throws.
#[wasm_bindgen(js_name = verifyAsync, unchecked_return_type = "VerifyResult")]
pub async fn verify_async(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VerifyOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (bytes, options, now) = arguments(&input, &options)?;
    with_session(|s| s.load_option_bundle(&options, now)).map_err(|e| js_error(&e))?;
    // Node's synchronous crypto first; WebCrypto (detected on first use) for what it lacks.
    let deferred = if PLATFORM_ALGORITHMS.iter().all(|a| node_crypto::has(*a)) {
        Vec::new()
    } else {
        webcrypto::algorithms()
            .await
            .into_iter()
            .filter(|a| !node_crypto::has(*a))
            .collect()
    };
    let recorder = Rc::new(RefCell::new(
        Recorder::new(deferred).with_native(node_crypto::check),
    ));
    let mut round = 0;
    loop {
        round += 1;
        if round > MAX_ROUNDS {
            recorder.borrow_mut().stop_deferring();
        }
        let result = with_session(|s| s.verify_recorded(&bytes, &options, now, recorder.clone()));
        let pending = recorder.borrow_mut().take_pending();
        if pending.is_empty() {
            return to_js(&result);
        }
        let verdicts = webcrypto::check(&pending).await;
        for (p, v) in pending.iter().zip(&verdicts) {
            recorder.borrow_mut().answer(p, *v);
        }
        if verdicts.iter().all(|v| *v == Some(true)) {
            // Every signature answered "valid" for now was valid: the report stands.
            return to_js(&result);
        }
    }
}

/// The algorithms a platform may check (P-384 only there: this module has no Rust check for it,
/// decisions 0009 and 0025).
const PLATFORM_ALGORITHMS: [Algorithm; 3] = [Algorithm::Ed25519, Algorithm::P256, Algorithm::P384];

/// Verifications again with the platform's verdicts before `verifyAsync` checks whatever is
/// left in Rust (a hostile input cannot make it loop).
const MAX_ROUNDS: usize = 4;

/// Reads `verify`'s arguments: the input's bytes, the options and the verification time.
fn arguments(input: &JsValue, options: &JsValue) -> Result<(Vec<u8>, Options, Timestamp), JsValue> {
    let bytes = if let Some(s) = input.as_string() {
        s.into_bytes()
    } else if input.is_instance_of::<Uint8Array>() {
        Uint8Array::new(input).to_vec()
    } else if input.is_object() {
        String::from(JSON::stringify(input)?).into_bytes()
    } else {
        return Err(usage(
            "verify(input): input must be a string, a Uint8Array or an object",
        ));
    };
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        let text = String::from(JSON::stringify(options)?);
        serde_json::from_str::<serde_json::Value>(&text)
            .map_err(|e| credential_core::json::describe_error(&e))
            .and_then(|v| Options::from_json(&v))
            .map_err(|e| usage(&format!("verify options: {e}")))?
    };
    let now = now_from(options.now.as_deref())?;
    Ok((bytes, options, now))
}

/// Checks a trust bundle against the anchors (did:key or Multikey) and keeps it for the
/// following verifications.
#[wasm_bindgen(js_name = loadTrustBundle, unchecked_return_type = "TrustBundleSummary")]
pub fn load_trust_bundle(
    json: &str,
    anchors: Vec<String>,
    now: Option<String>,
) -> Result<JsValue, JsValue> {
    let now = now_from(now.as_deref())?;
    let summary = with_session(|s| s.load_trust_bundle(json.as_bytes(), &anchors, now))
        .map_err(|e| js_error(&e))?;
    to_js(&summary)
}

/// Forgets the loaded trust bundle.
#[wasm_bindgen(js_name = clearTrustBundle)]
pub fn clear_trust_bundle() {
    with_session(Session::clear_trust_bundle);
}
