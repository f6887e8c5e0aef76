#!/usr/bin/env bash
# Load figures for `laissez serve`: issuance and verification per second with p50 / p99 latency,
# one server and two server processes on one registry (SQLite in the home; PostgreSQL once the
# registry has that backend). Release build; prints one table row per run.
#   usage: scripts/load.sh [CLIENTS] [COUNT]     (default 4 clients x 2000 requests)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
clients=${1:-4}; count=${2:-2000}
cd "$repo"
[ -n "${LOAD_NO_BUILD:-}" ] || flock /tmp/cargo.lock cargo build --release -q -p issuer-cli --bin laissez --example load
bin=$target/release/laissez; load=$target/release/examples/load
work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
home=$work/home
lz() { LANG=C LAISSEZ_HOME=$home "$bin" "$@"; }
lz init >/dev/null
token=$(lz serve key add --scope issue,status,verify --label load | tail -n 1)
printf 'rate_per_second = 1000000.0\nrate_burst = 1000000.0\n' >"$home/serve.toml"
start() {
  local port; port=$(free_port)
  lz serve --listen "127.0.0.1:$port" >"$work/out-$port" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 100); do grep -q listening "$work/out-$port" 2>/dev/null && break; sleep 0.1; done
  echo "https://127.0.0.1:$port"
}
one=$(start)
echo "| registry | mode | servers | clients | requests | time | rate | p50 | p99 | errors | status indexes |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
"$load" --label sqlite --base "$one" --token "$token" --mode issue --clients "$clients" --count "$count"
"$load" --label sqlite --base "$one" --token "$token" --mode verify --clients "$clients" --count "$count"
two=$(start)
"$load" --label sqlite --base "$one" --base "$two" --token "$token" --mode issue --clients "$clients" --count "$count"
"$load" --label sqlite --base "$one" --base "$two" --token "$token" --mode verify --clients "$clients" --count "$count"
rows=$(sqlite3 "$home/registry.sqlite" 'SELECT COUNT(*), COUNT(DISTINCT status_index) FROM credentials' 2>/dev/null || echo "?")
echo "registry: credentials, distinct status indexes: $rows"
