// The kiosk in Debian's Chromium (playwright-core, no browser download), served from localhost:
// image of a good QR with no trust list -> amber ("issuer not checked", never green) with the
// holder's name; tampered -> red; expired -> amber with the reason; Arabic -> right-to-left with
// Arabic labels; a trust list loaded by the operator -> the same QR green, revoked shown red; a
// P-384 credential pasted as text -> amber (its signature checked by WebCrypto); a fake camera
// showing a QR -> verdict after one click on "Scan"; a BarcodeDetector installed in the page
// (the Shape Detection API's contract, decoding with the scanner module in this process) -> the
// kiosk reads with it, and with the scanner module where it reads no QR text or fails; a Laissez
// credential with a signed portrait -> the issued image shown, a tampered portrait -> red and none
// shown; and no request outside the page's origin. Screenshots of each verdict go to
// target/kiosk-screenshots/.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {chromium} from 'playwright-core';
import {corpus, laissez, portraitCorpus, readPng, root, AFTER_EXPIRY} from './corpus.mjs';
import {detectorState, installDetector} from './barcode-detector.mjs';
import {serve} from '../kiosk/serve.mjs';
import {issueReferenceCredentials} from '../bench/vcjs.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
const shots = join(root, 'target/kiosk-screenshots');

let server, origin, files;

function qrPng(json, name) {
  const png = join(corpus().dir, `${name}.png`);
  laissez(['qr', 'encode', json, '--png', png]);
  return png;
}

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (scripts/test.sh installs Debian's chromium)`);
  }
  mkdirSync(shots, {recursive: true});
  const c = corpus();
  files = {
    valid: join(c.creds, 'legal-identity-eddsa-rdfc-2022.png'),
    tampered: qrPng(join(c.creds, 'tampered.json'), 'tampered'),
    expired: qrPng(c.expiring, 'expiring'),
    revoked: join(c.creds, 'health-vaccination-eddsa-rdfc-2022.png'),
  };
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(() => server?.close());

/**
 * Opens the kiosk in a fresh browser; records every request URL. `prepare(page)`, when given,
 * runs before the page loads (init scripts, exposed functions).
 */
async function open(extraArgs = [], {time, prepare} = {}) {
  const browser = await chromium.launch({executablePath: CHROMIUM, args: [...FLAGS, ...extraArgs]});
  const context = await browser.newContext({viewport: {width: 900, height: 1100}});
  const page = await context.newPage();
  const requests = [];
  page.on('request', r => requests.push(r.url()));
  await prepare?.(page);
  if (time) {
    // Only the clock's reading is fixed: timers and microtasks run as they do for a user (the
    // verdict of verifyAsync comes through WebCrypto's promises; clock.install would fake
    // queueMicrotask, where wasm-bindgen-futures runs them, and hold the verdict back).
    await page.clock.setFixedTime(new Date(time));
  }
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('body[data-ready=true]');
  const close = async () => {
    const outside = requests.filter(u => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    assert.deepEqual(outside, [], 'requests outside the page origin');
    await browser.close();
  };
  return {page, close};
}

async function verdictOf(page) {
  await page.waitForSelector('[data-testid=verdict]:not([hidden])');
  return {
    verdict: await page.getAttribute('[data-testid=banner]', 'data-verdict'),
    colour: await page.getAttribute('[data-testid=banner]', 'class'),
    reason: await page.textContent('[data-testid=reason]'),
    fields: await page.textContent('[data-testid=fields]'),
  };
}

function subject(png) {
  const json = png.replace(/\.png$/, '.json');
  return JSON.parse(readFileSync(json, 'utf8')).credentialSubject;
}

test('a good QR with no trust list: amber, never green, with the holder name and why', async () => {
  const {page, close} = await open();
  await page.setInputFiles('[data-testid=image]', files.valid);
  const v = await verdictOf(page);
  assert.equal(v.verdict, 'issuer_not_checked');
  assert.match(v.colour, /verdict-amber/);
  assert.match(await page.textContent('[data-testid=verdict-word]'), /issuer not checked/);
  assert.match(v.reason, /Issuer recognition/);
  assert.ok(v.fields.includes(subject(files.valid).givenName), v.fields);
  // The age claim is worded, not shown as a raw JSON boolean.
  const over18 = await page.textContent('[data-field=ageOver18]');
  assert.equal(typeof subject(files.valid).ageOver18, 'boolean');
  assert.equal(over18, subject(files.valid).ageOver18 ? 'Yes' : 'No');
  await page.screenshot({path: join(shots, 'issuer-not-checked.png'), fullPage: true});
  await close();
});

test('a tampered QR: red', async () => {
  const {page, close} = await open();
  await page.setInputFiles('[data-testid=image]', files.tampered);
  const v = await verdictOf(page);
  assert.equal(v.verdict, 'invalid');
  assert.match(v.colour, /verdict-red/);
  assert.match(v.reason, /Signature/);
  await page.screenshot({path: join(shots, 'tampered.png'), fullPage: true});
  await close();
});

test('an expired credential: amber, with the reason', async () => {
  const {page, close} = await open([], {time: AFTER_EXPIRY});
  await page.setInputFiles('[data-testid=image]', files.expired);
  const v = await verdictOf(page);
  assert.equal(v.verdict, 'expired');
  assert.match(v.colour, /verdict-amber/);
  assert.match(v.reason, /Valid until/);
  await page.screenshot({path: join(shots, 'expired.png'), fullPage: true});
  await close();
});

test('Arabic: right-to-left layout and Arabic labels', async () => {
  const {page, close} = await open();
  await page.setInputFiles('[data-testid=image]', files.valid);
  await verdictOf(page);
  await page.selectOption('[data-testid=language]', 'ar');
  // The Arabic catalogue loads, then every text is replaced at once.
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await page.textContent('[data-testid=verdict-word]'), 'التوقيع صالح — لم يُتحقق من جهة الإصدار');
  assert.match(await page.textContent('[data-testid=fields]'), /الاسم الأول/);
  assert.match(await page.textContent('[data-field=ageOver18]'), /^(نعم|لا)$/);
  assert.equal(await page.$eval('[data-testid=fields]', el => getComputedStyle(el).direction), 'rtl');
  await page.screenshot({path: join(shots, 'valid-arabic.png'), fullPage: true});
  await close();
});

test('a trust list loaded by the operator: a recognised issuer is green, a revoked credential red', async () => {
  const c = corpus();
  const {page, close} = await open();
  await page.fill('[data-testid=anchor]', c.anchor);
  await page.setInputFiles('[data-testid=bundle]', c.bundle);
  await page.waitForFunction(() => /2/.test(document.querySelector('[data-testid=trust-status]').textContent));
  assert.match(await page.textContent('[data-testid=trust-status]'), /version 2 loaded, 2 issuers/);
  await page.setInputFiles('[data-testid=image]', files.valid);
  const good = await verdictOf(page);
  assert.equal(good.verdict, 'valid');
  assert.match(good.colour, /verdict-green/);
  assert.ok(good.fields.includes(subject(files.valid).givenName), good.fields);
  await page.screenshot({path: join(shots, 'valid.png'), fullPage: true});
  await page.click('#again');
  await page.setInputFiles('[data-testid=image]', files.revoked);
  const v = await verdictOf(page);
  assert.equal(v.verdict, 'revoked');
  assert.match(v.colour, /verdict-red/);
  assert.match(await page.textContent('[data-testid=trust-age]'), /\d+ days/);
  await page.screenshot({path: join(shots, 'revoked.png'), fullPage: true});
  // Kept for offline use: a reload restores it from IndexedDB.
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.match(await page.textContent('[data-testid=trust-status]'), /version 2 loaded/);
  await close();
});

test('a P-384 credential (Digital Bazaar, ecdsa-rdfc-2019): verified by WebCrypto, amber', async () => {
  const {'ecdsa-rdfc-2019 P-384': text} = await issueReferenceCredentials(['ecdsa-rdfc-2019 P-384']);
  const {page, close} = await open();
  await page.click('summary[data-i18n=kiosk_paste]');
  await page.fill('[data-testid=text]', text);
  await page.click('[data-testid=verify-text]');
  const v = await verdictOf(page);
  assert.equal(v.verdict, 'issuer_not_checked');
  assert.match(v.colour, /verdict-amber/);
  assert.match(await page.textContent('[data-testid=verdict-word]'), /issuer not checked/);
  await page.screenshot({path: join(shots, 'p384.png'), fullPage: true});
  await close();
});

/** A Y4M (YUV 4:2:0) video of the QR image centred on a white 640×480 frame. */
function y4m(png) {
  const img = readPng(png);
  const [w, h] = [640, 480];
  const y = Buffer.alloc(w * h, 235);
  const ox = Math.floor((w - img.width) / 2), oy = Math.floor((h - img.height) / 2);
  for (let j = 0; j < img.height; j++) {
    for (let i = 0; i < img.width; i++) {
      const p = (j * img.width + i) * 4;
      const luma = 0.299 * img.data[p] + 0.587 * img.data[p + 1] + 0.114 * img.data[p + 2];
      y[(oy + j) * w + ox + i] = Math.round(16 + luma * 219 / 255);
    }
  }
  const chroma = Buffer.alloc(w * h / 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F5:1 Ip A1:1 C420jpeg\n`), ...Array(5).fill(frame)]);
}

test('a fake camera showing a QR: verdict with no click beyond starting the scan', async () => {
  const video = join(corpus().dir, 'camera.y4m');
  writeFileSync(video, y4m(files.valid));
  const {page, close} = await open(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`]);
  await page.click('[data-testid=scan]');
  const v = await verdictOf(page);
  assert.equal(v.verdict, 'issuer_not_checked');
  assert.match(v.colour, /verdict-amber/);
  await page.screenshot({path: join(shots, 'camera.png'), fullPage: true});
  await close();
});

/** Opens `png` in the kiosk (after "Check another" when a verdict is showing); resolves to the verdict. */
async function openImage(page, png) {
  if (await page.isVisible('[data-testid=verdict]')) {
    await page.click('#again');
  }
  await page.setInputFiles('[data-testid=image]', png);
  return verdictOf(page);
}

test('a platform BarcodeDetector for QR codes: the kiosk reads with it and never loads the scanner module', async () => {
  const {page, close} = await open([], {prepare: p => installDetector(p, ['qr_code', 'ean_13'])});
  assert.equal((await openImage(page, files.valid)).verdict, 'issuer_not_checked');
  assert.deepEqual(await detectorState(page), {constructed: 1, detects: 1, scannerLoaded: false});
  const tampered = await openImage(page, files.tampered);
  assert.equal(tampered.verdict, 'invalid');
  assert.match(tampered.reason, /Signature/);
  // A barcode of another format listed before the QR code is passed over.
  await page.evaluate(() => { window.laissezDetector.answer = 'ean-first'; });
  const good = await openImage(page, files.valid);
  assert.equal(good.verdict, 'issuer_not_checked');
  assert.ok(good.fields.includes(subject(files.valid).givenName), good.fields);
  assert.deepEqual(await detectorState(page), {constructed: 1, detects: 3, scannerLoaded: false});
  await close();
});

test('a BarcodeDetector that reads no QR text or fails: the scanner module reads the image', async () => {
  const {page, close} = await open([], {prepare: p => installDetector(p, ['qr_code'])});
  let detects = 0;
  for (const answer of ['none', 'other-format', 'empty-value']) {
    await page.evaluate(a => { window.laissezDetector.answer = a; }, answer);
    const v = await openImage(page, files.valid);
    assert.equal(v.verdict, 'issuer_not_checked', answer);
    assert.deepEqual(await detectorState(page), {constructed: 1, detects: ++detects, scannerLoaded: true}, answer);
  }
  await page.evaluate(() => { window.laissezDetector.answer = 'reject'; });
  assert.equal((await openImage(page, files.tampered)).verdict, 'invalid');
  assert.equal((await detectorState(page)).detects, ++detects);
  // A detector that failed is not asked again: the scanner module reads from then on.
  await page.evaluate(() => { window.laissezDetector.answer = 'qr'; });
  assert.equal((await openImage(page, files.valid)).verdict, 'issuer_not_checked');
  assert.equal((await detectorState(page)).detects, detects);
  await close();
});

test('a BarcodeDetector without qr_code among its formats: never constructed, the scanner module reads', async () => {
  const {page, close} = await open([], {prepare: p => installDetector(p, ['ean_13', 'code_128'])});
  assert.equal((await openImage(page, files.valid)).verdict, 'issuer_not_checked');
  assert.deepEqual(await detectorState(page), {constructed: 0, detects: 0, scannerLoaded: true});
  await close();
});

const sha256 = bytes => createHash('sha256').update(bytes).digest('hex');

test('a Laissez credential with a signed portrait: the issued image shown; tampered: red, no portrait', async () => {
  const {valid, tampered, jpeg} = portraitCorpus();
  const {page, close} = await open();
  const v = await openImage(page, qrPng(valid, 'portrait'));
  assert.equal(v.verdict, 'issuer_not_checked');
  await page.waitForSelector('#portrait:not([hidden])');
  const shown = await page.$eval('#portrait', async img => {
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const {data} = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // Mean grey of the leftmost and rightmost quarter of the columns.
    const quarter = Math.floor(canvas.width / 4);
    const mean = from => {
      let sum = 0;
      for (let y = 0; y < canvas.height; y++) {
        for (let x = from; x < from + quarter; x++) {
          sum += data[(y * canvas.width + x) * 4];
        }
      }
      return sum / (quarter * canvas.height);
    };
    const box = img.getBoundingClientRect();
    return {src: img.src, width: img.naturalWidth, height: img.naturalHeight, shownWidth: box.width,
      left: mean(0), right: mean(canvas.width - quarter)};
  });
  // The bytes the issuer signed (laissez issue --portrait: a 48 × 64 greyscale JPEG).
  const [prefix, base64] = shown.src.split(',');
  assert.equal(prefix, 'data:image/jpeg;base64');
  assert.equal(sha256(Buffer.from(base64, 'base64')), sha256(jpeg));
  assert.deepEqual([shown.width, shown.height], [48, 64]);
  assert.ok(shown.shownWidth > 0, 'the portrait takes no room on the page');
  // The drawn picture's dark left half and light right half (40 and 220), through the JPEG.
  assert.ok(shown.left < 80 && shown.right > 180, `left ${shown.left}, right ${shown.right}`);
  await page.screenshot({path: join(shots, 'portrait.png'), fullPage: true});
  const bad = await openImage(page, qrPng(tampered, 'portrait-tampered'));
  assert.equal(bad.verdict, 'invalid');
  assert.match(bad.reason, /Signature/);
  assert.equal(await page.$eval('#portrait', img => img.hidden && !img.hasAttribute('src')), true);
  assert.ok(!bad.fields.includes('data:image'), bad.fields);
  await page.screenshot({path: join(shots, 'portrait-tampered.png'), fullPage: true});
  await close();
});
