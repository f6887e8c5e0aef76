// Service worker: caches the wallet's own files on install (the holder module too, so that "show
// less" and answering a kiosk work offline) and serves them cache-first. Nothing outside this
// folder is ever fetched.
const CACHE = 'laissez-wallet-v2';
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
// @fluent/bundle's modules, as copied by wallet-demo/build.mjs.
const FLUENT = ['ast', 'builtins', 'bundle', 'index', 'memoizer', 'resolver', 'resource', 'scope', 'types'];
const FILES = [
  './', './index.html', './wallet.css', './wallet.js', './vault.js', './answer.js', './messages.js',
  './verdicts.js', './requests.js', './draw-qr.js',
  './manifest.webmanifest', './icon.svg', './pkg/verifier_wasm.js', './pkg/verifier_wasm_bg.wasm',
  './pkg/holder/holder_wasm.js', './pkg/holder/holder_wasm_bg.wasm',
  // Camera and image scanning where the platform has no BarcodeDetector for QR codes.
  './load-module.js', './qr-reader.js', './pkg/scanner/scanner_wasm.js', './pkg/scanner/scanner_wasm_bg.wasm',
  ...LANGUAGES.flatMap(l => [`./locales/${l}/core.ftl`, `./locales/${l}/wallet.ftl`]),
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
