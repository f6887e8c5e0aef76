// Runs verify and verifyAsync over the cases given as JSON in argv[2] ([[file, options], …];
// options.trustBundle is a file name) in one of three platforms (argv[3]):
//   node       Node's crypto (process.getBuiltinModule('node:crypto')) and WebCrypto
//   webcrypto  WebCrypto only (as in a browser): getBuiltinModule removed before loading
//   none       neither (an old browser or an insecure context): every signature in Rust
//   webcrypto-no-p384  WebCrypto whose importKey refuses P-384 (a platform without the curve)
// and prints {reports: [[sync, async], …], calls: {node, webcrypto}} as JSON: how many
// signatures each platform checked, counted by wrapping the real functions.
const fs = require('node:fs');
const path = require('node:path');

const [, , casesJson, platform] = process.argv;
const calls = {node: 0, webcrypto: 0};
if (platform === 'none') {
  Object.defineProperty(globalThis, 'crypto', {value: undefined});
}
if (platform !== 'node') {
  process.getBuiltinModule = undefined;
} else {
  const load = process.getBuiltinModule.bind(process);
  process.getBuiltinModule = name => {
    const m = load(name);
    return name === 'node:crypto' ? {...m, verify: (...a) => (calls.node++, m.verify(...a))} : m;
  };
}
if (globalThis.crypto) {
  const subtle = globalThis.crypto.subtle;
  const verify = subtle.verify.bind(subtle);
  subtle.verify = (...a) => (calls.webcrypto++, verify(...a));
  if (platform === 'webcrypto-no-p384') {
    const importKey = subtle.importKey.bind(subtle);
    subtle.importKey = (format, key, algorithm, ...rest) => (algorithm?.namedCurve === 'P-384' ?
      Promise.reject(new DOMException('P-384 is not supported', 'NotSupportedError')) :
      importKey(format, key, algorithm, ...rest));
  }
}
const wasm = require(path.join(__dirname, '../pkg/node/verifier_wasm.js'));

(async () => {
  const reports = [];
  for (const [file, options] of JSON.parse(casesJson)) {
    const input = new Uint8Array(fs.readFileSync(file));
    const opts = options.trustBundle ? {...options, trustBundle: fs.readFileSync(options.trustBundle, 'utf8')} : options;
    wasm.clearTrustBundle();
    const sync = wasm.verify(input, opts);
    wasm.clearTrustBundle();
    reports.push([sync, await wasm.verifyAsync(input, opts)]);
  }
  process.stdout.write(JSON.stringify({reports, calls}));
})();
