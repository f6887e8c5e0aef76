#!/usr/bin/env bash
# Installs the Python side of the SD-JWT interop harness: a venv in target/py-interop/venv with
# the packages of requirements.txt (pinned, hash-checked). Idempotent: when the venv already holds
# exactly this requirements.txt (a stamp of its hash), it returns at once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
venv="${LAISSEZ_PY_INTEROP_VENV:-$repo/target/py-interop/venv}"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"

if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "sd-jwt interop venv up to date: $venv"
  exit 0
fi

python=""
for candidate in python3.11 python3; do
  if command -v "$candidate" >/dev/null \
    && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
[ -n "$python" ] || { echo "Python 3.9 or newer is required for the sd-jwt interop harness" >&2; exit 1; }

rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  --require-hashes --only-binary :all: -r "$here/requirements.txt"
echo "$want" > "$stamp"
echo "sd-jwt interop venv installed: $venv ($("$venv/bin/python" -c 'import importlib.metadata as m; print("sd-jwt", m.version("sd-jwt"))'))"
