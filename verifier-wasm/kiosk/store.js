// The operator's trust list and anchor, kept in IndexedDB so the kiosk works offline after a
// restart.
const DB = 'laissez-kiosk';
const STORE = 'trust';

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run(mode, fn) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req?.result);
    tx.onerror = () => reject(tx.error);
  });
}

/** The saved {bundle, anchor}, or undefined. */
export const loadTrust = () => run('readonly', s => s.get('current'));
/** Saves the trust list text and its anchor. */
export const saveTrust = (bundle, anchor) => run('readwrite', s => s.put({bundle, anchor}, 'current'));
/** Forgets them. */
export const clearTrust = () => run('readwrite', s => s.delete('current'));
