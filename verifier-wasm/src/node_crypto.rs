//! Node's own crypto (`node:crypto`, OpenSSL), reached through `process.getBuiltinModule` (Node
//! 20.16+): its `verify` is synchronous, so in Node both `verify` and `verifyAsync` have Ed25519
//! and ECDSA P-256 and P-384 checked natively (P-384 only here: this module has no Rust check
//! for it), without WebCrypto's asynchronous round trip (which costs
//! Node more than the Rust check of an Ed25519 signature). Detected once per module, like
//! WebCrypto: a known Ed25519 signature must verify and bad P-256 and P-384 ones must not.

use crate::deferred::Pending;
use crate::webcrypto::{probes, unhex};
use credential_core::keys::Algorithm;
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// DER SubjectPublicKeyInfo prefixes (RFC 8410 for Ed25519; RFC 5480 for an uncompressed P-256
/// point and a compressed or uncompressed P-384 point, secp384r1): the raw key follows.
const ED25519_SPKI: &str = "302a300506032b6570032100";
const P256_SPKI: &str = "3059301306072a8648ce3d020106082a8648ce3d030107034200";
const P384_COMPRESSED_SPKI: &str = "3046301006072a8648ce3d020106052b81040022033200";
const P384_SPKI: &str = "3076301006072a8648ce3d020106052b81040022036200";

/// Imported keys kept at most (emptied when full).
const MAX_KEYS: usize = 64;

thread_local! {
    static NODE: RefCell<Option<Option<Node>>> = const { RefCell::new(None) };
}

/// `node:crypto` with the algorithms it was found to verify.
struct Node {
    crypto: JsValue,
    algorithms: Vec<Algorithm>,
    keys: HashMap<Vec<u8>, JsValue>,
}

/// Node's verdict on `p`, or `None` outside Node or where it has none (checked in Rust then).
pub fn check(p: &Pending) -> Option<bool> {
    NODE.with(|n| {
        let mut n = n.borrow_mut();
        let node = n.get_or_insert_with(detect).as_mut()?;
        if !node.algorithms.contains(&p.algorithm) {
            return None;
        }
        node.verify(p).ok()
    })
}

/// Whether Node's crypto verifies `algorithm` here.
pub fn has(algorithm: Algorithm) -> bool {
    NODE.with(|n| {
        n.borrow_mut()
            .get_or_insert_with(detect)
            .as_ref()
            .is_some_and(|node| node.algorithms.contains(&algorithm))
    })
}

fn detect() -> Option<Node> {
    let process = Reflect::get(&js_sys::global(), &"process".into()).ok()?;
    let load: Function = Reflect::get(&process, &"getBuiltinModule".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let crypto = load.call1(&process, &"node:crypto".into()).ok()?;
    let mut node = Node {
        crypto,
        algorithms: vec![Algorithm::Ed25519, Algorithm::P256, Algorithm::P384],
        keys: HashMap::new(),
    };
    let mut found = Vec::new();
    for (probe, expected) in probes() {
        if node.verify(&probe) == Ok(expected) {
            found.push(probe.algorithm);
        }
    }
    node.keys.clear();
    node.algorithms = found;
    Some(node)
}

impl Node {
    fn verify(&mut self, p: &Pending) -> Result<bool, JsValue> {
        let (prefix, hash) = match p.algorithm {
            Algorithm::Ed25519 => (ED25519_SPKI, JsValue::NULL),
            Algorithm::P256 => (P256_SPKI, "sha256".into()),
            Algorithm::P384 if p.key.len() == 49 => (P384_COMPRESSED_SPKI, "sha384".into()),
            Algorithm::P384 => (P384_SPKI, "sha384".into()),
        };
        let mut der = unhex(prefix);
        der.extend(&p.key);
        let key = match self.keys.get(&der) {
            Some(key) => key.clone(),
            None => {
                let options = Object::new();
                Reflect::set(&options, &"key".into(), &Uint8Array::from(&der[..]))?;
                Reflect::set(&options, &"format".into(), &"der".into())?;
                Reflect::set(&options, &"type".into(), &"spki".into())?;
                let key = call(&self.crypto, "createPublicKey", &[&options])?;
                if self.keys.len() >= MAX_KEYS {
                    self.keys.clear();
                }
                self.keys.insert(der, key.clone());
                key
            }
        };
        // ECDSA signatures are raw r || s (IEEE P1363), not DER.
        let key = if p.algorithm == Algorithm::Ed25519 {
            key
        } else {
            let options = Object::new();
            Reflect::set(&options, &"key".into(), &key)?;
            Reflect::set(&options, &"dsaEncoding".into(), &"ieee-p1363".into())?;
            options.into()
        };
        let message: JsValue = Uint8Array::from(&p.message[..]).into();
        let signature: JsValue = Uint8Array::from(&p.signature[..]).into();
        call(&self.crypto, "verify", &[&hash, &message, &key, &signature])?
            .as_bool()
            .ok_or_else(|| "verify did not answer a boolean".into())
    }
}

fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    f.apply(target, &args.iter().copied().collect::<Array>())
}
