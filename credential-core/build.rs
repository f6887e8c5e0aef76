//! Writes compact copies of the bundled profile files (`specs/profiles/<name>/profile.json` and
//! `schema.json`) into `OUT_DIR` for `src/profiles/mod.rs` to embed: whitespace between tokens
//! removed, and in the schemas the `description` annotations (strings, which schema compilation
//! ignores) left out. Member order and every other byte stay as written. About 1 KB gzipped of
//! the browser verifier (specs/decisions/0020-qr-scanner-module-and-module-loading.md).

use std::path::Path;

const PROFILES: &[&str] = &[
    "legal-identity",
    "health-vaccination",
    "health-assessment",
    "travel-eligibility",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in PROFILES {
        for (file, strip) in [("profile.json", false), ("schema.json", true)] {
            let src = format!("../specs/profiles/{name}/{file}");
            println!("cargo:rerun-if-changed={src}");
            let text = std::fs::read(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
            let mut i = 0;
            let mut compact = Vec::with_capacity(text.len());
            value(&text, &mut i, &mut compact, strip);
            skip_ws(&text, &mut i);
            assert_eq!(i, text.len(), "{src}: trailing data");
            let dir = Path::new(&out).join(name);
            std::fs::create_dir_all(&dir).expect("create OUT_DIR/<profile>");
            std::fs::write(dir.join(file), compact).expect("write the compact file");
        }
    }
}

fn skip_ws(s: &[u8], i: &mut usize) {
    while *i < s.len() && matches!(s[*i], b' ' | b'\t' | b'\n' | b'\r') {
        *i += 1;
    }
}

/// Copies the JSON value at `s[*i..]` to `out` without insignificant whitespace; with `strip`,
/// object members named `description` whose value is a string are left out.
fn value(s: &[u8], i: &mut usize, out: &mut Vec<u8>, strip: bool) {
    skip_ws(s, i);
    match s[*i] {
        b'{' => {
            *i += 1;
            out.push(b'{');
            let mut first = true;
            loop {
                skip_ws(s, i);
                if s[*i] == b'}' {
                    *i += 1;
                    break;
                }
                let mut key = Vec::new();
                string(s, i, &mut key);
                skip_ws(s, i);
                assert_eq!(s[*i], b':', "expected ':' at byte {}", *i);
                *i += 1;
                let mut member = Vec::new();
                value(s, i, &mut member, strip);
                if !(strip && key == b"\"description\"" && member[0] == b'"') {
                    if !first {
                        out.push(b',');
                    }
                    first = false;
                    out.extend_from_slice(&key);
                    out.push(b':');
                    out.extend_from_slice(&member);
                }
                skip_ws(s, i);
                if s[*i] == b',' {
                    *i += 1;
                }
            }
            out.push(b'}');
        }
        b'[' => {
            *i += 1;
            out.push(b'[');
            let mut first = true;
            loop {
                skip_ws(s, i);
                if s[*i] == b']' {
                    *i += 1;
                    break;
                }
                if !first {
                    out.push(b',');
                }
                first = false;
                value(s, i, out, strip);
                skip_ws(s, i);
                if s[*i] == b',' {
                    *i += 1;
                }
            }
            out.push(b']');
        }
        b'"' => string(s, i, out),
        _ => {
            // A number, `true`, `false` or `null`: up to the next delimiter.
            while *i < s.len()
                && !matches!(s[*i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
            {
                out.push(s[*i]);
                *i += 1;
            }
        }
    }
}

/// Copies the string at `s[*i..]` (quotes and escapes as written) to `out`.
fn string(s: &[u8], i: &mut usize, out: &mut Vec<u8>) {
    assert_eq!(s[*i], b'"', "expected a string at byte {}", *i);
    let start = *i;
    *i += 1;
    while s[*i] != b'"' {
        *i += if s[*i] == b'\\' { 2 } else { 1 };
    }
    *i += 1;
    out.extend_from_slice(&s[start..*i]);
}
