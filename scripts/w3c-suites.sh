#!/usr/bin/env bash
# Runs the W3C VC test suites (VC Data Model 2.0, Data Integrity EdDSA and ECDSA, Bitstring
# Status List) against `laissez serve`: installs them from ../shared/w3c-test-suites (see its
# README) into target/w3c-suites, starts the server over HTTPS (self-signed) with a temporary
# home holding did:key issuers for Ed25519, P-256 and P-384, registers it in each suite's
# localConfig.cjs, runs each suite with mocha and prints passed / failed / pending per suite.
# Fails when a test fails that is not listed, with its reason, under "W3C VC test suites" in
# test-vectors/manifest.md, or when a listed test passes (the list must stay true).
#   usage: scripts/w3c-suites.sh [SUITE...]    (LAISSEZ_BIN: the laissez binary to use)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
src=${LAISSEZ_W3C_SUITES:-$repo/../shared/w3c-test-suites}
dest=$repo/target/w3c-suites
target=${CARGO_TARGET_DIR:-$repo/target}
bin=${LAISSEZ_BIN:-$target/release/laissez}
suites=${*:-vc-data-model-2.0-test-suite vc-di-eddsa-test-suite vc-di-ecdsa-test-suite vc-bitstring-status-list-test-suite}
[ -x "$bin" ] || { echo "w3c-suites: no laissez binary at $bin (cargo build --release -p issuer-cli, or set LAISSEZ_BIN)" >&2; exit 2; }
[ -d "$src" ] || { echo "w3c-suites: no suites at $src" >&2; exit 2; }
started=$(date +%s)

# Install once per source snapshot (the copy is refreshed when install.sh changes).
stamp=$dest/.installed-$(sha256sum "$src/install.sh" | cut -c1-16)
if [ ! -f "$stamp" ]; then
  "$src/install.sh" "$dest" >/dev/null
  touch "$stamp"
fi

# The ECDSA suite signs its verifier tests' credentials with the key pairs of the W3C VC DI ECDSA
# test vectors (config/keys.json); the snapshot lacks them, the shared vectors have them.
vectors=${LAISSEZ_VECTORS_DIR:-$repo/../shared/vectors}
tv=$dest/vc-di-ecdsa-test-suite/tests/input/vc-di-ecdsa/TestVectors
if [ -d "$dest/vc-di-ecdsa-test-suite" ] && [ ! -f "$tv/p384KeyPair.json" ]; then
  mkdir -p "$tv"
  cp "$vectors/ecdsa-rdfc-2019/p256KeyPair.json" "$vectors/ecdsa-rdfc-2019/p384KeyPair.json" "$tv/"
fi

work=$(mktemp -d)
reports=$dest/reports; mkdir -p "$reports"
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
home=$work/home
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=https://127.0.0.1:$port
lz() { LANG=C LAISSEZ_HOME=$home "$bin" "$@"; }
lz init --status-base-url "$base/status" >/dev/null
lz key generate --alg p256 --name p256 >/dev/null
lz key generate --alg p384 --name p384 >/dev/null
token=$(lz serve key add --scope issue,status,verify --label w3c-suites | tail -n 1)
# The suites send hundreds of requests in bursts: no rate limit for this local run.
# The suites' credentials use the VC 2.0 examples context (W3C VC Data Model 2.0, "Example
# context": an @vocab for terms of the examples); given to the server as an operator context.
cat >"$work/examples-v2.jsonld" <<'JSON'
{
  "@context": {
    "@vocab": "https://www.w3.org/ns/credentials/examples#"
  }
}
JSON
cat >"$home/serve.toml" <<TOML
rate_per_second = 1000000.0
rate_burst = 1000000.0
[contexts]
"https://www.w3.org/ns/credentials/examples/v2" = "$work/examples-v2.jsonld"
TOML
lz serve --listen "127.0.0.1:$port" >"$work/serve.out" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$work/serve.out" || { echo "w3c-suites: the server did not start" >&2; cat "$work/serve.log" >&2; exit 2; }
did() { lz key show "$1" | grep -o 'did:key:[A-Za-z0-9]*' | head -n 1; }
export LZ_BASE=$base LZ_TOKEN=$token LZ_ED25519=$(did ed25519-1) LZ_P256=$(did p256) LZ_P384=$(did p384)
export ISSUER_NAME_JCS=Laissez

# One localConfig.cjs for every suite: an issuer endpoint per key and suite (the Data Integrity
# suites overwrite credential.issuer with the endpoint's id), one verifier, one VP verifier.
cat >"$work/localConfig.cjs" <<'JS'
const base = process.env.LZ_BASE;
const headers = {Authorization: `Bearer ${process.env.LZ_TOKEN}`};
const issuer = (key, did, cryptosuite, tags, keyTypes) => ({
  id: did, endpoint: `${base}/issuers/${key}/credentials/issue`, headers,
  options: {type: 'DataIntegrityProof', cryptosuite},
  supports: {vc: ['2.0']}, ...(keyTypes ? {supportedEcdsaKeyTypes: keyTypes} : {}),
  tags
});
const ed = process.env.LZ_ED25519, p256 = process.env.LZ_P256, p384 = process.env.LZ_P384;
module.exports = {
  settings: {enableInteropTests: true, testAllImplementations: false},
  implementations: [{
    name: 'Laissez', implementation: 'laissez',
    issuers: [
      issuer('ed25519-1', ed, 'eddsa-rdfc-2022', ['vc2.0', 'eddsa-rdfc-2022', 'BitstringStatusList', 'Revocation', 'Suspension']),
      issuer('ed25519-1', ed, 'eddsa-jcs-2022', ['eddsa-jcs-2022']),
      issuer('p256', p256, 'ecdsa-rdfc-2019', ['ecdsa-rdfc-2019'], ['P-256']),
      issuer('p384', p384, 'ecdsa-rdfc-2019', ['ecdsa-rdfc-2019'], ['P-384']),
      issuer('p256', p256, 'ecdsa-jcs-2019', ['ecdsa-jcs-2019'], ['P-256']),
      issuer('p384', p384, 'ecdsa-jcs-2019', ['ecdsa-jcs-2019'], ['P-384']),
    ],
    verifiers: [{
      id: `${base}/verifier`, endpoint: `${base}/credentials/verify`, headers,
      supports: {vc: ['1.1', '2.0']}, supportedEcdsaKeyTypes: ['P-256', 'P-384'],
      tags: ['vc2.0', 'eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019',
        'BitstringStatusList', 'Revocation', 'Suspension']
    }],
    vpVerifiers: [{
      id: `${base}/verifier`, endpoint: `${base}/presentations/verify`, headers, tags: ['vc2.0']
    }],
    setStatusLists: [{
      id: `${base}/status`, endpoint: `${base}/credentials/status`, headers,
      tags: ['BitstringStatusList', 'Revocation', 'Suspension']
    }],
    publishStatusLists: [{
      id: `${base}/status`, endpoint: `${base}/status`, headers,
      tags: ['BitstringStatusList', 'Revocation', 'Suspension']
    }]
  }]
};
JS

# The known failures, from the manifest: lines "- `SUITE` · TITLE — reason".
known=$work/known.txt
awk '/^## W3C VC test suites/{on=1; next} /^## /{on=0} on && /^- `/' "$repo/test-vectors/manifest.md" \
  | sed -E 's/^- `([^`]*)` · (.*) — .*$/\1\t\2/' >"$known"

status=0
for s in $suites; do
  cp "$work/localConfig.cjs" "$dest/$s/localConfig.cjs"
  ( cd "$dest/$s" && NODE_TLS_REJECT_UNAUTHORIZED=0 npx mocha tests --timeout 15000 --preserve-symlinks \
      --reporter json --reporter-option output="$reports/$s.json" >/dev/null 2>"$reports/$s.err" ) || true
  [ -s "$reports/$s.json" ] || { echo "w3c-suites: $s produced no report" >&2; tail -20 "$reports/$s.err" >&2; status=1; continue; }
  node - "$s" "$reports/$s.json" "$known" <<'JS' || status=1
const fs = require('fs');
const [suite, report, knownFile] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(report, 'utf8'));
const known = new Set(fs.readFileSync(knownFile, 'utf8').split('\n').filter(Boolean)
  .map(l => l.split('\t')).filter(([s]) => s === suite).map(([, t]) => t));
const title = t => t.fullTitle.replace(/\s+/g, ' ').trim();
const failed = r.failures.map(title);
const unexpected = failed.filter(t => !known.has(t));
const passedKnown = r.passes.map(title).filter(t => known.has(t));
console.log(`w3c ${suite}: ${r.stats.passes} passed, ${r.stats.failures} failed ` +
  `(${failed.length - unexpected.length} listed in test-vectors/manifest.md), ${r.stats.pending} pending`);
for (const t of unexpected) {
  const f = r.failures.find(x => title(x) === t);
  console.log(`  UNEXPECTED FAILURE: ${t}\n    ${(f.err.message || '').split('\n')[0].slice(0, 300)}`);
}
for (const t of passedKnown) console.log(`  LISTED AS FAILING BUT PASSES: ${t}`);
process.exit(unexpected.length || passedKnown.length ? 1 : 0);
JS
done
cp "$work/serve.log" "$reports/serve.log"
echo "w3c-suites: $(( $(date +%s) - started )) s (reports in $reports)"
exit $status
