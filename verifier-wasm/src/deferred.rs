//! Signature checks deferred to the platform (WebCrypto) for `verifyAsync`: a
//! [`SignatureCheck`] that answers from the verdicts it already has, checks in Rust the
//! algorithms the platform lacks, and for the others answers "valid" for now and collects the
//! signature for the platform to check. The caller keeps the report only if every collected
//! signature turns out valid; otherwise it verifies again with the verdicts known, so the report
//! is the one the pure-Rust path gives (decision 0016). A check with no verdict from either
//! (P-384 in this module, which has no Rust check for it) is left to the seam, which reports it
//! `unsupported_key_algorithm`.

use credential_core::keys::{Algorithm, PublicKey, SignatureCheck};
use std::collections::HashMap;

/// A signature for the platform to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The key's algorithm.
    pub algorithm: Algorithm,
    /// The public key as WebCrypto imports it (`raw`, [`PublicKey::to_platform_bytes`]): 32
    /// bytes for Ed25519, the uncompressed SEC1 point for P-256, the point as read for P-384.
    pub key: Vec<u8>,
    /// The signed bytes (ECDSA: before hashing).
    pub message: Vec<u8>,
    /// The raw signature (`r || s` for ECDSA).
    pub signature: Vec<u8>,
}

impl Pending {
    /// What identifies the check: algorithm, key, message and signature, length-prefixed.
    fn id(&self) -> Vec<u8> {
        let mut id = vec![self.algorithm as u8];
        for part in [&self.key, &self.message, &self.signature] {
            id.extend((part.len() as u64).to_le_bytes());
            id.extend(part.iter());
        }
        id
    }
}

/// A synchronous platform check (Node's crypto): its verdict, or `None` where it has none.
pub type NativeCheck = fn(&Pending) -> Option<bool>;

/// Collects the signatures of the platform's algorithms; see the module documentation.
#[derive(Debug, Default)]
pub struct Recorder {
    platform: Vec<Algorithm>,
    native: Option<NativeCheck>,
    known: HashMap<Vec<u8>, Option<bool>>,
    pending: Vec<Pending>,
}

impl Recorder {
    /// A recorder deferring `platform`'s algorithms, with no verdict known yet.
    pub fn new(platform: Vec<Algorithm>) -> Self {
        Recorder {
            platform,
            ..Recorder::default()
        }
    }

    /// The same, asking `native` at once about the signatures it does not defer (Rust decides
    /// where `native` has no answer).
    pub fn with_native(mut self, native: NativeCheck) -> Self {
        self.native = Some(native);
        self
    }

    /// Takes the signatures collected since the last call.
    pub fn take_pending(&mut self) -> Vec<Pending> {
        std::mem::take(&mut self.pending)
    }

    /// Records the platform's verdict on `pending`; `None` (the platform failed to answer) is
    /// decided in Rust.
    pub fn answer(&mut self, pending: &Pending, verdict: Option<bool>) {
        self.known.insert(pending.id(), verdict);
    }

    /// From now on, checks in Rust what it would have deferred (after too many rounds).
    pub fn stop_deferring(&mut self) {
        self.platform.clear();
    }
}

impl SignatureCheck for Recorder {
    fn check(&mut self, key: &PublicKey, message: &[u8], signature: &[u8]) -> Option<bool> {
        let deferred = self.platform.contains(&key.algorithm());
        if !deferred && self.native.is_none() {
            return None;
        }
        let pending = Pending {
            algorithm: key.algorithm(),
            key: key.to_platform_bytes(),
            message: message.to_vec(),
            signature: signature.to_vec(),
        };
        if !deferred {
            return self.native.and_then(|native| native(&pending));
        }
        if let Some(&valid) = self.known.get(&pending.id()) {
            return valid;
        }
        if !self.pending.contains(&pending) {
            self.pending.push(pending);
        }
        Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use credential_core::keys::{with_signature_check, SecretKey, Signer};
    use rand_core::SeedableRng;
    use std::cell::RefCell;
    use std::rc::Rc;

    #[test]
    fn defers_collects_then_answers_what_it_was_told() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(9);
        let ed = SecretKey::generate(Algorithm::Ed25519, &mut rng).unwrap();
        let p256 = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
        let recorder = Rc::new(RefCell::new(Recorder::new(vec![Algorithm::P256])));
        let ed_sig = ed.sign(b"m").unwrap();
        let p_sig = p256.sign(b"m").unwrap();
        with_signature_check(recorder.clone(), || {
            // Ed25519 is not deferred: checked in Rust, a bad signature fails at once.
            ed.public_key().verify(b"m", &ed_sig).unwrap();
            assert!(ed.public_key().verify(b"x", &ed_sig).is_err());
            // P-256 is: valid for now, even when it is not, and collected once.
            p256.public_key().verify(b"m", &p_sig).unwrap();
            p256.public_key().verify(b"x", &p_sig).unwrap();
            p256.public_key().verify(b"x", &p_sig).unwrap();
        });
        let pending = recorder.borrow_mut().take_pending();
        assert_eq!(pending.len(), 2);
        assert_eq!(pending[0].key.len(), 65);
        // The platform's answers (here the Rust check's) are kept and used on the next run.
        for p in &pending {
            let key = PublicKey::from_bytes(p.algorithm, &p.key).unwrap();
            recorder
                .borrow_mut()
                .answer(p, key.verify_native(&p.message, &p.signature));
        }
        with_signature_check(recorder.clone(), || {
            p256.public_key().verify(b"m", &p_sig).unwrap();
            assert!(p256.public_key().verify(b"x", &p_sig).is_err());
        });
        assert!(recorder.borrow_mut().take_pending().is_empty());
        // A synchronous platform check answers at once for what is not deferred.
        let native = Rc::new(RefCell::new(
            Recorder::new(Vec::new()).with_native(|p| Some(p.message == b"m")),
        ));
        with_signature_check(native.clone(), || {
            ed.public_key().verify(b"m", &p_sig).unwrap();
            assert!(p256.public_key().verify(b"x", &p_sig).is_err());
        });
        assert!(native.borrow_mut().take_pending().is_empty());
        // No answer from the platform: decided in Rust.
        let other = Pending {
            message: b"y".to_vec(),
            ..pending[1].clone()
        };
        recorder.borrow_mut().answer(&other, None);
        with_signature_check(recorder.clone(), || {
            assert!(p256.public_key().verify(b"y", &p_sig).is_err());
        });
    }

    /// The P-384 key of the W3C ECDSA cryptosuites' test vectors (`p384KeyPair.json`).
    const P384_MULTIKEY: &str =
        "z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ";

    #[test]
    fn p384_goes_to_the_platform_and_without_it_is_unsupported() {
        let key = PublicKey::from_multikey(P384_MULTIKEY).unwrap();
        let sig = [1u8; 96];
        let recorder = Rc::new(RefCell::new(Recorder::new(vec![Algorithm::P384])));
        with_signature_check(recorder.clone(), || key.verify(b"m", &sig).unwrap());
        let pending = recorder.borrow_mut().take_pending();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].key, key.to_platform_bytes());
        recorder.borrow_mut().answer(&pending[0], Some(false));
        let refused = with_signature_check(recorder.clone(), || key.verify(b"m", &sig));
        assert_eq!(refused.unwrap_err().code(), "invalid_signature");
        // Node's crypto answers at once; where it has no verdict, the Rust check decides, which
        // this module does not have for P-384 (with the `p384` feature, as in a workspace test
        // build, it has, and refuses this signature).
        let native =
            Rc::new(RefCell::new(Recorder::new(Vec::new()).with_native(|p| {
                (p.algorithm == Algorithm::P384).then_some(true)
            })));
        with_signature_check(native, || key.verify(b"m", &sig).unwrap());
        let none = Rc::new(RefCell::new(Recorder::new(Vec::new())));
        let code = with_signature_check(none, || key.verify(b"m", &sig))
            .unwrap_err()
            .code();
        let expected = match key.verify_native(b"m", &sig) {
            None => "unsupported_key_algorithm",
            Some(_) => "invalid_signature",
        };
        assert_eq!(code, expected);
    }
}
