// The WASM verifier against Digital Bazaar's reference implementation (`@digitalbazaar/vc` with
// its Data Integrity cryptosuites, installed in tests/interop), on the same credentials, in one
// Node process: the credentials are issued here by the Digital Bazaar libraries (fresh keys, the
// default did:key issuer of tests/interop/reference.mjs), then each is verified by both
// verifiers, alternating round by round, and the median round is reported.
//
//   node verifier-wasm/bench/vcjs.mjs [--pkg DIR] [--rounds N]
//
// `bench.mjs` imports `issueReferenceCredentials` and `compareInNode` and prints the table with
// the other measurements. The Digital Bazaar libraries do not load in a page without a bundler
// (bare module specifiers, Node built-ins), so vc-js is measured in Node only; the WASM verifier
// is measured on the same credentials in Chromium by bench.mjs.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {createRequire} from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const interop = join(root, 'tests/interop');
const require = createRequire(join(interop, 'package.json'));
const load = name => import(pathToFileURL(require.resolve(name)).href);

const vc = await load('@digitalbazaar/vc');
const {DataIntegrityProof} = await load('@digitalbazaar/data-integrity');
const {cryptosuite: eddsaRdfc2022} = await load('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
const {cryptosuite: ecdsaRdfc2019} = await load('@digitalbazaar/ecdsa-rdfc-2019-cryptosuite');
const eddsaJcs2022 = await load('@digitalbazaar/eddsa-jcs-2022-cryptosuite');
const ecdsaJcs2019 = await load('@digitalbazaar/ecdsa-jcs-2019-cryptosuite');
const Ed25519Multikey = await load('@digitalbazaar/ed25519-multikey');
const EcdsaMultikey = await load('@digitalbazaar/ecdsa-multikey');

/** The suites of the issue's table: name, Digital Bazaar cryptosuite maker, curve. */
export const CASES = [
  {name: 'eddsa-rdfc-2022', curve: null, sign: () => eddsaRdfc2022},
  {name: 'eddsa-jcs-2022', curve: null, sign: () => eddsaJcs2022.createSignCryptosuite()},
  {name: 'ecdsa-rdfc-2019 P-256', curve: 'P-256', sign: () => ecdsaRdfc2019},
  {name: 'ecdsa-jcs-2019 P-256', curve: 'P-256', sign: () => ecdsaJcs2019.createSignCryptosuite()},
  {name: 'ecdsa-rdfc-2019 P-384', curve: 'P-384', sign: () => ecdsaRdfc2019},
  {name: 'ecdsa-jcs-2019 P-384', curve: 'P-384', sign: () => ecdsaJcs2019.createSignCryptosuite()},
];

const VERIFY_SUITES = [
  new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
  new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
  new DataIntegrityProof({cryptosuite: eddsaJcs2022.createVerifyCryptosuite()}),
  new DataIntegrityProof({cryptosuite: ecdsaJcs2019.createVerifyCryptosuite()}),
];

// Offline document loader: credential-core's bundled contexts (the bytes the WASM verifier
// uses), did-context, and did:key documents; parsed once, so vc-js is timed without file reads.
const contexts = new Map(Object.entries({
  'https://www.w3.org/ns/credentials/v2': join(root, 'credential-core/contexts/credentials-v2.jsonld'),
  'https://w3id.org/security/data-integrity/v2': join(root, 'credential-core/contexts/data-integrity-v2.jsonld'),
  'https://w3id.org/security/multikey/v1': join(root, 'credential-core/contexts/multikey-v1.jsonld'),
  'https://www.w3.org/ns/did/v1': require.resolve('did-context/contexts/did-v1.jsonld'),
}).map(([url, file]) => [url, JSON.parse(readFileSync(file, 'utf8'))]));

async function documentLoader(url) {
  if (contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if (url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const key = did.slice('did:key:'.length);
    const method = {id: `${did}#${key}`, type: 'Multikey', controller: did, publicKeyMultibase: key};
    const document = fragment ?
      {'@context': 'https://w3id.org/security/multikey/v1', ...method} :
      {'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: did, verificationMethod: [method], assertionMethod: [method.id], authentication: [method.id]};
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`offline loader: unknown document ${url}`);
}

/**
 * One credential per case (those of `names`, default all), issued by the Digital Bazaar
 * libraries: {name: JSON text}.
 */
export async function issueReferenceCredentials(names = CASES.map(c => c.name)) {
  const out = {};
  for (const {name, curve, sign} of CASES.filter(c => names.includes(c.name))) {
    const keyPair = curve ? await EcdsaMultikey.generate({curve}) : await Ed25519Multikey.generate();
    const did = `did:key:${keyPair.publicKeyMultibase}`;
    keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
    keyPair.controller = did;
    const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: sign()});
    suite.date = '2025-01-01T00:00:00Z';
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:6a1d3f0e-0c6b-4f0e-9d35-52b0d1a3b7c1',
      type: ['VerifiableCredential'],
      issuer: {id: did, name: 'Reference issuer'},
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:holder',
        'https://schema.org/name': 'Fatima Zahra',
        'https://schema.org/birthDate': {'@value': '1990-04-02', '@type': 'http://www.w3.org/2001/XMLSchema#date'},
      },
    };
    out[name] = JSON.stringify(await vc.issue({credential, suite, documentLoader}));
  }
  return out;
}

/** vc-js's verification of one credential (JSON text, parsed per call as the WASM side does). */
export async function vcjsVerify(text) {
  const result = await vc.verifyCredential({credential: JSON.parse(text), suite: VERIFY_SUITES, documentLoader});
  return result.verified;
}

/** The WASM verifier's outcome: authentic means `issuer_not_checked` (no trust bundle loaded). */
export const AUTHENTIC = ['valid', 'issuer_not_checked'];

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Times `fns` (name -> async () => boolean) on each credential, alternating: every round runs
 * each function `batch` times in turn; returns {case: {fn: µs per call (median round)}}.
 * Every call must return true (a verifier that rejects a credential is not timed as if it had
 * verified it), except where `expectFalse` names the function and case.
 */
export async function alternate(credentials, fns, {rounds = 15, batch = 20, warmup = 50} = {}) {
  const out = {};
  for (const [name, text] of Object.entries(credentials)) {
    const times = Object.fromEntries(Object.keys(fns).map(f => [f, []]));
    const outcome = {};
    for (const [f, fn] of Object.entries(fns)) {
      outcome[f] = await fn(text);
      for (let i = 0; i < warmup; i++) {
        await fn(text);
      }
    }
    for (let r = 0; r < rounds; r++) {
      for (const [f, fn] of Object.entries(fns)) {
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) {
          await fn(text);
        }
        times[f].push((performance.now() - t0) * 1000 / batch);
      }
    }
    out[name] = Object.fromEntries(Object.keys(fns).map(f => [f, {us: median(times[f]), ok: outcome[f]}]));
  }
  return out;
}

/** Loads the Node package and returns the verifier functions to compare with vc-js. */
export function wasmVerifiers(pkgDir, now) {
  const wasm = createRequire(import.meta.url)(join(pkgDir, 'verifier_wasm.js'));
  const fns = {
    'Laissez sync': async text => AUTHENTIC.includes(wasm.verify(text, {now}).verdict),
  };
  if (wasm.verifyAsync) {
    fns['Laissez async'] = async text => AUTHENTIC.includes((await wasm.verifyAsync(text, {now})).verdict);
  }
  return fns;
}

/** Prints one table: rows = cases, columns = verifiers (µs) and each Laissez / vc-js speed-up. */
export function printTable(title, results) {
  const names = Object.keys(Object.values(results)[0]);
  const ours = names.filter(n => n !== 'vc-js');
  const cell = ({us, ok}) => (ok ? `${(us / 1000).toFixed(2)} ms` : 'fails').padStart(11);
  console.log(`\n${title}`);
  console.log(`${'suite'.padEnd(24)}${names.map(n => n.padStart(15)).join('')}${ours.map(n => `${n} speed`.padStart(22)).join('')}`);
  for (const [name, row] of Object.entries(results)) {
    const ratios = ours.map(n => (row[n].ok && row['vc-js']?.ok ? `${(row['vc-js'].us / row[n].us).toFixed(1)}×` : '–').padStart(22));
    console.log(`${name.padEnd(24)}${names.map(n => cell(row[n]).padStart(15)).join('')}${ratios.join('')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  const pkg = option('--pkg', join(root, 'verifier-wasm/pkg/node'));
  const rounds = Number(option('--rounds', 15));
  const now = '2026-12-01T00:00:00Z';
  const credentials = await issueReferenceCredentials();
  const results = await alternate(credentials, {'vc-js': vcjsVerify, ...wasmVerifiers(pkg, now)}, {rounds});
  printTable(`Node ${process.version}: vc-js vs Laissez WASM (${pkg}), median of ${rounds} alternating rounds`, results);
}
