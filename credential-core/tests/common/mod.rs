//! Shared test helpers: locating the official vectors (never copied into the repo) and building a
//! context store with the test-only contexts they need.

#![allow(dead_code)]

use credential_core::jsonld::{ContextStore, JsonLdProcessor};
use credential_core::model::Timestamp;
use credential_core::verify::Verifier;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The vectors folder: `$LAISSEZ_VECTORS_DIR`, else `../shared/vectors` beside the repository.
/// Under CI (`CI=true`) a missing folder fails the test; elsewhere it is a loud skip (`None`).
pub fn vectors_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("LAISSEZ_VECTORS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors"));
    if dir.join("README.md").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "official test vectors not found at {} (set LAISSEZ_VECTORS_DIR)",
            dir.display()
        );
    }
    eprintln!(
        "\n*** SKIPPING: official test vectors not found at {} (set LAISSEZ_VECTORS_DIR) ***\n",
        dir.display()
    );
    None
}

/// A folder under the vectors folder (e.g. `conformance/rdf-canon`), with the same rule as
/// [`vectors_dir`]: missing under CI fails, elsewhere it is a loud skip.
pub fn vectors_subdir(rel: &str) -> Option<PathBuf> {
    let dir = vectors_dir()?.join(rel);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("official test vectors not found at {}", dir.display());
    }
    eprintln!(
        "\n*** SKIPPING: official test vectors not found at {} ***\n",
        dir.display()
    );
    None
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn read_json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The bundled store plus the test-only contexts listed in `vectors/contexts/index.json`.
pub fn store_with_test_contexts(vectors: &Path) -> ContextStore {
    let mut store = ContextStore::bundled();
    let index = read_json(&vectors.join("contexts/index.json"));
    for (url, file) in index.as_object().unwrap() {
        if url.starts_with('_') {
            continue;
        }
        let text = read(&vectors.join("contexts").join(file.as_str().unwrap()));
        store.add_trusted(url, &text).unwrap();
    }
    let bsl = vectors.join("bitstring-status-list/context-v1.jsonld");
    if bsl.is_file() {
        store
            .add_trusted("https://www.w3.org/ns/credentials/status/v1", &read(&bsl))
            .unwrap();
    }
    store
}

pub fn processor(vectors: &Path) -> JsonLdProcessor {
    JsonLdProcessor::new(store_with_test_contexts(vectors))
}

pub fn verifier(vectors: &Path) -> Verifier {
    Verifier::new(store_with_test_contexts(vectors))
}

/// A fixed verification time after every vector's creation and before its expiry.
pub fn now() -> Timestamp {
    Timestamp::parse("2025-06-01T00:00:00Z").unwrap()
}

/// Runs a harness (`program` with `args`, in `dir`) that reads one JSON request on stdin and
/// writes one JSON answer on stdout, as the interop harnesses in `tests/interop` do; fails the
/// test, with the harness's stderr, when it exits with an error.
pub fn run_harness(program: &Path, args: &[&str], dir: &Path, request: &Value) -> Value {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("run {}: {e}", program.display()));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(request.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{} {args:?}: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Runs the ES module `tests/interop/<script>` with Node in `dir` (whose `node_modules` its
/// imports resolve against) through [`run_harness`].
pub fn run_node_harness(dir: &Path, script: &str, request: &Value) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/interop")
        .join(script);
    let source = std::fs::read_to_string(path).unwrap();
    run_harness(
        Path::new("node"),
        &["--input-type=module", "-e", &source],
        dir,
        request,
    )
}
