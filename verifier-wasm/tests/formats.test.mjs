// The other formats: the formats module in Node (each format's report, its trust bundle checked
// against the anchor, Laissez text refused), and the kiosk in Debian's Chromium reading an EU
// DCC, a SMART Health Card and a Claim 169 code from a fake camera, with a trust list holding
// their signers' keys: a verdict and the holder's name on screen, the formats module loaded only
// then; a Claim 169 photo shown from its data: URL. Screenshots go to target/kiosk-screenshots/.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {chromium} from 'playwright-core';
import {root} from './corpus.mjs';
import {formatVectors, formatsCorpus} from './formats-corpus.mjs';
import {serve} from '../kiosk/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
const shots = join(root, 'target/kiosk-screenshots');
const require = createRequire(import.meta.url);
const formats = require(join(root, 'verifier-wasm/pkg/formats/node/formats_wasm.js'));
const holder = require(join(root, 'verifier-wasm/pkg/holder/node/holder_wasm.js'));
const skip = formatVectors() === null && 'no other-formats vectors (../shared/vectors)';

let server, origin;

before(async () => {
  if (skip) {
    return;
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (scripts/test.sh installs Debian's chromium)`);
  }
  mkdirSync(shots, {recursive: true});
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(() => server?.close());

test('the formats module: each format verified against the bundle, by its anchor only', {skip}, () => {
  const {bundle, anchor, cases} = formatsCorpus();
  const text = readFileSync(bundle, 'utf8');
  for (const c of Object.values(cases)) {
    assert.equal(formats.detect(c.text), c.format, c.name);
  }
  formats.clearTrustBundle();
  // Without the bundle no signer is known: never valid.
  assert.equal(formats.verify(cases.dcc.text, cases.dcc.now).verdict, 'invalid');
  assert.throws(() => formats.loadTrustBundle(text, ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK']),
    e => e.code === 'bundle_unknown_anchor');
  const summary = formats.loadTrustBundle(text, [anchor]);
  assert.deepEqual([summary.dccSigners, summary.shcIssuers, summary.claim169Issuers], [1, 1, 1]);
  for (const c of [cases.dcc, cases.shc, cases.claim169]) {
    const r = formats.verify(c.text, c.now);
    assert.equal(r.format, c.format, c.name);
    assert.equal(r.verdict, 'valid', `${c.name}: ${JSON.stringify(r.checks)}`);
    assert.match(r.credential.holder, new RegExp(c.holder), c.name);
  }
  // One changed character in the signed payload: refused, not valid.
  const t = cases.claim169.text;
  const i = Math.floor(t.length * 0.6);
  const changed = t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
  assert.notEqual(formats.verify(changed, cases.claim169.now).verdict, 'valid');
  assert.throws(() => formats.verify('{"a":1}'), e => e.code === 'unsupported_format');
  formats.clearTrustBundle();
});

/** A Y4M (YUV 4:2:0) video of `text` as a QR code (4 px a module, quiet zone 4) on white. */
function y4m(text) {
  const qr = holder.qrCode(text);
  const px = 4, quiet = 4;
  const side = (qr.width + 2 * quiet) * px;
  const round = n => Math.ceil(n / 16) * 16;
  const [w, h] = [round(Math.max(640, side)), round(Math.max(480, side))];
  const y = Buffer.alloc(w * h, 235);
  const ox = Math.floor((w - side) / 2) + quiet * px, oy = Math.floor((h - side) / 2) + quiet * px;
  for (let r = 0; r < qr.width; r++) {
    for (let c = 0; c < qr.width; c++) {
      if (qr.modules[r * qr.width + c]) {
        for (let j = 0; j < px; j++) {
          y.fill(16, (oy + r * px + j) * w + ox + c * px, (oy + r * px + j) * w + ox + (c + 1) * px);
        }
      }
    }
  }
  const chroma = Buffer.alloc(w * h / 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F5:1 Ip A1:1 C420jpeg\n`), ...Array(5).fill(frame)]);
}

/** The kiosk in a fresh browser (a fake camera showing `video`, the clock at `time`). */
async function open({video, time} = {}) {
  const camera = video ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`] : [];
  const browser = await chromium.launch({executablePath: CHROMIUM, args: [...FLAGS, ...camera]});
  const context = await browser.newContext({viewport: {width: 900, height: 1100}});
  const page = await context.newPage();
  const requests = [];
  page.on('request', r => requests.push(r.url()));
  if (time) {
    await page.clock.install({time: new Date(time)});
  }
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('body[data-ready=true]');
  const close = async () => {
    const outside = requests.filter(u => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    assert.deepEqual(outside, [], 'requests outside the page origin');
    await browser.close();
  };
  return {page, requests, close};
}

async function loadTrust(page) {
  const {bundle, anchor} = formatsCorpus();
  await page.fill('[data-testid=anchor]', anchor);
  await page.setInputFiles('[data-testid=bundle]', bundle);
  await page.waitForFunction(() => /loaded/.test(document.querySelector('[data-testid=trust-status]').textContent));
}

async function verdictOf(page) {
  await page.waitForSelector('[data-testid=verdict]:not([hidden])');
  return {
    verdict: await page.getAttribute('[data-testid=banner]', 'data-verdict'),
    format: await page.getAttribute('[data-testid=banner]', 'data-format'),
    colour: await page.getAttribute('[data-testid=banner]', 'class'),
    fields: await page.textContent('[data-testid=fields]'),
    type: await page.textContent('[data-testid=cred-type]'),
  };
}

// The kiosk runs on today's clock (the trust list is signed today: at the vectors' own clocks
// its proof would not exist yet). The DCC (DE-1, 2021) has expired and so has its signer's
// certificate: its signature checks with the bundle's key but the signer is no longer
// recognised (amber). The SMART Health Card is green, and so is the Claim 169 code until it
// expires (2027-01-15; amber after).
const claim169Expired = Date.now() >= Date.parse('2027-01-15T08:00:00Z');
for (const [key, shot, type, verdict, colour] of [
  ['dcc', 'eu-dcc.png', /EU Digital COVID Certificate/, 'untrusted', 'amber'],
  ['shc', 'smart-health-card.png', /SMART Health Card/, 'valid', 'green'],
  ['claim169', 'claim169.png', /Claim 169/, claim169Expired ? 'expired' : 'valid', claim169Expired ? 'amber' : 'green'],
]) {
  test(`the kiosk scans ${key} with a trust list: ${verdict}, with the holder's name`, {skip}, async () => {
    const c = formatsCorpus().cases[key];
    const video = join(formatsCorpus().dir, `${key}.y4m`);
    writeFileSync(video, y4m(c.text));
    const {page, requests, close} = await open({video});
    await loadTrust(page);
    assert.ok(!requests.some(u => u.includes('/pkg/formats/')), 'formats module loaded before it was needed');
    await page.click('[data-testid=scan]');
    const v = await verdictOf(page);
    assert.equal(v.format, c.format);
    assert.equal(v.verdict, verdict, await page.textContent('[data-testid=reason]'));
    assert.match(v.colour, new RegExp(`verdict-${colour}`));
    // The signature was checked with the key of the bundle (without it: skipped).
    const checks = await page.$$eval('[data-testid=checks] li', lis => lis.map(li => `${li.className}:${li.textContent}`));
    assert.ok(checks.some(t => /^pass:Signature/.test(t)), checks.join('\n'));
    assert.ok(v.fields.includes(c.holder), v.fields);
    assert.match(v.type, type);
    assert.ok(requests.some(u => u.endsWith('/pkg/formats/formats_wasm_bg.wasm')), 'formats module not loaded');
    await page.screenshot({path: join(shots, shot), fullPage: true});
    await close();
  });
}

test('a Claim 169 code with a photo and no trust list: red, the name and the photo shown', {skip}, async () => {
  const c = formatsCorpus().cases.claim169Photo;
  const {page, close} = await open();
  await page.click('summary[data-i18n=kiosk_paste]');
  await page.fill('[data-testid=text]', c.text);
  await page.click('[data-testid=verify-text]');
  const v = await verdictOf(page);
  assert.equal(v.format, 'claim169');
  assert.equal(v.verdict, 'invalid');
  assert.match(v.colour, /verdict-red/);
  assert.ok(v.fields.includes(c.holder), v.fields);
  const src = await page.getAttribute('#portrait', 'src');
  assert.match(src, /^data:image\/[a-z0-9.+-]+;base64,/);
  assert.equal(await page.$eval('#portrait', el => el.hidden), false);
  // Arabic labels for the same fields.
  await page.selectOption('[data-testid=language]', 'ar');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.waitForFunction(() => /الاسم/.test(document.querySelector('[data-testid=fields]').textContent));
  await page.screenshot({path: join(shots, 'claim169-photo-arabic.png'), fullPage: true});
  await close();
});
