// The package API in Node: verify (JSON, envelope text, bytes, objects), display fields and
// languages, loadTrustBundle (accept, refuse, rollback), version,
// that it reads no images (the scanner module does: scanner.test.mjs), and errors with stable codes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {corpus, root, AFTER_EXPIRY} from './corpus.mjs';

const require = createRequire(import.meta.url);
const wasm = require(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'));

test('the verifier module reads text, not images: decodeQr is in the scanner module', () => {
  assert.equal(wasm.decodeQr, undefined);
});

test('version is the crate version', () => {
  const cargo = readFileSync(join(root, 'verifier-wasm/Cargo.toml'), 'utf8');
  assert.equal(wasm.version(), cargo.match(/^version = "(.*)"$/m)[1]);
});

test('a valid credential: report, display fields in four languages', () => {
  const {creds} = corpus();
  const text = readFileSync(join(creds, 'legal-identity-eddsa-rdfc-2022.json'), 'utf8');
  wasm.clearTrustBundle();
  const r = wasm.verify(text);
  // No trust bundle: authentic, but nobody vouched for the issuer.
  assert.equal(r.verdict, 'issuer_not_checked');
  assert.equal(r.trustBundle, undefined);
  assert.equal(r.credential.profile, 'legal-identity');
  assert.ok(r.checks.some(c => c.code === 'trust_not_evaluated' && c.status === 'warning'));
  assert.equal(r.display.language, 'en');
  assert.equal(r.display.direction, 'ltr');
  assert.equal(r.display.title, 'Legal identity');
  assert.ok(r.display.fields.some(f => f.label === 'Given name' && f.value.length > 0));
  const ar = wasm.verify(text, {language: 'ar'});
  assert.equal(ar.display.direction, 'rtl');
  assert.equal(ar.display.title, 'الهوية القانونية');
  assert.equal(wasm.verify(text, {language: 'fr'}).display.title, 'Identité juridique');
  assert.equal(wasm.verify(text, {language: 'es'}).display.title, 'Identidad jurídica');
  // Same result from bytes and from a parsed object.
  assert.equal(wasm.verify(new TextEncoder().encode(text)).verdict, 'issuer_not_checked');
  assert.equal(wasm.verify(JSON.parse(text)).verdict, 'issuer_not_checked');
});

test('tampered, expired, unsupported and hostile inputs are reported, never thrown', () => {
  const {creds, expiring} = corpus();
  const tampered = wasm.verify(readFileSync(join(creds, 'tampered.json'), 'utf8'));
  assert.equal(tampered.verdict, 'invalid');
  const exp = wasm.verify(readFileSync(expiring, 'utf8'), {now: AFTER_EXPIRY});
  assert.equal(exp.verdict, 'expired');
  const jwt = wasm.verify('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
  assert.equal(jwt.checks[0].error, 'unsupported_format');
  for (const input of ['', 'LZ1:', 'LZ1:%%%', '['.repeat(200000), '\u0000\uffff', 'x'.repeat(3_000_000)]) {
    const r = wasm.verify(input);
    assert.equal(r.verdict, 'invalid', JSON.stringify(input.slice(0, 20)));
    assert.equal(r.checks[0].code, 'well_formed');
  }
});

test('bad options throw errors with codes', () => {
  assert.throws(() => wasm.verify('{}', {now: 'yesterday'}), e => e.code === 'invalid_date');
  assert.throws(() => wasm.verify('{}', {langauge: 'fr'}), e => e.code === 'malformed_document');
  assert.throws(() => wasm.verify(42), e => e.code === 'malformed_document');
});

test('trust bundles: accepted with its anchor, refused without, rollback refused', () => {
  const {dir, anchor, creds, stranger} = corpus();
  const b1 = readFileSync(join(dir, 'trust-bundle-1.json'), 'utf8');
  const b2 = readFileSync(join(dir, 'trust-bundle-2.json'), 'utf8');
  assert.throws(() => wasm.loadTrustBundle(b2, []), e => e.code === 'bundle_unknown_anchor');
  assert.throws(() => wasm.loadTrustBundle('{"nope": 1}', [anchor]), e => e.code === 'bundle_unsigned');
  const summary = wasm.loadTrustBundle(b2, [anchor]);
  assert.equal(summary.issuers.length, 2);
  assert.ok(summary.ageDays >= 0);
  assert.throws(() => wasm.loadTrustBundle(b1, [anchor]), e => e.code === 'bundle_rollback');
  // The cached bundle applies to later calls, and the report names it.
  const trusted = wasm.verify(readFileSync(join(creds, 'legal-identity-eddsa-rdfc-2022.json'), 'utf8'));
  assert.equal(trusted.verdict, 'valid');
  assert.equal(trusted.trustBundle.version, summary.version);
  assert.equal(wasm.verify(readFileSync(join(creds, 'health-vaccination-eddsa-rdfc-2022.json'), 'utf8')).verdict, 'revoked');
  const untrusted = wasm.verify(readFileSync(stranger, 'utf8'));
  assert.equal(untrusted.verdict, 'untrusted');
  assert.equal(typeof untrusted.display.trustDataAgeDays, 'number');
  wasm.clearTrustBundle();
  assert.equal(wasm.verify(readFileSync(stranger, 'utf8')).verdict, 'issuer_not_checked');
});

