//! DIDs: `did:key` and `did:jwk` resolve inline; every other method only through a caller-supplied
//! [`DidResolver`] (the trust bundle), never over the network.

use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use crate::keys::PublicKey;
use std::collections::HashMap;
use std::sync::Mutex;

/// Maximum length of a DID URL we will look at.
const MAX_DID_URL: usize = 2048;

/// `did:key` keys already read, by multibase value: reading one decodes base58 and, for
/// Ed25519, decompresses a curve point (together about a fifth of an Ed25519 signature check),
/// and a verifier meets the same few issuers again and again. Emptied when full.
static DID_KEYS: Mutex<Option<HashMap<String, PublicKey>>> = Mutex::new(None);
const MAX_DID_KEYS: usize = 64;

/// `PublicKey::from_multikey` through [`DID_KEYS`]; only keys that read are kept.
fn did_key_public_key(mb: &str) -> Result<PublicKey> {
    if let Some(key) = with_did_keys(|keys| keys.get(mb).cloned()) {
        return Ok(key);
    }
    let key = PublicKey::from_multikey(mb)?;
    with_did_keys(|keys| {
        if keys.len() >= MAX_DID_KEYS {
            keys.clear();
        }
        keys.insert(mb.to_owned(), key.clone());
    });
    Ok(key)
}

fn with_did_keys<R>(f: impl FnOnce(&mut HashMap<String, PublicKey>) -> R) -> R {
    // A poisoned lock only means a panic elsewhere while holding it: the map is still whole.
    let mut guard = DID_KEYS.lock().unwrap_or_else(|p| p.into_inner());
    f(guard.get_or_insert_with(HashMap::new))
}

/// A resolved verification method: its id, its controller DID and its public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerificationMethod {
    /// The verification method id (a DID URL with a fragment).
    pub id: String,
    /// The DID that controls the key.
    pub controller: String,
    /// The public key.
    pub public_key: PublicKey,
}

/// Resolves verification methods of DID methods that cannot be resolved inline (e.g. `did:web`
/// from an offline trust bundle).
pub trait DidResolver {
    /// Returns the verification method `id`, `Ok(None)` if this resolver does not know the DID,
    /// or an error if it knows the DID but the method is absent or not usable for assertions.
    fn resolve(&self, id: &str) -> Result<Option<VerificationMethod>>;
}

/// Resolves `id` inline (`did:key`, `did:jwk`) or through `resolver`; otherwise fails with
/// `unresolvable_did`.
pub fn resolve(id: &str, resolver: Option<&dyn DidResolver>) -> Result<VerificationMethod> {
    if id.len() > MAX_DID_URL {
        return Err(Error::InvalidDid("DID URL too long".into()));
    }
    if let Some(rest) = id.strip_prefix("did:key:") {
        return resolve_did_key(id, rest);
    }
    if let Some(rest) = id.strip_prefix("did:jwk:") {
        return resolve_did_jwk(id, rest);
    }
    if !id.starts_with("did:") {
        return Err(Error::InvalidDid(format!(
            "verification method {id:?} is not a DID URL"
        )));
    }
    match resolver {
        Some(r) => r
            .resolve(id)?
            .ok_or_else(|| Error::UnresolvableDid(did_of(id).to_owned())),
        None => Err(Error::UnresolvableDid(did_of(id).to_owned())),
    }
}

/// The DID part of a DID URL (before `#`, `?` or `/` after the method-specific id).
pub fn did_of(did_url: &str) -> &str {
    let end = did_url.find(['#', '?']).unwrap_or(did_url.len());
    &did_url[..end]
}

fn resolve_did_key(id: &str, rest: &str) -> Result<VerificationMethod> {
    let (mb, fragment) = match rest.split_once('#') {
        Some((mb, f)) => (mb, Some(f)),
        None => (rest, None),
    };
    if let Some(f) = fragment {
        if f != mb {
            return Err(Error::VerificationMethodNotFound(format!(
                "{id}: a did:key has one verification method, #{mb}"
            )));
        }
    }
    let public_key = did_key_public_key(mb).map_err(|e| match e {
        Error::WeakKey(m) => Error::WeakKey(m),
        other => Error::InvalidDid(format!("did:key {mb}: {}", other.code())),
    })?;
    let controller = ["did:key:", mb].concat();
    Ok(VerificationMethod {
        id: [controller.as_str(), "#", mb].concat(),
        controller,
        public_key,
    })
}

fn resolve_did_jwk(id: &str, rest: &str) -> Result<VerificationMethod> {
    let (enc, fragment) = match rest.split_once('#') {
        Some((e, f)) => (e, Some(f)),
        None => (rest, None),
    };
    if fragment.is_some_and(|f| f != "0") {
        return Err(Error::VerificationMethodNotFound(format!(
            "{id}: a did:jwk has one verification method, #0"
        )));
    }
    let bytes = B64
        .decode(enc)
        .ok_or_else(|| Error::InvalidDid("did:jwk is not base64url".into()))?;
    let jwk = crate::json::parse_bounded(
        &bytes,
        crate::json::JsonLimits {
            max_bytes: 1024,
            max_depth: 2,
            max_objects: 1,
            max_array_len: 1,
            max_values: 16,
        },
    )
    .map_err(|e| Error::InvalidDid(format!("did:jwk: {}", e.code())))?;
    if jwk.get("d").is_some() {
        return Err(Error::InvalidDid(
            "did:jwk must not contain a private key".into(),
        ));
    }
    let public_key = PublicKey::from_jwk(&jwk)?;
    Ok(VerificationMethod {
        id: format!("did:jwk:{enc}#0"),
        controller: format!("did:jwk:{enc}"),
        public_key,
    })
}

/// The `did:key` DID for `key`.
pub fn did_key(key: &PublicKey) -> String {
    format!("did:key:{}", key.to_multikey())
}

/// The `did:key` verification method id for `key` (`did:key:X#X`).
pub fn did_key_vm(key: &PublicKey) -> String {
    let mb = key.to_multikey();
    format!("did:key:{mb}#{mb}")
}

/// The `did:jwk` DID for `key` (JWK members in lexicographic order, base64url).
pub fn did_jwk(key: &PublicKey) -> String {
    format!("did:jwk:{}", B64.encode(key.to_jwk().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_key_round_trip_and_fragment_check() {
        let vm = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        let r = resolve(vm, None).unwrap();
        assert_eq!(r.id, vm);
        assert_eq!(did_key_vm(&r.public_key), vm);
        let wrong = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#other";
        assert_eq!(
            resolve(wrong, None).unwrap_err().code(),
            "verification_method_not_found"
        );
        assert_eq!(
            resolve("did:web:example.org#key-1", None)
                .unwrap_err()
                .code(),
            "unresolvable_did"
        );
    }

    #[test]
    fn did_jwk_round_trip() {
        let key = resolve(
            "did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP",
            None,
        )
        .unwrap()
        .public_key;
        let did = did_jwk(&key);
        let r = resolve(&format!("{did}#0"), None).unwrap();
        assert_eq!(r.public_key, key);
        assert_eq!(r.controller, did);
    }

    #[test]
    fn small_order_ed25519_did_key_is_weak() {
        // The identity point (y = 1) has order 1.
        let mut bytes = vec![0xed, 0x01, 1];
        bytes.extend([0u8; 31]);
        let did = format!("did:key:z{}", bs58::encode(&bytes).into_string());
        assert_eq!(resolve(&did, None).unwrap_err().code(), "weak_key");
    }
}
