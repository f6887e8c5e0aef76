// The wallet's encrypted store (IndexedDB): credentials and the holder key, encrypted at rest with
// AES-GCM under a key derived from the holder's PIN by PBKDF2-SHA-256; nothing personal is ever
// stored in the clear (specs/decisions/0017-wallet-keys-and-storage.md).
//
// The holder key is a WebCrypto P-256 ECDSA key pair made once, wrapped (AES-GCM, PKCS #8) under
// the PIN key at once, and unwrapped as a NON-extractable key at each unlock: page scripts can
// sign with it (Key Binding JWTs) but never read it.

const DB = 'laissez-wallet';
const DB_VERSION = 1;
/** PBKDF2 iterations (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256). */
export const PBKDF2_ITERATIONS = 600_000;
/** The backup file's format name. */
export const BACKUP_FORMAT = 'laissez-wallet-backup';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, DB_VERSION);
    req.onupgradeneeded = () => {
      // meta: the vault (salt, iterations, wrapped holder key, public key) and the trust list;
      // credentials: one encrypted record per credential.
      req.result.createObjectStore('meta');
      req.result.createObjectStore('credentials');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run(store, mode, fn) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = fn(tx.objectStore(store));
      tx.oncomplete = () => resolve(req?.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const getMeta = key => run('meta', 'readonly', s => s.get(key));
const putMeta = (key, value) => run('meta', 'readwrite', s => s.put(value, key));

async function pinKey(pin, salt, iterations) {
  const material = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({name: 'PBKDF2', hash: 'SHA-256', salt, iterations}, material,
    {name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
}

const ECDSA = {name: 'ECDSA', namedCurve: 'P-256'};

/** An unlocked vault: the PIN key (in memory only) and the holder's non-extractable signing key. */
export class Vault {
  constructor(key, holderKey, publicJwk) {
    this.key = key;
    /** The holder's private key (non-extractable; sign only). */
    this.holderKey = holderKey;
    /** The holder's public JWK (P-256). */
    this.publicJwk = publicJwk;
  }

  /** Whether a vault exists on this device. */
  static async exists() {
    return (await getMeta('vault')) !== undefined;
  }

  /** Creates the vault: a new holder key, wrapped under the key derived from `pin`. */
  static async create(pin) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await pinKey(pin, salt, PBKDF2_ITERATIONS);
    const pair = await crypto.subtle.generateKey(ECDSA, true, ['sign', 'verify']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const wrapped = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, key, {name: 'AES-GCM', iv});
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const publicJwk = {kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y};
    await putMeta('vault', {salt, iterations: PBKDF2_ITERATIONS, iv, wrapped, publicJwk});
    // The extractable pair is dropped; this session signs with the unwrapped, non-extractable key.
    return Vault.unlock(pin);
  }

  /** Unlocks with `pin`; throws an Error with code `wrong_pin` when it is not the vault's. */
  static async unlock(pin) {
    const meta = await getMeta('vault');
    const key = await pinKey(pin, meta.salt, meta.iterations);
    let holderKey;
    try {
      holderKey = await crypto.subtle.unwrapKey('pkcs8', meta.wrapped, key, {name: 'AES-GCM', iv: meta.iv},
        ECDSA, false, ['sign']);
    } catch {
      throw Object.assign(new Error('wrong_pin'), {code: 'wrong_pin'});
    }
    return new Vault(key, holderKey, meta.publicJwk);
  }

  async seal(id, value) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = await crypto.subtle.encrypt({name: 'AES-GCM', iv, additionalData: encoder.encode(id)}, this.key,
      encoder.encode(JSON.stringify(value)));
    return {iv, ct};
  }

  async open(id, record) {
    const pt = await crypto.subtle.decrypt({name: 'AES-GCM', iv: record.iv, additionalData: encoder.encode(id)},
      this.key, record.ct);
    return JSON.parse(decoder.decode(pt));
  }

  /** Stores a credential ({text, added, …}); returns its id. */
  async add(credential) {
    const id = crypto.randomUUID();
    const sealed = await this.seal(id, credential);
    await run('credentials', 'readwrite', s => s.put(sealed, id));
    return id;
  }

  /** Every credential, decrypted: [{id, …}], oldest first. */
  async list() {
    const db = await open();
    const records = await new Promise((resolve, reject) => {
      const out = [];
      const req = db.transaction('credentials').objectStore('credentials').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (cursor) {
          out.push([cursor.key, cursor.value]);
          cursor.continue();
        } else {
          resolve(out);
        }
      };
      req.onerror = () => reject(req.error);
    });
    db.close();
    const items = await Promise.all(records.map(async ([id, r]) => ({id, ...await this.open(id, r)})));
    return items.sort((a, b) => a.added.localeCompare(b.added));
  }

  /** Deletes one credential. */
  remove(id) {
    return run('credentials', 'readwrite', s => s.delete(id));
  }

  /**
   * The backup file's text: the vault and its records exactly as stored (still encrypted under
   * the PIN key), so restoring on another device needs the same PIN.
   */
  async backup() {
    const meta = await getMeta('vault');
    const db = await open();
    const records = await new Promise((resolve, reject) => {
      const out = {};
      const req = db.transaction('credentials').objectStore('credentials').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (cursor) {
          out[cursor.key] = {iv: b64(cursor.value.iv), ct: b64(cursor.value.ct)};
          cursor.continue();
        } else {
          resolve(out);
        }
      };
      req.onerror = () => reject(req.error);
    });
    db.close();
    return JSON.stringify({
      format: BACKUP_FORMAT, version: 1,
      kdf: {name: 'PBKDF2', hash: 'SHA-256', iterations: meta.iterations, salt: b64(meta.salt)},
      holderKey: {iv: b64(meta.iv), wrapped: b64(meta.wrapped), publicJwk: meta.publicJwk},
      credentials: records,
    });
  }
}

/**
 * Restores a backup (replacing this device's vault) after checking that `pin` opens it; returns
 * the unlocked vault. Throws `backup_invalid` or `wrong_pin`.
 */
export async function restore(text, pin) {
  const fail = code => Object.assign(new Error(code), {code});
  let b;
  try {
    b = JSON.parse(text);
  } catch {
    throw fail('backup_invalid');
  }
  if (b?.format !== BACKUP_FORMAT || b.version !== 1 || !b.kdf || !b.holderKey || typeof b.credentials !== 'object') {
    throw fail('backup_invalid');
  }
  const meta = {
    salt: unb64(b.kdf.salt), iterations: b.kdf.iterations, iv: unb64(b.holderKey.iv),
    wrapped: unb64(b.holderKey.wrapped), publicJwk: b.holderKey.publicJwk,
  };
  const key = await pinKey(pin, meta.salt, meta.iterations);
  try {
    await crypto.subtle.unwrapKey('pkcs8', meta.wrapped, key, {name: 'AES-GCM', iv: meta.iv}, ECDSA, false, ['sign']);
  } catch {
    throw fail('wrong_pin');
  }
  await forgetEverything();
  await putMeta('vault', meta);
  await run('credentials', 'readwrite', s => {
    for (const [id, r] of Object.entries(b.credentials)) {
      s.put({iv: unb64(r.iv), ct: unb64(r.ct)}, id);
    }
  });
  return Vault.unlock(pin);
}

/** Deletes the vault, every credential and the trust list from this device. */
export function forgetEverything() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

/** The saved trust list {bundle, anchor} (public data, not encrypted), or undefined. */
export const loadTrust = () => getMeta('trust');
/** Saves the trust list text and its anchor. */
export const saveTrust = (bundle, anchor) => putMeta('trust', {bundle, anchor});

function b64(bytes) {
  let s = '';
  for (const x of new Uint8Array(bytes)) {
    s += String.fromCharCode(x);
  }
  return btoa(s);
}

function unb64(text) {
  return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}
