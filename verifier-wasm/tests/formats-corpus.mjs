// The other formats' corpus for the formats module's Node tests, kiosk tests and bench: QR texts
// from ../shared/vectors/other-formats (never copied into the repository) and a trust bundle
// holding their signers' keys, made with the real `laissez` CLI (`bundle create`,
// `add-dcc-signers`, `add-shc-issuer`, `add-claim169-key`, `sign`).
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {laissez, root} from './corpus.mjs';

/** The reference vectors' other-formats folder, or null when absent (outside CI). */
export function formatVectors() {
  const dir = join(process.env.LAISSEZ_VECTORS_DIR ?? join(root, '../shared/vectors'), 'other-formats');
  if (existsSync(dir)) {
    return dir;
  }
  if (process.env.CI === 'true') {
    throw new Error(`other-formats vectors missing at ${dir}`);
  }
  return null;
}

const json = path => JSON.parse(readFileSync(path, 'utf8'));
const hexToBase64url = hex => Buffer.from(hex, 'hex').toString('base64url');

/** The SMART Health Cards examples' issuer (`iss` of their cards). */
export const SHC_ISSUER = 'https://spec.smarthealth.cards/examples/issuer';

let cached = null;

/**
 * Builds the corpus once per process: {dir, bundle (path), anchor (did:key), cases}, each case
 * {name, text, holder (a part of the holder's name), now (RFC 3339, the time to verify at)}.
 */
export function formatsCorpus() {
  if (cached) {
    return cached;
  }
  const vectors = formatVectors();
  const dir = mkdtempSync(join(tmpdir(), 'laissez-formats-'));
  const home = join(dir, 'anchor-home');
  laissez(['init'], {home});
  const bundle = join(dir, 'formats-bundle.json');
  laissez(['bundle', 'create', '--out', bundle], {home});

  // EU DCC DE-1 (ES256): its certificate as a DCC Gateway trust list entry.
  const dcc = json(join(vectors, 'eu-dcc/DE-1.json'));
  const list = join(dir, 'dsc-trust-list.json');
  writeFileSync(list, JSON.stringify([{
    kid: dcc.TESTCTX.KID ?? '', country: 'DE', certificateType: 'DSC', rawData: dcc.TESTCTX.CERTIFICATE,
  }]));
  laissez(['bundle', 'add-dcc-signers', bundle, list], {home});

  // SMART Health Cards: the examples' issuer JWKS and revocation list.
  const shc = join(vectors, 'smart-health-cards');
  const crls = readdirSync(join(shc, 'issuer/.well-known/crl'))
    .flatMap(f => ['--crl', join(shc, 'issuer/.well-known/crl', f)]);
  laissez(['bundle', 'add-shc-issuer', bundle, '--iss', SHC_ISSUER, '--name', 'SMART Health Cards examples',
    '--jwks', join(shc, 'issuer/.well-known/jwks.json'), ...crls], {home});

  // Claim 169, Ed25519: its public key as a JWK (RFC 8037).
  const c169 = json(join(vectors, 'claim-169/valid/ed25519-signed.json'));
  const jwk = {kty: 'OKP', crv: 'Ed25519', x: hexToBase64url(c169.signing_key.public_key_hex)};
  laissez(['bundle', 'add-claim169-key', bundle, '--iss', c169.expected_cwt_meta.issuer,
    '--key', JSON.stringify(jwk)], {home});
  laissez(['bundle', 'sign', '--anchor-key', 'ed25519-1', bundle], {home});
  const anchor = json(bundle).proof.verificationMethod.split('#')[0];

  const photo = json(join(vectors, 'claim-169/valid/refugee-identity.json'));
  const cases = {
    dcc: {
      name: 'EU DCC (DE-1, ES256)', format: 'eu-dcc', text: dcc.PREFIX, holder: dcc.JSON.nam.fn,
      now: new Date(dcc.TESTCTX.VALIDATIONCLOCK).toISOString(),
    },
    shc: {
      name: 'SMART Health Card (example 00)', format: 'shc', holder: 'Anyperson',
      text: readFileSync(join(shc, 'example-00-f-qr-code-numeric-value-0.txt'), 'utf8').trim(),
      now: '2026-06-01T00:00:00Z',
    },
    claim169: {
      name: 'Claim 169 (Ed25519)', format: 'claim169', text: c169.qr_data, holder: c169.expected_claim169.fullName,
      now: new Date((c169.expected_cwt_meta.issuedAt + 86400) * 1000).toISOString(),
    },
    claim169Photo: {
      name: 'Claim 169 with a photo (unsigned)', format: 'claim169', text: photo.qr_data,
      holder: photo.expected_claim169.fullName,
      now: new Date((photo.expected_cwt_meta.issuedAt + 86400) * 1000).toISOString(),
    },
  };
  cached = {dir, bundle, anchor, cases};
  return cached;
}
