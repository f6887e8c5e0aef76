#!/usr/bin/env bash
# Runs every check and test of the workspace, installing what a fresh Debian machine lacks.
# This is README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

# Every step's banner shows the time and the seconds since the start; at the end (pass or fail)
# a table gives each step's wall time, so a CI log shows where the time goes.
ci_started=$(date +%s)
step_names=()
step_starts=()
step() {
  local now
  now=$(date +%s)
  step_names+=("$*")
  step_starts+=("$now")
  printf '\n==> [%s, %ss] %s\n' "$(date -u +%H:%M:%S)" "$((now - ci_started))" "$*"
}
step_times() {
  local status=$? end i next
  end=$(date +%s)
  printf '\n==> wall time per step (s)\n'
  for i in "${!step_names[@]}"; do
    next=${step_starts[i + 1]:-$end}
    printf '%6d  %s\n' "$((next - step_starts[i]))" "${step_names[i]:0:100}"
  done
  printf '%6d  total%s\n' "$((end - ci_started))" "$([ "$status" -eq 0 ] || echo ", failed (exit $status)")"
}
trap step_times EXIT

step "toolchain: rustfmt, clippy, wasm32 target"
installed_components=$(rustup component list --installed 2>/dev/null || true)
for c in rustfmt clippy; do
  grep -q "^$c" <<<"$installed_components" || rustup component add "$c"
done
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "Debian's Chromium for the kiosk tests"
if [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi

step "Debian's poppler-utils and Noto fonts for the printed-card tests (laissez print)"
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null \
  || [ ! -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends poppler-utils fonts-noto-core
fi

step "Debian's PostgreSQL for the registry tests (scripts/with-postgres.sh)"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql
fi

step "npm packages for the interop harness (tests/interop)"
command -v node >/dev/null || { echo "node is required (Node 20 + npm)" >&2; exit 1; }
npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error

step "Python venv for the SD-JWT interop harness (tests/interop/py: sd-jwt from PyPI, pinned)"
tests/interop/py/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "tests (official vectors from \${LAISSEZ_VECTORS_DIR:-../shared/vectors}; the registry on SQLite and on a throw-away PostgreSQL)"
LAISSEZ_REQUIRE_POSTGRES=1 scripts/with-postgres.sh cargo test --workspace

# The test binaries, examples and the laissez binary the test step has built, run again as they
# are: another cargo invocation selecting fewer targets would resolve other features (or other
# debug info for build dependencies) and build the core again. `cargo build --workspace
# --examples --bins` resolves as `cargo test --workspace` does (dev-dependencies included), so
# it finds them fresh.
step "the test step's examples and binaries (cargo build --workspace --examples --bins: fresh)"
cargo build --workspace --examples --bins
bin_dir=${CARGO_TARGET_DIR:-target}/debug

# Already run by the test step; again with --nocapture so that each suite's pass/skip/fail line
# shows here (cargo test hides the output of passing tests): the same test binary, run directly.
step "W3C conformance suites: JSON-LD 1.1 expand and toRdf, RDFC-1.0 (test-vectors/manifest.md)"
conformance=$(cargo test --workspace --no-run --message-format=json \
  | grep -o '"executable":"[^"]*/w3c_conformance-[0-9a-f]*"' | cut -d'"' -f4 || true)
[ -x "$conformance" ] || { echo "no w3c_conformance test binary from the test step" >&2; exit 1; }
(cd credential-core && "$conformance" --nocapture)

step "examples: issue and verify with a trust bundle (prints a valid report), QR round trip"
example_report=$("$bin_dir/examples/issue_and_verify")
grep -q '"verdict": "valid"' <<<"$example_report" \
  || { echo "examples/issue_and_verify did not print a valid report" >&2; exit 1; }
"$bin_dir/examples/qr_round_trip"

step "cargo doc (no warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

step "cargo clippy for wasm32 (the JavaScript bindings of the verifier, holder, scanner and formats modules)"
cargo clippy -p verifier-wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p holder-wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p scanner-wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p formats-wasm --target wasm32-unknown-unknown -- -D warnings

step "verifier-wasm: build for the web and Node (scripts/build-wasm.sh)"
scripts/build-wasm.sh

step "holder-wasm: the holder tests' corpus and native verifier (holder-wasm/examples/holder_corpus.rs)"
holder_corpus=$(mktemp -d)
"$bin_dir/examples/holder_corpus" write "$holder_corpus"
rm -rf "$holder_corpus"

step "npm packages of the wallet's browser tests (wallet-demo: axe-core)"
npm ci --prefix wallet-demo --no-audit --no-fund --loglevel=error

step "verifier-wasm: Node tests, kiosk and wallet tests in Chromium (screenshots in target/kiosk-screenshots, target/wallet-screenshots)"
node --test verifier-wasm/tests/

step "W3C VC test suites against laissez serve (scripts/w3c-suites.sh; known failures in test-vectors/manifest.md)"
LAISSEZ_BIN=$bin_dir/laissez scripts/w3c-suites.sh
