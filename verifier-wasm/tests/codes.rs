//! The stable codes exist once, as credential-core's `CheckCode` and `Verdict` enums. The
//! kiosk's list (kiosk/codes.js) is generated from them (`LAISSEZ_WRITE_CODES=1` rewrites it);
//! the TypeScript unions in src/bindings.rs are checked against them, line for line. This test
//! fails when either drifts.

use credential_core::verify::{CheckCode, Verdict};
use std::path::Path;

fn union(codes: &[&str]) -> String {
    codes
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn list(codes: &[&str]) -> String {
    codes
        .iter()
        .map(|c| format!("  '{c}',\n"))
        .collect::<String>()
}

fn verdicts() -> Vec<&'static str> {
    Verdict::ALL.iter().map(|v| v.as_str()).collect()
}

fn checks() -> Vec<&'static str> {
    CheckCode::ALL.iter().map(|c| c.as_str()).collect()
}

#[test]
fn typescript_union_matches_the_enums() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bindings.rs");
    let text = std::fs::read_to_string(&path).unwrap();
    for (name, codes) in [("Verdict", verdicts()), ("CheckCode", checks())] {
        let line = format!("export type {name} = {};", union(&codes));
        assert!(
            text.contains(&line),
            "{} is out of date; its line must read:\n{line}",
            path.display()
        );
    }
}

#[test]
fn kiosk_code_list_matches_the_enums() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk/codes.js");
    let want = format!(
        "// Generated from credential-core's Verdict and CheckCode enums by verifier-wasm/tests/codes.rs\n\
         // (LAISSEZ_WRITE_CODES=1 cargo test -p verifier-wasm --test codes): do not edit.\n\
         export const VERDICTS = [\n{}];\n\nexport const CHECK_CODES = [\n{}];\n",
        list(&verdicts()),
        list(&checks())
    );
    if std::env::var_os("LAISSEZ_WRITE_CODES").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        have,
        want,
        "{} is out of date: run LAISSEZ_WRITE_CODES=1 cargo test -p verifier-wasm --test codes",
        path.display()
    );
}
