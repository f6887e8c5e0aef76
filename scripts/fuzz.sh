#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (fuzz/README.md).
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS | -runs=N]     default: all 60
#
# Installs cargo-fuzz if missing (nightly must be installed: `rustup toolchain list`), builds the
# targets, then runs each one in turn for SECONDS (or N executions), starting from the seeds in
# fuzz/corpus/TARGET and the inputs earlier runs kept in fuzz/corpus-run/TARGET (not committed).
# Prints per target: executions, exec/s, wall time, peak RSS and the crashes, timeouts and OOMs
# found, whose inputs are left in fuzz/artifacts/TARGET/. Exits 1 if any target found one.
#
# Environment: FUZZ_SANITIZER (default `none`: the core forbids unsafe code, and ASan would
# halve the executions; `address` for dependencies' unsafe code), CARGO_LOCK (default
# /tmp/cargo.lock: builds wait for it so that no two cargo builds run at once; fuzzers run
# without it, under `nice -n 19`, one process at a time).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

ALL=(envelope cborld json_bounds trust_bundle status_list qr_frame sd_jwt ecdsa_sd p256_verify)
target=${1:-all}
budget=${2:-60}
case "$target" in
  all) targets=("${ALL[@]}") ;;
  *)
    [[ " ${ALL[*]} " == *" $target "* ]] || { echo "unknown target '$target' (one of: ${ALL[*]}, all)" >&2; exit 2; }
    targets=("$target")
    ;;
esac
case "$budget" in
  -runs=[0-9]*) limit=("$budget") ;;
  [0-9]*) limit=("-max_total_time=$budget") ;;
  *) echo "usage: $0 [TARGET|all] [SECONDS | -runs=N]" >&2; exit 2 ;;
esac

# Longest input libFuzzer makes, per target.
max_len() {
  case "$1" in
    envelope) echo 4096 ;;       # a version 40 QR code holds 4,296 alphanumeric characters
    cborld) echo 4096 ;;
    json_bounds) echo 8192 ;;
    trust_bundle) echo 16384 ;;  # the seed bundle is about 2 KB
    status_list) echo 4096 ;;
    qr_frame) echo 65536 ;;      # 3-byte header + e.g. a 256 × 255 greyscale frame
    sd_jwt) echo 8192 ;;         # the seed presentations are 1-2 KB
    ecdsa_sd) echo 4096 ;;       # the seed proof values are under 1 KB
    p256_verify) echo 512 ;;     # mode, secret key, tweak, a message of up to 415 bytes
  esac
}

locked() {
  if command -v flock >/dev/null; then flock "${CARGO_LOCK:-/tmp/cargo.lock}" "$@"; else "$@"; fi
}

rustup toolchain list | grep -q '^nightly' || { echo "the nightly toolchain is required (rustup toolchain install nightly)" >&2; exit 1; }
command -v cargo-fuzz >/dev/null || locked cargo install cargo-fuzz --locked

sanitizer=${FUZZ_SANITIZER:-none}
build=(cargo +nightly fuzz build --sanitizer "$sanitizer")
[ ${#targets[@]} -eq 1 ] && build+=("${targets[0]}")
locked "${build[@]}"

bin=target/x86_64-unknown-linux-gnu/release
mkdir -p logs
summary=()
failed=0
for t in "${targets[@]}"; do
  mkdir -p "corpus-run/$t" "artifacts/$t"
  before=$(find "artifacts/$t" -type f | wc -l)
  log="logs/$t.log"
  echo "==> $t (${limit[*]}, -max_len=$(max_len "$t"), log in fuzz/$log)"
  start=$(date +%s)
  set +e
  nice -n 19 "$bin/$t" "corpus-run/$t" "corpus/$t" "${limit[@]}" \
    -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=5 \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  wall=$(($(date +%s) - start))
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  execs=$(stat number_of_executed_units)
  rate=$(stat average_exec_per_sec)
  rss=$(stat peak_rss_mb)
  # crash-*, timeout-*, oom-* (and leak-*, slow-unit-*) files written by this run.
  found=$(($(find "artifacts/$t" -type f | wc -l) - before))
  artifact=-
  if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then
    failed=1
    artifact="fuzz/artifacts/$t/$(ls -t "artifacts/$t" | head -1)"
    grep -m3 -E '^==[0-9]+== ERROR|panicked at|ALARM|out-of-memory' "$log" || tail -5 "$log"
  fi
  summary+=("$(printf '%-13s %12s %9s %7ss %7s MB %8s  %s' "$t" "${execs:-?}" "${rate:-?}" "$wall" "${rss:-?}" "$found" "$artifact")")
done

printf '\n%-13s %12s %9s %8s %10s %8s  %s\n' target executions exec/s wall 'peak RSS' crashes 'artifact'
printf '%s\n' "${summary[@]}"
echo "corpus (kept inputs): $(for t in "${targets[@]}"; do printf '%s %s  ' "$t" "$(find "corpus-run/$t" -type f | wc -l)"; done)"
exit "$failed"
