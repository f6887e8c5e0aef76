#!/usr/bin/env bash
# Batch issuance throughput per suite, --jobs 1 and 2, output layout (one JSON Lines file,
# `--out out.jsonl`, or one file per credential, `--out DIR`), registry on disk: SQLite (the
# home's file) and PostgreSQL (a throw-away cluster from scripts/with-postgres.sh). Prints a table.
#   scripts/bench-batch.sh [RECORDS] [LAYOUTS]   (defaults: 10000, "jsonl dir")
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LAISSEZ_TEST_POSTGRES_URL:-}" ]; then
  exec scripts/with-postgres.sh bash "$0" "$@"
fi
n=${1:-10000}
layouts=${2:-jsonl dir}
flock /tmp/cargo.lock cargo build --release -q -p issuer-cli
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/laissez
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < n; i++)); do
  printf '{"recordId":"r-%06d","givenName":"Person %d","familyName":"Example","birthDate":"1990-04"}\n' "$i" "$i"
done >"$work/records.jsonl"

printf '\n%-10s %-16s %-6s %5s %9s %12s\n' registry suite output jobs seconds "creds/s"
for backend in sqlite postgres; do
  for suite in eddsa-jcs-2022 eddsa-rdfc-2022 ecdsa-jcs-2019 ecdsa-rdfc-2019; do
    for layout in $layouts; do
    for jobs in 1 2; do
      run=$backend-$suite-$layout-$jobs
      out="$work/out-$run"; [ "$layout" = jsonl ] && out="$out.jsonl"
      home="$work/home-$run"
      alg=ed25519; [[ $suite == ecdsa-* ]] && alg=p256
      dbenv=(-u LAISSEZ_DATABASE)
      if [ "$backend" = postgres ]; then
        db=b_${run//-/_}
        psql -q "$LAISSEZ_TEST_POSTGRES_URL" -c "CREATE DATABASE $db"
        dbenv=(LAISSEZ_DATABASE="${LAISSEZ_TEST_POSTGRES_URL%/*}/$db")
      fi
      env "${dbenv[@]}" "$bin" --home "$home" init --alg "$alg" >/dev/null
      start=$(date +%s.%N)
      env "${dbenv[@]}" "$bin" --home "$home" issue-batch --suite "$suite" --jobs "$jobs" \
        --input "$work/records.jsonl" --out "$out" >/dev/null 2>&1
      end=$(date +%s.%N)
      awk -v r="$backend" -v s="$suite" -v l="$layout" -v j="$jobs" -v a="$start" -v b="$end" \
        -v n="$n" 'BEGIN { printf "%-10s %-16s %-6s %5d %9.2f %12.0f\n", r, s, l, j, b - a, n / (b - a) }'
      rm -rf "$out" "$home"
    done
    done
  done
done
