#!/usr/bin/env bash
# Batch issuance throughput per suite, registry on disk, --jobs 1 and 2. Prints a table.
#   scripts/bench-batch.sh [RECORDS]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
cargo build --release -q -p issuer-cli
bin=$PWD/target/release/laissez
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < n; i++)); do
  printf '{"recordId":"r-%06d","givenName":"Person %d","familyName":"Example","birthDate":"1990-04"}\n' "$i" "$i"
done >"$work/records.jsonl"

printf '\n%-16s %5s %9s %12s\n' suite jobs seconds "creds/s"
for suite in eddsa-rdfc-2022 eddsa-jcs-2022 ecdsa-rdfc-2019 ecdsa-jcs-2019; do
  for jobs in 1 2; do
    home="$work/home-$suite-$jobs"
    alg=ed25519; [[ $suite == ecdsa-* ]] && alg=p256
    "$bin" --home "$home" init --alg "$alg" >/dev/null
    start=$(date +%s.%N)
    "$bin" --home "$home" issue-batch --suite "$suite" --jobs "$jobs" \
      --input "$work/records.jsonl" --out "$work/out-$suite-$jobs" >/dev/null 2>&1
    end=$(date +%s.%N)
    awk -v s="$suite" -v j="$jobs" -v a="$start" -v b="$end" -v n="$n" \
      'BEGIN { printf "%-16s %5d %9.2f %12.0f\n", s, j, b - a, n / (b - a) }'
  done
done
