//! JSON Canonicalization Scheme (RFC 8785): members sorted by UTF-16 code units, strings
//! escaped as ECMAScript's `JSON.stringify` does, numbers in ECMAScript's `Number::toString`
//! form (ECMA-262 §6.1.6.1.20) from the shortest round-trip digits.

use serde_json::{Map, Value};
use std::fmt::Write;

/// Serializes `value` per RFC 8785 (every JSON value has a canonical form: this cannot fail).
pub fn canonicalize(value: &Value) -> String {
    let mut out = String::with_capacity(256);
    write_value(&mut out, value);
    out
}

/// Serializes a JSON object per RFC 8785.
pub fn canonicalize_object(object: &Map<String, Value>) -> String {
    let mut out = String::with_capacity(256);
    write_object(&mut out, object);
    out
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, n.as_f64().unwrap_or(0.0)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(o) => write_object(out, o),
    }
}

fn write_object(out: &mut String, object: &Map<String, Value>) {
    write_members(out, object.iter().map(|(k, v)| (k.as_str(), v)).collect());
}

/// Serializes the members of an object per RFC 8785, given as name–value pairs with distinct
/// names (an object assembled from parts without building it).
pub(crate) fn canonicalize_members(members: Vec<(&str, &Value)>) -> String {
    let mut out = String::with_capacity(256);
    write_members(&mut out, members);
    out
}

fn write_members(out: &mut String, mut entries: Vec<(&str, &Value)>) {
    crate::sort::sort_by(&mut entries, &|a, b| utf16_less(a.0, b.0));
    out.push('{');
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, k);
        out.push(':');
        write_value(out, v);
    }
    out.push('}');
}

/// Whether `a` sorts before `b` by UTF-16 code units (RFC 8785 §3.2.3). UTF-8 byte order is code
/// point order, which is UTF-16 order except between a character above U+FFFF (a surrogate
/// pair, 0xD800–0xDBFF first) and one in U+E000–U+FFFF: so only the first differing characters
/// are compared as UTF-16.
fn utf16_less(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    // The shared prefix has the same character boundaries in both strings.
    let mut at = common;
    while !a.is_char_boundary(at) {
        at -= 1;
    }
    let unit = |c: char| {
        let c = c as u32;
        let first = if c > 0xFFFF {
            0xD800 + ((c - 0x1_0000) >> 10)
        } else {
            c
        };
        (first, c)
    };
    match (a[at..].chars().next(), b[at..].chars().next()) {
        (Some(x), Some(y)) => unit(x) < unit(y),
        (None, Some(_)) => true,
        _ => false,
    }
}

/// A string as `JSON.stringify` writes it (RFC 8785 §3.2.2.2).
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    // Every character to escape is ASCII: copy the runs between them as they are.
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            0x0C => "\\f",
            b'\r' => "\\r",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(&s[run..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04x}", b);
        } else {
            out.push_str(escape);
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// ECMAScript's `Number::toString(x)` (RFC 8785 §3.2.2.3).
fn write_number(out: &mut String, x: f64) {
    if x == 0.0 || !x.is_finite() {
        out.push('0');
        return;
    }
    if x < 0.0 {
        out.push('-');
    }
    let (digits, n) = crate::decimal::shortest(x.abs());
    let k = digits.len() as i32;
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = n - 1;
        let _ = write!(out, "e{}{}", if e < 0 { '-' } else { '+' }, e.abs());
    }
}

#[cfg(test)]
mod tests {
    use super::{canonicalize, utf16_less};
    use proptest::prelude::*;

    fn jcs(input: &str) -> String {
        canonicalize(&serde_json::from_str::<serde_json::Value>(input).unwrap())
    }

    /// RFC 8785 §3.2.2 (sample input and its canonical form).
    #[test]
    fn rfc8785_sample() {
        let input = r#"{
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }"#;
        assert_eq!(
            jcs(input),
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}"
        );
    }

    /// RFC 8785 §3.2.3 (property sorting by UTF-16 code units).
    #[test]
    fn rfc8785_sorting() {
        let input = r#"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#;
        assert_eq!(
            jcs(input),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"\u{f6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20ac}\":\"Euro Sign\",\"\u{1f600}\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        );
    }

    /// RFC 8785 Appendix B (IEEE 754 bit patterns and their serialization).
    #[test]
    fn rfc8785_numbers() {
        let cases: &[(u64, &str)] = &[
            (0x0000000000000000, "0"),
            (0x8000000000000000, "0"),
            (0x0000000000000001, "5e-324"),
            (0x8000000000000001, "-5e-324"),
            (0x7fefffffffffffff, "1.7976931348623157e+308"),
            (0x4340000000000000, "9007199254740992"),
            (0xc340000000000000, "-9007199254740992"),
            (0x4430000000000000, "295147905179352830000"),
            (0x44b52d02c7e14af5, "9.999999999999997e+22"),
            (0x44b52d02c7e14af6, "1e+23"),
            (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
            (0x444b1ae4d6e2ef4e, "999999999999999700000"),
            (0x444b1ae4d6e2ef4f, "999999999999999900000"),
            (0x444b1ae4d6e2ef50, "1e+21"),
            (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
            (0x3eb0c6f7a0b5ed8d, "0.000001"),
            (0x41b3de4355555553, "333333333.3333332"),
            (0x41b3de4355555554, "333333333.33333325"),
            (0x41b3de4355555555, "333333333.3333333"),
            (0x41b3de4355555556, "333333333.3333334"),
            (0x41b3de4355555557, "333333333.33333343"),
            (0xbecbf647612f3696, "-0.0000033333333333333333"),
            (0x43143ff3c1cb0959, "1424953923781206.2"),
        ];
        for (bits, want) in cases {
            let v = serde_json::json!(f64::from_bits(*bits));
            assert_eq!(canonicalize(&v), *want, "{bits:#x}");
        }
    }

    proptest! {
        /// The key order is UTF-16 code unit order, however the strings differ (characters near
        /// the surrogate range and U+E000–U+FFFF included).
        #[test]
        fn key_order_is_utf16_order(
            a in "[a\\u{7f}-\\u{81}\\u{d7ff}\\u{e000}\\u{fb33}\\u{ffff}\\u{10000}\\u{1f600}\\u{10ffff}]{0,4}",
            b in "[a\\u{7f}-\\u{81}\\u{d7ff}\\u{e000}\\u{fb33}\\u{ffff}\\u{10000}\\u{1f600}\\u{10ffff}]{0,4}",
        ) {
            prop_assert_eq!(utf16_less(&a, &b), a.encode_utf16().lt(b.encode_utf16()));
        }

        /// Strings are written as `serde_json` reads them back (escapes complete, runs intact).
        #[test]
        fn strings_round_trip(s in any::<String>()) {
            let text = canonicalize(&serde_json::Value::String(s.clone()));
            prop_assert_eq!(serde_json::from_str::<String>(&text).unwrap(), s);
        }
    }
}
