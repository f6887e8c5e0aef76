//! ECDSA P-256 verification (FIPS 186-5 §6.4.2) with one interleaved double-scalar
//! multiplication: `u1·G + u2·Q` is computed in a single pass of about 256 doublings, with
//! `u1` and `u2` in width-w non-adjacent form (NAF), instead of the two separate constant-time
//! multiplications `p256`'s `VerifyingKey` performs (about 500 doublings). Verification only
//! handles public values (key, message, signature), so variable time is safe.
//!
//! Every field and group operation is `p256`'s own (its complete addition formulas, so the
//! sum is right whatever the points, the identity and equal points included); only the order
//! of the operations is ours. Checked against `p256`'s verifier and the Wycheproof P-256
//! vectors (including its Shamir edge cases) in the tests below (decision 0030).

use p256::elliptic_curve::bigint::U256;
use p256::elliptic_curve::group::Group;
use p256::elliptic_curve::ops::{Invert, Reduce};
use p256::elliptic_curve::point::AffineCoordinates;
use p256::elliptic_curve::PrimeField;
use p256::{AffinePoint, NonZeroScalar, ProjectivePoint, Scalar};
use sha2::{Digest, Sha256};

/// NAF width for the generator: its odd multiples up to 63·G are computed once per thread.
const G_WIDTH: u32 = 7;
/// NAF width for the public key: a fresh table of its odd multiples up to 15·Q per verify.
const Q_WIDTH: u32 = 5;
/// Digits of a NAF of a scalar below 2^256.
const DIGITS: usize = 257;

/// Whether `signature` (raw `r || s`, 64 bytes) is a valid ECDSA P-256 signature with SHA-256
/// over `message` for `key`. r and s must be in [1, n − 1].
pub fn verify(key: &AffinePoint, message: &[u8], signature: &[u8]) -> bool {
    let Some((r, s)) = signature
        .split_at_checked(32)
        .and_then(|(r, s)| scalars(r, s))
    else {
        return false;
    };
    let digest = Sha256::digest(message);
    let z = <Scalar as Reduce<U256>>::reduce_bytes(&digest);
    let s_inv = *s.invert_vartime();
    let u1 = z * s_inv;
    let u2 = *r * s_inv;
    let point = lincomb(&u1, key, &u2);
    if bool::from(point.is_identity()) {
        return false;
    }
    // x(R) mod n == r.
    let x = <Scalar as Reduce<U256>>::reduce_bytes(&point.to_affine().x());
    x == *r
}

/// r and s from their 32-byte big-endian forms, if both are in [1, n − 1].
fn scalars(r: &[u8], s: &[u8]) -> Option<(NonZeroScalar, NonZeroScalar)> {
    let scalar = |b: &[u8]| -> Option<NonZeroScalar> {
        let b: [u8; 32] = b.try_into().ok()?;
        NonZeroScalar::from_repr(b.into()).into()
    };
    Some((scalar(r)?, scalar(s)?))
}

/// `a·G + b·Q`, variable time.
fn lincomb(a: &Scalar, q: &AffinePoint, b: &Scalar) -> ProjectivePoint {
    let a = naf(a, G_WIDTH);
    let b = naf(b, Q_WIDTH);
    let q_table = odd_multiples::<{ 1 << (Q_WIDTH - 2) }>(ProjectivePoint::from(*q));
    let top = (0..DIGITS).rev().find(|&i| a[i] != 0 || b[i] != 0);
    GENERATOR_TABLE.with(|g_table| {
        let mut acc = ProjectivePoint::IDENTITY;
        for i in (0..=top.unwrap_or(0)).rev() {
            acc = acc.double();
            for (digit, table) in [(a[i], &g_table[..]), (b[i], &q_table[..])] {
                let point = &table[digit.unsigned_abs() as usize / 2];
                if digit > 0 {
                    acc += point;
                } else if digit < 0 {
                    acc -= point;
                }
            }
        }
        acc
    })
}

/// `[P, 3P, 5P, …, (2N − 1)P]`.
fn odd_multiples<const N: usize>(p: ProjectivePoint) -> [ProjectivePoint; N] {
    let twice = p.double();
    let mut table = [p; N];
    for i in 1..N {
        table[i] = table[i - 1] + twice;
    }
    table
}

thread_local! {
    /// The generator's odd multiples up to `(2^(G_WIDTH − 1) − 1)·G`, computed on first use.
    static GENERATOR_TABLE: [ProjectivePoint; 1 << (G_WIDTH - 2)] =
        odd_multiples(ProjectivePoint::GENERATOR);
}

/// The width-`w` NAF of `k`, least significant digit first: every non-zero digit is odd and
/// below 2^(w−1) in magnitude, and any w consecutive digits hold at most one non-zero one.
fn naf(k: &Scalar, w: u32) -> [i8; DIGITS] {
    // Little-endian 64-bit words, with a spare zero word for windows that run past the top.
    let bytes = k.to_repr();
    let mut words = [0u64; 5];
    for (word, chunk) in words.iter_mut().zip(bytes.rchunks_exact(8)) {
        *word = chunk.iter().fold(0, |acc, &b| acc << 8 | u64::from(b));
    }
    let width = 1u64 << w;
    let mask = width - 1;
    let mut digits = [0i8; DIGITS];
    let mut carry = 0u64;
    let mut pos = 0;
    while pos < DIGITS {
        let (word, bit) = (pos / 64, pos % 64);
        let bits = if bit + w as usize <= 64 || word == 4 {
            words[word] >> bit
        } else {
            (words[word] >> bit) | (words[word + 1] << (64 - bit))
        };
        let window = carry + (bits & mask);
        if window & 1 == 0 {
            pos += 1;
            continue;
        }
        if window < width / 2 {
            carry = 0;
            digits[pos] = window as i8;
        } else {
            carry = 1;
            digits[pos] = (window as i64 - width as i64) as i8;
        }
        pos += w as usize;
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::signature::{Signer, Verifier};
    use p256::ecdsa::{Signature, SigningKey, VerifyingKey};
    use p256::elliptic_curve::Field;
    use rand_core::{OsRng, RngCore};
    use wycheproof::ecdsa::{TestName, TestSet};
    use wycheproof::TestResult;

    /// The scalar a NAF stands for, in the scalar field (all that matters to a multiplication).
    fn signed_value(digits: &[i8; DIGITS]) -> Scalar {
        digits.iter().rev().fold(Scalar::ZERO, |acc, &d| {
            let m = Scalar::from(d.unsigned_abs() as u64);
            acc.double() + if d < 0 { -m } else { m }
        })
    }

    fn check_naf(k: &Scalar, w: u32) {
        let digits = naf(k, w);
        assert_eq!(signed_value(&digits), *k, "NAF value of {k:?} (w = {w})");
        let mut last = None;
        for (i, &d) in digits.iter().enumerate() {
            if d != 0 {
                assert!(
                    d % 2 != 0 && (d.unsigned_abs() as u64) < 1 << (w - 1),
                    "digit {d}"
                );
                if let Some(j) = last {
                    assert!(i - j >= w as usize, "digits at {j} and {i} closer than {w}");
                }
                last = Some(i);
            }
        }
    }

    #[test]
    fn naf_represents_the_scalar() {
        let minus_one = -Scalar::ONE;
        let edges = [
            Scalar::ZERO,
            Scalar::ONE,
            minus_one,
            minus_one.double(),
            Scalar::from(u64::MAX),
            Scalar::from(2u64).pow_vartime(&[255]),
            Scalar::from(2u64).pow_vartime(&[255]) - Scalar::ONE,
            Scalar::from(2u64).pow_vartime(&[192]) * Scalar::from(u64::MAX),
        ];
        for w in [2, Q_WIDTH, G_WIDTH, 8] {
            for k in &edges {
                check_naf(k, w);
            }
            for _ in 0..2_000 {
                check_naf(&Scalar::random(&mut OsRng), w);
            }
        }
    }

    #[test]
    fn lincomb_matches_two_multiplications() {
        let q = ProjectivePoint::GENERATOR * Scalar::random(&mut OsRng);
        let qa = q.to_affine();
        let mut cases = vec![
            (Scalar::ZERO, Scalar::ZERO),
            (Scalar::ONE, Scalar::ZERO),
            (Scalar::ZERO, Scalar::ONE),
            (-Scalar::ONE, -Scalar::ONE),
        ];
        for _ in 0..200 {
            cases.push((Scalar::random(&mut OsRng), Scalar::random(&mut OsRng)));
        }
        for (a, b) in cases {
            assert_eq!(lincomb(&a, &qa, &b), ProjectivePoint::GENERATOR * a + q * b);
        }
        // Q = ±G and Q = 2G: the two tables' points meet (equal or opposite sums).
        for q in [
            ProjectivePoint::GENERATOR,
            -ProjectivePoint::GENERATOR,
            ProjectivePoint::GENERATOR.double(),
        ] {
            let a = Scalar::random(&mut OsRng);
            for b in [a, -a, Scalar::random(&mut OsRng)] {
                assert_eq!(
                    lincomb(&a, &q.to_affine(), &b),
                    ProjectivePoint::GENERATOR * a + q * b
                );
            }
        }
    }

    #[test]
    fn agrees_with_p256_on_random_and_tampered_signatures() {
        for i in 0..300 {
            let sk = SigningKey::random(&mut OsRng);
            let vk = VerifyingKey::from(&sk);
            let mut msg = [0u8; 40];
            OsRng.fill_bytes(&mut msg);
            let sig: Signature = sk.sign(&msg);
            assert!(verify(vk.as_affine(), &msg, &sig.to_bytes()));
            let mut other = msg;
            other[i % 40] ^= 1 << (i % 8);
            assert_eq!(
                verify(vk.as_affine(), &other, &sig.to_bytes()),
                vk.verify(&other, &sig).is_ok()
            );
            assert!(!verify(vk.as_affine(), &other, &sig.to_bytes()));
            let mut bytes = sig.to_bytes();
            bytes[i % 64] ^= 1 << (i % 8);
            assert!(!verify(vk.as_affine(), &msg, &bytes));
        }
    }

    /// Wycheproof's ECDSA P-256 / SHA-256 vectors in IEEE P1363 form (raw `r || s`, this
    /// crate's signature form): every `valid` one verifies, every `invalid` one does not, and
    /// `p256`'s own verifier agrees on each.
    #[test]
    fn wycheproof_p256_sha256_p1363() {
        let set = TestSet::load(TestName::EcdsaSecp256r1Sha256P1363).expect("wycheproof set");
        let mut counted = (0, 0);
        for group in &set.test_groups {
            let key = VerifyingKey::from_sec1_bytes(&group.key.key).expect("group key");
            for test in &group.tests {
                let ok = verify(key.as_affine(), &test.msg, &test.sig);
                let theirs = Signature::from_slice(&test.sig)
                    .is_ok_and(|s| key.verify(&test.msg, &s).is_ok());
                assert_eq!(ok, theirs, "tcId {}", test.tc_id);
                match test.result {
                    TestResult::Valid => assert!(ok, "tcId {} should verify", test.tc_id),
                    TestResult::Invalid => assert!(!ok, "tcId {} should not verify", test.tc_id),
                    TestResult::Acceptable => {}
                }
                if ok {
                    counted.0 += 1;
                } else {
                    counted.1 += 1;
                }
            }
        }
        // 169 verify and 83 do not in the set this crate version carries.
        assert!(counted.0 >= 150 && counted.1 >= 80, "{counted:?}");
    }
}
