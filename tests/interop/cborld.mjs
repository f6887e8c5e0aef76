// Digital Bazaar's reference CBOR-LD implementation (@digitalbazaar/cborld), driven offline, for
// interop tests against credential-core's own CBOR-LD.
//
//   node cborld.mjs encode TABLE.json REGISTRY_ENTRY < doc.json    -> CBOR-LD as hex on stdout
//   node cborld.mjs decode TABLE.json < hex                         -> JSON document on stdout
//
// TABLE.json is the registry entry's type tables as {datatype: {value: code}} (credential-core
// writes it from its own table, so both sides use one definition). Contexts come from the same
// bundled files our implementation uses plus any --context URL=FILE; nothing is fetched.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {encode, decode} from '@digitalbazaar/cborld';

const here = dirname(fileURLToPath(import.meta.url));
const core = join(here, '../../credential-core/contexts');
const profiles = join(here, '../../specs/contexts');
const contexts = new Map([
  ['https://www.w3.org/ns/credentials/v2', join(core, 'credentials-v2.jsonld')],
  ['https://www.w3.org/2018/credentials/v1', join(core, 'credentials-v1.jsonld')],
  ['https://w3id.org/security/data-integrity/v2', join(core, 'data-integrity-v2.jsonld')],
  ['https://w3id.org/security/multikey/v1', join(core, 'multikey-v1.jsonld')],
  ['https://w3id.org/laissez/legal-identity/v1', join(profiles, 'legal-identity-v1.jsonld')],
  ['https://w3id.org/laissez/health/v1', join(profiles, 'health-v1.jsonld')],
  ['https://w3id.org/laissez/travel/v1', join(profiles, 'travel-v1.jsonld')],
  ['https://w3id.org/laissez/age/v1', join(profiles, 'age-v1.jsonld')],
  ['https://w3id.org/laissez/portrait/v1', join(profiles, 'portrait-v1.jsonld')],
]);

const args = process.argv.slice(2);
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--context') {
    const [url, file] = args[++i].split(/=(.*)/s);
    contexts.set(url, file);
  } else {
    positional.push(args[i]);
  }
}
const [mode, tableFile, entry] = positional;

async function documentLoader(url) {
  if (!contexts.has(url)) {
    throw new Error(`offline loader: unknown document ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(contexts.get(url), 'utf8'))};
}

const tables = JSON.parse(readFileSync(tableFile, 'utf8'));
const typeTable = new Map(Object.entries(tables).map(([type, t]) => [type, new Map(Object.entries(t))]));
const typeTableLoader = async () => typeTable;

const input = readFileSync(0, 'utf8');
if (mode === 'encode') {
  const bytes = await encode({
    jsonldDocument: JSON.parse(input), documentLoader, registryEntryId: Number(entry), typeTableLoader,
  });
  process.stdout.write(Buffer.from(bytes).toString('hex'));
} else if (mode === 'decode') {
  const document = await decode({
    cborldBytes: new Uint8Array(Buffer.from(input.trim(), 'hex')), documentLoader, typeTableLoader,
  });
  process.stdout.write(JSON.stringify(document));
} else {
  console.error('usage: node cborld.mjs encode|decode TABLE.json [REGISTRY_ENTRY]');
  process.exit(2);
}
