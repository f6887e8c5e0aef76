// Digital Bazaar's ecdsa-sd-2023 (base proofs, derived proofs, verification), offline, for the
// interop tests of credential-core/tests/ecdsa_sd_interop.rs.
//
//   node ecdsa-sd.mjs issue OUT_FILE [--mandatory POINTER]...
//       generates a P-256 did:key, signs the test credential with a base proof, writes it
//   node ecdsa-sd.mjs derive IN_FILE OUT_FILE [--selective POINTER]...
//       derives a reveal document from a base-proof credential
//   node ecdsa-sd.mjs verify FILE... [--now RFC3339]
//       verifies each derived credential, printing one JSON line per file: {file, verified, error}
//
// Contexts come from credential-core's bundled files (the bytes our verifier uses) and the
// did-context package; nothing is fetched.
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const coreContexts = join(here, '../../credential-core/contexts');

const contexts = new Map([
  ['https://www.w3.org/ns/credentials/v2', join(coreContexts, 'credentials-v2.jsonld')],
  ['https://www.w3.org/ns/credentials/undefined-terms/v2', join(coreContexts, 'undefined-terms-v2.jsonld')],
  ['https://w3id.org/security/data-integrity/v2', join(coreContexts, 'data-integrity-v2.jsonld')],
  ['https://w3id.org/security/multikey/v1', join(coreContexts, 'multikey-v1.jsonld')],
  ['https://www.w3.org/ns/did/v1', require.resolve('did-context/contexts/did-v1.jsonld')],
]);

async function documentLoader(url) {
  if (contexts.has(url)) {
    const document = JSON.parse(readFileSync(contexts.get(url), 'utf8'));
    return {contextUrl: null, documentUrl: url, document};
  }
  if (url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const key = did.slice('did:key:'.length);
    const vm = {
      '@context': 'https://w3id.org/security/multikey/v1',
      id: `${did}#${key}`, type: 'Multikey', controller: did, publicKeyMultibase: key,
    };
    const document = fragment ? vm : {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did, verificationMethod: [vm], assertionMethod: [vm.id], authentication: [vm.id],
    };
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`offline loader: unknown document ${url}`);
}

// Blank nodes (the credential, its subject, an address), an array, a typed value. The reference
// evaluates pointers against its compaction of the skolemized document, so member names are the
// compact ones (VC 2.0 terms and the undefined-terms @vocab): a full IRI as a member name would compact to a term
// and no longer match the pointer.
function credential(did) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/undefined-terms/v2'],
    type: ['VerifiableCredential'],
    issuer: {id: did, name: 'Reference issuer'},
    validFrom: '2025-01-01T00:00:00Z',
    validUntil: '2035-01-01T00:00:00Z',
    name: 'Interop credential',
    credentialSubject: {
      name: 'Fatima Zahra',
      birthDate: '1990-04-02',
      address: {addressCountry: 'MA', addressLocality: 'Fès'},
      knowsLanguage: ['ar', 'fr', 'en'],
    },
  };
}

function parseArgs(argv) {
  const positional = [];
  const mandatory = [];
  const selective = [];
  let now = new Date();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--mandatory') {
      mandatory.push(argv[++i]);
    } else if (argv[i] === '--selective') {
      selective.push(argv[++i]);
    } else if (argv[i] === '--now') {
      now = new Date(argv[++i]);
    } else {
      positional.push(argv[i]);
    }
  }
  return {positional, mandatory, selective, now};
}

async function issue(out, mandatoryPointers) {
  const keyPair = await EcdsaMultikey.generate({curve: 'P-256'});
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  const suite = new DataIntegrityProof({
    signer: keyPair.signer(),
    cryptosuite: ecdsaSd2023.createSignCryptosuite({mandatoryPointers}),
  });
  const signed = await vc.issue({credential: credential(did), suite, documentLoader});
  writeFileSync(out, JSON.stringify(signed, null, 2));
}

async function derive(input, out, selectivePointers) {
  const verifiableCredential = JSON.parse(readFileSync(input, 'utf8'));
  const suite = new DataIntegrityProof({
    cryptosuite: ecdsaSd2023.createDiscloseCryptosuite({selectivePointers}),
  });
  const derived = await vc.derive({verifiableCredential, suite, documentLoader});
  writeFileSync(out, JSON.stringify(derived, null, 2));
}

async function verify(files, now) {
  const suite = new DataIntegrityProof({cryptosuite: ecdsaSd2023.createVerifyCryptosuite()});
  for (const file of files) {
    const credential = JSON.parse(readFileSync(file, 'utf8'));
    try {
      const result = await vc.verifyCredential({credential, suite, documentLoader, now});
      const error = result.verified ? null :
        String(result.error?.errors?.[0]?.message ?? result.error?.message ?? result.results?.[0]?.error?.message ?? 'not verified');
      console.log(JSON.stringify({file, verified: result.verified, error}));
    } catch(e) {
      console.log(JSON.stringify({file, verified: false, error: String(e.message)}));
    }
  }
}

const [command, ...rest] = process.argv.slice(2);
const {positional, mandatory, selective, now} = parseArgs(rest);
if (command === 'issue' && positional.length === 1) {
  await issue(positional[0], mandatory);
} else if (command === 'derive' && positional.length === 2) {
  await derive(positional[0], positional[1], selective);
} else if (command === 'verify' && positional.length > 0) {
  await verify(positional, now);
} else {
  console.error('usage: ecdsa-sd.mjs issue OUT [--mandatory P]... | derive IN OUT [--selective P]... | verify FILE... [--now T]');
  process.exit(2);
}
