//! Decimal digits of doubles, exactly, for the two canonical number forms credentials need:
//! ECMAScript's `Number::toString` (JCS, RFC 8785 §3.2.2.3) and `toExponential(15)` (JSON-LD's
//! canonical `xsd:double`, JSON-LD 1.1 API §8.6).
//!
//! The shortest round-trip digits come from serde_json's formatter (already in the build); the
//! two places where a formatter may legitimately differ from ECMAScript (which of two equally
//! near candidates to pick, and rounding the exact value to a fixed number of digits) are decided
//! here with exact integer arithmetic.

use std::cmp::Ordering;

/// A non-negative integer, little-endian base 2^32 (just enough for exact comparisons).
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Self {
        Big(vec![v as u32, (v >> 32) as u32])
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, k: u32) {
        for _ in 0..k {
            self.mul_small(10);
        }
    }

    fn shl(&mut self, bits: u32) {
        for _ in 0..bits / 32 {
            self.0.insert(0, 0);
        }
        let r = bits % 32;
        if r > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (*limb << r) | carry;
                carry = *limb >> (32 - r);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        let len = |b: &Big| b.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        let (a, b) = (len(self), len(other));
        if a != b {
            return a.cmp(&b);
        }
        (0..a)
            .rev()
            .map(|i| self.0[i].cmp(&other.0[i]))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    }
}

/// Compares `x × 2^extra` with `d × 10^q`, exactly (`x` positive and finite).
fn compare(x: f64, extra: i32, d: u64, q: i32) -> Ordering {
    let bits = x.to_bits();
    let field = ((bits >> 52) & 0x7FF) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if field == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), field - 1075)
    };
    let e = e + extra;
    let (mut lhs, mut rhs) = (Big::from_u64(m), Big::from_u64(d));
    if e >= 0 {
        lhs.shl(e as u32);
    } else {
        rhs.shl((-e) as u32);
    }
    if q >= 0 {
        rhs.mul_pow10(q as u32);
    } else {
        lhs.mul_pow10((-q) as u32);
    }
    lhs.cmp(&rhs)
}

/// `(digits, n)` with `x = 0.digits × 10^n`, from a decimal rendering such as `1.5e-7`,
/// `123.0` or `0.001` (no sign).
fn parse_rendering(text: &str) -> (String, i32) {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (
            &text[..i],
            text[i + 1..].trim_start_matches('+').parse().unwrap_or(0),
        ),
        None => (text, 0i32),
    };
    let point = mantissa.find('.').unwrap_or(mantissa.len()) as i32;
    let all: String = mantissa.chars().filter(|c| *c != '.').collect();
    let leading = all.bytes().take_while(|&b| b == b'0').count();
    let digits = all[leading..].trim_end_matches('0').to_owned();
    (digits, point - leading as i32 + exponent)
}

fn to_u64(digits: &str) -> u64 {
    digits
        .bytes()
        .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'))
}

/// ECMAScript's `s` and `n` for `x > 0` (ECMA-262 §6.1.6.1.20 step 5): the fewest digits that
/// round-trip, and of two equally near candidates the even one. `x = 0.digits × 10^n`.
pub(crate) fn shortest(x: f64) -> (String, i32) {
    let rendering = serde_json::Number::from_f64(x).map_or_else(String::new, |n| n.to_string());
    let (mut digits, n) = parse_rendering(&rendering);
    let k = digits.len() as i32;
    let last = digits.as_bytes().last().copied().unwrap_or(b'0');
    if last % 2 == 1 && k <= 18 {
        // Odd last digit: is x exactly halfway between this candidate and the one below it?
        let lower = to_u64(&digits) - 1;
        if compare(x, 1, 2 * lower + 1, n - k) == Ordering::Equal {
            digits.pop();
            digits.push(char::from(last - 1));
        }
    }
    (digits, n)
}

/// `x > 0` rounded to `sig` (at most 18) significant digits, halves away from zero, as
/// `toExponential` rounds (ECMA-262 §21.1.3.2): `x ≈ 0.digits × 10^n` with exactly `sig` digits.
pub(crate) fn rounded(x: f64, sig: usize) -> (String, i32) {
    // The decade of x: the shortest digits give it, unless they rounded up to a power of ten.
    let (_, mut n) = shortest(x);
    if compare(x, 0, 1, n - 1) == Ordering::Less {
        n -= 1;
    }
    let q = n - sig as i32;
    let low = 10u64.pow(sig as u32 - 1);
    // The largest c in [low, 10 low] with (c - 1/2) × 10^q <= x, by bisection with exact
    // comparisons (subnormal doubles have few significant bits, so no shortcut from the
    // shortest digits is safe).
    let (mut lo, mut hi) = (low, 10 * low);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if compare(x, 1, 2 * mid - 1, q) == Ordering::Less {
            hi = mid - 1;
        } else {
            lo = mid;
        }
    }
    if lo == 10 * low {
        (low.to_string(), n + 1)
    } else {
        (lo.to_string(), n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderings_normalize() {
        assert_eq!(parse_rendering("1.5e-7"), ("15".into(), -6));
        assert_eq!(parse_rendering("123.0"), ("123".into(), 3));
        assert_eq!(parse_rendering("0.001"), ("1".into(), -2));
        assert_eq!(parse_rendering("1e+23"), ("1".into(), 24));
        assert_eq!(parse_rendering("100"), ("1".into(), 3));
    }

    #[test]
    fn exact_comparison() {
        assert_eq!(compare(0.5, 0, 5, -1), Ordering::Equal);
        assert_eq!(compare(0.1, 0, 1, -1), Ordering::Greater); // 0.1 is 0.1000000000000000055…
        assert_eq!(compare(1e300, 0, 1, 300), Ordering::Greater);
        assert_eq!(compare(f64::from_bits(1), 0, 5, -324), Ordering::Less); // 4.94…e-324
    }

    #[test]
    fn ties_go_to_the_even_digit() {
        // RFC 8785 Appendix B: 1424953923781206.25 lies halfway; ECMAScript writes …206.2.
        assert_eq!(
            shortest(f64::from_bits(0x43143ff3c1cb0959)),
            ("14249539237812062".into(), 16)
        );
    }

    #[test]
    fn rounding_to_sixteen_digits() {
        assert_eq!(rounded(1.1, 16), ("1100000000000000".into(), 1));
        assert_eq!(rounded(0.1, 16), ("1000000000000000".into(), 0));
        // 2/3 = 0.66666666666666662965…: 17 shortest digits, rounded to 16.
        assert_eq!(rounded(2.0 / 3.0, 16), ("6666666666666666".into(), 0));
        assert_eq!(
            rounded(1e23, 16), // the double nearest 1e23 is 99999999999999991611392
            ("9999999999999999".into(), 23)
        );
        assert_eq!(
            rounded(0.9999999999999999, 15),
            ("100000000000000".into(), 1)
        );
        // Subnormal: 5e-324 is 4.9406564584124654…e-324.
        assert_eq!(
            rounded(f64::from_bits(1), 16),
            ("4940656458412465".into(), -323)
        );
        assert_eq!(rounded(f64::MAX, 16), ("1797693134862316".into(), 309));
    }
}
