// The wallet's answer to a kiosk's request (specs/presentation-request.md; the request itself is
// read by requests.js, the kiosk's module, copied here by build.mjs): the RFC 9901 Key Binding
// JWT the wallet signs with its WebCrypto holder key (ES256), so that the key never leaves
// WebCrypto.

const encoder = new TextEncoder();

/** base64url without padding. */
export function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) {
    s += String.fromCharCode(b);
  }
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Appends a Key Binding JWT to `presentation` (`<JWT>~<D1>~…~`, the chosen disclosures): typ
 * `kb+jwt`, ES256 by the holder's WebCrypto P-256 key, over `aud` (the request's domain),
 * `nonce` (its challenge), `iat` (seconds) and `sd_hash` (SHA-256 of the presentation).
 */
export async function bindPresentation(presentation, {aud, nonce}, privateKey, now = Date.now()) {
  const sdHash = base64url(await crypto.subtle.digest('SHA-256', encoder.encode(presentation)));
  const header = {alg: 'ES256', typ: 'kb+jwt'};
  const payload = {iat: Math.floor(now / 1000), aud, nonce, sd_hash: sdHash};
  const input = `${base64url(encoder.encode(JSON.stringify(header)))}.${base64url(encoder.encode(JSON.stringify(payload)))}`;
  // WebCrypto's ECDSA signature is r || s (IEEE P1363), which is JWS's ES256 form.
  const signature = await crypto.subtle.sign({name: 'ECDSA', hash: 'SHA-256'}, privateKey, encoder.encode(input));
  return `${presentation}${input}.${base64url(signature)}`;
}
