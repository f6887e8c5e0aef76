// The kiosk's presentation request and the wallet's answer (specs/presentation-request.md):
// the request's QR text, and the RFC 9901 Key Binding JWT the wallet signs with its WebCrypto
// holder key (ES256), so that the private key never leaves WebCrypto.

/** The prefix of a request's QR text (then the request as JSON). */
export const REQUEST_PREFIX = 'LZQ1:';

/**
 * Reads a request's QR text: {challenge, domain, verifier, query: {preset} | {pointers}, expires}.
 * Throws an Error whose `code` is `request_malformed` or `request_expired`.
 */
export function parseRequest(text, now = Date.now()) {
  const fail = code => Object.assign(new Error(code), {code});
  if (typeof text !== 'string' || !text.startsWith(REQUEST_PREFIX) || text.length > 2048) {
    throw fail('request_malformed');
  }
  let r;
  try {
    r = JSON.parse(text.slice(REQUEST_PREFIX.length));
  } catch {
    throw fail('request_malformed');
  }
  const str = v => typeof v === 'string' && v.length > 0 && v.length <= 200;
  const q = Array.isArray(r?.query) ? r.query[0] : undefined;
  const preset = q?.type === 'LaissezPreset' && str(q.preset) ? q.preset : undefined;
  const pointers = q?.type === 'LaissezClaims' && Array.isArray(q.pointers) && q.pointers.every(str) ?
    q.pointers : undefined;
  if (!str(r?.challenge) || !str(r?.domain) || !str(r?.expires) || (!preset && !pointers) ||
      (r.verifier !== undefined && !str(r.verifier))) {
    throw fail('request_malformed');
  }
  const expires = Date.parse(r.expires);
  if (Number.isNaN(expires)) {
    throw fail('request_malformed');
  }
  if (expires < now) {
    throw fail('request_expired');
  }
  return {
    challenge: r.challenge, domain: r.domain, verifier: r.verifier ?? r.domain, expires: r.expires,
    choice: preset ? {preset} : {pointers},
  };
}

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
