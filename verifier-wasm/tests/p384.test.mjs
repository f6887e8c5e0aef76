// P-384 in the WASM verifier, which has no Rust check for it (decision 0025): ecdsa-rdfc-2019
// and ecdsa-jcs-2019 credentials issued by Digital Bazaar's libraries (tests/interop), the W3C
// P-384 vectors and an ES384 vc+jwt signed by a Digital Bazaar P-384 key, each also tampered, give the report of `laissez verify --json` from
// `verify` and `verifyAsync` in Node (Node's crypto), from `verifyAsync` with WebCrypto only and
// in Chromium. Where no platform checks P-384 (`verify` in a browser, no WebCrypto, a WebCrypto
// without the curve), the signature check fails with `unsupported_key_algorithm`: never a pass.
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';
import {laissez, root} from './corpus.mjs';
import {issueReferenceCredentials} from '../bench/vcjs.mjs';
import {serve} from '../kiosk/serve.mjs';

const NOW = '2026-12-01T00:00:00Z';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const vectors = process.env.LAISSEZ_VECTORS_DIR ?? join(root, '../shared/vectors');

let cases, cli;

/** The signature check of a report: {status, error}. */
function signature(report) {
  const check = report.checks.find(c => c.code === 'signature_valid');
  return {status: check?.status, error: check?.error};
}

/** An ES384 `vc+jwt` (VC-JOSE-COSE) and a copy with its payload changed. */
async function es384VcJwt() {
  const require = createRequire(join(root, 'tests/interop/package.json'));
  const EcdsaMultikey = await import(pathToFileURL(require.resolve('@digitalbazaar/ecdsa-multikey')).href);
  const keyPair = await EcdsaMultikey.generate({curve: 'P-384'});
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const b64 = text => Buffer.from(text).toString('base64url');
  const header = b64(JSON.stringify({alg: 'ES384', typ: 'vc+jwt', kid: keyPair.id}));
  const claims = name => b64(JSON.stringify({
    '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: did,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: {id: 'did:example:holder', 'https://schema.org/name': name},
  }));
  const input = `${header}.${claims('Fatima Zahra')}`;
  const signature = await keyPair.signer().sign({data: new TextEncoder().encode(input)});
  return [`${input}.${b64(signature)}`, `${header}.${claims('Fatima Zohra')}.${b64(signature)}`];
}

/** A copy of `doc` with one claim changed: its signature no longer matches. */
function tampered(doc, change) {
  const copy = structuredClone(doc);
  change(copy.credentialSubject);
  return copy;
}

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'laissez-p384-'));
  const docs = {};
  const issued = await issueReferenceCredentials(['ecdsa-rdfc-2019 P-384', 'ecdsa-jcs-2019 P-384']);
  for (const [name, text] of Object.entries(issued)) {
    docs[`Digital Bazaar ${name}`] = JSON.parse(text);
    docs[`Digital Bazaar ${name}, tampered`] = tampered(JSON.parse(text), s => {
      s['https://schema.org/name'] = 'Fatima Zohra';
    });
  }
  for (const v of ['ecdsa-rdfc-2019/ecdsa-rdfc-2019-p384/signedECDSAP384.json',
    'ecdsa-jcs-2019/ecdsa-jcs-2019-p384/signedJCSECDSAP384.json']) {
    if (!existsSync(join(vectors, v))) {
      throw new Error(`official vectors missing at ${vectors}`);
    }
    const doc = JSON.parse(readFileSync(join(vectors, v), 'utf8'));
    docs[`W3C vector ${v}`] = doc;
    docs[`W3C vector ${v}, tampered`] = tampered(doc, s => {
      s.alumniOf = 'The School of Counterexamples';
    });
  }
  const texts = Object.fromEntries(Object.entries(docs).map(([name, doc]) => [name, JSON.stringify(doc, null, 2)]));
  [texts['ES384 vc+jwt'], texts['ES384 vc+jwt, tampered']] = await es384VcJwt();
  cases = Object.entries(texts).map(([name, text], i) => {
    const file = join(dir, `case-${i}.txt`);
    writeFileSync(file, text);
    return {name, file};
  });
  cli = cases.map(c => JSON.parse(laissez(['verify', '--json', '--at', NOW, c.file], {allowFailure: true})));
});

/** Runs verify and verifyAsync over the cases in a fresh Node process as `platform`. */
function run(platform) {
  const args = cases.map(c => [c.file, {now: NOW}]);
  return JSON.parse(execFileSync(process.execPath,
    [join(root, 'verifier-wasm/tests/async-runner.cjs'), JSON.stringify(args), platform],
    {encoding: 'utf8', maxBuffer: 64 << 20}));
}

/** The cases whose signature the CLI checked (passed, or failed as a bad signature). */
function checkedByCli() {
  return cases.map((c, i) => [c, i]).filter(([, i]) => {
    const s = signature(cli[i]);
    return s.status === 'pass' || s.error === 'invalid_signature';
  });
}

test('the CLI checks P-384: issued ones authentic, tampered ones refused, the JCS vector signed', () => {
  const by = Object.fromEntries(cases.map((c, i) => [c.name, cli[i]]));
  for (const suite of ['ecdsa-rdfc-2019', 'ecdsa-jcs-2019']) {
    assert.equal(by[`Digital Bazaar ${suite} P-384`].verdict, 'issuer_not_checked', suite);
    assert.deepEqual(signature(by[`Digital Bazaar ${suite} P-384, tampered`]),
      {status: 'fail', error: 'invalid_signature'}, suite);
  }
  const jcs = 'W3C vector ecdsa-jcs-2019/ecdsa-jcs-2019-p384/signedJCSECDSAP384.json';
  assert.equal(signature(by[jcs]).status, 'pass');
  assert.deepEqual(signature(by[`${jcs}, tampered`]), {status: 'fail', error: 'invalid_signature'});
  assert.equal(by['ES384 vc+jwt'].verdict, 'issuer_not_checked');
  assert.deepEqual(signature(by['ES384 vc+jwt, tampered']), {status: 'fail', error: 'invalid_signature'});
  assert.equal(checkedByCli().length, 8);
});

test('Node (its crypto): verify and verifyAsync give the CLI\'s reports', () => {
  const {reports, calls} = run('node');
  reports.forEach(([sync, asynchronous], i) => {
    assert.deepEqual(asynchronous, sync, cases[i].name);
    const {display, ...report} = sync;
    assert.deepEqual(report, cli[i], cases[i].name);
  });
  assert.ok(calls.node >= 3 + 8 && calls.webcrypto === 0, JSON.stringify(calls));
});

test('WebCrypto only (a browser): verifyAsync gives the CLI\'s reports, verify refuses P-384', () => {
  const {reports, calls} = run('webcrypto');
  reports.forEach(([sync, asynchronous], i) => {
    const {display, ...report} = asynchronous;
    assert.deepEqual(report, cli[i], cases[i].name);
  });
  for (const [c, i] of checkedByCli()) {
    assert.deepEqual(signature(reports[i][0]), {status: 'fail', error: 'unsupported_key_algorithm'}, c.name);
    assert.equal(reports[i][0].verdict, 'invalid', c.name);
  }
  assert.ok(calls.node === 0 && calls.webcrypto >= 3 + 8, JSON.stringify(calls));
});

test('no platform P-384 (no WebCrypto, or WebCrypto without the curve): unsupported_key_algorithm on both paths', () => {
  for (const platform of ['none', 'webcrypto-no-p384']) {
    const {reports} = run(platform);
    for (const [c, i] of checkedByCli()) {
      for (const report of reports[i]) {
        assert.deepEqual(signature(report), {status: 'fail', error: 'unsupported_key_algorithm'},
          `${c.name} (${platform})`);
        assert.equal(report.verdict, 'invalid', `${c.name} (${platform})`);
      }
    }
  }
});

test('Chromium: verifyAsync gives the CLI\'s reports, verify refuses P-384', async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (scripts/test.sh installs Debian's chromium)`);
  }
  const server = await serve(0);
  const browser = await chromium.launch({executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run']});
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForSelector('body[data-ready=true]');
    const inputs = cases.map(c => readFileSync(c.file, 'utf8'));
    const reports = await page.evaluate(async ({inputs, now}) => {
      const m = await import('./pkg/verifier_wasm.js');
      const out = [];
      for (const input of inputs) {
        out.push([m.verify(input, {now}), await m.verifyAsync(input, {now})]);
      }
      return out;
    }, {inputs, now: NOW});
    reports.forEach(([, asynchronous], i) => {
      const {display, ...report} = asynchronous;
      assert.deepEqual(report, cli[i], cases[i].name);
    });
    for (const [c, i] of checkedByCli()) {
      assert.deepEqual(signature(reports[i][0]), {status: 'fail', error: 'unsupported_key_algorithm'}, c.name);
    }
  } finally {
    await browser.close();
    server.close();
  }
});
