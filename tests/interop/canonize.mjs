// Canonical N-Quads of JSON-LD documents by jsonld.js (the JSON-LD reference implementation)
// and rdf-canonize, offline, to compare with credential-core's own JSON-LD and RDFC-1.0.
//
//   node canonize.mjs DOCS.json
//       DOCS.json is an array of JSON-LD documents; prints an array with, for each, either
//       {"nquads": "..."} or {"error": "..."}. Contexts are embedded objects or credential-core's
//       bundled URLs; nothing is fetched. Safe mode is on (as in jsonld.js's canonize default):
//       data that expansion would drop is an error, as it is for credential-core.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';

const here = dirname(fileURLToPath(import.meta.url));
const core = join(here, '../../credential-core/contexts');
const specs = join(here, '../../specs/contexts');
const contexts = new Map([
  ['https://www.w3.org/ns/credentials/v2', join(core, 'credentials-v2.jsonld')],
  ['https://www.w3.org/2018/credentials/v1', join(core, 'credentials-v1.jsonld')],
  ['https://w3id.org/security/data-integrity/v2', join(core, 'data-integrity-v2.jsonld')],
  ['https://w3id.org/laissez/legal-identity/v1', join(specs, 'legal-identity-v1.jsonld')],
  ['https://w3id.org/laissez/health/v1', join(specs, 'health-v1.jsonld')],
  ['https://w3id.org/laissez/travel/v1', join(specs, 'travel-v1.jsonld')],
  ['https://w3id.org/laissez/age/v1', join(specs, 'age-v1.jsonld')],
  ['https://w3id.org/laissez/portrait/v1', join(specs, 'portrait-v1.jsonld')],
]);

async function documentLoader(url) {
  if (contexts.has(url)) {
    const document = JSON.parse(readFileSync(contexts.get(url), 'utf8'));
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`offline loader: unknown document ${url}`);
}

const docs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = [];
for (const doc of docs) {
  try {
    const nquads = await jsonld.canonize(doc, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader,
      safe: true,
      // rdf-canonize bounds N-degree hashing by default more tightly than credential-core (which
      // refuses more than 6 blank nodes sharing a first-degree hash); allow the same work here.
      canonizeOptions: {maxWorkFactor: 3},
    });
    out.push({nquads});
  } catch (e) {
    out.push({error: `${e.name}: ${e.message}`.slice(0, 300)});
  }
}
console.log(JSON.stringify(out));
