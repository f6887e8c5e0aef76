// Presentation requests (specs/presentation-request.md), both sides of the wire format: the
// kiosk makes them (a random challenge per request, this kiosk's id as the domain, what it asks
// for, an expiry; one request open at a time, closed by checking an answer, so a presentation
// made for it or any earlier request is refused after: its Key Binding JWT names a nonce no open
// request has), and the wallet reads them (`parseRequest`; wallet-demo/build.mjs copies this file).

/** The prefix of a request's QR text (then the request as JSON). */
export const REQUEST_PREFIX = 'LZQ1:';
/** How long a request stays open. */
export const REQUEST_TTL_MINUTES = 5;
/** The presets a kiosk may ask for (the profiles' preset names). */
export const PRESETS = ['proof-of-registration', 'age-over-18', 'yellow-fever', 'fit-to-travel', 'authorised-to-travel'];

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

function randomId(bytes) {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This kiosk's id (the requests' domain and Key Binding JWTs' aud), made once and kept. */
export function kioskId() {
  let id = localStorage.getItem('laissez-kiosk-id');
  if (!id) {
    id = `laissez-kiosk:${randomId(6)}`;
    localStorage.setItem('laissez-kiosk-id', id);
  }
  return id;
}

/** The open request and the ones already answered. */
export class Requests {
  constructor(domain) {
    this.domain = domain;
    this.open = null;
  }

  /** Opens a new request for `preset` (closing any open one); returns its QR text. */
  create(preset, now = Date.now()) {
    const expires = new Date(now + REQUEST_TTL_MINUTES * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    this.open = {challenge: randomId(16), domain: this.domain, preset, expires};
    const request = {
      query: [{type: 'LaissezPreset', preset}],
      challenge: this.open.challenge,
      domain: this.domain,
      expires,
    };
    return REQUEST_PREFIX + JSON.stringify(request);
  }

  /**
   * Takes the open request for checking one answer: returns {challenge, domain} and closes it
   * (single use), or null when none is open or it has expired.
   */
  take(now = Date.now()) {
    const r = this.open;
    this.open = null;
    if (!r || Date.parse(r.expires) < now) {
      return null;
    }
    return {challenge: r.challenge, domain: r.domain};
  }
}
