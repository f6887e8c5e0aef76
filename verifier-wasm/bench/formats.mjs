// Prints the formats module's times in Node: instantiate, loadTrustBundle, and verify per format
// (EU DCC ES256, SMART Health Card, Claim 169 Ed25519, each valid with the bundle) and for
// hostile inputs (oversized text, a zlib bomb, deep CBOR, bad chunks), each refused.
// `node verifier-wasm/bench/formats.mjs` (after scripts/build-wasm.sh and a build of the CLI,
// which signs the bundle; needs ../shared/vectors/other-formats).
import {execFileSync} from 'node:child_process';
import {deflateSync} from 'node:zlib';
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {root} from '../tests/corpus.mjs';
import {formatsCorpus} from '../tests/formats-corpus.mjs';

const ITERATIONS = 200;
const WARM_UP = 50;
const MODULE = join(root, 'verifier-wasm/pkg/formats/node/formats_wasm.js');

/** µs per call of `f` after WARM_UP calls, which let V8 tier the module up. */
function time(f, n = ITERATIONS) {
  for (let i = 0; i < WARM_UP; i++) {
    f();
  }
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    f();
  }
  return (performance.now() - t0) * 1000 / n;
}

/** Base45 (RFC 9285). */
function base45(bytes) {
  const A = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i] * 256 + bytes[i + 1];
    for (let k = 0; k < 3; k++, n = Math.floor(n / 45)) {
      out += A[n % 45];
    }
  }
  if (bytes.length % 2) {
    const n = bytes[bytes.length - 1];
    out += A[n % 45] + A[Math.floor(n / 45)];
  }
  return out;
}

const {bundle, anchor, cases} = formatsCorpus();
const startup = JSON.parse(execFileSync(process.execPath, ['-e', `
  const t0 = performance.now();
  const f = require(${JSON.stringify(MODULE)});
  const t1 = performance.now();
  f.verify(${JSON.stringify(cases.dcc.text)}, ${JSON.stringify(cases.dcc.now)});
  const t2 = performance.now();
  console.log(JSON.stringify({instantiate: t1 - t0, first: t2 - t1}));
`], {encoding: 'utf8'}));

const formats = createRequire(import.meta.url)(MODULE);
const bundleText = readFileSync(bundle, 'utf8');
const load = time(() => formats.loadTrustBundle(bundleText, [anchor]), 20);
formats.loadTrustBundle(bundleText, [anchor]);

const rows = [];
for (const c of [cases.dcc, cases.shc, cases.claim169]) {
  const r = formats.verify(c.text, c.now);
  if (r.verdict !== 'valid') {
    throw new Error(`${c.name}: ${r.verdict}`);
  }
  rows.push([`verify ${c.name}`, time(() => formats.verify(c.text, c.now))]);
}

// Hostile inputs: each must be refused (verdict invalid, well_formed failed with `code`).
const deep = Buffer.concat([Buffer.alloc(10000, 0x81), Buffer.from([0x00])]);
const hostile = [
  ['oversized HC1 (1 MB)', `HC1:${'A'.repeat(1 << 20)}`, 'format_too_large'],
  ['zlib bomb HC1 (64 MB of zeros)', `HC1:${base45(deflateSync(Buffer.alloc(64 << 20), {level: 9}))}`, 'format_too_large'],
  ['zlib bomb Claim 169', base45(deflateSync(Buffer.alloc(64 << 20), {level: 9})), 'format_too_large'],
  ['deep CBOR Claim 169 (10,000 arrays)', base45(deflateSync(deep)), 'cose_malformed'],
  ['SHC, 1,000 chunks', `shc:/1/1000/${'56'.repeat(5000)}`, 'shc_malformed'],
  ['SHC, odd digits', `shc:/${'5'.repeat(40001)}`, null],
];
for (const [name, text, code] of hostile) {
  const r = formats.verify(text, cases.dcc.now);
  const wf = r.checks.find(c => c.code === 'well_formed');
  if (r.verdict !== 'invalid' || wf?.status !== 'fail' || (code && wf.error !== code)) {
    throw new Error(`${name}: not refused as ${code}: ${JSON.stringify(r.checks)}`);
  }
  rows.push([`refuse ${name} [${wf.error}]`, time(() => formats.verify(text, cases.dcc.now), 20)]);
}

console.log(`\n${'WASM formats module (Node)'.padEnd(58)} ${'time'.padStart(10)}`);
console.log(`${'instantiate (compile + start)'.padEnd(58)} ${startup.instantiate.toFixed(1).padStart(10)}  ms`);
console.log(`${'first verify (EU DCC; builds the verifier)'.padEnd(58)} ${startup.first.toFixed(1).padStart(10)}  ms`);
console.log(`${'loadTrustBundle (3 sections)'.padEnd(58)} ${load.toFixed(0).padStart(10)}  µs`);
for (const [name, us] of rows) {
  console.log(`${name.padEnd(58)} ${us.toFixed(0).padStart(10)}  µs`);
}
