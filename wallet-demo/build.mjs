// Assembles the wallet's served folder from the built packages (run by scripts/build-wasm.sh after
// it builds them): the verifier module (pkg/), the holder module (pkg/holder/, loaded only on
// "show less", a QR code or a kiosk's request), the scanner module (pkg/scanner/, loaded on the
// first camera or image scan where the platform has no BarcodeDetector for QR codes), the kiosk's
// shared modules (messages.js with @fluent/bundle, verdicts.js, requests.js, draw-qr.js,
// load-module.js, qr-reader.js), and the catalogues core.ftl and wallet.ftl of each language.
// Then prints the first load's size (what the page fetches before anyone touches it: HTML, JS,
// CSS, the verifier module, one language's catalogues), gzipped, and fails above the 500 KB goal
// of issue 14.
import {cpSync, mkdirSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pkg = join(root, 'verifier-wasm/pkg');
/** Issue 14's goal for the first load, gzipped (decimal kilobytes). */
const FIRST_LOAD_GOAL = 500_000;
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
/** The kiosk's modules the wallet serves as they are. */
const SHARED = ['messages.js', 'verdicts.js', 'requests.js', 'draw-qr.js', 'load-module.js', 'qr-reader.js'];

for (const d of ['pkg', 'locales', 'vendor']) {
  rmSync(join(here, d), {recursive: true, force: true});
}
mkdirSync(join(here, 'pkg/holder'), {recursive: true});
mkdirSync(join(here, 'pkg/scanner'), {recursive: true});
for (const f of ['verifier_wasm.js', 'verifier_wasm_bg.wasm']) {
  cpSync(join(pkg, 'web', f), join(here, 'pkg', f));
}
for (const f of ['holder_wasm.js', 'holder_wasm_bg.wasm']) {
  cpSync(join(pkg, 'holder/web', f), join(here, 'pkg/holder', f));
}
for (const f of ['scanner_wasm.js', 'scanner_wasm_bg.wasm']) {
  cpSync(join(pkg, 'scanner/web', f), join(here, 'pkg/scanner', f));
}
// The kiosk's modules the wallet shares: messages, verdict colours, the request wire format, QR drawing.
for (const f of SHARED) {
  cpSync(join(root, 'verifier-wasm/kiosk', f), join(here, f));
}
const fluent = join(root, 'verifier-wasm/node_modules/@fluent/bundle/esm');
mkdirSync(join(here, 'vendor/fluent-bundle'), {recursive: true});
for (const f of readdirSync(fluent).filter(f => f.endsWith('.js'))) {
  cpSync(join(fluent, f), join(here, 'vendor/fluent-bundle', f));
}
for (const lang of LANGUAGES) {
  mkdirSync(join(here, 'locales', lang), {recursive: true});
  for (const f of ['core.ftl', 'wallet.ftl']) {
    cpSync(join(root, 'locales', lang, f), join(here, 'locales', lang, f));
  }
}

const firstLoad = [
  'index.html', 'wallet.css', 'wallet.js', 'vault.js', 'answer.js', ...SHARED, 'manifest.webmanifest',
  'icon.svg', 'pkg/verifier_wasm.js', 'pkg/verifier_wasm_bg.wasm', 'locales/en/core.ftl', 'locales/en/wallet.ftl',
  ...readdirSync(join(here, 'vendor/fluent-bundle')).map(f => `vendor/fluent-bundle/${f}`),
];
const size = f => {
  const bytes = readFileSync(join(here, f));
  return {raw: bytes.length, gz: gzipSync(bytes, {level: 9}).length};
};
let raw = 0, gz = 0;
for (const f of firstLoad) {
  const s = size(f);
  raw += s.raw;
  gz += s.gz;
}
const holder = size('pkg/holder/holder_wasm_bg.wasm');
const holderJs = size('pkg/holder/holder_wasm.js');
const scannerSize = ['pkg/scanner/scanner_wasm.js', 'pkg/scanner/scanner_wasm_bg.wasm'].map(size);
const row = (name, r, g) => console.log(`${name.padEnd(40)} ${String(r).padStart(10)} ${String(g).padStart(10)}`);
console.log(`${''.padEnd(40)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)}`);
row(`wallet first load (${firstLoad.length} files)`, raw, gz);
row('  of which verifier_wasm_bg.wasm', size('pkg/verifier_wasm_bg.wasm').raw, size('pkg/verifier_wasm_bg.wasm').gz);
row('later, on first use: holder module', holder.raw + holderJs.raw, holder.gz + holderJs.gz);
row('later, on first scan: scanner module', scannerSize[0].raw + scannerSize[1].raw, scannerSize[0].gz + scannerSize[1].gz);
row('goal for the first load (gzip)', '', FIRST_LOAD_GOAL);
if (gz > FIRST_LOAD_GOAL) {
  console.error(`the wallet's first load is ${gz} bytes gzipped, over the ${FIRST_LOAD_GOAL}-byte goal`);
  process.exit(1);
}
