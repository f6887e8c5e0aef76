// Prints the holder module's times in Node: presets, derive (ecdsa-sd-2023, a legal identity
// with the proof-of-registration preset), presentSdJwt with a Key Binding JWT, presentVp and
// generateHolderKey. `node verifier-wasm/bench/holder.mjs` (after scripts/build-wasm.sh and a
// build of holder-wasm's holder_corpus example, which issues the credentials).
import {execFileSync} from 'node:child_process';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {root} from '../tests/corpus.mjs';
import {holderCorpus} from '../tests/holder-corpus.mjs';

const ITERATIONS = 200;
const WARM_UP = 50;
const MODULE = join(root, 'verifier-wasm/pkg/holder/node/holder_wasm.js');

const {identity, sdJwt, holderJwk, issued} = holderCorpus();
const iat = Math.floor(Date.parse(issued) / 1000) + 60;
const preset = {preset: 'proof-of-registration'};

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

// Start-up in a fresh process: module load (compile + instantiate), then the first derive
// (which processes the JSON-LD contexts once).
const startup = JSON.parse(execFileSync(process.execPath, ['-e', `
  const t0 = performance.now();
  const h = require(${JSON.stringify(MODULE)});
  const t1 = performance.now();
  h.derive(${JSON.stringify(identity)}, ${JSON.stringify(preset)});
  const t2 = performance.now();
  console.log(JSON.stringify({instantiate: t1 - t0, first: t2 - t1}));
`], {encoding: 'utf8'}));

const holder = createRequire(import.meta.url)(MODULE);
const derived = holder.derive(identity, preset);
const rows = [
  ['presets (base-proof credential)', time(() => holder.presets(identity))],
  ['presets (SD-JWT VC)', time(() => holder.presets(sdJwt))],
  ['derive ecdsa-sd-2023 (preset)', time(() => holder.derive(identity, preset))],
  ['presentSdJwt with KB-JWT (preset)', time(() => holder.presentSdJwt(sdJwt, preset, {holderJwk, aud: 'https://v.example', nonce: 'n-1', iat}))],
  ['presentSdJwt without KB-JWT', time(() => holder.presentSdJwt(sdJwt, preset))],
  ['presentVp (Ed25519, eddsa-rdfc-2022)', time(() => holder.presentVp(derived, holderJwk, 'c-1', 'v.example'))],
  ['generateHolderKey Ed25519', time(() => holder.generateHolderKey('Ed25519'))],
  ['generateHolderKey P-256', time(() => holder.generateHolderKey('P-256'))],
];

console.log(`\n${'WASM holder (Node)'.padEnd(40)} ${'time'.padStart(10)}`);
console.log(`${'instantiate (compile + start)'.padEnd(40)} ${startup.instantiate.toFixed(1).padStart(10)}  ms`);
console.log(`${'first derive (builds contexts)'.padEnd(40)} ${startup.first.toFixed(1).padStart(10)}  ms`);
for (const [name, us] of rows) {
  console.log(`${name.padEnd(40)} ${us.toFixed(0).padStart(10)}  µs`);
}
