// Prints the WASM verifier's start-up and per-credential verify times, in Node and in Debian's
// Chromium, for each cryptosuite, with `verify` (all Rust) and `verifyAsync` (signatures by
// WebCrypto); then the table of issue 18: the same Digital Bazaar-issued credentials verified by
// `@digitalbazaar/vc` and by the WASM verifier, alternating in one Node process (bench/vcjs.mjs),
// and by the WASM verifier in Chromium (vc-js does not load in a page without a bundler).
// `node verifier-wasm/bench/bench.mjs` (after scripts/build-wasm.sh, a build of the laissez CLI,
// which makes the credentials, and of credential-core's example ecdsa_sd_derived, which makes the
// derived ecdsa-sd-2023 one).
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {chromium} from 'playwright-core';
import {corpus, laissez, root} from '../tests/corpus.mjs';
import {serve} from '../kiosk/serve.mjs';
import {alternate, issueReferenceCredentials, printTable, vcjsVerify, wasmVerifiers} from './vcjs.mjs';

const SUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019'];
const ITERATIONS = 500;
const NOW = '2026-12-01T00:00:00Z';

const {creds, sdDerived} = corpus();
const inputs = Object.fromEntries(SUITES.map(s => [s, readFileSync(join(creds, `legal-identity-${s}.json`), 'utf8')]));
// A legal identity derived with the proof-of-registration preset (8 disclosed claims).
inputs['ecdsa-sd-2023'] = readFileSync(sdDerived, 'utf8');
const envelope = readFileSync(join(corpus().dir, 'legal-identity-eddsa-rdfc-2022.json.envelope.txt'), 'utf8');
// JWT forms of the same legal identity, by the demo's issuer: vc+jwt, and an SD-JWT VC presented
// with the proof-of-registration preset (no key binding: the verifier is given no nonce).
{
  const home = join(corpus().dir, 'issuer-home');
  const subject = join(root, 'specs/profiles/legal-identity/examples/valid/arabic-stateless.json');
  const holder = laissez(['key', 'list'], {home: join(corpus().dir, 'stranger-home')}).split(/\s+/)[2];
  const issue = (securing, extra) => laissez(['issue', '--profile', 'legal-identity', '--subject', subject,
    '--securing', securing, '--record-id', `bench-${securing}`, ...extra], {home}).trim();
  inputs['vc+jwt'] = issue('vc+jwt', []);
  const sdJwt = join(corpus().dir, 'bench.sd-jwt');
  writeFileSync(sdJwt, issue('sd-jwt', ['--holder-key', holder]));
  const shown = join(corpus().dir, 'bench-shown.sd-jwt');
  laissez(['present', sdJwt, '--preset', 'proof-of-registration', '--out', shown], {home});
  inputs['sd-jwt-vc'] = readFileSync(shown, 'utf8').trim();
}

/**
 * The timing loop, run in Node and (as source) in the page: µs per verify after 300 warm-up
 * calls, which let the engine tier the module up (Liftoff -> TurboFan in V8). The first verify
 * of a fresh module is reported separately.
 */
async function timeVerify(verify, input, n, now) {
  for (let i = 0; i < 300; i++) {
    await verify(input, {now});
  }
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    // Authentic: 'valid' with a trust bundle, 'issuer_not_checked' without (as here).
    if (!['valid', 'issuer_not_checked'].includes((await verify(input, {now})).verdict)) {
      throw new Error('not authentic');
    }
  }
  return (performance.now() - t0) * 1000 / n;
}

// Node: start-up measured in a fresh process (module load = compile + instantiate; first verify
// builds the JSON-LD contexts once).
// `prepare` builds the contexts before the first verify (a page calls it when idle).
const startupOf = prepare => JSON.parse(execFileSync(process.execPath, ['-e', `
  const t0 = performance.now();
  const w = require(${JSON.stringify(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'))});
  const t1 = performance.now();
  ${prepare ? 'w.prepare();' : ''}
  const t2 = performance.now();
  w.verify(${JSON.stringify(inputs['eddsa-rdfc-2022'])}, {now: '${NOW}'});
  const t3 = performance.now();
  console.log(JSON.stringify({instantiate: t1 - t0, prepare: t2 - t1, first: t3 - t2}));
`], {encoding: 'utf8'}));
const startup = startupOf(false);
const prepared = startupOf(true);
const {createRequire} = await import('node:module');
const wasm = createRequire(import.meta.url)(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'));
const node = {};
const nodeAsync = {};
for (const s of Object.keys(inputs)) {
  node[s] = await timeVerify(wasm.verify, inputs[s], ITERATIONS, NOW);
  nodeAsync[s] = await timeVerify(wasm.verifyAsync, inputs[s], ITERATIONS, NOW);
}
node.envelope = await timeVerify(wasm.verify, envelope, ITERATIONS, NOW);
nodeAsync.envelope = await timeVerify(wasm.verifyAsync, envelope, ITERATIONS, NOW);
const reference = await issueReferenceCredentials();
const vcjsTable = await alternate(reference, {'vc-js': vcjsVerify, ...wasmVerifiers(join(root, 'verifier-wasm/pkg/node'), NOW)});

// Chromium: the same loop in the kiosk's origin.
const server = await serve(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(`${origin}/index.html`);
await page.waitForSelector('body[data-ready=true]');
const browserResult = await page.evaluate(async ({inputs, envelope, reference, n, now, loop}) => {
  const timeVerify = new Function(`return (${loop})`)();
  const t0 = performance.now();
  // A fresh copy of the module, compiled by instantiateStreaming from the fetch response.
  const m = await import(`./pkg/verifier_wasm.js?fresh=${Date.now()}`);
  await m.default({module_or_path: new URL(`./pkg/verifier_wasm_bg.wasm?fresh=${Date.now()}`, location.href)});
  const t1 = performance.now();
  m.verify(inputs['eddsa-rdfc-2022'], {now});
  const t2 = performance.now();
  const out = {instantiate: t1 - t0, first: t2 - t1, async: {}, reference: {}};
  for (const [s, input] of Object.entries(inputs)) {
    out[s] = await timeVerify(m.verify, input, n, now);
    out.async[s] = await timeVerify(m.verifyAsync, input, n, now);
  }
  out.envelope = await timeVerify(m.verify, envelope, n, now);
  out.async.envelope = await timeVerify(m.verifyAsync, envelope, n, now);
  // P-384 has no Rust check in this module: `verify` refuses it in a browser (decision 0025).
  const authentic = r => ['valid', 'issuer_not_checked'].includes(r.verdict);
  for (const [s, input] of Object.entries(reference)) {
    out.reference[s] = authentic(await m.verifyAsync(input, {now})) ? {
      sync: authentic(m.verify(input, {now})) ? await timeVerify(m.verify, input, n / 5, now) : null,
      async: await timeVerify(m.verifyAsync, input, n / 5, now),
    } : null;
  }
  return out;
}, {inputs, envelope, reference, n: ITERATIONS, now: NOW, loop: timeVerify.toString()});
// The page's start-up with prepare() called before the first verify.
const page2 = await browser.newPage();
await page2.goto(`${origin}/index.html`);
await page2.waitForSelector('body[data-ready=true]');
const browserPrepared = await page2.evaluate(async ({input, now}) => {
  const m = await import(`./pkg/verifier_wasm.js?fresh=${Date.now()}`);
  await m.default({module_or_path: new URL(`./pkg/verifier_wasm_bg.wasm?fresh=${Date.now()}`, location.href)});
  const t0 = performance.now();
  m.prepare();
  const t1 = performance.now();
  m.verify(input, {now});
  return {prepare: t1 - t0, first: performance.now() - t1};
}, {input: inputs['eddsa-rdfc-2022'], now: NOW});
await browser.close();
server.close();

const fmt = (v, unit) => (v === undefined ? '' : v.toFixed(unit === 'ms' ? 1 : 0)).padStart(10);
const row = (name, cells, unit) => console.log(`${name.padEnd(34)} ${cells.map(v => fmt(v, unit)).join(' ')}  ${unit}`);
console.log(`\n${'WASM verifier (legal identity)'.padEnd(34)} ${['Node', 'Node async', 'Chromium', 'Chr. async'].map(h => h.padStart(10)).join(' ')}`);
row('instantiate (compile + start)', [startup.instantiate, undefined, browserResult.instantiate], 'ms');
row('first verify (builds contexts)', [startup.first, undefined, browserResult.first], 'ms');
row('prepare() (builds contexts)', [prepared.prepare, undefined, browserPrepared.prepare], 'ms');
row('first verify after prepare()', [prepared.first, undefined, browserPrepared.first], 'ms');
const labels = {
  'ecdsa-sd-2023': 'ecdsa-sd-2023 (derived)', 'vc+jwt': 'vc+jwt (EdDSA)',
  'sd-jwt-vc': 'SD-JWT VC (preset shown)', envelope: 'LZ1 envelope (eddsa-rdfc)',
};
for (const s of [...SUITES, 'ecdsa-sd-2023', 'vc+jwt', 'sd-jwt-vc', 'envelope']) {
  row(`verify ${labels[s] ?? s}`, [node[s], nodeAsync[s], browserResult[s], browserResult.async[s]], 'µs');
}
printTable('Issue 18: Digital Bazaar-issued credentials, Node (vc-js and Laissez alternating; median round)', vcjsTable);
console.log('\nThe same credentials, Laissez in Chromium (vc-js: the Node column above)');
for (const [s, r] of Object.entries(browserResult.reference)) {
  const vcjs = vcjsTable[s]['vc-js'].us;
  const sync = r?.sync ? `sync ${(r.sync / 1000).toFixed(2)} ms (${(vcjs / r.sync).toFixed(1)}×)` : 'sync unsupported';
  console.log(`${s.padEnd(24)}${r ? `${sync.padEnd(26)}async ${(r.async / 1000).toFixed(2)} ms (${(vcjs / r.async).toFixed(1)}×)` : 'fails'}`);
}
