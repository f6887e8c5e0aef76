// Interop harness for VC-JOSE-COSE (`application/vc+jwt`) with panva's `jose` (an independent
// JOSE implementation), driven by credential-core/tests/vc_jose_interop.rs. One JSON request on
// stdin, one JSON answer on stdout; offline.
//
//   {"op": "sign", "alg": "ES256"|"EdDSA", "credential": {...}}
//     -> {"jwk": public JWK, "token": compact vc+jwt}: a fresh key; the credential's issuer is
//        that key's did:jwk (DID method did:jwk: base64url of the JWK's JSON) and kid is `#0`.
//   {"op": "verify", "jwk": public JWK, "token": "..."}
//     -> {"ok": true, "header": {...}, "payload": {...}} or {"ok": false, "error": "..."}
import * as jose from 'jose';

const request = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (c) => { text += c; });
  process.stdin.on('end', () => resolve(text));
}));

let answer;
if (request.op === 'sign') {
  const { publicKey, privateKey } = await jose.generateKeyPair(request.alg, { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const did = `did:jwk:${jose.base64url.encode(JSON.stringify(jwk))}`;
  const credential = { ...request.credential, issuer: did };
  const token = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: request.alg, typ: 'vc+jwt', cty: 'vc', kid: `${did}#0` })
    .sign(privateKey);
  answer = { jwk, token };
} else if (request.op === 'verify') {
  try {
    const key = await jose.importJWK(request.jwk, request.jwk.kty === 'OKP' ? 'EdDSA' : 'ES256');
    const { payload, protectedHeader } = await jose.compactVerify(request.token, key);
    if (protectedHeader.typ !== 'vc+jwt') throw new Error(`typ ${protectedHeader.typ}`);
    answer = { ok: true, header: protectedHeader, payload: JSON.parse(new TextDecoder().decode(payload)) };
  } catch (e) {
    answer = { ok: false, error: String(e.code || e.message) };
  }
}
process.stdout.write(JSON.stringify(answer));
