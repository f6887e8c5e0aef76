// Reads the QR code of a camera frame or an image for the kiosk and the wallet: with the
// platform's BarcodeDetector where it reads QR codes (most phones), else with the package's
// scanner module (pkg/scanner/, credential-core's decoder), loaded on the first frame. The
// verifier module itself reads text only, so a page that never scans never downloads a decoder.
// A frame the platform finds no QR text in (no result, other formats only, an empty value) is
// read by the scanner module too; a detector whose `detect` fails is not asked again.

import {loadOnce} from './load-module.js';

const scanner = loadOnce(new URL('./pkg/scanner/scanner_wasm.js', import.meta.url));

/** The platform's QR detector, or null (detected once; null again after a failed `detect`). */
let platform;
async function platformDetector() {
  if (platform === undefined) {
    platform = null;
    try {
      if (typeof BarcodeDetector === 'function'
          && (await BarcodeDetector.getSupportedFormats()).includes('qr_code')) {
        platform = new BarcodeDetector({formats: ['qr_code']});
      }
    } catch {
      platform = null;
    }
  }
  return platform;
}

/** The text of the first QR code among a detector's results with any, else null. */
function qrText(results) {
  const found = Array.isArray(results) ?
    results.find(r => r?.format === 'qr_code' && typeof r.rawValue === 'string' && r.rawValue !== '') :
    undefined;
  return found?.rawValue ?? null;
}

/**
 * The text of the QR code in `frame` (an ImageData), or null when there is none.
 * @param {ImageData} frame
 * @returns {Promise<string | null>}
 */
export async function readQr(frame) {
  const detector = await platformDetector();
  if (detector) {
    try {
      const text = qrText(await detector.detect(frame));
      if (text !== null) {
        return text;
      }
    } catch {
      platform = null;
    }
  }
  const {decodeQr} = await scanner();
  try {
    return decodeQr(frame);
  } catch (e) {
    if (e.code === 'qr_not_found') {
      return null;
    }
    throw e;
  }
}
