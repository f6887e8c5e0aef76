#!/usr/bin/env bash
# Refresh the JSON-LD contexts bundled in credential-core from their registry packages, and check
# each one against what its specification publishes. Run by hand when a context package changes;
# review the diff and the printed digests, then update the pins in credential-core/src/jsonld/store.rs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/credential-core/contexts"
published="${LAISSEZ_VECTORS_DIR:-$root/../shared/vectors}/contexts/credentials-v2.w3c-published.jsonld"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent @digitalbazaar/credentials-context@3.2.0 \
  @digitalbazaar/data-integrity-context@2.0.1 @digitalbazaar/multikey-context@2.0.1 >/dev/null
for t in *.tgz; do mkdir -p "${t%.tgz}"; tar xzf "$t" -C "${t%.tgz}"; done

cp digitalbazaar-credentials-context-3.2.0/package/contexts/v1.jsonld "$out/credentials-v1.jsonld"
cp digitalbazaar-credentials-context-3.2.0/package/contexts/v2.jsonld "$out/credentials-v2.jsonld"
cp digitalbazaar-credentials-context-3.2.0/package/contexts/undefined-terms-v2.jsonld "$out/undefined-terms-v2.jsonld"
cp digitalbazaar-data-integrity-context-2.0.1/package/contexts/data-integrity-v2.jsonld "$out/data-integrity-v2.jsonld"
cp digitalbazaar-multikey-context-2.0.1/package/contexts/multikey-v1.jsonld "$out/multikey-v1.jsonld"

# VC 2.0 (section "Base Context") publishes SHA-256 59955ced… of the file W3C serves; the npm file
# differs only in whitespace, so compare parsed JSON with W3C's published file.
want=59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734
if [ -f "$published" ]; then
  got=$(sha256sum "$published" | cut -d' ' -f1)
  [ "$got" = "$want" ] || { echo "published v2 file digest $got != $want" >&2; exit 1; }
  python3 - "$published" "$out/credentials-v2.jsonld" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
if a != b:
    sys.exit("npm credentials v2 context differs in meaning from the W3C-published file")
print("credentials-v2: parsed JSON equals the W3C-published file (sha256 59955ced…)")
PY
else
  echo "warning: $published not found; v2 not compared with the published file" >&2
fi
echo "pins for credential-core/src/jsonld/store.rs:"
(cd "$out" && sha256sum ./*.jsonld)
# The Laissez contexts are ours (specs/contexts/, never changed once published: a change is a new
# version with a new URL); their pins are printed for the same table.
(cd "$root/specs/contexts" && sha256sum ./*.jsonld)
