// The kiosk's presentation requests (specs/presentation-request.md): a random challenge per
// request, this kiosk's id as the domain, what it asks for, and an expiry. One request is open
// at a time; checking an answer closes it, so a presentation made for it (or for any earlier
// request) is refused after: its Key Binding JWT names a nonce no open request has.

/** The prefix of a request's QR text (then the request as JSON). */
export const REQUEST_PREFIX = 'LZQ1:';
/** How long a request stays open. */
export const REQUEST_TTL_MINUTES = 5;
/** The presets a kiosk may ask for (the profiles' preset names). */
export const PRESETS = ['proof-of-registration', 'age-over-18', 'yellow-fever', 'fit-to-travel', 'authorised-to-travel'];

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
