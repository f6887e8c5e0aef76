// The holder's offline wallet: receive (camera, image, file, pasted text, a link), keep
// (encrypted in IndexedDB, vault.js), show (cards, a full-screen QR, a printed card), show less
// (presets and claims, derived on the device by the holder module, loaded only when needed) and
// answer a kiosk's request (requests.js, answer.js). Only this folder's own files are ever fetched.
import init, {verify, loadTrustBundle, version} from './pkg/verifier_wasm.js';
import {LANGUAGES, direction, loadMessages} from './messages.js';
import {Vault, restore, forgetEverything, loadTrust, saveTrust} from './vault.js';
import {bindPresentation, base64url} from './answer.js';
import {parseRequest} from './requests.js';
import {drawQr} from './draw-qr.js';
import {COLOURS} from './verdicts.js';
import {readQr} from './qr-reader.js';

const $ = id => document.getElementById(id);
/** The catalogue files the wallet renders from. */
const CATALOGUES = ['core.ftl', 'wallet.ftl'];
/** Lock after this long without a touch or a key. */
const LOCK_AFTER_MS = 5 * 60 * 1000;
const SCAN_FPS = 5;
const MAX_FRAME_SIDE = 1280;
/** Verdicts the wallet refuses to keep. */
const REFUSED = new Set(['invalid', 'revoked']);
const SCREENS = ['lock', 'home', 'receive', 'card', 'present', 'settings'];

let lang = localStorage.getItem('laissez-language') ?? (navigator.language ?? 'en').slice(0, 2);
if (!(lang in LANGUAGES)) {
  lang = 'en';
}
let messages = null;
let vault = null;
/** The credentials, decrypted while unlocked: [{id, text, added}]. */
let items = [];
let current = null;
let pending = null;
let request = null;
let trustSummary = null;
let lockTimer = null;
let holder = null;
let wakeLock = null;

/** The holder module (derive, presentations, QR codes), loaded on first use only. */
async function holderModule() {
  if (!holder) {
    const m = await import('./pkg/holder/holder_wasm.js');
    await m.default({module_or_path: new URL('./pkg/holder/holder_wasm_bg.wasm', import.meta.url)});
    holder = m;
  }
  return holder;
}

function status(text) {
  $('status').textContent = text;
}

function show(screen) {
  for (const s of SCREENS) {
    $(s).hidden = s !== screen;
  }
  document.body.dataset.screen = screen;
  status('');
}

function describeError(e) {
  return messages.format('wallet_error', {message: messages.error(e), code: e.code ?? 'error'});
}

async function applyLanguage() {
  messages = await loadMessages(lang, undefined, CATALOGUES);
  document.documentElement.lang = lang;
  document.documentElement.dir = direction(lang);
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = messages.format(el.dataset.i18n);
  }
  $('qr').setAttribute('aria-label', messages.format('wallet_qr_label'));
  showTrustStatus();
  if (vault) {
    renderList();
    if (current && !$('card').hidden) {
      openCard(current);
    }
  } else {
    showLockTexts();
  }
}

function showTrustStatus() {
  $('trust-status').textContent = trustSummary ?
    messages.format('wallet_trust_loaded', {version: trustSummary.version, issuers: trustSummary.issuers.length}) :
    messages.format('wallet_no_trust');
}

async function showLockTexts() {
  const exists = await Vault.exists();
  $('lock-title').textContent = exists ? messages.format('wallet_unlock_title') : messages.format('wallet_create_title');
  $('lock-help').textContent = exists ? messages.format('wallet_unlock_help') : messages.format('wallet_create_help');
  $('lock-button').textContent = exists ? messages.format('wallet_unlock') : messages.format('wallet_create');
  $('pin').autocomplete = exists ? 'current-password' : 'new-password';
}

// --- Lock ------------------------------------------------------------------------------------

function armLock() {
  clearTimeout(lockTimer);
  if (vault) {
    lockTimer = setTimeout(lock, LOCK_AFTER_MS);
  }
}

function lock() {
  vault = null;
  items = [];
  current = null;
  request = null;
  // Nothing personal stays on the page behind the lock screen.
  for (const id of ['list', 'card-body', 'presets', 'claims', 'print-card', 'asked-by', 'asked-for', 'answer-with']) {
    $(id).replaceChildren();
  }
  $('text').value = '';
  $('import-result').hidden = true;
  $('consent').hidden = true;
  closeQr();
  show('lock');
  showLockTexts();
  $('pin').value = '';
}

async function unlocked(v) {
  vault = v;
  $('pin').value = '';
  $('holder-did').value = `did:jwk:${base64url(new TextEncoder().encode(JSON.stringify(vault.publicJwk)))}`;
  items = await vault.list();
  armLock();
  show('home');
  renderList();
  await receiveLink();
}

/** Imports the credential a link carries (`#credential=<envelope text, URL-encoded>`), once unlocked. */
async function receiveLink() {
  const link = new URLSearchParams(location.hash.slice(1)).get('credential');
  if (link && vault) {
    history.replaceState(null, '', location.pathname);
    show('receive');
    await importText(link);
  }
}

async function submitPin(event) {
  event.preventDefault();
  const pin = $('pin').value;
  status(messages.format('wallet_working'));
  try {
    await unlocked(await Vault.exists() ? await Vault.unlock(pin) : await Vault.create(pin));
  } catch (e) {
    status(e.code === 'wrong_pin' ? messages.format('wallet_wrong_pin') : describeError(e));
  }
}

// --- Showing credentials ----------------------------------------------------------------------

/** What a verifier is shown of an item: the credential, or for a base proof its full derivation. */
const shownOf = item => item.view ?? item.text;

function reportOf(item) {
  return verify(shownOf(item), {language: lang});
}

/**
 * An `ecdsa-sd-2023` base proof is for its holder only: no verifier accepts it. Such a credential
 * is checked (and shown whole) through the credential derived from it with every claim
 * disclosed; returns that derivation's text, or undefined for any other credential.
 */
async function fullDerivation(text, report) {
  if (!report.checks.some(c => c.error === 'base_proof_not_verifiable' || c.message?.id === 'base_proof_not_verifiable')) {
    return undefined;
  }
  const h = await holderModule();
  const inner = h.openEnvelope(text);
  const pointers = h.presets(inner, lang).disclosable.map(c => c.pointer);
  return JSON.stringify(h.derive(inner, {pointers}));
}

function verdictBadge(r) {
  const badge = document.createElement('span');
  badge.className = `badge verdict-${COLOURS[r.verdict] ?? 'red'}`;
  badge.dataset.verdict = r.verdict;
  badge.textContent = messages.verdict(r.verdict);
  return badge;
}

function fieldValue(f) {
  if (f.boolean === undefined) {
    return f.value;
  }
  return f.boolean ? messages.format('wallet_yes') : messages.format('wallet_no');
}

function renderList() {
  const list = $('list');
  list.replaceChildren();
  $('empty').hidden = items.length > 0;
  for (const item of items) {
    const r = reportOf(item);
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.className = 'card-button';
    button.dataset.id = item.id;
    const title = document.createElement('strong');
    title.textContent = r.display.title ?? messages.format('wallet_credential');
    const names = document.createElement('span');
    names.className = 'names';
    names.textContent = r.display.fields.slice(0, 2).map(fieldValue).join(' ');
    button.append(title, names, verdictBadge(r));
    button.addEventListener('click', () => openCard(item));
    li.append(button);
    list.append(li);
  }
}

function fieldList(r) {
  const dl = document.createElement('dl');
  const add = (label, value, name) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (name) {
      dd.dataset.field = name;
    }
    dl.append(dt, dd);
  };
  for (const f of r.display.fields) {
    add(f.label, fieldValue(f), f.name);
  }
  add(messages.format('wallet_issuer'), r.display.issuerName ?? r.credential.issuer ?? '');
  if (r.credential.validUntil) {
    add(messages.format('wallet_valid_until'), r.credential.validUntil.slice(0, 10));
  }
  add(messages.format('wallet_status_age'), r.display.trustDataAgeDays === undefined ?
    messages.format('wallet_no_trust') : messages.format('wallet_days', {days: r.display.trustDataAgeDays}));
  return dl;
}

/** The holder's portrait as an image element: the report's `credential.photo`, which the
 * verifier fills only once the signatures verified (a signed `portrait` claim, a Claim 169 face
 * image); null without one. */
function portraitImage(r) {
  const photo = r.credential?.photo;
  if (typeof photo !== 'string' || !photo.startsWith('data:image/')) {
    return null;
  }
  const img = document.createElement('img');
  img.className = 'portrait';
  img.src = photo;
  img.alt = messages.format('wallet_portrait');
  return img;
}

function openCard(item) {
  current = item;
  const r = reportOf(item);
  const body = $('card-body');
  const h2 = document.createElement('h2');
  h2.textContent = r.display.title ?? messages.format('wallet_credential');
  const holderBox = document.createElement('div');
  holderBox.className = 'holder';
  const portrait = portraitImage(r);
  if (portrait) {
    holderBox.append(portrait);
  }
  holderBox.append(fieldList(r));
  body.replaceChildren(h2, verdictBadge(r), holderBox);
  $('less').hidden = true;
  show('card');
}

// --- QR codes --------------------------------------------------------------------------------

/** Shows `text` (credential, presentation or envelope) full screen as a QR code; keeps the screen awake. */
async function showQr(text, title, note = '') {
  try {
    const h = await holderModule();
    const qr = h.qrCode(h.toEnvelope(text));
    const room = Math.min(window.innerWidth, window.innerHeight * 0.8);
    drawQr($('qr'), qr, Math.max(2, Math.floor(room / (qr.width + 8))));
    $('qr').dataset.version = qr.version;
  } catch (e) {
    status(describeError(e));
    return;
  }
  $('qr-title').textContent = title;
  $('qr-note').textContent = note;
  $('qr-screen').hidden = false;
  document.body.classList.add('qr-open');
  $('qr-close').focus();
  try {
    wakeLock = await navigator.wakeLock?.request('screen');
  } catch {
    wakeLock = null;
  }
}

function closeQr() {
  $('qr-screen').hidden = true;
  document.body.classList.remove('qr-open');
  wakeLock?.release().catch(() => {});
  wakeLock = null;
}

// --- Camera ----------------------------------------------------------------------------------

function readFrame(source, width, height) {
  const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(width, height));
  const canvas = $('frame');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return readQr(ctx.getImageData(0, 0, canvas.width, canvas.height));
}

/** Scans one QR code with the camera; resolves to its text, or null when stopped or unavailable. */
async function scanOnce() {
  if (!navigator.mediaDevices?.getUserMedia) {
    status(messages.format('wallet_no_camera'));
    return null;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment', width: {ideal: 1280}}});
  } catch {
    status(messages.format('wallet_no_camera'));
    return null;
  }
  const video = $('camera');
  video.srcObject = stream;
  $('camera-screen').hidden = false;
  await video.play();
  return new Promise(resolve => {
    const finish = text => {
      clearInterval(timer);
      stream.getTracks().forEach(t => t.stop());
      $('camera-screen').hidden = true;
      $('camera-stop').onclick = null;
      resolve(text);
    };
    let reading = false;
    const timer = setInterval(async () => {
      if (video.readyState >= 2 && !reading) {
        reading = true;
        const text = await readFrame(video, video.videoWidth, video.videoHeight).finally(() => {
          reading = false;
        });
        if (text && $('camera-stop').onclick) {
          finish(text);
        }
      }
    }, 1000 / SCAN_FPS);
    $('camera-stop').onclick = () => finish(null);
  });
}

// --- Receiving -------------------------------------------------------------------------------

/** Verifies `text`; keeps it when valid, asks first when only a warning stands, refuses it else. */
async function importText(text) {
  text = text.trim();
  let r = verify(text, {language: lang});
  let view;
  try {
    view = await fullDerivation(text, r);
  } catch {
    view = undefined;
  }
  if (view) {
    r = verify(view, {language: lang});
  }
  const banner = $('import-verdict');
  banner.className = `banner verdict-${COLOURS[r.verdict] ?? 'red'}`;
  banner.dataset.verdict = r.verdict;
  banner.textContent = messages.verdict(r.verdict);
  const reason = r.checks.find(c => c.status === 'fail') ??
    (r.verdict !== 'valid' ? r.checks.find(c => c.status === 'warning') : undefined);
  const why = reason ? `${messages.check(reason.code)}: ${messages.message(reason.message)}` : '';
  $('import-result').hidden = false;
  $('keep-anyway').hidden = true;
  pending = null;
  if (r.kind !== 'credential' || REFUSED.has(r.verdict)) {
    $('import-reason').textContent = `${messages.format('wallet_refused')} ${why}`;
    return;
  }
  if (r.verdict === 'valid') {
    $('import-reason').textContent = messages.format('wallet_added');
    await keep(text, view);
    return;
  }
  $('import-reason').textContent = `${messages.format('wallet_warning')} ${why}`;
  pending = {text, view};
  $('keep-anyway').hidden = false;
}

async function keep(text, view) {
  await vault.add({text, view, added: new Date().toISOString()});
  items = await vault.list();
  renderList();
  $('text').value = '';
}

async function importImage(file) {
  const bitmap = await createImageBitmap(file);
  const text = await readFrame(bitmap, bitmap.width, bitmap.height).finally(() => bitmap.close());
  if (text) {
    await importText(text);
  } else {
    status(messages.format('wallet_no_qr'));
  }
}

// --- Show less -------------------------------------------------------------------------------

/** The credential inside a stored text (envelope opened), as the holder module takes it. */
async function innerOf(item) {
  const h = await holderModule();
  return h.openEnvelope(item.text);
}

async function openLess() {
  const h = await holderModule();
  const inner = await innerOf(current);
  const presetsBox = $('presets');
  const claimsBox = $('claims');
  presetsBox.replaceChildren();
  claimsBox.replaceChildren();
  $('less').hidden = false;
  let offered;
  try {
    offered = h.presets(inner, lang);
  } catch {
    $('less-note').textContent = messages.format('wallet_full_only');
    presetsBox.hidden = claimsBox.hidden = true;
    $('show-chosen').hidden = true;
    return;
  }
  $('less-note').textContent = '';
  presetsBox.hidden = claimsBox.hidden = $('show-chosen').hidden = false;
  const legend = (box, text) => {
    const l = document.createElement('legend');
    l.textContent = text;
    box.append(l);
  };
  legend(presetsBox, messages.format('wallet_presets'));
  offered.presets.forEach((p, i) => {
    const label = document.createElement('label');
    label.className = 'choice';
    const input = Object.assign(document.createElement('input'), {type: 'radio', name: 'preset', value: p.name, checked: i === 0});
    input.dataset.testid = `preset-${p.name}`;
    const text = document.createElement('span');
    text.textContent = `${p.label} — ${p.description}`;
    label.append(input, text);
    presetsBox.append(label);
  });
  const custom = document.createElement('label');
  custom.className = 'choice';
  const customInput = Object.assign(document.createElement('input'), {type: 'radio', name: 'preset', value: '', checked: offered.presets.length === 0});
  const customText = document.createElement('span');
  customText.textContent = messages.format('wallet_choose_claims');
  custom.append(customInput, customText);
  presetsBox.append(custom);
  legend(claimsBox, messages.format('wallet_claims'));
  for (const c of offered.disclosable) {
    const label = document.createElement('label');
    label.className = 'choice';
    const input = Object.assign(document.createElement('input'), {type: 'checkbox', value: c.pointer});
    const text = document.createElement('span');
    text.textContent = c.label;
    label.append(input, text);
    claimsBox.append(label);
  }
  $('show-chosen').onclick = async () => {
    const preset = presetsBox.querySelector('input[name=preset]:checked')?.value;
    const choice = preset ? {preset} : {pointers: [...claimsBox.querySelectorAll('input:checked')].map(i => i.value)};
    try {
      const shown = offered.format === 'sd-jwt-vc' ? h.presentSdJwt(inner, choice) : JSON.stringify(h.derive(inner, choice));
      await showQr(shown, offered.title ?? '', messages.format('wallet_shown_less'));
    } catch (e) {
      status(describeError(e));
    }
  };
}

// --- Answering a kiosk -----------------------------------------------------------------------

/** The `cnf` key of a compact SD-JWT VC, or undefined. */
function cnfOf(compact) {
  try {
    const payload = compact.split('~')[0].split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0)))).cnf?.jwk;
  } catch {
    return undefined;
  }
}

async function scanRequest() {
  const text = await scanOnce();
  if (!text) {
    return;
  }
  try {
    request = parseRequest(text);
  } catch (e) {
    status(e.code === 'request_expired' ? messages.format('wallet_request_expired') :
      messages.format('wallet_request_malformed'));
    return;
  }
  const h = await holderModule();
  const select = $('answer-with');
  select.replaceChildren();
  let asked = request.choice.preset ?? request.choice.pointers.join(', ');
  for (const item of items) {
    const inner = await innerOf(item);
    const cnf = cnfOf(inner);
    // Only an SD-JWT VC bound to this wallet's key can answer with a Key Binding JWT.
    if (!cnf || cnf.x !== vault.publicJwk.x || cnf.y !== vault.publicJwk.y) {
      continue;
    }
    let offered;
    try {
      offered = h.presets(inner, lang);
    } catch {
      continue;
    }
    const preset = offered.presets.find(p => p.name === request.choice.preset);
    if (request.choice.preset && !preset) {
      continue;
    }
    if (preset) {
      asked = `${preset.label} — ${preset.description}`;
    } else if (request.choice.pointers) {
      asked = request.choice.pointers.map(p => offered.disclosable.find(c => c.pointer === p)?.label ?? p).join(', ');
    }
    select.append(new Option(offered.title ?? messages.format('wallet_credential'), item.id));
  }
  $('asked-by').textContent = request.verifier === request.domain ? request.domain :
    `${request.verifier} (${request.domain})`;
  $('asked-for').textContent = asked;
  $('consent').hidden = false;
  $('consent-yes').disabled = select.options.length === 0;
  if (select.options.length === 0) {
    status(messages.format('wallet_nothing_to_answer'));
  }
}

async function answer() {
  const item = items.find(i => i.id === $('answer-with').value);
  if (!item || !request) {
    return;
  }
  try {
    const h = await holderModule();
    const shown = h.presentSdJwt(await innerOf(item), request.choice);
    const bound = await bindPresentation(shown, {aud: request.domain, nonce: request.challenge}, vault.holderKey);
    // Behind the QR code, the list: closing it ends the answer.
    show('home');
    await showQr(bound, request.verifier, messages.format('wallet_answer_note'));
  } catch (e) {
    status(describeError(e));
  }
  $('consent').hidden = true;
  request = null;
}

// --- Printing --------------------------------------------------------------------------------

async function printCard() {
  const r = reportOf(current);
  const h = await holderModule();
  const canvas = document.createElement('canvas');
  drawQr(canvas, h.qrCode(h.toEnvelope(shownOf(current))), 4);
  const card = $('print-card');
  card.className = `print-only ${$('paper').value}`;
  const img = document.createElement('img');
  img.src = canvas.toDataURL('image/png');
  img.alt = '';
  const title = document.createElement('h2');
  title.textContent = r.display.title ?? '';
  card.replaceChildren(title, img, ...[portraitImage(r)].filter(Boolean), fieldList(r));
  window.print();
}

// --- Settings --------------------------------------------------------------------------------

async function useTrust(bundle, anchor, persist) {
  try {
    trustSummary = loadTrustBundle(bundle, [anchor]);
    if (persist) {
      await saveTrust(bundle, anchor);
    }
  } catch (e) {
    trustSummary = null;
    $('trust-status').textContent = describeError(e);
    return;
  }
  showTrustStatus();
  if (vault) {
    renderList();
  }
}

async function saveBackup() {
  const blob = new Blob([await vault.backup()], {type: 'application/json'});
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `laissez-wallet-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function restoreBackup(file) {
  const pin = $('pin').value;
  if (!pin) {
    status(messages.format('wallet_restore_pin'));
    return;
  }
  try {
    await unlocked(await restore(await file.text(), pin));
  } catch (e) {
    status(e.code === 'wrong_pin' ? messages.format('wallet_wrong_pin') :
      e.code === 'backup_invalid' ? messages.format('wallet_backup_invalid') : describeError(e));
  }
}

async function main() {
  await init({module_or_path: new URL('./pkg/verifier_wasm_bg.wasm', import.meta.url)});
  $('version').textContent = `Laissez wallet ${version()}`;
  const select = $('language');
  for (const [code, name] of Object.entries(LANGUAGES)) {
    select.append(new Option(name, code, false, code === lang));
  }
  select.addEventListener('change', async () => {
    lang = select.value;
    localStorage.setItem('laissez-language', lang);
    await applyLanguage();
  });
  $('lock-form').addEventListener('submit', submitPin);
  // Each file input is cleared after use, so that choosing the same file again (a retry) acts.
  $('restore-file').addEventListener('change', async e => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) {
      await restoreBackup(file);
    }
  });
  $('go-receive').addEventListener('click', () => {
    $('import-result').hidden = true;
    show('receive');
  });
  $('go-present').addEventListener('click', () => {
    $('consent').hidden = true;
    show('present');
  });
  $('go-settings').addEventListener('click', () => show('settings'));
  $('lock-now').addEventListener('click', lock);
  for (const b of document.querySelectorAll('button.back')) {
    b.addEventListener('click', () => show('home'));
  }
  $('scan').addEventListener('click', async () => {
    const text = await scanOnce();
    if (text) {
      await importText(text);
    }
  });
  $('image').addEventListener('change', async e => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) {
      await importImage(file);
    }
  });
  $('file').addEventListener('change', async e => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) {
      await importText(await file.text());
    }
  });
  $('import-text').addEventListener('click', () => $('text').value.trim() && importText($('text').value));
  $('keep-anyway').addEventListener('click', async () => {
    if (pending) {
      await keep(pending.text, pending.view);
      pending = null;
      $('keep-anyway').hidden = true;
      $('import-reason').textContent = messages.format('wallet_added');
    }
  });
  $('show-qr').addEventListener('click', () => showQr(shownOf(current), reportOf(current).display.title ?? ''));
  $('show-less').addEventListener('click', () => openLess().catch(e => status(describeError(e))));
  $('print').addEventListener('click', () => printCard().catch(e => status(describeError(e))));
  $('delete').addEventListener('click', async () => {
    if (confirm(messages.format('wallet_delete_confirm'))) {
      await vault.remove(current.id);
      items = items.filter(i => i.id !== current.id);
      current = null;
      renderList();
      show('home');
    }
  });
  $('qr-close').addEventListener('click', closeQr);
  $('scan-request').addEventListener('click', () => scanRequest().catch(e => status(describeError(e))));
  $('consent-yes').addEventListener('click', answer);
  $('consent-no').addEventListener('click', () => {
    request = null;
    $('consent').hidden = true;
    show('home');
  });
  $('bundle').addEventListener('change', async e => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) {
      await useTrust(await file.text(), $('anchor').value.trim(), true);
    }
  });
  $('backup').addEventListener('click', saveBackup);
  $('forget').addEventListener('click', async () => {
    if (confirm(messages.format('wallet_forget_confirm'))) {
      await forgetEverything();
      trustSummary = null;
      lock();
      showTrustStatus();
    }
  });
  window.addEventListener('hashchange', () => receiveLink().catch(e => status(describeError(e))));
  for (const event of ['pointerdown', 'keydown']) {
    document.addEventListener(event, armLock, {passive: true});
  }
  messages = await loadMessages(lang, undefined, CATALOGUES);
  const saved = await loadTrust();
  if (saved) {
    $('anchor').value = saved.anchor;
    await useTrust(saved.bundle, saved.anchor, false);
  }
  await applyLanguage();
  show('lock');
  document.body.dataset.ready = 'true';
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
}

main().catch(e => {
  status(`${e.message}`);
});
