// Test corpus for the Node and browser tests, made with the real `laissez` CLI (target/debug or
// target/release, built by `cargo test --workspace` before these tests run): the demo's
// credentials, QR images and trust bundles, a tampered copy, a credential that expires, one from
// an issuer no bundle recognises, and hostile inputs; and, from credential-core's example
// `ecdsa_sd_derived` (built by the same `cargo test`), a derived ecdsa-sd-2023 credential and a
// tampered copy of it. Binaries are looked up in $CARGO_TARGET_DIR when set, else in target/.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {deflateSync, inflateSync} from 'node:zlib';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** A binary cargo built (`name` under the profile directory, e.g. `laissez` or `examples/x`). */
function built(name) {
  const target = process.env.CARGO_TARGET_DIR
    ? resolve(root, process.env.CARGO_TARGET_DIR)
    : join(root, 'target');
  for (const profile of ['debug', 'release']) {
    const bin = join(target, profile, name);
    if (existsSync(bin)) {
      return bin;
    }
  }
  return null;
}

export function laissezBinary() {
  const bin = built('laissez');
  if (!bin) {
    throw new Error('laissez not built: run `cargo build -p issuer-cli` (scripts/test.sh does)');
  }
  return bin;
}

/**
 * A legal identity with an ecdsa-sd-2023 base proof, derived with the `proof-of-registration`
 * preset, as JSON text: the output of credential-core's example `ecdsa_sd_derived`.
 */
export function derivedEcdsaSd() {
  const bin = built('examples/ecdsa_sd_derived');
  if (!bin) {
    throw new Error('the example ecdsa_sd_derived is not built: run '
      + '`cargo build -p credential-core --example ecdsa_sd_derived` (cargo test builds it)');
  }
  return execFileSync(bin, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

/** The derived credential with one disclosed value changed (its signatures no longer match). */
export function tamperedEcdsaSd(text) {
  const doc = JSON.parse(text);
  doc.credentialSubject.registrationNumber = 'LB-2023-77121';
  return JSON.stringify(doc, null, 2);
}

export function laissez(args, {home, allowFailure = false} = {}) {
  const env = {...process.env, NO_COLOR: '1'};
  delete env.LAISSEZ_HOME;
  delete env.LAISSEZ_PASSPHRASE;
  if (home) {
    env.LAISSEZ_HOME = home;
  }
  try {
    return execFileSync(laissezBinary(), args, {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    if (allowFailure && e.status !== null && e.status <= 3) {
      return e.stdout;
    }
    throw new Error(`laissez ${args.join(' ')}: ${e.stderr || e.message}`);
  }
}

/** Time at which the "expiring" credential has expired (it is valid until 2027-01-01). */
export const AFTER_EXPIRY = '2027-06-01T00:00:00Z';

let cached = null;

/** Builds the corpus once per process; returns {dir, anchor, cases}. */
export function corpus() {
  if (cached) {
    return cached;
  }
  const dir = mkdtempSync(join(tmpdir(), 'laissez-wasm-'));
  laissez(['demo', dir]);
  const creds = join(dir, 'credentials');
  const bundle = join(dir, 'trust-bundle-2.json');
  const anchor = JSON.parse(readFileSync(bundle, 'utf8')).proof.verificationMethod.split('#')[0];

  // An expiring credential and one from an unrecognised issuer.
  const subject = join(root, 'specs/profiles/legal-identity/examples/valid/latin-colombia.json');
  const expiring = join(dir, 'expiring.json');
  laissez(['issue', '--profile', 'legal-identity', '--subject', subject,
    '--valid-until', '2027-01-01T00:00:00Z', '--out', expiring], {home: join(dir, 'issuer-home')});
  const strangerHome = join(dir, 'stranger-home');
  laissez(['init'], {home: strangerHome});
  const stranger = join(dir, 'stranger.json');
  laissez(['issue', '--profile', 'legal-identity', '--subject', subject, '--out', stranger],
    {home: strangerHome});
  // Envelope text for every credential.
  const cases = [];
  for (const f of readdirSync(creds).filter(f => f.endsWith('.json')).sort()) {
    cases.push({name: f, file: join(creds, f)});
    const text = laissez(['qr', 'encode', join(creds, f)]).trim();
    const envelope = join(dir, `${f}.envelope.txt`);
    writeFileSync(envelope, text);
    cases.push({name: `${f} (envelope)`, file: envelope});
  }
  cases.push({name: 'expiring, verified after expiry', file: expiring, at: AFTER_EXPIRY});
  cases.push({name: 'revoked (trust bundle 2)', file: join(creds, 'health-vaccination-eddsa-rdfc-2022.json'), bundle});
  cases.push({name: 'trusted (trust bundle 2)', file: join(creds, 'legal-identity-eddsa-rdfc-2022.json'), bundle});
  cases.push({name: 'untrusted issuer (trust bundle 2)', file: stranger, bundle});
  // Selective disclosure: a derived ecdsa-sd-2023 credential, and the same with a changed value.
  const derived = derivedEcdsaSd();
  const sdDerived = join(dir, 'ecdsa-sd-derived.json');
  writeFileSync(sdDerived, derived);
  cases.push({name: 'ecdsa-sd-2023 derived', file: sdDerived});
  const sdTampered = join(dir, 'ecdsa-sd-tampered.json');
  writeFileSync(sdTampered, tamperedEcdsaSd(derived));
  cases.push({name: 'ecdsa-sd-2023 derived, tampered', file: sdTampered});
  const hostile = {
    'not json': 'hello',
    'deep json': '['.repeat(100000),
    'bad base45': 'LZ1:%%%',
    'unknown encoding': 'LZ1:0000',
    'jwt': 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    'sd-jwt': 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln~WyJzYWx0IiwiYSIsMV0~',
    'empty object': '{}',
    'presentation-shaped': '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"]}',
  };
  for (const [name, text] of Object.entries(hostile)) {
    const file = join(dir, `hostile-${name.replace(/ /g, '-')}.txt`);
    writeFileSync(file, text);
    cases.push({name: `hostile: ${name}`, file});
  }
  // The official W3C signed vectors (their example contexts are unknown to a bundled verifier:
  // both sides must say so identically).
  const vectors = process.env.LAISSEZ_VECTORS_DIR ?? join(root, '../shared/vectors');
  for (const v of ['eddsa-rdfc-2022/signedDataInt.json', 'eddsa-jcs-2022/signedJCS.json']) {
    if (existsSync(join(vectors, v))) {
      cases.push({name: `W3C vector ${v}`, file: join(vectors, v)});
    } else if (process.env.CI === 'true') {
      throw new Error(`official vectors missing at ${vectors}`);
    }
  }
  // A portrait credential and its tampered copy: the report carries the photo only when every
  // signature verified, identically on both sides.
  const portraits = issuePortraits(dir);
  cases.push({name: 'portrait', file: portraits.valid});
  cases.push({name: 'portrait, tampered', file: portraits.tampered});
  cached = {dir, anchor, bundle, creds, expiring, stranger, sdDerived, sdTampered, portraits, cases};
  return cached;
}

/**
 * A legal identity issued with `laissez issue --portrait` (decision 0023) from a drawn 96 × 128
 * picture (dark left half, light right half; no real person), and a copy whose portrait has one
 * byte of its JPEG data changed (its signature no longer matches). Returns {valid, tampered,
 * jpeg}: the two credentials' files and the issued JPEG's bytes.
 */
export function portraitCorpus() {
  return corpus().portraits;
}

function issuePortraits(dir) {
  const [width, height] = [96, 128];
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data.fill(i % width < width / 2 ? 40 : 220, i * 4, i * 4 + 3);
    data[i * 4 + 3] = 255;
  }
  const picture = join(dir, 'portrait-picture.png');
  writePng(picture, {data, width, height});
  const subject = join(root, 'specs/profiles/legal-identity/examples/valid/latin-colombia.json');
  const valid = join(dir, 'portrait.json');
  laissez(['issue', '--profile', 'legal-identity', '--subject', subject, '--portrait', picture,
    '--record-id', 'portrait-test', '--out', valid], {home: join(dir, 'issuer-home')});
  const doc = JSON.parse(readFileSync(valid, 'utf8'));
  const [prefix, base64] = doc.credentialSubject.portrait.split(',');
  const jpeg = Buffer.from(base64, 'base64');
  // One bit of the entropy-coded data (after the headers, before the end marker), chosen so that
  // no marker byte (0xFF) is made or unmade: the image still decodes, to other pixels.
  const changed = Buffer.from(jpeg);
  const at = [...changed.keys()].findLast(i => i < changed.length - 2 && changed[i] !== 0xff
    && changed[i - 1] !== 0xff && (changed[i] ^ 0x10) !== 0xff);
  changed[at] ^= 0x10;
  doc.credentialSubject.portrait = `${prefix},${changed.toString('base64')}`;
  const tampered = join(dir, 'portrait-tampered.json');
  writeFileSync(tampered, JSON.stringify(doc, null, 2));
  return {valid, tampered, jpeg};
}

/** CRC-32 (ISO 3309, as PNG chunks use it). */
function crc32(bytes) {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) {
      crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
  }
  return ~crc >>> 0;
}

/** Writes RGBA pixels ({data, width, height}) as an 8-bit RGBA PNG (filter 0 on every row). */
export function writePng(path, {data, width, height}) {
  const chunk = (type, body) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows.set(data.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  writeFileSync(path, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

/** Decodes an 8-bit greyscale or RGB(A) non-interlaced PNG (what `laissez qr encode` writes) to RGBA. */
export function readPng(path) {
  const buf = readFileSync(path);
  let pos = 8;
  let width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9];
      if (data[8] !== 8 || data[12] !== 0) {
        throw new Error('only 8-bit non-interlaced PNGs');
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  const channels = {0: 1, 2: 3, 6: 4}[colorType];
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      pixels[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) {
      rgba[i * 4 + k] = pixels[i * channels + (channels >= 3 ? k : 0)];
    }
    rgba[i * 4 + 3] = channels === 4 ? pixels[i * 4 + 3] : 255;
  }
  return {data: rgba, width, height};
}
