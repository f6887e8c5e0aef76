#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster (Debian's `postgresql` package):
#   scripts/with-postgres.sh CMD [ARGS…]
# initdb in a temporary directory, pg_ctl start on a free port of 127.0.0.1 (trust authentication,
# local only), a database `laissez`; exports LAISSEZ_TEST_POSTGRES_URL=postgres://…/laissez, runs
# CMD, and stops and removes the cluster on exit, also when CMD fails. PostgreSQL refuses to run
# as root: as root, the cluster runs as the `postgres` system user. Exits with CMD's status.
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS…]" >&2; exit 2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/laissez-pg.XXXXXX)
chmod 755 "$dir"
[ ${#as_owner[@]} -eq 0 ] || chown postgres: "$dir"
data=$dir/data
log=$dir/server.log

cleanup() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free port: ask the kernel for one, then let PostgreSQL take it (retried if someone else did).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

"${as_owner[@]}" "$bindir/initdb" -D "$data" -U laissez --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }

started=""
for _ in 1 2 3 4 5; do
  port=$(free_port)
  if "${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 30 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=100 -c fsync=on" start >/dev/null 2>&1; then
    started=yes
    break
  fi
done
[ -n "$started" ] || { echo "with-postgres: PostgreSQL did not start" >&2; cat "$log" >&2; exit 1; }

"${as_owner[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U laissez laissez
export LAISSEZ_TEST_POSTGRES_URL="postgres://laissez@127.0.0.1:$port/laissez"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') at $LAISSEZ_TEST_POSTGRES_URL" >&2

set +e
"$@"
status=$?
set -e
exit $status
