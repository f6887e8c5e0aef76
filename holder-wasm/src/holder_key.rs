//! The holder's key: made from 32 bytes of the caller's randomness, and read back from a
//! private JWK whose text and parsed copy are wiped once the key is read.

use credential_core::did::{did_jwk, did_key, did_key_vm};
use credential_core::error::{Error, Result};
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use serde::Serialize;
use serde_json::Value;
use zeroize::{Zeroize, Zeroizing};

/// A new holder key: the private JWK (to store, encrypted, in the wallet) and what others may
/// know of it.
pub struct NewKey {
    /// The private JWK (with `d`), as JSON text wiped on drop.
    pub private_jwk: Zeroizing<String>,
    /// The public parts.
    pub public: PublicParts,
}

/// The public side of a holder key.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicParts {
    /// `Ed25519`, `P-256` or `P-384`.
    pub algorithm: &'static str,
    /// The public JWK (for an SD-JWT VC's `cnf`).
    pub public_jwk: Value,
    /// Its `did:key` (a Verifiable Presentation's `holder`).
    pub did_key: String,
    /// Its `did:jwk`.
    pub did_jwk: String,
    /// The `did:key` verification method that signs the holder's presentations.
    pub verification_method: String,
}

/// The JOSE-style name of `alg` (`Ed25519`, `P-256`, `P-384`; this module has no P-384 secret
/// keys: decision 0009).
pub fn algorithm_name(alg: Algorithm) -> &'static str {
    match alg {
        Algorithm::Ed25519 => "Ed25519",
        Algorithm::P256 => "P-256",
        Algorithm::P384 => "P-384",
    }
}

/// The public side of `key`.
pub fn public_parts(key: &PublicKey) -> PublicParts {
    PublicParts {
        algorithm: algorithm_name(key.algorithm()),
        public_jwk: key.to_jwk(),
        did_key: did_key(key),
        did_jwk: did_jwk(key),
        verification_method: did_key_vm(key),
    }
}

/// A new key of `alg` (`Ed25519`, `P-256` or `P-384`; also `ed25519`, `p256`, `p384`) from a
/// ChaCha20 generator seeded with `seed`, which must be 32 bytes of cryptographic randomness
/// (WebCrypto's `getRandomValues` in the browser). The seed is wiped on return; the generator's
/// own state (rand_chacha has no `Zeroize`) is left to be overwritten.
pub fn generate(alg: &str, seed: Zeroizing<[u8; 32]>) -> Result<NewKey> {
    let alg = Algorithm::from_name(alg)?;
    let mut rng = ChaCha20Rng::from_seed(*seed);
    let key = SecretKey::generate(alg, &mut rng)?;
    Ok(NewKey {
        private_jwk: key.to_jwk(),
        public: public_parts(&key.public_key()),
    })
}

/// Reads a private JWK (OKP/Ed25519, EC/P-256 or EC/P-384, with `d`), then wipes every string of
/// `jwk` (the secret among them).
pub fn read_private_jwk(mut jwk: Value) -> Result<SecretKey> {
    let key = if jwk.get("d").is_some() {
        SecretKey::from_jwk(&jwk)
    } else {
        Err(Error::InvalidJwk(
            "the holder key is a private JWK (with d)".into(),
        ))
    };
    wipe(&mut jwk);
    key
}

/// Overwrites every string in `value` with zeros.
pub fn wipe(value: &mut Value) {
    match value {
        Value::String(s) => s.zeroize(),
        Value::Array(items) => items.iter_mut().for_each(wipe),
        Value::Object(members) => members.values_mut().for_each(wipe),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_reads_back_from_its_private_jwk() {
        for alg in ["Ed25519", "P-256", "P-384"] {
            // P-384 secret keys exist only where credential-core has its `p384` feature: the
            // workspace's test build (features unified), not the holder module's own build.
            let new = match generate(alg, Zeroizing::new([7; 32])) {
                Err(e) if alg == "P-384" => {
                    assert_eq!(e.code(), "unsupported_key_algorithm");
                    continue;
                }
                result => result.unwrap(),
            };
            let jwk: Value = serde_json::from_str(&new.private_jwk).unwrap();
            let key = read_private_jwk(jwk).unwrap();
            assert_eq!(key.public_key().to_jwk(), new.public.public_jwk);
            assert_eq!(new.public.algorithm, alg);
            assert!(new.public.did_key.starts_with("did:key:z"));
            assert!(new.public.did_jwk.starts_with("did:jwk:"));
            // Another seed, another key.
            let other = generate(alg, Zeroizing::new([8; 32])).unwrap();
            assert_ne!(other.public.public_jwk, new.public.public_jwk);
        }
        assert_eq!(
            generate("rsa", Zeroizing::new([0; 32]))
                .err()
                .unwrap()
                .code(),
            "invalid_key"
        );
        let public = generate("Ed25519", Zeroizing::new([1; 32])).unwrap();
        assert_eq!(
            read_private_jwk(public.public.public_jwk)
                .err()
                .unwrap()
                .code(),
            "invalid_jwk"
        );
    }
}
