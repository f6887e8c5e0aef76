//! The JavaScript API (wasm-bindgen): `decodeQr` and `version`. Errors are thrown as the
//! verifier's are (`wasm-shared/js_error.rs`): an `Error` with a stable `code` and `args`.

#[path = "../../wasm-shared/js_error.rs"]
mod js_error;

use crate::{frame_size_ok, VERSION};
use credential_core::error::Error;
use js_error::js_error;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A camera or canvas frame: an `ImageData` or the same shape (RGBA bytes, row by row). */
export interface Frame { data: Uint8Array | Uint8ClampedArray; width: number; height: number; }
"#;

fn usage(message: &str) -> JsValue {
    js_error(&Error::MalformedDocument(message.to_owned()))
}

/// Reads the QR code in a camera or canvas frame (`ImageData`: RGBA bytes, width, height).
/// Throws `qr_not_found` when there is none.
#[wasm_bindgen(js_name = decodeQr)]
pub fn decode_qr(
    #[wasm_bindgen(unchecked_param_type = "Frame")] frame: JsValue,
) -> Result<String, JsValue> {
    let get = |k: &str| Reflect::get(&frame, &k.into());
    let width = get("width")?.as_f64().unwrap_or(0.0);
    let height = get("height")?.as_f64().unwrap_or(0.0);
    if !frame_size_ok(width, height) {
        return Err(usage(
            "decodeQr(frame): width and height must be positive and at most 4096×4096",
        ));
    }
    let data = get("data")?;
    if !data.is_object() {
        return Err(usage("decodeQr(frame): frame.data must be RGBA bytes"));
    }
    let pixels = Uint8Array::new(&data).to_vec();
    credential_core::qr::decode_rgba(&pixels, width as usize, height as usize)
        .map_err(|e| js_error(&e))
}

/// This module's version.
#[wasm_bindgen]
pub fn version() -> String {
    VERSION.to_owned()
}
