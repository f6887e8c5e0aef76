#!/usr/bin/env bash
# Load figures for `laissez serve`: issuance and verification per second with p50 / p99 latency,
# one server and two server processes on one registry, SQLite (the home's file) and PostgreSQL
# (a throw-away cluster from scripts/with-postgres.sh). Release build; one table row per run.
#   usage: scripts/load.sh [CLIENTS] [COUNT] [SUITE]   (default 4 clients x 2000, eddsa-jcs-2022)
# LOAD_BACKENDS="sqlite postgres" (default both) picks the registries.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
backends=${LOAD_BACKENDS:-sqlite postgres}
if [[ " $backends " == *" postgres "* ]] && [ -z "${LAISSEZ_TEST_POSTGRES_URL:-}" ]; then
  exec scripts/with-postgres.sh bash "$0" "$@"
fi
target=${CARGO_TARGET_DIR:-$repo/target}
clients=${1:-4}; count=${2:-2000}; suite=${3:-eddsa-jcs-2022}
[ -n "${LOAD_NO_BUILD:-}" ] || flock /tmp/cargo.lock cargo build --release -q -p issuer-cli --bin laissez --example load
bin=$target/release/laissez; load=$target/release/examples/load
work=$(mktemp -d); pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap 'stop; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The last two columns: CPU time per request of the load generator and of the servers (from
# /proc), which the rate depends on when all share two cores.
echo "| registry | mode | servers | clients | requests | time | rate | p50 | p99 | errors | status indexes | generator CPU | server CPU |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for backend in $backends; do
  home=$work/home-$backend
  dbenv=(-u LAISSEZ_DATABASE)
  if [ "$backend" = postgres ]; then
    db=load_$$
    psql -q "$LAISSEZ_TEST_POSTGRES_URL" -c "CREATE DATABASE $db"
    dbenv=(LAISSEZ_DATABASE="${LAISSEZ_TEST_POSTGRES_URL%/*}/$db")
  fi
  lz() { env "${dbenv[@]}" LANG=C LAISSEZ_HOME="$home" "$bin" "$@"; }
  lz init >/dev/null
  token=$(lz serve key add --scope issue,status,verify --label load | tail -n 1)
  printf 'rate_per_second = 1000000.0\nrate_burst = 1000000.0\n' >"$home/serve.toml"
  start() {
    local port; port=$(free_port)
    # Not through lz (a function: $! would be a subshell's pid, not the server's).
    env "${dbenv[@]}" LANG=C LAISSEZ_HOME="$home" "$bin" serve --listen "127.0.0.1:$port" >"$work/out-$port" 2>/dev/null &
    pids+=($!)
    for _ in $(seq 100); do grep -q listening "$work/out-$port" 2>/dev/null && break; sleep 0.1; done
    bases+=(--base "https://127.0.0.1:$port" --server-pid "$!")
  }
  bases=()
  start
  for mode in issue verify; do
    "$load" --label "$backend" "${bases[@]:0:4}" --token "$token" --mode $mode --suite "$suite" --clients "$clients" --count "$count"
  done
  start
  for mode in issue verify; do
    "$load" --label "$backend" "${bases[@]}" --token "$token" --mode $mode --suite "$suite" --clients "$clients" --count "$count"
  done
  stop
  if [ "$backend" = postgres ]; then
    rows=$(psql -tA "${LAISSEZ_TEST_POSTGRES_URL%/*}/$db" -c 'SELECT COUNT(*), COUNT(DISTINCT status_index) FROM credentials')
  else
    rows=$(sqlite3 "$home/registry.sqlite" 'SELECT COUNT(*), COUNT(DISTINCT status_index) FROM credentials' 2>/dev/null || echo "?")
  fi
  echo "$backend registry: credentials | distinct status indexes: $rows"
done
