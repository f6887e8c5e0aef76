//! The JavaScript API (wasm-bindgen). Errors are thrown as `Error` objects with a stable `code`
//! and `args`, as the verifier module throws them (`wasm-shared/js_error.rs`): with the code as
//! message id they render in the reader's language through the package's `messages` module.

use crate::holder_key;
use crate::wallet::Wallet;
use credential_core::error::Error;
use js_sys::{Reflect, JSON};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

#[path = "../../wasm-shared/js_error.rs"]
mod js_error;
use js_error::js_error;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** What to disclose besides the mandatory claims: a preset of the credential's profile, or JSON pointers into the credential (an SD-JWT VC: into its credential view). */
export type Choice = { preset: string } | { pointers: string[] };
/** A language of the Laissez catalogues and profiles. */
export type Language = "en" | "fr" | "es" | "ar";
/** A holder key's algorithm. */
export type KeyAlgorithm = "Ed25519" | "P-256" | "P-384";
/** A claim and its label in the requested language. */
export interface Claim { pointer: string; label: string; }
/** One preset as it applies to the credential. */
export interface PresetChoice { name: string; label: string; description: string; disclose: string[]; hidden: Claim[]; }
/** What presets() returns. */
export interface Presets {
  format: "ecdsa-sd-2023" | "sd-jwt-vc";
  profile?: string; title?: string;
  disclosable: Claim[];
  presets: PresetChoice[];
}
/** A JSON Web Key (public, or private with `d`). */
export interface Jwk { kty: string; crv: string; x: string; y?: string; d?: string; }
/** Binds an SD-JWT VC presentation to one verifier (RFC 9901 Key Binding JWT). */
export interface KeyBindingInput { holderJwk: Jwk; aud: string; nonce: string; iat: number; }
/** A new holder key. Keep privateJwk secret (encrypted at rest). */
export interface HolderKey {
  algorithm: KeyAlgorithm;
  privateJwk: Jwk; publicJwk: Jwk;
  didKey: string; didJwk: string; verificationMethod: string;
}
/** A QR code (ECC M): `width`×`width` modules, row-major, 1 = dark. */
export interface QrModules { width: number; version: number; modules: Uint8Array; }
/** What the module throws: `code` and `args` render in any language with the `messages` module; `message` is the two as text. */
export interface LaissezError extends Error { code: string; args: Record<string, string | number>; }
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);

    /// WebCrypto's `crypto.getRandomValues` (browsers, Node 20).
    #[wasm_bindgen(catch, js_namespace = crypto, js_name = getRandomValues)]
    fn get_random_values(buffer: &mut [u8]) -> Result<JsValue, JsValue>;
}

thread_local! {
    static WALLET: RefCell<Option<Wallet>> = const { RefCell::new(None) };
}

/// Runs `f` on the wallet, creating it (and processing its contexts lazily) on first use.
fn with_wallet<T>(f: impl FnOnce(&Wallet) -> T) -> T {
    WALLET.with(|w| {
        f(w.borrow_mut().get_or_insert_with(|| {
            std::panic::set_hook(Box::new(|info| {
                console_error(&format!("laissez holder bug: {info}"))
            }));
            Wallet::new()
        }))
    })
}

fn usage(message: &str) -> JsValue {
    js_error(&Error::MalformedDocument(message.to_owned()))
}

/// JSON text of `value`: a string as it is, an object through `JSON.stringify`.
fn text_of(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(s) = value.as_string() {
        Ok(s)
    } else if value.is_object() {
        Ok(JSON::stringify(value)?.into())
    } else {
        Err(usage(&format!("{what} must be a string or an object")))
    }
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| usage(&e.to_string()))?;
    JSON::parse(&text)
}

/// The module version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

/// The presets of the credential's profile that apply to it, and its disclosable claims,
/// labelled in `lang` (`en` by default, `fr`, `es`, `ar`). The credential is JSON with an
/// `ecdsa-sd-2023` base proof (text or object) or a compact SD-JWT VC.
#[wasm_bindgen(unchecked_return_type = "Presets")]
pub fn presets(
    #[wasm_bindgen(unchecked_param_type = "string | object")] credential: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let credential = text_of(&credential, "presets(credential)")?;
    let lang = lang.unwrap_or_else(|| "en".into());
    let out = with_wallet(|w| w.presets(&credential, &lang)).map_err(|e| js_error(&e))?;
    to_js(&out)
}

/// The credential derived from an `ecdsa-sd-2023` base credential, disclosing its mandatory
/// claims and the choice (a preset or pointers).
#[wasm_bindgen(unchecked_return_type = "object")]
pub fn derive(
    #[wasm_bindgen(js_name = baseCredential, unchecked_param_type = "string | object")]
    base_credential: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Choice")] choice: JsValue,
) -> Result<JsValue, JsValue> {
    let base = text_of(&base_credential, "derive(baseCredential)")?;
    let choice = text_of(&choice, "derive(…, choice)")?;
    let derived = with_wallet(|w| w.derive(&base, &choice)).map_err(|e| js_error(&e))?;
    to_js(&derived)
}

/// The compact presentation of an SD-JWT VC disclosing the choice, with a Key Binding JWT when
/// `keyBinding` is given (its `holderJwk` must be the credential's `cnf` key).
#[wasm_bindgen(js_name = presentSdJwt)]
pub fn present_sd_jwt(
    #[wasm_bindgen(js_name = sdJwt)] sd_jwt: &str,
    #[wasm_bindgen(unchecked_param_type = "Choice")] choice: JsValue,
    #[wasm_bindgen(js_name = keyBinding, unchecked_optional_param_type = "KeyBindingInput")]
    key_binding: Option<JsValue>,
) -> Result<String, JsValue> {
    let choice = text_of(&choice, "presentSdJwt(…, choice)")?;
    let key_binding = key_binding
        .map(|kb| text_of(&kb, "presentSdJwt(…, keyBinding)").map(Zeroizing::new))
        .transpose()?;
    with_wallet(|w| w.present_sd_jwt(sd_jwt, &choice, key_binding)).map_err(|e| js_error(&e))
}

/// A new holder key of `alg` (`Ed25519`, `P-256` or `P-384`) from WebCrypto randomness.
#[wasm_bindgen(js_name = generateHolderKey, unchecked_return_type = "HolderKey")]
pub fn generate_holder_key(
    #[wasm_bindgen(unchecked_param_type = "KeyAlgorithm")] alg: &str,
) -> Result<JsValue, JsValue> {
    let mut seed = Zeroizing::new([0u8; 32]);
    get_random_values(&mut seed[..])?;
    let key = holder_key::generate(alg, seed).map_err(|e| js_error(&e))?;
    let out = to_js(&key.public)?;
    Reflect::set(&out, &"privateJwk".into(), &JSON::parse(&key.private_jwk)?)?;
    Ok(out)
}

/// A Verifiable Presentation of a (derived) credential, signed by the holder's private JWK for
/// the verifier's challenge and domain.
#[wasm_bindgen(js_name = presentVp, unchecked_return_type = "object")]
pub fn present_vp(
    #[wasm_bindgen(unchecked_param_type = "string | object")] credential: JsValue,
    #[wasm_bindgen(js_name = holderJwk, unchecked_param_type = "Jwk | string")] holder_jwk: JsValue,
    challenge: &str,
    domain: &str,
) -> Result<JsValue, JsValue> {
    let credential = text_of(&credential, "presentVp(credential)")?;
    let jwk = Zeroizing::new(text_of(&holder_jwk, "presentVp(…, holderJwk)")?);
    let vp = with_wallet(|w| w.present_vp(&credential, jwk, challenge, domain))
        .map_err(|e| js_error(&e))?;
    to_js(&vp)
}

/// `text` as a QR code (ECC M; envelope text in alphanumeric mode), for the page to draw.
#[wasm_bindgen(js_name = qrCode, unchecked_return_type = "QrModules")]
pub fn qr_code(text: &str) -> Result<JsValue, JsValue> {
    let qr = crate::qr_code::qr_code(text).map_err(|e| js_error(&e))?;
    let out = js_sys::Object::new();
    Reflect::set(&out, &"width".into(), &(qr.width as u32).into())?;
    Reflect::set(&out, &"version".into(), &i32::from(qr.version).into())?;
    let modules = js_sys::Uint8Array::from(qr.modules.as_slice());
    Reflect::set(&out, &"modules".into(), &modules)?;
    Ok(out.into())
}

/// A compact SD-JWT / JWT or credential JSON as the shortest envelope text (`LZ1:…`) that
/// carries it; envelope text is returned as it is.
#[wasm_bindgen(js_name = toEnvelope)]
pub fn to_envelope(input: &str) -> Result<String, JsValue> {
    with_wallet(|w| w.to_envelope(input)).map_err(|e| js_error(&e))
}

/// What envelope text (`LZ1:…`) carries: credential JSON text or a compact SD-JWT / JWT. Other
/// text is returned as it is.
#[wasm_bindgen(js_name = openEnvelope)]
pub fn open_envelope(input: &str) -> Result<String, JsValue> {
    with_wallet(|w| w.open_envelope(input)).map_err(|e| js_error(&e))
}
