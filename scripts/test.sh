#!/usr/bin/env bash
# Runs every check and test of the workspace, installing what a fresh Debian machine lacks.
# This is README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

step() { printf '\n==> %s\n' "$*"; }

step "toolchain: rustfmt, clippy, wasm32 target"
installed_components=$(rustup component list --installed 2>/dev/null || true)
for c in rustfmt clippy; do
  grep -q "^$c" <<<"$installed_components" || rustup component add "$c"
done
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "npm packages for the interop harness (tests/interop)"
command -v node >/dev/null || { echo "node is required (Node 20 + npm)" >&2; exit 1; }
npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "tests (official vectors from \${LAISSEZ_VECTORS_DIR:-../shared/vectors})"
cargo test --workspace

step "credential-core for wasm32-unknown-unknown"
cargo build -p credential-core --target wasm32-unknown-unknown --release
