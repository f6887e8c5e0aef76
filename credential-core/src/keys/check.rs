//! The signature-check seam: every signature the crate verifies (Data Integrity proofs,
//! `ecdsa-sd-2023` statements, JWS, trust bundles, status lists) goes through
//! [`PublicKey::verify`](super::PublicKey::verify), which asks the [`SignatureCheck`] installed on
//! the current thread, or, when none is, checks it here in Rust ([`PublicKey::verify_native`]).
//!
//! The WASM verifier installs a check that hands signatures to the platform's native crypto
//! (WebCrypto), which answers asynchronously: it runs the verification once answering from what
//! it already knows, collects the signatures it did not know, has them checked, and runs again
//! only if one of them was bad, so the report is the one the pure-Rust path gives
//! (`specs/decisions/0016-platform-signature-checks.md`).
//!
//! [`PublicKey::verify_native`]: super::PublicKey::verify_native

use super::PublicKey;
use std::cell::RefCell;
use std::rc::Rc;

/// Decides whether a signature is valid, in place of the built-in Rust check.
pub trait SignatureCheck {
    /// Whether `signature` (raw: 64 bytes for Ed25519 and P-256 `r || s`, 96 for P-384) over
    /// `message` (ECDSA: before hashing with the curve's SHA-2) is valid for `key`; `None` leaves
    /// the verdict to the Rust check.
    fn check(&mut self, key: &PublicKey, message: &[u8], signature: &[u8]) -> Option<bool>;
}

/// A check shared between the thread's seam and the caller that reads what it collected.
pub type SharedCheck = Rc<RefCell<dyn SignatureCheck>>;

thread_local! {
    static INSTALLED: RefCell<Option<SharedCheck>> = const { RefCell::new(None) };
}

/// Runs `f` with `check` deciding every signature verified on this thread, then restores the
/// check that was installed before (also when `f` unwinds).
pub fn with_signature_check<R>(check: SharedCheck, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<SharedCheck>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            INSTALLED.with(|i| *i.borrow_mut() = previous);
        }
    }
    let _restore = Restore(INSTALLED.with(|i| i.borrow_mut().replace(check)));
    f()
}

/// The check installed on this thread, if any.
pub(super) fn installed() -> Option<SharedCheck> {
    INSTALLED.with(|i| i.borrow().clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{Algorithm, SecretKey, Signer};
    use rand_core::SeedableRng;

    /// Answers a fixed verdict and counts what it was asked.
    struct Fixed(bool, usize);

    impl SignatureCheck for Fixed {
        fn check(&mut self, _: &PublicKey, _: &[u8], _: &[u8]) -> Option<bool> {
            self.1 += 1;
            Some(self.0)
        }
    }

    #[test]
    fn the_installed_check_decides_and_is_removed_afterwards() {
        let key = SecretKey::generate(
            Algorithm::Ed25519,
            &mut rand_chacha::ChaCha20Rng::seed_from_u64(3),
        )
        .unwrap();
        let good = key.sign(b"message").unwrap();
        let public = key.public_key();
        let refuse = Rc::new(RefCell::new(Fixed(false, 0)));
        let outcome = with_signature_check(refuse.clone(), || public.verify(b"message", &good));
        assert_eq!(outcome.unwrap_err().code(), "invalid_signature");
        assert_eq!(refuse.borrow().1, 1);
        let accept = Rc::new(RefCell::new(Fixed(true, 0)));
        with_signature_check(accept.clone(), || public.verify(b"other", &good)).unwrap();
        assert_eq!(accept.borrow().1, 1);
        // Uninstalled: the Rust check again.
        public.verify(b"message", &good).unwrap();
        assert_eq!(
            public.verify(b"other", &good).unwrap_err().code(),
            "invalid_signature"
        );
        assert_eq!(refuse.borrow().1 + accept.borrow().1, 2);
    }
}
