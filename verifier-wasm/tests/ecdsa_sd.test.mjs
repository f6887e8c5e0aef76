// ecdsa-sd-2023 in the WASM verifier: a derived credential made by the Rust side (credential-core's
// example `ecdsa_sd_derived`: a legal identity with a base proof, derived with the
// `proof-of-registration` preset) verifies in Node, shows what it discloses and nothing else, and a
// copy with one disclosed value changed fails with the same check and error code as the native
// verifier (`laissez verify --json`).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {corpus, laissez, root} from './corpus.mjs';

const require = createRequire(import.meta.url);
const wasm = require(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'));
const NOW = '2026-12-01T00:00:00Z';

const failures = report => report.checks
  .filter(c => c.status === 'fail')
  .map(c => ({code: c.code, error: c.error}));

test('a derived ecdsa-sd-2023 credential verifies in the WASM verifier', () => {
  const {sdDerived} = corpus();
  const text = readFileSync(sdDerived, 'utf8');
  const doc = JSON.parse(text);
  assert.equal(doc.proof.cryptosuite, 'ecdsa-sd-2023');
  wasm.clearTrustBundle();
  const r = wasm.verify(text, {now: NOW});
  // No trust bundle: authentic, but nobody vouched for the issuer.
  assert.equal(r.verdict, 'issuer_not_checked', JSON.stringify(r.checks));
  assert.deepEqual(failures(r), []);
  for (const code of ['proof_present', 'signature_valid', 'schema_valid']) {
    assert.equal(r.checks.find(c => c.code === code)?.status, 'pass', code);
  }
  assert.equal(r.credential.profile, 'legal-identity');
  // What the preset discloses is shown; what it hides is in neither the document nor the display.
  const shown = JSON.stringify(r.display);
  for (const value of ['أمينة', 'Amina', 'Yusuf', 'LB-2023-77120']) {
    assert.ok(shown.includes(value), `${value} is displayed`);
  }
  assert.equal(doc.credentialSubject.registeringAuthority, 'Civil registry of the North governorate');
  for (const hidden of ['1990-04', 'Tripoli', 'XXA', 'female']) {
    assert.ok(!text.includes(hidden) && !shown.includes(hidden), `${hidden} is hidden`);
  }
});

test('a tampered derived credential fails in WASM with the native verifier\'s code', () => {
  const {sdTampered} = corpus();
  wasm.clearTrustBundle();
  const r = wasm.verify(readFileSync(sdTampered, 'utf8'), {now: NOW});
  assert.equal(r.verdict, 'invalid');
  const failed = failures(r);
  assert.equal(failed.length, 1, JSON.stringify(r.checks));
  assert.equal(failed[0].code, 'signature_valid');
  assert.equal(typeof failed[0].error, 'string');
  const cli = JSON.parse(laissez(['verify', '--json', '--at', NOW, sdTampered], {allowFailure: true}));
  assert.equal(cli.verdict, 'invalid');
  assert.deepEqual(failures(cli), failed);
});
