// Prints the WASM verifier's start-up and per-credential verify times, in Node and in Debian's
// Chromium, for each cryptosuite. `node verifier-wasm/bench/bench.mjs` (after
// scripts/build-wasm.sh, a build of the laissez CLI, which makes the credentials, and of
// credential-core's example ecdsa_sd_derived, which makes the derived ecdsa-sd-2023 one).
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {chromium} from 'playwright-core';
import {corpus, laissez, root} from '../tests/corpus.mjs';
import {serve} from '../kiosk/serve.mjs';

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
function timeVerify(verify, input, n, now) {
  for (let i = 0; i < 300; i++) {
    verify(input, {now});
  }
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    // Authentic: 'valid' with a trust bundle, 'issuer_not_checked' without (as here).
    if (!['valid', 'issuer_not_checked'].includes(verify(input, {now}).verdict)) {
      throw new Error('not authentic');
    }
  }
  return (performance.now() - t0) * 1000 / n;
}

// Node: start-up measured in a fresh process (module load = compile + instantiate; first verify
// builds the JSON-LD contexts once).
const startup = JSON.parse(execFileSync(process.execPath, ['-e', `
  const t0 = performance.now();
  const w = require(${JSON.stringify(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'))});
  const t1 = performance.now();
  w.verify(${JSON.stringify(inputs['eddsa-rdfc-2022'])}, {now: '${NOW}'});
  const t2 = performance.now();
  console.log(JSON.stringify({instantiate: t1 - t0, first: t2 - t1}));
`], {encoding: 'utf8'}));
const {createRequire} = await import('node:module');
const wasm = createRequire(import.meta.url)(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'));
const node = Object.fromEntries(Object.keys(inputs).map(s => [s, timeVerify(wasm.verify, inputs[s], ITERATIONS, NOW)]));
node.envelope = timeVerify(wasm.verify, envelope, ITERATIONS, NOW);

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
const browserResult = await page.evaluate(async ({inputs, envelope, n, now, loop}) => {
  const timeVerify = new Function(`return (${loop})`)();
  const t0 = performance.now();
  const m = await import(`./pkg/verifier_wasm.js?fresh=${Date.now()}`);
  await m.default({module_or_path: new URL('./pkg/verifier_wasm_bg.wasm', location.href)});
  const t1 = performance.now();
  m.verify(inputs['eddsa-rdfc-2022'], {now});
  const t2 = performance.now();
  const out = {instantiate: t1 - t0, first: t2 - t1};
  for (const [s, input] of Object.entries(inputs)) {
    out[s] = timeVerify(m.verify, input, n, now);
  }
  out.envelope = timeVerify(m.verify, envelope, n, now);
  return out;
}, {inputs, envelope, n: ITERATIONS, now: NOW, loop: timeVerify.toString()});
await browser.close();
server.close();

const row = (name, a, b, unit) => console.log(`${name.padEnd(34)} ${a.toFixed(unit === 'ms' ? 1 : 0).padStart(10)} ${b.toFixed(unit === 'ms' ? 1 : 0).padStart(10)}  ${unit}`);
console.log(`\n${'WASM verifier'.padEnd(34)} ${'Node'.padStart(10)} ${'Chromium'.padStart(10)}`);
row('instantiate (compile + start)', startup.instantiate, browserResult.instantiate, 'ms');
row('first verify (builds contexts)', startup.first, browserResult.first, 'ms');
for (const s of SUITES) {
  row(`verify ${s}`, node[s], browserResult[s], 'µs');
}
row('verify ecdsa-sd-2023 (derived)', node['ecdsa-sd-2023'], browserResult['ecdsa-sd-2023'], 'µs');
row('verify vc+jwt (EdDSA)', node['vc+jwt'], browserResult['vc+jwt'], 'µs');
row('verify SD-JWT VC (preset shown)', node['sd-jwt-vc'], browserResult['sd-jwt-vc'], 'µs');
row('verify LZ1 envelope (eddsa-rdfc)', node.envelope, browserResult.envelope, 'µs');
