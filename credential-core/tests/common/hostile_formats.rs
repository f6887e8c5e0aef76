//! Hostile inputs for the other formats (EU DCC, SMART Health Cards, Claim 169), each with the
//! error code it must be refused with: oversized text, zlib / DEFLATE bombs, deep CBOR, bad
//! chunks. Shared by `tests/other_formats.rs` (the codes) and `benches/formats.rs` (the time).

#![allow(dead_code)]

use credential_core::formats::{claim169, dcc, shc, FormatLimits};
use std::io::Write;

/// One hostile input.
pub struct Case {
    pub name: &'static str,
    pub format: &'static str,
    pub text: String,
    pub code: &'static str,
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// CBOR arrays nested `depth` deep (each `0x81`: an array of one item), ending in 0.
fn deep_cbor(depth: usize) -> Vec<u8> {
    let mut v = vec![0x81; depth];
    v.push(0);
    v
}

fn b64url(data: &[u8]) -> String {
    credential_core::codec::Base64::UrlSafeNoPad.encode(data)
}

/// `shc:/` numeric encoding of `jws`.
fn numeric(jws: &str) -> String {
    let mut out = String::from("shc:/");
    for c in jws.bytes() {
        out.push_str(&format!("{:02}", c - 45));
    }
    out
}

pub fn cases() -> Vec<Case> {
    let bomb = vec![0u8; 8 * 1024 * 1024];
    let b45 = |b: &[u8]| base45::encode(b);
    let header = b64url(br#"{"zip":"DEF","alg":"ES256","kid":"k"}"#);
    vec![
        Case {
            name: "dcc_oversized",
            format: "eu-dcc",
            text: format!("HC1:{}", "A".repeat(1 << 20)),
            code: "format_too_large",
        },
        Case {
            name: "dcc_zlib_bomb",
            format: "eu-dcc",
            text: format!("HC1:{}", b45(&zlib(&bomb))),
            code: "format_too_large",
        },
        Case {
            name: "dcc_deep_cbor",
            format: "eu-dcc",
            text: format!("HC1:{}", b45(&zlib(&deep_cbor(5000)))),
            code: "cose_malformed",
        },
        Case {
            name: "shc_oversized",
            format: "shc",
            text: format!("shc:/{}", "00".repeat(1 << 19)),
            code: "format_too_large",
        },
        Case {
            name: "shc_deflate_bomb",
            format: "shc",
            text: numeric(&format!(
                "{header}.{}.{}",
                b64url(&deflate(&vec![b' '; 4 * 1024 * 1024])),
                b64url(&[0; 64])
            )),
            code: "format_too_large",
        },
        Case {
            name: "shc_too_many_chunks",
            format: "shc",
            text: (1..=40)
                .map(|i| format!("shc:/{i}/40/5676"))
                .collect::<Vec<_>>()
                .join("\n"),
            code: "shc_malformed",
        },
        Case {
            name: "shc_duplicate_chunk",
            format: "shc",
            text: "shc:/1/2/5676\nshc:/1/2/5676".into(),
            code: "shc_malformed",
        },
        Case {
            name: "shc_missing_chunk",
            format: "shc",
            text: "shc:/1/3/5676\nshc:/3/3/5676".into(),
            code: "shc_malformed",
        },
        Case {
            name: "shc_bad_digits",
            format: "shc",
            text: "shc:/99999".into(),
            code: "shc_malformed",
        },
        Case {
            name: "claim169_oversized",
            format: "claim169",
            text: "6BF".repeat(1 << 18),
            code: "format_too_large",
        },
        Case {
            name: "claim169_zlib_bomb",
            format: "claim169",
            text: b45(&zlib(&bomb)),
            code: "format_too_large",
        },
        Case {
            name: "claim169_deep_cbor",
            format: "claim169",
            text: b45(&zlib(&deep_cbor(5000))),
            code: "cose_malformed",
        },
    ]
}

/// Decodes `case` with its format's decoder; the error code, or `accepted`.
pub fn run(case: &Case) -> &'static str {
    let limits = FormatLimits::default();
    let r = match case.format {
        "eu-dcc" => dcc::decode(&case.text, &limits).map(|_| ()),
        "shc" => shc::decode(&case.text, &limits).map(|_| ()),
        _ => claim169::decode(&case.text, &limits).map(|_| ()),
    };
    match r {
        Ok(()) => "accepted",
        Err(e) => e.code(),
    }
}
