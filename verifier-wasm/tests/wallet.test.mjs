// The holder's wallet (wallet-demo/) in Debian's Chromium, end to end with the kiosk (issue 14):
// create a wallet, import the demo credential through a fake camera (verified, listed); no
// plaintext in IndexedDB; reload offline (service worker) and unlock with the PIN; show the QR
// and let the kiosk, in a second browser, scan that screen through its own fake camera (green,
// holder's name); a kiosk request -> wallet consent -> presentation QR bound to it -> kiosk
// green, and the same presentation replayed against the next request -> red; Arabic right to
// left; an image imported through a platform BarcodeDetector (the test's, barcode-detector.mjs)
// without loading the scanner module; axe-core on every screen (no serious or critical violation); no request leaves either
// page's origin. Screenshots of every screen go to target/wallet-screenshots/.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inflateSync} from 'node:zlib';
import {chromium} from 'playwright-core';
import {laissez, root} from './corpus.mjs';
import {detectorState, installDetector} from './barcode-detector.mjs';
import {serve as serveKiosk} from '../kiosk/serve.mjs';
import {serve as serveWallet} from '../../wallet-demo/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
const shots = join(root, 'target/wallet-screenshots');
const AXE = join(root, 'wallet-demo/node_modules/axe-core/axe.min.js');
const PIN = 'correct horse 42';
/** A phone's viewport (the wallet must work at 320 px; see the narrow screenshot). */
const PHONE = {width: 412, height: 860};

let cached = null;

/**
 * The demo's credentials, QR images and trust bundle (made by the real `laissez demo`), and a
 * credential from an issuer no bundle recognises.
 */
function corpus() {
  if (!cached) {
    const dir = mkdtempSync(join(tmpdir(), 'laissez-wallet-corpus-'));
    laissez(['demo', dir]);
    const bundle = join(dir, 'trust-bundle-2.json');
    const anchor = JSON.parse(readFileSync(bundle, 'utf8')).proof.verificationMethod.split('#')[0];
    const strangerHome = join(dir, 'stranger-home');
    laissez(['init'], {home: strangerHome});
    const stranger = join(dir, 'stranger.json');
    laissez(['issue', '--profile', 'legal-identity', '--subject',
      join(root, 'specs/profiles/legal-identity/examples/valid/latin-colombia.json'), '--out', stranger],
    {home: strangerHome});
    cached = {dir, bundle, anchor, stranger, creds: join(dir, 'credentials')};
  }
  return cached;
}

let kioskServer, walletServer, kioskOrigin, walletOrigin, work;
/** Every request of each browser: {browser, url}. */
const requests = [];

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (scripts/test.sh installs Debian's chromium)`);
  }
  if (!existsSync(join(root, 'wallet-demo/pkg/verifier_wasm_bg.wasm'))) {
    throw new Error('wallet-demo is not assembled: run scripts/build-wasm.sh (it runs wallet-demo/build.mjs)');
  }
  mkdirSync(shots, {recursive: true});
  work = mkdtempSync(join(tmpdir(), 'laissez-wallet-'));
  kioskServer = await serveKiosk(0);
  walletServer = await serveWallet(0);
  kioskOrigin = `http://127.0.0.1:${kioskServer.address().port}`;
  walletOrigin = `http://127.0.0.1:${walletServer.address().port}`;
});

after(async () => {
  await wallet?.context.close();
  await kiosk?.context.close();
  kioskServer?.close();
  walletServer?.close();
});

/** Decodes an 8-bit RGB(A) or greyscale non-interlaced PNG (Chromium's screenshots) to RGBA. */
function decodePng(buf) {
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9];
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  const channels = {0: 1, 2: 3, 6: 4}[colorType];
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      px[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = channels >= 3 ? [px[i * channels], px[i * channels + 1], px[i * channels + 2]] :
      [px[i], px[i], px[i]];
    luma[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return {luma, width, height};
}

/**
 * Writes a Y4M video (what Chromium's fake camera plays) of the PNG `png` scaled by a whole
 * factor to about 800 px and centred on a white 1280×960 frame.
 */
function writeCamera(path, png) {
  const img = decodePng(png);
  const [w, h] = [1280, 960];
  const k = Math.max(1, Math.floor(800 / Math.max(img.width, img.height)));
  const y = Buffer.alloc(w * h, 235);
  const ox = Math.floor((w - img.width * k) / 2), oy = Math.floor((h - img.height * k) / 2);
  for (let j = 0; j < img.height * k; j++) {
    for (let i = 0; i < img.width * k; i++) {
      const l = img.luma[Math.floor(j / k) * img.width + Math.floor(i / k)];
      y[(oy + j) * w + ox + i] = Math.round(16 + l * 219 / 255);
    }
  }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, Buffer.alloc(w * h / 2, 128)]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F5:1 Ip A1:1 C420jpeg\n`), ...Array(3).fill(frame)]));
}

/** A browser with a persistent profile and a fake camera playing `camera`; every request recorded. */
async function launch(name, camera, viewport) {
  writeFileSync(camera, Buffer.from('YUV4MPEG2 W16 H16 F5:1 Ip A1:1 C420jpeg\nFRAME\n' + '\0'.repeat(384)));
  const context = await chromium.launchPersistentContext(join(work, `${name}-profile`), {
    executablePath: CHROMIUM,
    args: [...FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`],
    viewport,
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('request', r => requests.push({browser: name, url: r.url()}));
  page.on('dialog', d => d.accept());
  return {context, page, camera};
}

let wallet, kiosk;

async function ready(page, url) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
}

/** Runs axe-core on the page as it is; fails on a serious or critical violation. */
async function axe(page, screen) {
  if (!await page.evaluate(() => 'axe' in window)) {
    // Evaluated through DevTools, as a test harness does: the page's CSP (script-src 'self')
    // is not loosened for it.
    await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;undefined`);
  }
  const violations = await page.evaluate(async () => (await window.axe.run(document, {resultTypes: ['violations']}))
    .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(violations, [], `axe on ${screen}`);
}

async function shot(page, name) {
  await page.screenshot({path: join(shots, `${name}.png`), fullPage: true});
}

/** What the kiosk shows for the answer its fake camera reads after `click`. */
async function kioskVerdict(click) {
  await kiosk.page.click(click);
  await kiosk.page.waitForSelector('[data-testid=verdict]:not([hidden])', {timeout: 30_000});
  return {
    verdict: await kiosk.page.getAttribute('[data-testid=banner]', 'data-verdict'),
    colour: await kiosk.page.getAttribute('[data-testid=banner]', 'class'),
    reason: await kiosk.page.textContent('[data-testid=reason]'),
    fields: await kiosk.page.textContent('[data-testid=fields]'),
  };
}

/** The wallet's full-screen QR code as the kiosk's camera will see it. */
async function walletQrToKioskCamera(name) {
  await wallet.page.waitForSelector('[data-testid=qr-screen]:not([hidden])');
  await shot(wallet.page, name);
  writeCamera(kiosk.camera, await wallet.page.locator('[data-testid=qr]').screenshot());
}

const subjectOf = file => JSON.parse(readFileSync(file, 'utf8')).credentialSubject;

test('create a wallet, load the trust list, import the demo credential by camera: listed and verified', async () => {
  const c = corpus();
  wallet = await launch('wallet', join(work, 'wallet.y4m'), PHONE);
  kiosk = await launch('kiosk', join(work, 'kiosk.y4m'), {width: 900, height: 1100});
  await ready(wallet.page, `${walletOrigin}/index.html`);
  await wallet.page.waitForSelector('[data-testid=lock]:not([hidden])');
  assert.match(await wallet.page.textContent('#lock-title'), /Create your wallet/);
  await shot(wallet.page, 'create');
  await axe(wallet.page, 'create');
  await wallet.page.fill('[data-testid=pin]', PIN);
  await wallet.page.click('[data-testid=unlock]');
  await wallet.page.waitForSelector('[data-testid=home]:not([hidden])');
  await shot(wallet.page, 'home-empty');
  await axe(wallet.page, 'home');

  await wallet.page.click('[data-testid=go-settings]');
  await wallet.page.fill('[data-testid=anchor]', c.anchor);
  await wallet.page.setInputFiles('[data-testid=bundle]', c.bundle);
  await wallet.page.waitForFunction(() => /version 2/.test(document.querySelector('[data-testid=trust-status]').textContent));
  assert.match(await wallet.page.inputValue('[data-testid=holder-did]'), /^did:jwk:ey/);
  await shot(wallet.page, 'settings');
  await axe(wallet.page, 'settings');
  await wallet.page.click('#settings button.back');

  writeCamera(wallet.camera, readFileSync(join(c.creds, 'legal-identity-eddsa-rdfc-2022.png')));
  await wallet.page.click('[data-testid=go-receive]');
  await shot(wallet.page, 'receive');
  await axe(wallet.page, 'receive');
  await wallet.page.click('[data-testid=scan]');
  await wallet.page.waitForSelector('[data-testid=import-result]:not([hidden])', {timeout: 30_000});
  assert.equal(await wallet.page.getAttribute('[data-testid=import-verdict]', 'data-verdict'), 'valid',
    await wallet.page.textContent('[data-testid=import-reason]'));
  await shot(wallet.page, 'receive-verified');
  await axe(wallet.page, 'receive, verified');
  await wallet.page.click('#receive button.back');
  const list = await wallet.page.textContent('[data-testid=list]');
  const subject = subjectOf(join(c.creds, 'legal-identity-eddsa-rdfc-2022.json'));
  assert.ok(list.includes(subject.givenName), list);
  assert.equal(await wallet.page.getAttribute('[data-testid=list] .badge', 'data-verdict'), 'valid');
  await shot(wallet.page, 'home');
});

test('a tampered credential is refused, an unrecognised issuer kept only after a warning', async () => {
  const c = corpus();
  const tampered = JSON.parse(readFileSync(join(c.creds, 'legal-identity-eddsa-rdfc-2022.json'), 'utf8'));
  tampered.credentialSubject.givenName = 'Mallory';
  await wallet.page.click('[data-testid=go-receive]');
  await wallet.page.fill('[data-testid=text]', JSON.stringify(tampered));
  await wallet.page.click('[data-testid=import-text]');
  await wallet.page.waitForSelector('[data-testid=import-result]:not([hidden])');
  assert.equal(await wallet.page.getAttribute('[data-testid=import-verdict]', 'data-verdict'), 'invalid');
  assert.ok(await wallet.page.isHidden('[data-testid=keep-anyway]'));
  await shot(wallet.page, 'receive-refused');
  await wallet.page.fill('[data-testid=text]', readFileSync(c.stranger, 'utf8'));
  await wallet.page.click('[data-testid=import-text]');
  await wallet.page.waitForFunction(() => document.querySelector('[data-testid=import-verdict]').dataset.verdict === 'untrusted');
  assert.ok(await wallet.page.isVisible('[data-testid=keep-anyway]'));
  await shot(wallet.page, 'receive-warning');
  await axe(wallet.page, 'receive, warning');
  // Not kept without the explicit choice.
  await wallet.page.click('#receive button.back');
  assert.equal(await wallet.page.locator('[data-testid=list] li').count(), 1);
});

test('IndexedDB holds no plaintext: no holder name, no registration number', async () => {
  const subject = subjectOf(join(corpus().creds, 'legal-identity-eddsa-rdfc-2022.json'));
  const stored = await wallet.page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('laissez-wallet');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const out = [];
      const tx = db.transaction(['meta', 'credentials']);
      const text = v => {
        if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
          const bytes = new Uint8Array(v.buffer ?? v, v.byteOffset ?? 0, v.byteLength);
          return new TextDecoder().decode(bytes) + String.fromCharCode(...bytes);
        }
        if (v && typeof v === 'object') {
          return Object.entries(v).map(([k, x]) => `${k}:${text(x)}`).join(' ');
        }
        return String(v);
      };
      for (const store of ['meta', 'credentials']) {
        tx.objectStore(store).openCursor().onsuccess = e => {
          const cursor = e.target.result;
          if (cursor) {
            out.push({store, text: text(cursor.value)});
            cursor.continue();
          }
        };
      }
      tx.oncomplete = () => resolve(out);
    };
  }));
  const records = stored.filter(r => r.store === 'credentials');
  assert.equal(records.length, 1);
  // Long enough to be the credential (so the test reads the real records).
  assert.ok(records[0].text.length > 1000, records[0].text.length);
  for (const secret of [subject.givenName, subject.familyName, subject.registrationNumber]) {
    assert.ok(secret.length >= 4);
    for (const r of stored) {
      assert.ok(!r.text.includes(secret), `${r.store} holds ${secret} in the clear`);
    }
  }
});

test('offline after a reload (service worker): the credential is still there after unlocking', async () => {
  await wallet.page.evaluate(() => navigator.serviceWorker.ready);
  await wallet.context.setOffline(true);
  await wallet.page.reload();
  await wallet.page.waitForSelector('body[data-ready=true]');
  await wallet.page.waitForSelector('[data-testid=lock]:not([hidden])');
  assert.match(await wallet.page.textContent('#lock-title'), /Unlock your wallet/);
  await shot(wallet.page, 'unlock');
  await axe(wallet.page, 'unlock');
  await wallet.page.fill('[data-testid=pin]', 'wrong pin 000');
  await wallet.page.click('[data-testid=unlock]');
  await wallet.page.waitForFunction(() => /Wrong PIN/.test(document.querySelector('[data-testid=status]').textContent));
  await wallet.page.fill('[data-testid=pin]', PIN);
  await wallet.page.click('[data-testid=unlock]');
  await wallet.page.waitForSelector('[data-testid=home]:not([hidden])');
  const subject = subjectOf(join(corpus().creds, 'legal-identity-eddsa-rdfc-2022.json'));
  assert.ok((await wallet.page.textContent('[data-testid=list]')).includes(subject.givenName));
  // The holder module (QR codes, show less) comes from the cache too.
  await wallet.page.click('[data-testid=list] .card-button');
  await wallet.page.click('[data-testid=show-qr]');
  await wallet.page.waitForSelector('[data-testid=qr-screen]:not([hidden])');
  await wallet.page.click('[data-testid=qr-close]');
  await wallet.page.click('#card button.back');
  await wallet.context.setOffline(false);
});

test('the kiosk scans the wallet screen\'s QR through its own camera: green, with the holder\'s name', async () => {
  const c = corpus();
  await ready(kiosk.page, `${kioskOrigin}/index.html`);
  await kiosk.page.fill('[data-testid=anchor]', c.anchor);
  await kiosk.page.setInputFiles('[data-testid=bundle]', c.bundle);
  await kiosk.page.waitForFunction(() => /version 2/.test(document.querySelector('[data-testid=trust-status]').textContent));
  await wallet.page.click('[data-testid=list] .card-button');
  await wallet.page.waitForSelector('[data-testid=card]:not([hidden])');
  await shot(wallet.page, 'card');
  await axe(wallet.page, 'card');
  await wallet.page.click('[data-testid=show-qr]');
  await walletQrToKioskCamera('qr');
  await axe(wallet.page, 'QR code');
  const v = await kioskVerdict('[data-testid=scan]');
  assert.equal(v.verdict, 'valid', v.reason);
  assert.match(v.colour, /verdict-green/);
  const subject = subjectOf(join(c.creds, 'legal-identity-eddsa-rdfc-2022.json'));
  assert.ok(v.fields.includes(subject.givenName), v.fields);
  await kiosk.page.screenshot({path: join(shots, 'kiosk-scanned-wallet.png'), fullPage: true});
  await wallet.page.click('[data-testid=qr-close]');
  await kiosk.page.click('#again');
});

test('show less: this credential (no selective disclosure) is shown whole only', async () => {
  await wallet.page.click('[data-testid=show-less]');
  await wallet.page.waitForSelector('[data-testid=less]:not([hidden])');
  assert.match(await wallet.page.textContent('[data-testid=less-note]'), /only be shown whole/);
  await wallet.page.click('#card button.back');
});

test('request mode: kiosk challenge -> wallet consent -> bound presentation -> green; replayed -> red', async () => {
  const c = corpus();
  // The issuer binds an SD-JWT VC to the wallet's key (its did:jwk, from the settings screen).
  await wallet.page.click('[data-testid=go-settings]');
  const did = await wallet.page.inputValue('[data-testid=holder-did]');
  await wallet.page.click('#settings button.back');
  const subjectFile = join(root, 'specs/profiles/legal-identity/examples/valid/latin-colombia.json');
  const sdJwtFile = join(work, 'bound.sd-jwt.txt');
  laissez(['issue', '--profile', 'legal-identity', '--securing', 'sd-jwt', '--subject', subjectFile,
    '--record-id', `wallet-${Date.now()}`, '--holder-key', did, '--out', sdJwtFile], {home: join(c.dir, 'issuer-home')});
  const subject = JSON.parse(readFileSync(subjectFile, 'utf8'));
  await wallet.page.click('[data-testid=go-receive]');
  await wallet.page.setInputFiles('[data-testid=file]', sdJwtFile);
  await wallet.page.waitForSelector('[data-testid=import-result]:not([hidden])');
  assert.equal(await wallet.page.getAttribute('[data-testid=import-verdict]', 'data-verdict'), 'valid');
  await wallet.page.click('#receive button.back');
  assert.equal(await wallet.page.locator('[data-testid=list] li').count(), 2);

  // The kiosk asks for proof of registration (its words from its catalogue).
  assert.equal(await kiosk.page.textContent('[data-testid=request]'), 'Ask a wallet');
  await kiosk.page.click('[data-testid=request]');
  await kiosk.page.selectOption('[data-testid=ask-what]', 'proof-of-registration');
  await kiosk.page.click('[data-testid=ask-show]');
  await kiosk.page.waitForSelector('[data-testid=ask-qr]:not([hidden])');
  assert.match(await kiosk.page.textContent('#ask-help'), /expires in 5 minutes/);
  await kiosk.page.screenshot({path: join(shots, 'kiosk-request.png'), fullPage: true});
  writeCamera(wallet.camera, await kiosk.page.locator('[data-testid=ask-qr]').screenshot());

  await wallet.page.click('[data-testid=go-present]');
  await shot(wallet.page, 'present');
  await axe(wallet.page, 'present');
  await wallet.page.click('[data-testid=scan-request]');
  await wallet.page.waitForSelector('[data-testid=consent]:not([hidden])', {timeout: 30_000});
  assert.match(await wallet.page.textContent('[data-testid=asked-by]'), /laissez-kiosk:/);
  assert.match(await wallet.page.textContent('[data-testid=asked-for]'), /registration/i);
  assert.equal(await wallet.page.locator('[data-testid=answer-with] option').count(), 1);
  await shot(wallet.page, 'consent');
  await axe(wallet.page, 'consent');
  await wallet.page.click('[data-testid=consent-yes]');
  await walletQrToKioskCamera('presentation-qr');

  const v = await kioskVerdict('[data-testid=ask-scan]');
  assert.equal(v.verdict, 'valid', v.reason);
  assert.match(v.colour, /verdict-green/);
  assert.ok(v.fields.includes(subject.givenName), v.fields);
  // Proof of registration hides the birth date.
  assert.ok(!v.fields.includes(subject.birthDate), v.fields);
  const binding = await kiosk.page.$eval('[data-testid=checks]', el => el.textContent);
  assert.match(binding, /Holder — passed/);
  await kiosk.page.screenshot({path: join(shots, 'kiosk-answer-green.png'), fullPage: true});

  // The same presentation, replayed against the kiosk's next request (a new nonce): refused.
  await kiosk.page.click('#again');
  await kiosk.page.click('[data-testid=request]');
  await kiosk.page.click('[data-testid=ask-show]');
  await kiosk.page.waitForSelector('[data-testid=ask-qr]:not([hidden])');
  const replay = await kioskVerdict('[data-testid=ask-scan]');
  assert.equal(replay.verdict, 'invalid');
  assert.match(replay.colour, /verdict-red/);
  await kiosk.page.screenshot({path: join(shots, 'kiosk-answer-replayed.png'), fullPage: true});
  await wallet.page.click('[data-testid=qr-close]');
  await kiosk.page.click('#again');
});

test('show less on an SD-JWT VC: presets offered, the chosen one shown as a QR code', async () => {
  await wallet.page.click('[data-testid=list] li:nth-child(2) .card-button');
  await wallet.page.click('[data-testid=show-less]');
  await wallet.page.waitForSelector('[data-testid=preset-proof-of-registration]');
  await shot(wallet.page, 'show-less');
  await axe(wallet.page, 'show less');
  await wallet.page.click('[data-testid=show-chosen]');
  await wallet.page.waitForSelector('[data-testid=qr-screen]:not([hidden])');
  await shot(wallet.page, 'show-less-qr');
  await wallet.page.click('[data-testid=qr-close]');
  await wallet.page.click('#card button.back');
});

test('an ecdsa-sd-2023 base credential: checked through its full derivation, shown less by derivation, green at the kiosk', async () => {
  const c = corpus();
  await wallet.page.click('[data-testid=go-receive]');
  await wallet.page.setInputFiles('[data-testid=file]', join(c.creds, 'legal-identity-ecdsa-sd-2023.json'));
  await wallet.page.waitForFunction(() => document.querySelector('[data-testid=import-verdict]').dataset.verdict === 'valid');
  await wallet.page.click('#receive button.back');
  assert.equal(await wallet.page.locator('[data-testid=list] li').count(), 3);
  await wallet.page.click('[data-testid=list] li:nth-child(3) .card-button');
  await wallet.page.click('[data-testid=show-less]');
  await wallet.page.waitForSelector('[data-testid=preset-age-over-18]');
  await wallet.page.check('[data-testid=preset-age-over-18]');
  await wallet.page.click('[data-testid=show-chosen]');
  await walletQrToKioskCamera('derived-qr');
  const v = await kioskVerdict('[data-testid=scan]');
  assert.equal(v.verdict, 'valid', v.reason);
  const subject = subjectOf(join(c.creds, 'legal-identity-ecdsa-sd-2023.json'));
  // Age over 18 shows the answer, not the name or the birth date.
  assert.ok(!v.fields.includes(subject.givenName) && !v.fields.includes(subject.birthDate), v.fields);
  assert.match(await kiosk.page.textContent('[data-field=ageOver18]'), /^(Yes|No)$/);
  await kiosk.page.screenshot({path: join(shots, 'kiosk-derived-age.png'), fullPage: true});
  await kiosk.page.click('#again');
  await wallet.page.click('[data-testid=qr-close]');
  await wallet.page.click('#card button.back');
});

test('Arabic: right-to-left layout and Arabic labels', async () => {
  await wallet.page.selectOption('[data-testid=language]', 'ar');
  await wallet.page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await wallet.page.textContent('h1'), 'وثائقي');
  assert.equal(await wallet.page.$eval('main', el => getComputedStyle(el).direction), 'rtl');
  await shot(wallet.page, 'home-arabic');
  await axe(wallet.page, 'home, Arabic');
  await wallet.page.click('[data-testid=list] li:first-child .card-button');
  assert.match(await wallet.page.textContent('#card-body'), /الاسم الأول/);
  await shot(wallet.page, 'card-arabic');
  await axe(wallet.page, 'card, Arabic');
  await wallet.page.click('#card button.back');
  await wallet.page.selectOption('[data-testid=language]', 'en');
  await wallet.page.waitForFunction(() => document.documentElement.dir === 'ltr');
});

test('usable at 320 px: no horizontal scrolling', async () => {
  await wallet.page.setViewportSize({width: 320, height: 700});
  assert.ok(await wallet.page.evaluate(() => document.documentElement.scrollWidth <= 320));
  await wallet.page.click('[data-testid=list] li:first-child .card-button');
  assert.ok(await wallet.page.evaluate(() => document.documentElement.scrollWidth <= 320));
  await shot(wallet.page, 'card-320px');
  await wallet.page.click('#card button.back');
  await wallet.page.setViewportSize(PHONE);
});

test('receive by link: #credential=<envelope> is imported after unlocking', async () => {
  const envelope = laissez(['qr', 'encode', join(corpus().creds, 'health-assessment-eddsa-rdfc-2022.json')]).trim();
  assert.match(envelope, /^LZ1:/);
  // Opened while locked: imported once the PIN is given.
  await wallet.page.click('[data-testid=lock-now]');
  await wallet.page.goto(`${walletOrigin}/index.html#credential=${encodeURIComponent(envelope)}`);
  await wallet.page.reload();
  await wallet.page.waitForSelector('body[data-ready=true]');
  await wallet.page.fill('[data-testid=pin]', PIN);
  await wallet.page.click('[data-testid=unlock]');
  await wallet.page.waitForSelector('[data-testid=import-result]:not([hidden])');
  assert.equal(await wallet.page.getAttribute('[data-testid=import-verdict]', 'data-verdict'), 'valid');
  assert.equal(new URL(wallet.page.url()).hash, '');
  await wallet.page.click('#receive button.back');
  assert.equal(await wallet.page.locator('[data-testid=list] li').count(), 4);
});

test('paper: a printed card (ID-1) with the QR code and the fields in both scripts', async () => {
  await wallet.page.click('[data-testid=list] li:first-child .card-button');
  await wallet.page.selectOption('[data-testid=paper]', 'id1');
  await wallet.page.click('[data-testid=print]');
  await wallet.page.waitForSelector('#print-card img', {state: 'attached'});
  await wallet.page.emulateMedia({media: 'print'});
  assert.ok(await wallet.page.isVisible('#print-card'));
  assert.ok(await wallet.page.isHidden('main'));
  const subject = subjectOf(join(corpus().creds, 'legal-identity-eddsa-rdfc-2022.json'));
  const card = await wallet.page.textContent('#print-card');
  for (const name of [subject.givenName, subject.givenNameLatin].filter(Boolean)) {
    assert.ok(card.includes(name), card);
  }
  await wallet.page.locator('#print-card').screenshot({path: join(shots, 'print-id1.png')});
  await wallet.page.emulateMedia({media: 'screen'});
  await wallet.page.click('#card button.back');
});

test('locks itself after five minutes without a touch', async () => {
  await wallet.page.clock.install();
  await wallet.page.reload();
  await wallet.page.waitForSelector('body[data-ready=true]');
  await wallet.page.fill('[data-testid=pin]', PIN);
  await wallet.page.click('[data-testid=unlock]');
  await wallet.page.waitForSelector('[data-testid=home]:not([hidden])');
  await wallet.page.click('[data-testid=list] li:first-child .card-button');
  const subject = subjectOf(join(corpus().creds, 'legal-identity-eddsa-rdfc-2022.json'));
  assert.ok((await wallet.page.content()).includes(subject.registrationNumber));
  await wallet.page.clock.fastForward('04:50');
  assert.ok(await wallet.page.isVisible('[data-testid=card]'));
  await wallet.page.clock.fastForward('00:20');
  await wallet.page.waitForSelector('[data-testid=lock]:not([hidden])');
  assert.equal(await wallet.page.locator('[data-testid=list] li').count(), 0);
  assert.ok(!(await wallet.page.content()).includes(subject.registrationNumber), 'personal data left in the page');
  await wallet.page.fill('[data-testid=pin]', PIN);
  await wallet.page.click('[data-testid=unlock]');
  await wallet.page.waitForSelector('[data-testid=home]:not([hidden])');
});

test('encrypted backup restored on another device with the PIN; delete one; forget everything', async () => {
  await wallet.page.click('[data-testid=go-settings]');
  const [download] = await Promise.all([wallet.page.waitForEvent('download'), wallet.page.click('[data-testid=backup]')]);
  const backupFile = join(work, 'backup.json');
  await download.saveAs(backupFile);
  const backup = readFileSync(backupFile, 'utf8');
  const subject = subjectOf(join(corpus().creds, 'legal-identity-eddsa-rdfc-2022.json'));
  assert.ok(!backup.includes(subject.givenName) && !backup.includes(subject.registrationNumber));
  assert.equal(JSON.parse(backup).format, 'laissez-wallet-backup');
  await wallet.page.click('#settings button.back');

  // Another device: a fresh browser profile, same origin.
  const other = await launch('other-device', join(work, 'other.y4m'), PHONE);
  try {
    await ready(other.page, `${walletOrigin}/index.html`);
    await other.page.fill('[data-testid=pin]', 'not the pin 1');
    await other.page.setInputFiles('[data-testid=restore-file]', backupFile);
    await other.page.waitForFunction(() => /Wrong PIN/.test(document.querySelector('[data-testid=status]').textContent));
    await other.page.fill('[data-testid=pin]', PIN);
    await other.page.setInputFiles('[data-testid=restore-file]', backupFile);
    await other.page.waitForSelector('[data-testid=home]:not([hidden])');
    assert.equal(await other.page.locator('[data-testid=list] li').count(), 4);
    assert.ok((await other.page.textContent('[data-testid=list]')).includes(subject.givenName));
    // The same holder key came along.
    await other.page.click('[data-testid=go-settings]');
    await wallet.page.click('[data-testid=go-settings]');
    assert.equal(await other.page.inputValue('[data-testid=holder-did]'), await wallet.page.inputValue('[data-testid=holder-did]'));
    await wallet.page.click('#settings button.back');
  } finally {
    await other.context.close();
  }

  await wallet.page.click('[data-testid=list] li:nth-child(2) .card-button');
  await wallet.page.click('[data-testid=delete]');
  await wallet.page.waitForSelector('[data-testid=home]:not([hidden])');
  assert.equal(await wallet.page.locator('[data-testid=list] li').count(), 3);

  await wallet.page.click('[data-testid=go-settings]');
  await wallet.page.click('[data-testid=forget]');
  await wallet.page.waitForSelector('[data-testid=lock]:not([hidden])');
  await wallet.page.waitForFunction(() => /Create your wallet/.test(document.querySelector('#lock-title').textContent));
  const left = await wallet.page.evaluate(() => new Promise(resolve => {
    const req = indexedDB.open('laissez-wallet');
    req.onsuccess = () => {
      const db = req.result;
      const stores = [...db.objectStoreNames];
      if (!stores.includes('credentials')) {
        db.close();
        resolve(0);
        return;
      }
      const count = db.transaction('credentials').objectStore('credentials').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
    };
  }));
  assert.equal(left, 0);
});

test('a platform BarcodeDetector reads an opened image: imported, the scanner module not loaded', async () => {
  const c = corpus();
  const other = await launch('barcode-detector', join(work, 'barcode-detector.y4m'), PHONE);
  try {
    await installDetector(other.page, ['qr_code']);
    await ready(other.page, `${walletOrigin}/index.html`);
    await other.page.fill('[data-testid=pin]', PIN);
    await other.page.click('[data-testid=unlock]');
    await other.page.waitForSelector('[data-testid=home]:not([hidden])');
    await other.page.click('[data-testid=go-receive]');
    await other.page.setInputFiles('[data-testid=image]', join(c.creds, 'legal-identity-eddsa-rdfc-2022.png'));
    await other.page.waitForSelector('[data-testid=import-result]:not([hidden])');
    assert.equal(await other.page.getAttribute('[data-testid=import-verdict]', 'data-verdict'), 'issuer_not_checked',
      await other.page.textContent('[data-testid=import-reason]'));
    assert.deepEqual(await detectorState(other.page), {constructed: 1, detects: 1, scannerLoaded: false});
  } finally {
    await other.context.close();
  }
});

test('no request left either page\'s origin', () => {
  const origin = {wallet: walletOrigin, kiosk: kioskOrigin};
  for (const browser of ['wallet', 'kiosk']) {
    const mine = requests.filter(r => r.browser === browser || (browser === 'wallet' && ['other-device', 'barcode-detector'].includes(r.browser)));
    assert.ok(mine.length > 10, `only ${mine.length} requests recorded for the ${browser}`);
    const outside = mine.filter(r => !r.url.startsWith(`${origin[browser]}/`) && !/^(data|blob):/.test(r.url));
    assert.deepEqual(outside.map(r => r.url), [], `the ${browser}'s requests outside its origin`);
  }
});
