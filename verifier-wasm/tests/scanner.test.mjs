// The scanner module (@laissez/verifier/scanner) in Node: decodeQr on the QR images the CLI
// writes (their text verifies with the verifier module), frames with no code, bad frames, its
// version, and its size ceiling. The kiosk and the wallet load it on first camera or image use
// where the platform has no BarcodeDetector for QR codes (kiosk/qr-reader.js; decision 0020).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {corpus, readPng, root} from './corpus.mjs';

const require = createRequire(import.meta.url);
const scanner = require(join(root, 'verifier-wasm/pkg/scanner/node/scanner_wasm.js'));
const verifier = require(join(root, 'verifier-wasm/pkg/node/verifier_wasm.js'));

// The scanner module's size ceiling, gzip level 9: the measured size rounded up to the next
// 10 KB (verifier-wasm/README.md, "Size and speed"), a tripwire for growth.
const SCANNER_GZIP_CEILING = 70_000;

test('decodeQr reads the QR images the CLI writes, and says when there is none', () => {
  const {creds} = corpus();
  const frame = readPng(join(creds, 'legal-identity-eddsa-rdfc-2022.png'));
  const text = scanner.decodeQr(frame);
  assert.match(text, /^LZ1:/);
  assert.equal(verifier.verify(text).verdict, 'issuer_not_checked');
  const blank = {data: new Uint8ClampedArray(100 * 100 * 4).fill(255), width: 100, height: 100};
  assert.throws(() => scanner.decodeQr(blank), e => e.code === 'qr_not_found');
  assert.throws(() => scanner.decodeQr({data: new Uint8Array(4), width: 5000, height: 5000}), e => e.code === 'malformed_document');
  assert.throws(() => scanner.decodeQr({data: new Uint8Array(4), width: 0, height: 1}), e => e.code === 'malformed_document');
  assert.throws(() => scanner.decodeQr({width: 1, height: 1}), e => e.code === 'malformed_document');
  assert.throws(() => scanner.decodeQr({data: new Uint8Array(3), width: 1, height: 1}), e => e.code === 'qr_not_found');
});

test('version is the crate version', () => {
  const cargo = readFileSync(join(root, 'scanner-wasm/Cargo.toml'), 'utf8');
  assert.equal(scanner.version(), cargo.match(/^version = "(.*)"$/m)[1]);
});

test('the scanner module stays under its own size ceiling', () => {
  const wasm = readFileSync(join(root, 'verifier-wasm/pkg/scanner/web/scanner_wasm_bg.wasm'));
  const gz = gzipSync(wasm, {level: 9}).length;
  console.log(`scanner_wasm_bg.wasm: ${wasm.length} bytes, ${gz} gzipped (ceiling ${SCANNER_GZIP_CEILING})`);
  assert.ok(gz <= SCANNER_GZIP_CEILING, `${gz} > ${SCANNER_GZIP_CEILING}`);
});
