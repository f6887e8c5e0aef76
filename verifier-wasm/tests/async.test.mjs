// verify (synchronous) and verifyAsync give the report of `laissez verify --json` over the parity
// corpus (every suite, envelopes, a tampered credential whose signature fails, a tampered
// ecdsa-sd-2023 statement, trust bundles, hostile input) on every platform the package meets:
// Node (its own crypto), a browser-like one with WebCrypto only, and one with neither (Rust).
// tests/async-runner.cjs runs each in its own process and counts the platform's checks.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {corpus, laissez, root} from './corpus.mjs';

const NOW = '2026-12-01T00:00:00Z';

function run(cases, anchor, platform) {
  const args = cases.map(c => [c.file, {now: c.at ?? NOW, ...(c.bundle ? {trustBundle: c.bundle, anchors: [anchor]} : {})}]);
  return JSON.parse(execFileSync(process.execPath,
    [join(root, 'verifier-wasm/tests/async-runner.cjs'), JSON.stringify(args), platform],
    {encoding: 'utf8', maxBuffer: 64 << 20}));
}

test('sync and async reports equal the CLI\'s with Node crypto, WebCrypto, or Rust only', () => {
  const {cases, anchor} = corpus();
  const cli = cases.map(c => {
    const args = ['verify', '--json', '--at', c.at ?? NOW, c.file];
    if (c.bundle) {
      args.push('--bundle', c.bundle, '--anchor', anchor);
    }
    return JSON.parse(laissez(args, {allowFailure: true}));
  });
  const codes = new Set(cli.flatMap(r => r.checks.map(k => `${k.code}:${k.status}:${k.error ?? ''}`)));
  assert.ok(codes.has('signature_valid:fail:invalid_signature'), 'a bad signature is in the corpus');
  const seen = {};
  for (const platform of ['node', 'webcrypto', 'none']) {
    const {reports, calls} = run(cases, anchor, platform);
    reports.forEach(([sync, asynchronous], i) => {
      const name = `${cases[i].name} (${platform})`;
      assert.deepEqual(asynchronous, sync, name);
      const {display, ...report} = sync;
      assert.deepEqual(report, cli[i], name);
    });
    seen[platform] = calls;
  }
  // Each platform checked what it should: Node's crypto in Node (sync and async; its two
  // detection probes included), WebCrypto for verifyAsync where Node's crypto is absent (more
  // than its two probes), nothing where both are.
  assert.ok(seen.node.node > 2 && seen.node.webcrypto === 0, JSON.stringify(seen.node));
  assert.ok(seen.webcrypto.node === 0 && seen.webcrypto.webcrypto > 2, JSON.stringify(seen.webcrypto));
  assert.deepEqual(seen.none, {node: 0, webcrypto: 0});
});

test('verifyAsync rejects bad options as verify throws', async () => {
  const {createRequire} = await import('node:module');
  const wasm = createRequire(import.meta.url)(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'));
  await assert.rejects(wasm.verifyAsync('{}', {now: 'yesterday'}), {code: 'invalid_date'});
  await assert.rejects(wasm.verifyAsync('{}', {colour: 'red'}), {code: 'malformed_document'});
  assert.throws(() => wasm.verify('{}', {now: 'yesterday'}), {code: 'invalid_date'});
});
