// Interop harness for SD-JWT VC: the OpenWallet Foundation's @sd-jwt/sd-jwt-vc (TypeScript),
// driven by credential-core/tests/sd_jwt_interop.rs. Reads one JSON request on stdin, writes one
// JSON answer on stdout. Offline: nothing is fetched (no type metadata, no status lists).
//
//   {"op": "issue", "now": n, "aud": "...", "nonce": "..."}
//     -> {"issuer_jwk", "credential", "presentation"}: an SD-JWT VC with nested, array and
//        recursive disclosures, and a presentation of some of them with a KB-JWT (ES256).
//   {"op": "verify", "issuer_jwk", "now", "nonce" (or null: no key binding), "input"}
//     -> {"ok": true, "claims", "kb": bool} or {"ok": false, "error"}
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { ES256, digest, generateSalt } from '@sd-jwt/crypto-nodejs';

const request = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (c) => { text += c; });
  process.stdin.on('end', () => resolve(text));
}));

const kbVerifier = async (data, sig, payload) => {
  const verify = await ES256.getVerifier(payload.cnf.jwk);
  return verify(data, sig);
};

async function instance(issuerPublic, issuerPrivate, holderPrivate) {
  return new SDJwtVcInstance({
    signer: issuerPrivate ? await ES256.getSigner(issuerPrivate) : undefined,
    verifier: await ES256.getVerifier(issuerPublic),
    signAlg: ES256.alg,
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
    kbSigner: holderPrivate ? await ES256.getSigner(holderPrivate) : undefined,
    kbSignAlg: ES256.alg,
    kbVerifier,
  });
}

let answer;
if (request.op === 'issue') {
  const issuer = await ES256.generateKeyPair();
  const holder = await ES256.generateKeyPair();
  const sdjwt = await instance(issuer.publicKey, issuer.privateKey, holder.privateKey);
  const claims = {
    iss: 'https://issuer.example/ts',
    iat: request.now,
    exp: request.now + 86400,
    vct: 'urn:laissez:interop',
    cnf: { jwk: holder.publicKey },
    given_name: 'Amina',
    family_name: 'Yusuf',
    address: { locality: 'Kano', country: 'NG', street_address: '4 Zoo Road' },
    nationalities: ['NG', 'NE', 'TD'],
    is_over_18: true,
  };
  const frame = {
    _sd: ['given_name', 'family_name', 'address', 'nationalities', 'is_over_18'],
    address: { _sd: ['locality', 'street_address'] },
    nationalities: { _sd: [0, 1, 2] },
  };
  const credential = await sdjwt.issue(claims, frame);
  const presentation = await sdjwt.present(
    credential,
    { given_name: true, address: { locality: true }, nationalities: { 1: true } },
    { kb: { payload: { iat: request.now, aud: request.aud, nonce: request.nonce } } },
  );
  const { d, kty, crv, x, y } = issuer.privateKey;
  answer = { issuer_jwk: { kty, crv, x, y }, issuer_d: d, credential, presentation };
} else if (request.op === 'verify') {
  const sdjwt = await instance(request.issuer_jwk);
  try {
    const options = { currentDate: request.now };
    // With a nonce, a KB-JWT for it is required.
    if (request.nonce) options.keyBindingNonce = request.nonce;
    const result = await sdjwt.verify(request.input, options);
    answer = { ok: true, claims: result.payload, kb: Boolean(result.kb) };
  } catch (e) {
    answer = { ok: false, error: String(e && e.message ? e.message : e) };
  }
} else {
  throw new Error(`unknown op ${request.op}`);
}
process.stdout.write(JSON.stringify(answer));
