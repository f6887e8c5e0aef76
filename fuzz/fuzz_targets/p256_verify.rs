//! P-256 verification (credential-core's one-pass `keys::p256_verify`, reached through
//! `PublicKey::verify_native`) against the `p256` crate's own verifier, on signatures that are
//! mostly valid: byte 0 picks what to change, bytes 1–32 are the secret key, bytes 33–96 a
//! tweak, the rest the message. The key signs the message (RFC 6979, deterministic), then the
//! signature is kept, XORed with the tweak, replaced by it, or checked over another message, or
//! the key is replaced by the tweak's point. Both verifiers must give the same answer, and the
//! unchanged signature must verify.
#![no_main]

use credential_core::keys::{Algorithm, PublicKey};
use libfuzzer_sys::fuzz_target;
use p256::ecdsa::signature::{Signer, Verifier};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};

fuzz_target!(|data: &[u8]| {
    if data.len() < 97 {
        return;
    }
    let (mode, secret, tweak, message) = (data[0], &data[1..33], &data[33..97], &data[97..]);
    let Ok(signing) = SigningKey::from_slice(secret) else {
        return;
    };
    let signature: Signature = signing.sign(message);
    let mut key = *signing.verifying_key();
    let mut sig = signature.to_bytes().to_vec();
    let mut checked = message.to_vec();
    match mode % 5 {
        0 => {}
        1 => sig.iter_mut().zip(tweak).for_each(|(s, t)| *s ^= t),
        2 => sig = tweak.to_vec(),
        3 => checked.push(tweak[0]),
        _ => {
            // Another key: the tweak's first 32 bytes as a secret scalar.
            let Ok(other) = SigningKey::from_slice(&tweak[..32]) else {
                return;
            };
            key = *other.verifying_key();
        }
    }
    let ours = PublicKey::from_bytes(Algorithm::P256, key.to_encoded_point(true).as_bytes())
        .expect("a p256 key reads back")
        .verify_native(&checked, &sig)
        .expect("P-256 has a Rust check");
    let theirs = Signature::from_slice(&sig).is_ok_and(|s| verify(&key, &checked, &s));
    assert_eq!(ours, theirs, "mode {}", mode % 5);
    if mode % 5 == 0 {
        assert!(ours, "an unchanged signature verifies");
    }
});

fn verify(key: &VerifyingKey, message: &[u8], signature: &Signature) -> bool {
    key.verify(message, signature).is_ok()
}
