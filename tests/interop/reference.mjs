// Digital Bazaar's reference Data Integrity implementation, driven offline, for interop tests.
//
//   node reference.mjs issue OUT_DIR [--context URL=FILE ...] [--credential FILE]
//       signs a credential with each suite (eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022,
//       ecdsa-jcs-2019), writing OUT_DIR/<suite>.json
//   node reference.mjs verify FILE... [--context URL=FILE ...] [--now RFC3339] [--ignore-status]
//       verifies each credential, printing one JSON line per file: {file, verified, error}
//
// Contexts come from credential-core's bundled files (the same bytes our verifier uses), the
// did-context package, and any --context given; nothing is fetched: an unknown URL is an error.
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as eddsaJcs2022 from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as ecdsaJcs2019 from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const coreContexts = join(here, '../../credential-core/contexts');

const contexts = new Map([
  ['https://www.w3.org/ns/credentials/v2', join(coreContexts, 'credentials-v2.jsonld')],
  ['https://www.w3.org/2018/credentials/v1', join(coreContexts, 'credentials-v1.jsonld')],
  ['https://www.w3.org/ns/credentials/undefined-terms/v2', join(coreContexts, 'undefined-terms-v2.jsonld')],
  ['https://w3id.org/security/data-integrity/v2', join(coreContexts, 'data-integrity-v2.jsonld')],
  ['https://w3id.org/security/multikey/v1', join(coreContexts, 'multikey-v1.jsonld')],
  ['https://www.w3.org/ns/did/v1', require.resolve('did-context/contexts/did-v1.jsonld')],
]);

function didKeyDocument(did) {
  const key = did.slice('did:key:'.length);
  const vmId = `${did}#${key}`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: key}],
    assertionMethod: [vmId],
    authentication: [vmId],
  };
}

async function documentLoader(url) {
  if (contexts.has(url)) {
    const document = JSON.parse(readFileSync(contexts.get(url), 'utf8'));
    return {contextUrl: null, documentUrl: url, document};
  }
  if (url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const doc = didKeyDocument(did);
    const document = fragment ?
      {'@context': 'https://w3id.org/security/multikey/v1', ...doc.verificationMethod[0]} : doc;
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`offline loader: unknown document ${url}`);
}

function parseArgs(argv) {
  const positional = [];
  let credentialFile = null;
  let now = new Date();
  let ignoreStatus = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--context') {
      const [url, file] = argv[++i].split(/=(.*)/s);
      contexts.set(url, file);
    } else if (argv[i] === '--ignore-status') {
      ignoreStatus = true;
    } else if (argv[i] === '--now') {
      now = new Date(argv[++i]);
    } else if (argv[i] === '--credential') {
      credentialFile = argv[++i];
    } else {
      positional.push(argv[i]);
    }
  }
  return {positional, credentialFile, now, ignoreStatus};
}

const SUITES = {
  'eddsa-rdfc-2022': {curve: null, make: signer => new DataIntegrityProof({signer, cryptosuite: eddsaRdfc2022})},
  'ecdsa-rdfc-2019': {curve: 'P-256', make: signer => new DataIntegrityProof({signer, cryptosuite: ecdsaRdfc2019})},
  'eddsa-jcs-2022': {curve: null, make: signer => new DataIntegrityProof({signer, cryptosuite: eddsaJcs2022.createSignCryptosuite()})},
  'ecdsa-jcs-2019': {curve: 'P-256', make: signer => new DataIntegrityProof({signer, cryptosuite: ecdsaJcs2019.createSignCryptosuite()})},
};

const VERIFY_SUITES = [
  new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
  new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
  new DataIntegrityProof({cryptosuite: eddsaJcs2022.createVerifyCryptosuite()}),
  new DataIntegrityProof({cryptosuite: ecdsaJcs2019.createVerifyCryptosuite()}),
];

async function generate(curve) {
  const keyPair = curve ?
    await EcdsaMultikey.generate({curve}) : await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  return {keyPair, did};
}

function defaultCredential(did) {
  return {
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
}

async function issue(outDir, credentialFile) {
  mkdirSync(outDir, {recursive: true});
  for (const [name, {curve, make}] of Object.entries(SUITES)) {
    const {keyPair, did} = await generate(curve);
    const credential = credentialFile ?
      {...JSON.parse(readFileSync(credentialFile, 'utf8')), issuer: did} : defaultCredential(did);
    const suite = make(keyPair.signer());
    suite.date = '2025-01-01T00:00:00Z';
    const signed = await vc.issue({credential, suite, documentLoader});
    writeFileSync(join(outDir, `${name}.json`), JSON.stringify(signed, null, 2));
  }
}

async function verify(files, now, ignoreStatus) {
  for (const file of files) {
    const credential = JSON.parse(readFileSync(file, 'utf8'));
    try {
      const result = await vc.verifyCredential({
        credential, suite: VERIFY_SUITES, documentLoader,
        now,
        // With --ignore-status the credentialStatus entry is not checked (this harness has no
        // status lists); the proof, contexts and dates still are.
        ...(ignoreStatus ? {checkStatus: async () => ({verified: true})} : {}),
      });
      const error = result.verified ? null :
        String(result.error?.errors?.[0]?.message ?? result.error?.message ?? result.results?.[0]?.error?.message ?? 'not verified');
      console.log(JSON.stringify({file, verified: result.verified, error}));
    } catch(e) {
      console.log(JSON.stringify({file, verified: false, error: String(e.message)}));
    }
  }
}

const [command, ...rest] = process.argv.slice(2);
const {positional, credentialFile, now, ignoreStatus} = parseArgs(rest);
if (command === 'issue' && positional.length === 1) {
  await issue(positional[0], credentialFile);
} else if (command === 'verify' && positional.length > 0) {
  await verify(positional, now, ignoreStatus);
} else {
  console.error('usage: reference.mjs issue OUT_DIR [--context URL=FILE] [--credential FILE] | verify FILE... [--context URL=FILE]');
  process.exit(2);
}
