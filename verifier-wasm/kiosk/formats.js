// The other credential formats travellers carry — EU Digital COVID Certificates and WHO DDCC
// (`HC1:`), SMART Health Cards (`shc:/`), MOSIP Claim 169 identity codes (bare Base45) — read by a
// WebAssembly module of their own (pkg/formats, decision 0022), loaded the first time the kiosk
// reads such a code: the verifier module loaded at start-up carries none of it. The module checks
// the operator's trust list itself (same file, same anchor as the verifier module), and its
// report is shown in the kiosk's verdict layout.
import {showVerdict} from './verdicts.js';
import {loadOnce} from './load-module.js';

/** The formats module, loaded on first use (a failed load is retried on the next call). */
const formatsModule = loadOnce(new URL('./pkg/formats/formats_wasm.js', import.meta.url));
/** Characters of the text looked at to recognise a format (as credential-core's Format::detect). */
const DETECT_SPAN = 64;
const BASE45 = /^[0-9A-Z $%*+\-./:]+$/;

/** The trust list the kiosk uses ({bundle, anchor}), or null; and the one the module holds. */
let trust = null;
let applied = null;

/**
 * The format of a QR code's text, from its start only: `eu-dcc` (`HC` digit `:`), `shc`
 * (`shc:/`), `laissez` (`LZ1:`), `claim169` (Base45 characters only), else `laissez`.
 */
export function detectFormat(text) {
  const t = text.trimStart();
  if (/^HC[0-9]:/.test(t)) {
    return 'eu-dcc';
  }
  if (t.startsWith('shc:/')) {
    return 'shc';
  }
  if (t.startsWith('LZ1:')) {
    return 'laissez';
  }
  return t.length >= 2 && BASE45.test(t.slice(0, DETECT_SPAN)) ? 'claim169' : 'laissez';
}

/** Whether `text` is for the formats module rather than the verifier module. */
export function isOtherFormat(text) {
  return detectFormat(text) !== 'laissez';
}

/** The trust list the module should use from its next verification on (null: none). */
export function setFormatsTrust(bundle, anchor) {
  trust = bundle ? {bundle, anchor} : null;
}

/** Verifies `text` with the formats module, against the kiosk's trust list. */
async function verifyFormat(text) {
  const m = await formatsModule();
  if (applied !== trust) {
    if (trust) {
      m.loadTrustBundle(trust.bundle, [trust.anchor]);
    } else {
      m.clearTrustBundle();
    }
    applied = trust;
  }
  return m.verify(text);
}

/** The name of a report's format, in the reader's language (kiosk.ftl). */
function formatName(format, messages) {
  switch (format) {
    case 'eu-dcc':
      return messages.format('kiosk_format_eu_dcc');
    case 'shc':
      return messages.format('kiosk_format_shc');
    default:
      return messages.format('kiosk_format_claim169');
  }
}

/**
 * Verifies `text` (another format) and fills the kiosk's verdict screen (elements of index.html,
 * by id) with the verdict, the holder's name, the photo and the labelled fields, rendered with
 * `messages` (messages.js).
 */
export async function checkOtherFormat(text, messages) {
  const r = await verifyFormat(text);
  const reason = r.checks.find(c => c.status === 'fail') ??
    (r.verdict !== 'valid' ? r.checks.find(c => c.status === 'warning' || c.status === 'skipped') : undefined);
  const shown = r.credential.fields ?? [];
  const fields = shown.map(f => [messages.message(f.label), f.value, f.label.id]);
  if (r.credential.holder && !shown.some(f => f.label.id === 'field_name')) {
    fields.unshift([messages.format('field_name'), r.credential.holder, 'field_name']);
  }
  showVerdict(messages, {
    verdict: r.verdict,
    format: r.format,
    reason: reason ? `${messages.check(reason.code)}: ${messages.message(reason.message)}` : '',
    fields,
    photo: r.credential.photo,
    kind: formatName(r.format, messages),
    issuer: r.credential.issuerName ?? r.credential.issuer ?? '',
    trustDays: r.trustBundle?.ageDays,
    checks: r.checks,
  });
}
