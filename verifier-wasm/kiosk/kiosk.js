// The kiosk: camera scanning (frames decoded by the WASM verifier), image files and pasted text;
// a verdict screen readable at arm's length; a trust list kept offline; and request mode, which
// shows a wallet a challenge QR and checks the answer is bound to it (requests.js). No network
// use beyond this folder's own files.
import init, {verify, verifyAsync, loadTrustBundle, clearTrustBundle, version} from './pkg/verifier_wasm.js';
import {LANGUAGES, direction, loadMessages} from './messages.js';
import {showVerdict} from './verdicts.js';
import {loadTrust, saveTrust, clearTrust} from './store.js';
import {Requests, kioskId, REQUEST_TTL_MINUTES} from './requests.js';
import {drawQr} from './draw-qr.js';
import {readQr} from './qr-reader.js';
import {loadOnce} from './load-module.js';
import {isOtherFormat, checkOtherFormat, setFormatsTrust} from './formats.js';

const $ = id => document.getElementById(id);
/** Frames per second given to the QR reader while scanning. */
const SCAN_FPS = 5;
/** Largest side of a frame handed to the reader (larger frames are scaled down). */
const MAX_FRAME_SIDE = 1280;

let lang = localStorage.getItem('laissez-language') ?? (navigator.language ?? 'en').slice(0, 2);
if (!(lang in LANGUAGES)) {
  lang = 'en';
}
/** The messages of `lang` (messages.js). */
let messages = null;
let lastInput = null;
/** The request an answer was checked against ({challenge, domain}), or null. */
let lastBinding = null;
/** How many verifications have started: only the latest one shows its verdict. */
let verifications = 0;
const requests = new Requests(kioskId());
/** The holder module, loaded in request mode only (it draws the request's QR code). */
const holderModule = loadOnce(new URL('./pkg/holder/holder_wasm.js', import.meta.url));
let trustSummary = null;
let stream = null;
let scanTimer = null;

/** Loads the catalogue of `lang` and shows every text in it. */
async function applyLanguage() {
  messages = await loadMessages(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = direction(lang);
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = messages.format(el.dataset.i18n);
  }
  showTrustStatus();
  if (lastInput !== null) {
    check(lastInput, lastBinding);
  }
  if (!$('ask-qr').hidden) {
    $('ask-help').textContent = messages.format('kiosk_request_help', {minutes: REQUEST_TTL_MINUTES});
  }
}

function status(text) {
  $('status').textContent = text;
}

function showTrustStatus() {
  $('trust-status').textContent = trustSummary ?
    messages.format('kiosk_trust_loaded', {
      version: trustSummary.version, issuers: trustSummary.issuers.length, days: trustSummary.ageDays,
    }) :
    messages.format('kiosk_no_trust');
}

/**
 * Verifies `input` (envelope text or JSON) and shows the verdict screen. With `binding` (an
 * answer to this kiosk's request: {challenge, domain}), the holder's binding to it is checked
 * too, and an answer without one is refused.
 */
async function check(input, binding = null) {
  lastInput = input;
  lastBinding = binding;
  const run = ++verifications;
  // EU DCC, SMART Health Cards, Claim 169: the formats module, loaded on first need (formats.js).
  if (binding === null && isOtherFormat(input)) {
    checkOtherFormat(input, messages).catch(e => status(messages.error(e)));
    return;
  }
  const options = {language: lang, ...binding};
  // The platform checks the signatures (WebCrypto); the same report as `verify`, which stays the
  // fallback should the asynchronous path fail (decision 0016).
  const r = await verifyAsync(input, options).catch(() => verify(input, options));
  if (run !== verifications) {
    return;   // a newer check (another scan, a language change) has started meanwhile
  }
  const unbound = binding !== null && !r.checks.some(c => c.code === 'holder_binding' && c.status === 'pass');
  const verdict = unbound && r.verdict !== 'invalid' ? 'invalid' : r.verdict;
  const reason = r.checks.find(c => c.status === 'fail') ??
    (r.verdict !== 'valid' ? r.checks.find(c => c.status === 'warning') : undefined);
  showVerdict(messages, {
    verdict,
    format: 'laissez',
    reason: reason ? `${messages.check(reason.code)}: ${messages.message(reason.message)}` :
      unbound ? messages.format('kiosk_request_not_bound') : '',
    // A yes/no claim (ageOver18) in the reader's words, never a raw `true`.
    fields: r.display.fields.map(f => [f.label,
      f.boolean === undefined ? f.value : (f.boolean ? messages.format('kiosk_yes') : messages.format('kiosk_no')), f.name]),
    // The signed portrait, which the report carries only once every signature verified.
    photo: r.credential?.photo,
    kind: r.display.title ?? '',
    issuer: r.display.issuerName ?? '',
    trustDays: r.display.trustDataAgeDays,
    checks: r.checks,
  });
}

function stopCamera() {
  clearInterval(scanTimer);
  scanTimer = null;
  stream?.getTracks().forEach(track => track.stop());
  stream = null;
  $('camera').hidden = true;
  $('stop').hidden = true;
  $('scan').hidden = false;
}

/** Reads the QR code of the current video frame; resolves to null when there is none. */
function readFrame(source, width, height) {
  const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(width, height));
  const canvas = $('frame');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return readQr(ctx.getImageData(0, 0, canvas.width, canvas.height));
}

/** Checks what the camera read: an answer to the open request in request mode, else a credential. */
function scanned(text) {
  if ($('ask').hidden) {
    check(text);
    return;
  }
  const binding = requests.take();
  if (binding) {
    check(text, binding);
  } else {
    status(messages.format('kiosk_request_expired'));
  }
}

/** Opens a request for the chosen preset and shows its QR code. */
async function showRequest() {
  const qr = (await holderModule()).qrCode(requests.create($('ask-what').value));
  const canvas = $('ask-qr');
  drawQr(canvas, qr, 6);
  canvas.hidden = false;
  $('ask-help').textContent = messages.format('kiosk_request_help', {minutes: REQUEST_TTL_MINUTES});
  $('ask-scan').hidden = false;
}

async function startCamera() {
  if (!navigator.mediaDevices?.getUserMedia) {
    status(messages.format('kiosk_no_camera'));
    return;
  }
  try {
    stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment', width: {ideal: 1280}}});
  } catch {
    status(messages.format('kiosk_no_camera'));
    return;
  }
  const video = $('camera');
  video.srcObject = stream;
  video.hidden = false;
  $('scan').hidden = true;
  $('stop').hidden = false;
  await video.play();
  status(messages.format('kiosk_scanning'));
  let reading = false;
  const timer = scanTimer = setInterval(async () => {
    if (video.readyState < 2 || reading) {
      return;
    }
    reading = true;
    const text = await readFrame(video, video.videoWidth, video.videoHeight).finally(() => {
      reading = false;
    });
    if (text && scanTimer === timer) {
      stopCamera();
      status('');
      scanned(text);
    }
  }, 1000 / SCAN_FPS);
}

async function openImage(file) {
  const bitmap = await createImageBitmap(file);
  const text = await readFrame(bitmap, bitmap.width, bitmap.height).finally(() => bitmap.close());
  if (text) {
    status('');
    check(text);
  } else {
    status(messages.format('kiosk_no_qr'));
  }
}

async function useTrust(bundle, anchor, persist) {
  try {
    trustSummary = loadTrustBundle(bundle, [anchor]);
    setFormatsTrust(bundle, anchor);
    if (persist) {
      await saveTrust(bundle, anchor);
    }
  } catch (e) {
    trustSummary = null;
    $('trust-status').textContent = messages.format('kiosk_error', {message: messages.error(e), code: e.code});
    return;
  }
  showTrustStatus();
}

async function main() {
  await init({module_or_path: new URL('./pkg/verifier_wasm_bg.wasm', import.meta.url)});
  $('version').textContent = `Laissez verifier ${version()}`;
  const select = $('language');
  for (const [code, name] of Object.entries(LANGUAGES)) {
    select.append(new Option(name, code, false, code === lang));
  }
  select.addEventListener('change', async () => {
    lang = select.value;
    localStorage.setItem('laissez-language', lang);
    await applyLanguage();
  });
  $('scan').addEventListener('click', startCamera);
  $('stop').addEventListener('click', stopCamera);
  $('image').addEventListener('change', e => e.target.files[0] && openImage(e.target.files[0]));
  $('verify-text').addEventListener('click', () => $('text').value.trim() && check($('text').value));
  $('request').addEventListener('click', () => {
    $('ask').hidden = false;
    $('ask-qr').hidden = true;
    $('ask-scan').hidden = true;
    $('ask-help').textContent = '';
  });
  $('ask-show').addEventListener('click', () => showRequest().catch(e => status(messages.error(e))));
  $('ask-scan').addEventListener('click', startCamera);
  $('again').addEventListener('click', () => {
    lastInput = null;
    lastBinding = null;
    $('verdict').hidden = true;
    $('input').hidden = false;
    $('image').value = '';
  });
  $('bundle').addEventListener('change', async e => {
    const file = e.target.files[0];
    if (file) {
      await useTrust(await file.text(), $('anchor').value.trim(), true);
    }
  });
  $('forget').addEventListener('click', async () => {
    clearTrustBundle();
    setFormatsTrust(null);
    trustSummary = null;
    await clearTrust();
    showTrustStatus();
  });
  messages = await loadMessages(lang);
  const saved = await loadTrust();
  if (saved) {
    $('anchor').value = saved.anchor;
    await useTrust(saved.bundle, saved.anchor, false);
  }
  await applyLanguage();
  document.body.dataset.ready = 'true';
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
}

main().catch(e => {
  status(`${e.message}`);
});
