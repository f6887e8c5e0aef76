// Parity: the same corpus (the demo's credentials as JSON and as envelope text, tampered,
// expired, revoked, trusted, untrusted, hostile, official vectors, a portrait) through
// `laissez verify --json` and through the WASM package in Node gives identical reports.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {corpus, laissez, root} from './corpus.mjs';

const require = createRequire(import.meta.url);
const wasm = require(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'));
const NOW = '2026-12-01T00:00:00Z';

test('CLI and WASM reports are identical over the corpus', () => {
  const {cases, anchor} = corpus();
  assert.ok(cases.length >= 25, `corpus has ${cases.length} cases`);
  const verdicts = new Set();
  for (const c of cases) {
    const at = c.at ?? NOW;
    const args = ['verify', '--json', '--at', at, c.file];
    if (c.bundle) {
      args.push('--bundle', c.bundle, '--anchor', anchor);
    }
    const cli = JSON.parse(laissez(args, {allowFailure: true}));
    wasm.clearTrustBundle();
    const options = {now: at};
    if (c.bundle) {
      Object.assign(options, {trustBundle: readFileSync(c.bundle, 'utf8'), anchors: [anchor]});
    }
    const {display, ...report} = wasm.verify(new Uint8Array(readFileSync(c.file)), options);
    assert.ok(display, c.name);
    assert.deepEqual(report, cli, c.name);
    verdicts.add(report.verdict);
    if (c.name.startsWith('portrait')) {
      // The signed portrait is in the report only when every signature verified.
      assert.equal(Boolean(report.credential?.photo?.startsWith('data:image/jpeg;base64,')), c.name === 'portrait', c.name);
    }
  }
  for (const v of ['valid', 'issuer_not_checked', 'invalid', 'expired', 'revoked', 'untrusted']) {
    assert.ok(verdicts.has(v), `the corpus covers ${v}`);
  }
});
