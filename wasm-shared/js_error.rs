//! How a Laissez WebAssembly module throws a `credential_core::Error` to JavaScript: an `Error`
//! whose `code` is the error's stable code (also its message id in the Fluent catalogues) and
//! whose `args` are the message arguments, so that the npm package's `messages` module renders it
//! in any language. Its `message` is the code and the arguments as JSON: the English sentences
//! stay in the catalogues, out of the module.
//!
//! One file for every module of the package, included by path (`#[path]`): the modules are
//! separate crates with no Rust crate of their own in common but the core, which has no
//! JavaScript in it.

use credential_core::error::Error;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

/// The error as a JavaScript `Error` with `code` and `args`.
pub fn js_error(e: &Error) -> JsValue {
    // Serialising a map of strings and integers cannot fail.
    let args = serde_json::to_string(&e.message().args).unwrap_or_else(|_| "{}".into());
    let err = js_sys::Error::new(&format!("{} {args}", e.code()));
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    let args = JSON::parse(&args).unwrap_or_else(|_| js_sys::Object::new().into());
    let _ = Reflect::set(&err, &"args".into(), &args);
    err.into()
}
