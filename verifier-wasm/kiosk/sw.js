// Service worker: caches the kiosk's own files on install and serves them cache-first, so the
// page starts and verifies with no network. Nothing outside this folder is ever fetched.
const CACHE = 'laissez-kiosk-v4';
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
// @fluent/bundle's modules, as copied by scripts/build-wasm.sh.
const FLUENT = ['ast', 'builtins', 'bundle', 'index', 'memoizer', 'resolver', 'resource', 'scope', 'types'];
const FILES = [
  './', './index.html', './kiosk.css', './kiosk.js', './messages.js', './verdicts.js', './store.js',
  './manifest.webmanifest', './icon.svg', './pkg/verifier_wasm.js', './pkg/verifier_wasm_bg.wasm',
  // Request mode: the request's bookkeeping, and the holder module that draws its QR code.
  './requests.js', './draw-qr.js', './pkg/holder/holder_wasm.js', './pkg/holder/holder_wasm_bg.wasm',
  // Camera and image scanning where the platform has no BarcodeDetector for QR codes.
  './load-module.js', './qr-reader.js', './pkg/scanner/scanner_wasm.js', './pkg/scanner/scanner_wasm_bg.wasm',
  // EU DCC, SMART Health Cards, Claim 169: their module, loaded on first need.
  './formats.js', './pkg/formats/formats_wasm.js', './pkg/formats/formats_wasm_bg.wasm',
  ...LANGUAGES.flatMap(l => [`./locales/${l}/core.ftl`, `./locales/${l}/kiosk.ftl`]),
  ...FLUENT.map(m => `./vendor/fluent-bundle/${m}.js`),
];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(c => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  event.respondWith(caches.match(event.request, {ignoreSearch: true})
    .then(hit => hit ?? fetch(event.request)));
});
