//! The platform's signature checks for `verifyAsync`: WebCrypto's `crypto.subtle` (browsers,
//! Node 20+), reached through `globalThis` so the module needs no bindings of its own. Which
//! algorithms it has is detected once per module by checking a known signature (Ed25519) or
//! importing a known key and checking a signature that must fail (ECDSA P-256 and P-384; the
//! P-384 key compressed, as Multikeys carry it, so a platform that cannot import a compressed
//! point is found not to have P-384).

use crate::deferred::Pending;
use credential_core::keys::Algorithm;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// RFC 8032 section 7.1, TEST 1: public key and the signature of the empty message.
const ED25519_PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const ED25519_SIGNATURE: &str = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
/// The P-256 base point G (SEC 2, section 2.4.2), uncompressed: a valid public key.
const P256_G: &str = "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";
/// The P-384 base point G (SEC 2, section 2.5.1), compressed (its `y` is odd).
const P384_G: &str = "03aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7";

/// Imported keys kept at most (the issuers a kiosk meets are few; the cache is emptied when full).
const MAX_KEYS: usize = 64;

thread_local! {
    static DETECTED: RefCell<Option<Vec<Algorithm>>> = const { RefCell::new(None) };
    static KEYS: RefCell<HashMap<Vec<u8>, JsValue>> = RefCell::new(HashMap::new());
}

/// The algorithms `crypto.subtle` verifies here (detected on the first call).
pub async fn algorithms() -> Vec<Algorithm> {
    if let Some(found) = DETECTED.with(|d| d.borrow().clone()) {
        return found;
    }
    let mut found = Vec::new();
    for (probe, expected) in probes() {
        if verify(&probe).await == Ok(expected) {
            found.push(probe.algorithm);
        }
    }
    DETECTED.with(|d| *d.borrow_mut() = Some(found.clone()));
    found
}

/// Known checks and their answers, one per algorithm: RFC 8032's TEST 1 signature (valid),
/// signatures by no one under the P-256 and P-384 base points (invalid).
pub(crate) fn probes() -> [(Pending, bool); 3] {
    [
        (
            Pending {
                algorithm: Algorithm::Ed25519,
                key: unhex(ED25519_PUBLIC),
                message: Vec::new(),
                signature: unhex(ED25519_SIGNATURE),
            },
            true,
        ),
        (
            Pending {
                algorithm: Algorithm::P256,
                key: unhex(P256_G),
                message: b"probe".to_vec(),
                signature: vec![1; 64],
            },
            false,
        ),
        (
            Pending {
                algorithm: Algorithm::P384,
                key: unhex(P384_G),
                message: b"probe".to_vec(),
                signature: vec![1; 96],
            },
            false,
        ),
    ]
}

/// The platform's verdict on each signature, `None` where it gave none (checked in Rust then).
pub async fn check(pending: &[Pending]) -> Vec<Option<bool>> {
    let mut verdicts = Vec::with_capacity(pending.len());
    let promises = Array::new();
    for p in pending {
        match start(p).await {
            Ok(promise) => {
                promises.push(&promise);
                verdicts.push(Some(false));
            }
            Err(_) => verdicts.push(None),
        }
    }
    let answers = match JsFuture::from(Promise::all(&promises)).await {
        Ok(answers) => Array::from(&answers),
        // One check failed to run: all of them are decided in Rust.
        Err(_) => return vec![None; pending.len()],
    };
    let mut next = answers.iter();
    for verdict in verdicts.iter_mut().filter(|v| v.is_some()) {
        *verdict = next.next().and_then(|a| a.as_bool());
    }
    verdicts
}

/// One signature checked by the platform.
async fn verify(p: &Pending) -> Result<bool, JsValue> {
    let answer = JsFuture::from(start(p).await?).await?;
    answer
        .as_bool()
        .ok_or_else(|| "verify did not answer a boolean".into())
}

/// Starts `crypto.subtle.verify` on `p` (importing its key first, once per key).
async fn start(p: &Pending) -> Result<Promise, JsValue> {
    let subtle = subtle()?;
    let (import, params) = match p.algorithm {
        Algorithm::Ed25519 => (
            object(&[("name", "Ed25519")]),
            object(&[("name", "Ed25519")]),
        ),
        Algorithm::P256 => (
            object(&[("name", "ECDSA"), ("namedCurve", "P-256")]),
            object(&[("name", "ECDSA"), ("hash", "SHA-256")]),
        ),
        Algorithm::P384 => (
            object(&[("name", "ECDSA"), ("namedCurve", "P-384")]),
            object(&[("name", "ECDSA"), ("hash", "SHA-384")]),
        ),
    };
    let mut id = vec![p.algorithm as u8];
    id.extend(&p.key);
    let key = match KEYS.with(|k| k.borrow().get(&id).cloned()) {
        Some(key) => key,
        None => {
            let usages = Array::of1(&"verify".into());
            let imported = call(
                &subtle,
                "importKey",
                &[
                    &"raw".into(),
                    &bytes(&p.key),
                    &import,
                    &false.into(),
                    &usages,
                ],
            )?;
            let key = JsFuture::from(imported.dyn_into::<Promise>()?).await?;
            KEYS.with(|k| {
                let mut keys = k.borrow_mut();
                if keys.len() >= MAX_KEYS {
                    keys.clear();
                }
                keys.insert(id, key.clone());
            });
            key
        }
    };
    let verified = call(
        &subtle,
        "verify",
        &[&params, &key, &bytes(&p.signature), &bytes(&p.message)],
    )?;
    verified.dyn_into::<Promise>()
}

/// `globalThis.crypto.subtle`, or an error where there is none (an insecure browser context).
fn subtle() -> Result<JsValue, JsValue> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into())?;
    let subtle = if crypto.is_object() {
        Reflect::get(&crypto, &"subtle".into())?
    } else {
        JsValue::UNDEFINED
    };
    if subtle.is_object() {
        Ok(subtle)
    } else {
        Err("no crypto.subtle".into())
    }
}

fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    f.apply(target, &args.iter().copied().collect::<Array>())
}

fn object(members: &[(&str, &str)]) -> JsValue {
    let o = Object::new();
    for (k, v) in members {
        let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o.into()
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

/// Decodes a hexadecimal constant.
pub(crate) fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .filter_map(|i| u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}
