// The holder module's corpus: credentials issued by Rust (holder-wasm/examples/holder_corpus.rs,
// built by scripts/test.sh before these tests run) with a base proof or as an SD-JWT VC, the
// holder's key, and the native verifier (with ecdsa-sd-2023) for what the module makes.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {root} from './corpus.mjs';

export function holderCorpusBinary() {
  const targets = [process.env.CARGO_TARGET_DIR, join(root, 'target')].filter(Boolean);
  for (const target of targets) {
    for (const profile of ['debug', 'release']) {
      const bin = join(target, profile, 'examples', 'holder_corpus');
      if (existsSync(bin)) {
        return bin;
      }
    }
  }
  throw new Error('holder_corpus not built: run `cargo build -p holder-wasm --example holder_corpus` (scripts/test.sh does)');
}

function run(args) {
  try {
    return execFileSync(holderCorpusBinary(), args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
  } catch (e) {
    throw new Error(`holder_corpus ${args.join(' ')}: ${e.stderr || e.message}`);
  }
}

let cached = null;

/** Writes the corpus once per process; returns its texts and the holder's private JWK. */
export function holderCorpus() {
  if (cached) {
    return cached;
  }
  const dir = mkdtempSync(join(tmpdir(), 'laissez-holder-'));
  run(['write', dir]);
  const read = f => readFileSync(join(dir, f), 'utf8');
  const meta = JSON.parse(read('corpus.json'));
  cached = {
    dir,
    identity: read('legal-identity.base.json'),
    covid: read('covid-vaccination.base.json'),
    sdJwt: read('legal-identity.sd-jwt.txt'),
    holderJwk: JSON.parse(read('holder.jwk.json')),
    holder: meta.holder,
    issued: meta.issued,
  };
  return cached;
}

/**
 * The native verifier's report (as `laissez verify --json` writes it) for a credential, an
 * SD-JWT (VC) or a Verifiable Presentation; with challenge and domain, a presentation's proof or
 * an SD-JWT's Key Binding JWT is checked against them.
 */
export function nativeVerify(input, now, challenge, domain) {
  const file = join(mkdtempSync(join(tmpdir(), 'laissez-holder-v-')), 'input');
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  const args = ['verify', file, now];
  if (challenge !== undefined) {
    args.push(challenge, domain);
  }
  return JSON.parse(run(args));
}
