// A BarcodeDetector for the kiosk and wallet tests in Chromium, which has none on Linux: the Shape
// Detection API's contract (https://wicg.github.io/shape-detection-api/), installed in a page
// before its scripts run, decoding with the scanner module in the test process, so that
// qr-reader.js's platform path runs, and counts what the page asked of it.
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {root} from './corpus.mjs';

const require = createRequire(import.meta.url);
/** The scanner module for Node: the decoder behind the test's BarcodeDetector. */
const scanner = require(join(root, 'verifier-wasm/pkg/scanner/node/scanner_wasm.js'));

/** The box around the dark pixels of an RGBA frame (where the code is, as a detector reports it). */
function darkBox({data, width, height}) {
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      if (data[p] + data[p + 1] + data[p + 2] < 3 * 128) {
        [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
      }
    }
  }
  return right < 0 ? {x: 0, y: 0, width: 0, height: 0} : {x: left, y: top, width: right - left + 1, height: bottom - top + 1};
}

/**
 * Runs in the page before its scripts: a `BarcodeDetector` with the Shape Detection API's contract
 * (static `getSupportedFormats()`, a constructor taking `{formats}` that refuses others, `detect`
 * resolving to `{rawValue, format, boundingBox, cornerPoints}` results) for the platform
 * `supported` names. Its `detect` hands the image's pixels to `laissezDecodeQr` (the scanner module
 * in the test process). `window.laissezDetector` counts constructions and `detect` calls, and its
 * `answer` sets what `detect` does: 'qr' (the code found), 'ean-first' (an EAN-13 result before
 * it), 'none' (no result), 'other-format' (an EAN-13 result only), 'empty-value' (the code with an
 * empty rawValue, as for content the platform cannot give as text) or 'reject'.
 */
function barcodeDetector(supported) {
  const stats = {constructed: 0, detects: 0, answer: 'qr'};
  window.laissezDetector = stats;
  const corners = ({x, y, width, height}) =>
    [{x, y}, {x: x + width, y}, {x: x + width, y: y + height}, {x, y: y + height}];
  const result = (format, rawValue, box) =>
    ({format, rawValue, boundingBox: new DOMRectReadOnly(box.x, box.y, box.width, box.height), cornerPoints: corners(box)});
  const ean = () => result('ean_13', '4006381333931', {x: 0, y: 0, width: 95, height: 40});
  async function pixels(image) {
    const source = image instanceof Blob ? await createImageBitmap(image) : image;
    if (source instanceof ImageData) {
      return source;
    }
    const width = source.naturalWidth || source.videoWidth || source.displayWidth || source.width;
    const height = source.naturalHeight || source.videoHeight || source.displayHeight || source.height;
    const ctx = new OffscreenCanvas(width, height).getContext('2d');
    ctx.drawImage(source, 0, 0);
    return ctx.getImageData(0, 0, width, height);
  }
  function base64(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  }
  window.BarcodeDetector = class BarcodeDetector {
    static async getSupportedFormats() {
      return [...supported];
    }
    constructor({formats = supported} = {}) {
      if (formats.length === 0 || formats.some(f => !supported.includes(f))) {
        throw new TypeError(`unsupported barcode formats: ${formats}`);
      }
      stats.constructed++;
    }
    async detect(image) {
      stats.detects++;
      const answer = stats.answer;
      if (answer === 'reject') {
        throw new DOMException('the barcode detector failed', 'OperationError');
      }
      if (answer === 'none') {
        return [];
      }
      if (answer === 'other-format') {
        return [ean()];
      }
      const frame = await pixels(image);
      const found = await window.laissezDecodeQr(base64(frame.data), frame.width, frame.height);
      if (!found) {
        return [];
      }
      const qr = result('qr_code', answer === 'empty-value' ? '' : found.text, found.box);
      return answer === 'ean-first' ? [ean(), qr] : [qr];
    }
  };
}

/** Installs `barcodeDetector(supported)` in `page`, decoding with the scanner module here. */
export async function installDetector(page, supported) {
  await page.exposeFunction('laissezDecodeQr', (pixels, width, height) => {
    const frame = {data: new Uint8ClampedArray(Buffer.from(pixels, 'base64')), width, height};
    try {
      return {text: scanner.decodeQr(frame), box: darkBox(frame)};
    } catch (e) {
      if (e.code === 'qr_not_found') {
        return null;
      }
      throw e;
    }
  });
  await page.addInitScript(barcodeDetector, supported);
}

/** The detector's counts, and whether the page has fetched the scanner module. */
export function detectorState(page) {
  return page.evaluate(() => ({
    constructed: window.laissezDetector.constructed,
    detects: window.laissezDetector.detects,
    scannerLoaded: performance.getEntriesByType('resource')
      .some(e => e.name.endsWith('/pkg/scanner/scanner_wasm_bg.wasm')),
  }));
}
