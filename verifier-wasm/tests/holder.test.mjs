// The holder module (@laissez/verifier/holder) in Node: presets, derive and SD-JWT VC
// presentations of credentials issued by Rust, holder keys and Verifiable Presentations, each
// result verified by a real verifier (the WASM verifier where it can, else the native one), the
// refusals with stable codes, and the module's own size ceiling.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {root} from './corpus.mjs';
import {holderCorpus, nativeVerify} from './holder-corpus.mjs';

const require = createRequire(import.meta.url);
const holder = require(join(root, 'verifier-wasm/pkg/holder/node/holder_wasm.js'));
const verifier = require(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'));
const scanner = require(join(root, 'verifier-wasm/pkg/scanner/node/scanner_wasm.js'));

// The holder module's size ceiling, gzip level 9 as Node's zlib measures it: the measured size
// rounded up to the next 10 KB (verifier-wasm/README.md, "Size and speed"). It is not the
// kiosk's budget (300,000 bytes for the verifier): a wallet loads this module beside it, on
// first use only (not in its first load). Raised from 280,000 for the wallet (issue 14):
// envelope encoding and decoding (zlib deflate, CBOR-LD) and the QR encoder.
const HOLDER_GZIP_CEILING = 310_000;
const NOW = '2026-06-02T00:00:00Z';
const AUD = 'https://border.example/kiosk-7';
const NONCE = 'n-2f8a91';
const REGISTRATION = [
  '/credentialSubject/givenName', '/credentialSubject/familyName', '/credentialSubject/nameScript',
  '/credentialSubject/registrationNumber', '/credentialSubject/registeringAuthority',
  '/credentialSubject/registrationDate',
];
const NEVER = ['/credentialSubject/birthDate', '/credentialSubject/placeOfBirth',
  '/credentialSubject/countryOfBirth', '/credentialSubject/sex', '/credentialSubject/nationality'];

function throwsCode(f, code) {
  assert.throws(f, e => {
    assert.equal(e.code, code, e.message);
    assert.equal(typeof e.args, 'object');
    assert.ok(e.message.startsWith(`${code} {`), e.message);
    return true;
  });
}

/** The claim names an SD-JWT (VC) presentation discloses. */
function disclosedNames(presentation) {
  return presentation.split('~').slice(1, -1)
    .map(d => JSON.parse(Buffer.from(d, 'base64url').toString('utf8')))
    .filter(d => d.length === 3)
    .map(d => d[1]);
}

const seconds = iso => Math.floor(Date.parse(iso) / 1000);

test('version is the crate version; the verifier module carries no holder operation', () => {
  const cargo = readFileSync(join(root, 'holder-wasm/Cargo.toml'), 'utf8');
  assert.equal(holder.version(), cargo.match(/^version = "(.*)"$/m)[1]);
  for (const f of ['presets', 'derive', 'presentSdJwt', 'generateHolderKey', 'presentVp']) {
    assert.equal(typeof holder[f], 'function', f);
    assert.equal(verifier[f], undefined, f);
  }
});

test('the holder module stays under its own size ceiling', () => {
  const wasm = readFileSync(join(root, 'verifier-wasm/pkg/holder/web/holder_wasm_bg.wasm'));
  const gz = gzipSync(wasm, {level: 9}).length;
  console.log(`holder_wasm_bg.wasm: ${wasm.length} bytes, ${gz} gzipped (ceiling ${HOLDER_GZIP_CEILING})`);
  assert.ok(gz <= HOLDER_GZIP_CEILING, `${gz} > ${HOLDER_GZIP_CEILING}`);
});

test('presets of a base-proof legal identity and of its SD-JWT VC agree', () => {
  const {identity, sdJwt} = holderCorpus();
  const di = holder.presets(identity, 'en');
  const sd = holder.presets(sdJwt, 'en');
  assert.equal(di.format, 'ecdsa-sd-2023');
  assert.equal(sd.format, 'sd-jwt-vc');
  for (const p of [di, sd]) {
    assert.equal(p.profile, 'legal-identity');
    assert.equal(p.title, 'Legal identity');
    assert.ok(p.disclosable.some(c => c.pointer === '/credentialSubject/givenName' && c.label === 'Given name'));
    assert.ok(!p.disclosable.some(c => c.pointer === '/credentialSubject/id'), 'the subject id is mandatory');
    // The issuer computed ageOver18 from the birth date, so both legal-identity presets apply.
    assert.deepEqual(p.presets.map(q => q.name), ['proof-of-registration', 'age-over-18']);
    const [reg, age] = p.presets;
    assert.deepEqual(age.disclose, ['/credentialSubject/ageOver18']);
    for (const n of NEVER) {
      assert.ok(age.hidden.map(c => c.pointer).includes(n), `${n} hidden by age-over-18`);
    }
    assert.equal(reg.label, 'Proof of registration');
    assert.deepEqual([...reg.disclose].sort(), [...REGISTRATION].sort());
    const hidden = reg.hidden.map(c => c.pointer);
    for (const n of NEVER) {
      assert.ok(hidden.includes(n), `${n} hidden`);
    }
    for (const r of REGISTRATION) {
      assert.ok(!hidden.includes(r), `${r} shown`);
    }
  }
  assert.deepEqual(sd.disclosable.map(c => c.pointer).sort(), di.disclosable.map(c => c.pointer).sort());
  const fr = holder.presets(identity, 'fr');
  assert.equal(fr.presets[0].label, "Preuve d'enregistrement");
  assert.ok(fr.disclosable.some(c => c.label === 'Prénom'));
  assert.equal(holder.presets(JSON.parse(identity), 'ar').title, 'الهوية القانونية');
});

test('derive with a preset: the native verifier accepts it, and it shows only what the preset says', () => {
  const {identity} = holderCorpus();
  const derived = holder.derive(identity, {preset: 'proof-of-registration'});
  const text = JSON.stringify(derived);
  for (const shown of ['María José', 'Pérez Gómez', '1090456781', 'Registraduría Nacional del Estado Civil']) {
    assert.ok(text.includes(shown), `${shown} shown`);
  }
  for (const hidden of ['birthDate', '1994-11-02', 'Cúcuta', 'nationality', 'female']) {
    assert.ok(!text.includes(hidden), `${hidden} leaked`);
  }
  const r = nativeVerify(derived, NOW);
  assert.equal(r.verdict, 'issuer_not_checked', JSON.stringify(r.checks));
  assert.equal(r.checks.find(c => c.code === 'schema_valid').status, 'pass');
  // Changed after deriving: refused.
  derived.credentialSubject.familyName = 'Pérez';
  assert.equal(nativeVerify(derived, NOW).verdict, 'invalid');
});

test('derive with pointers discloses exactly those claims; the result verifies', () => {
  const {identity} = holderCorpus();
  const derived = holder.derive(JSON.parse(identity), {pointers: ['/credentialSubject/birthDate']});
  assert.equal(derived.credentialSubject.birthDate, '1994-11-02');
  assert.equal(derived.credentialSubject.givenName, undefined);
  assert.equal(nativeVerify(derived, NOW).verdict, 'issuer_not_checked');
});

// The kiosk's verifier module is built without ecdsa-sd-2023 until its size work lands
// (decision 0006); then this test runs and must pass.
const derivedForWasm = () => holder.derive(holderCorpus().identity, {preset: 'proof-of-registration'});
const wasmHasEcdsaSd = (() => {
  try {
    const r = verifier.verify(derivedForWasm(), {now: NOW});
    return !r.checks.some(c => c.error === 'unsupported_cryptosuite');
  } catch {
    return true;
  }
})();
test('the WASM verifier accepts a derived credential', {skip: !wasmHasEcdsaSd && 'the verifier module is built without ecdsa-sd'}, () => {
  const r = verifier.verify(derivedForWasm(), {now: NOW});
  assert.equal(r.verdict, 'issuer_not_checked', JSON.stringify(r.checks));
});

test('derive refuses with stable codes', () => {
  const {identity, covid, sdJwt} = holderCorpus();
  throwsCode(() => holder.derive(identity, {preset: 'no-such-preset'}), 'unknown_preset');
  // A vaccination certificate without yellow fever: the preset does not apply, and is not offered.
  throwsCode(() => holder.derive(covid, {preset: 'yellow-fever'}), 'preset_not_applicable');
  assert.deepEqual(holder.presets(covid).presets, []);
  for (const p of ['/credentialSubject/id', '/issuer', '/credentialSubject/nope', '/proof']) {
    throwsCode(() => holder.derive(identity, {pointers: [p]}), 'claim_not_disclosable');
  }
  throwsCode(() => holder.derive(identity, {}), 'malformed_document');
  throwsCode(() => holder.derive(identity, {preset: 'proof-of-registration', pointers: []}), 'malformed_document');
  throwsCode(() => holder.derive('{"a":', {preset: 'x'}), 'malformed_json');
  throwsCode(() => holder.derive('[]', {preset: 'x'}), 'malformed_document');
  throwsCode(() => holder.derive(42, {preset: 'x'}), 'malformed_document');
  throwsCode(() => holder.derive('{"@context": []}', {preset: 'x'}), 'proof_missing');
  // Derived already: nothing left to choose.
  throwsCode(() => holder.derive(derivedForWasm(), {preset: 'proof-of-registration'}), 'malformed_proof');
  throwsCode(() => holder.derive(sdJwt, {preset: 'proof-of-registration'}), 'unsupported_format');
});

test('presentSdJwt with key binding: verified by the WASM verifier and, bound to the verifier, natively', () => {
  const {sdJwt, holderJwk, issued} = holderCorpus();
  const iat = seconds(issued) + 60;
  const shown = holder.presentSdJwt(sdJwt, {preset: 'proof-of-registration'}, {holderJwk, aud: AUD, nonce: NONCE, iat});
  const names = disclosedNames(shown);
  for (const r of REGISTRATION) {
    assert.ok(names.includes(r.split('/').pop()), `${r} disclosed`);
  }
  for (const n of NEVER) {
    assert.ok(!names.includes(n.split('/').pop()), `${n} leaked`);
  }
  const at = new Date((iat + 30) * 1000).toISOString().replace('.000Z', 'Z');
  const wasmReport = verifier.verify(shown, {now: at});
  assert.equal(wasmReport.verdict, 'issuer_not_checked', JSON.stringify(wasmReport.checks));
  const bound = nativeVerify(shown, at, NONCE, AUD);
  assert.equal(bound.verdict, 'issuer_not_checked', JSON.stringify(bound.checks));
  assert.equal(bound.checks.find(c => c.code === 'holder_binding').status, 'pass');
  // Replayed to another verifier, or with another nonce: refused.
  assert.equal(nativeVerify(shown, at, 'n-other', AUD).verdict, 'invalid');
  assert.equal(nativeVerify(shown, at, NONCE, 'https://evil.example').verdict, 'invalid');
  // Without key binding, by pointers.
  const plain = holder.presentSdJwt(sdJwt, {pointers: ['/credentialSubject/birthDate']});
  assert.deepEqual(disclosedNames(plain), ['birthDate']);
  assert.ok(plain.endsWith('~'));
  assert.equal(verifier.verify(plain, {now: NOW}).verdict, 'issuer_not_checked');
});

test('presentSdJwt refuses with stable codes', () => {
  const {sdJwt, holderJwk, issued} = holderCorpus();
  const kb = jwk => ({holderJwk: jwk, aud: AUD, nonce: NONCE, iat: seconds(issued)});
  const choice = {preset: 'proof-of-registration'};
  throwsCode(() => holder.presentSdJwt(sdJwt, {preset: 'nope'}), 'unknown_preset');
  throwsCode(() => holder.presentSdJwt(sdJwt, {pointers: ['/credentialSubject/nope']}), 'claim_not_disclosable');
  throwsCode(() => holder.presentSdJwt(sdJwt, {pointers: ['/credentialSubject/id']}), 'claim_not_disclosable');
  // The credential's holder key is Ed25519: a P-256 key is the wrong type, another Ed25519 key the wrong key.
  throwsCode(() => holder.presentSdJwt(sdJwt, choice, kb(holder.generateHolderKey('P-256').privateJwk)), 'key_type_mismatch');
  throwsCode(() => holder.presentSdJwt(sdJwt, choice, kb(holder.generateHolderKey('Ed25519').privateJwk)), 'key_binding_invalid');
  const {d, ...publicOnly} = holderJwk;
  assert.ok(d);
  throwsCode(() => holder.presentSdJwt(sdJwt, choice, kb(publicOnly)), 'invalid_jwk');
  throwsCode(() => holder.presentSdJwt(sdJwt, choice, kb({kty: 'RSA', n: 'AQAB', e: 'AQAB', d: 'AQAB'})), 'invalid_jwk');
  throwsCode(() => holder.presentSdJwt(sdJwt, choice, kb({kty: 'oct', k: 'c2VjcmV0'})), 'invalid_jwk');
  throwsCode(() => holder.presentSdJwt(sdJwt, choice, {holderJwk, aud: AUD, nonce: NONCE}), 'malformed_document');
  throwsCode(() => holder.presentSdJwt(sdJwt, choice, {holderJwk, aud: AUD, nonce: NONCE, iat: 1, extra: 1}), 'malformed_document');
  // A disclosure that is not JSON.
  throwsCode(() => holder.presentSdJwt('eyJhbGciOiJFUzI1NiJ9.e30.c2ln~bm90IGpzb24~', choice), 'malformed_json');
  throwsCode(() => holder.presentSdJwt('not~an~sd-jwt~', choice), 'sd_jwt_malformed');
});

test('generateHolderKey: fresh keys of each algorithm, private and public JWKs, DIDs', () => {
  for (const alg of ['Ed25519', 'P-256']) {
    const a = holder.generateHolderKey(alg);
    const b = holder.generateHolderKey(alg);
    assert.equal(a.algorithm, alg);
    assert.notEqual(a.privateJwk.d, b.privateJwk.d, 'fresh randomness each time');
    assert.equal(a.publicJwk.d, undefined);
    assert.equal(a.privateJwk.x, a.publicJwk.x);
    assert.match(a.didKey, /^did:key:z/);
    assert.match(a.didJwk, /^did:jwk:/);
    assert.equal(a.verificationMethod, `${a.didKey}#${a.didKey.slice('did:key:'.length)}`);
  }
  throwsCode(() => holder.generateHolderKey('RSA'), 'invalid_key');
  // The browser modules leave P-384 out (decision 0009).
  throwsCode(() => holder.generateHolderKey('P-384'), 'unsupported_key_algorithm');
});

test('presentVp: a derived credential in a presentation signed by a holder key, bound to challenge and domain', () => {
  const {holderJwk, holder: holderDid} = holderCorpus();
  const derived = derivedForWasm();
  for (const key of [holderJwk, holder.generateHolderKey('P-256').privateJwk]) {
    const vp = holder.presentVp(derived, key, 'c-8f2e', 'border.example');
    assert.deepEqual(vp.type, ['VerifiablePresentation']);
    assert.equal(vp.proof.proofPurpose, 'authentication');
    const r = nativeVerify(vp, NOW, 'c-8f2e', 'border.example');
    assert.equal(r.kind, 'presentation');
    assert.equal(r.verdict, 'issuer_not_checked', JSON.stringify(r.checks));
    assert.equal(r.checks.find(c => c.code === 'holder_binding').status, 'pass');
    assert.equal(nativeVerify(vp, NOW, 'c-other', 'border.example').verdict, 'invalid');
    assert.equal(nativeVerify(vp, NOW, 'c-8f2e', 'evil.example').verdict, 'invalid');
  }
  assert.equal(holder.presentVp(JSON.stringify(derived), JSON.stringify(holderJwk), 'c', 'd').holder, holderDid);
  const {identity} = holderCorpus();
  throwsCode(() => holder.presentVp(identity, holderJwk, 'c', 'd'), 'invalid_property');
  throwsCode(() => holder.presentVp(derived, holder.generateHolderKey('Ed25519').publicJwk, 'c', 'd'), 'invalid_jwk');
  throwsCode(() => holder.presentVp('{', holderJwk, 'c', 'd'), 'malformed_json');
});

test('qrCode draws text the verifier reads back; toEnvelope and openEnvelope round-trip an SD-JWT presentation', () => {
  const {sdJwt} = holderCorpus();
  const shown = holder.presentSdJwt(sdJwt, {preset: 'proof-of-registration'});
  const envelope = holder.toEnvelope(shown);
  assert.match(envelope, /^LZ1:/);
  assert.ok(envelope.length < shown.length, `${envelope.length} >= ${shown.length}`);
  assert.equal(holder.toEnvelope(envelope), envelope);
  assert.equal(holder.openEnvelope(envelope), shown);
  // The envelope verifies as the presentation itself does.
  assert.equal(verifier.verify(envelope, {now: NOW}).verdict, verifier.verify(shown, {now: NOW}).verdict);
  const qr = holder.qrCode(envelope);
  assert.equal(qr.modules.length, qr.width * qr.width);
  const px = 3, quiet = 4, side = (qr.width + 2 * quiet) * px;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [mx, my] = [Math.floor(x / px) - quiet, Math.floor(y / px) - quiet];
      if (mx >= 0 && my >= 0 && mx < qr.width && my < qr.width && qr.modules[my * qr.width + mx]) {
        data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
  }
  assert.equal(scanner.decodeQr({data, width: side, height: side}), envelope);
  throwsCode(() => holder.toEnvelope('not a credential'), 'malformed_document');
});
