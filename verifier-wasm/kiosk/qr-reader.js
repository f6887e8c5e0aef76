// Reads the QR code of a camera frame or an image for the kiosk and the wallet: with the
// platform's BarcodeDetector where it reads QR codes (most phones), else with the package's
// scanner module (pkg/scanner/, credential-core's decoder), loaded on the first frame. The
// verifier module itself reads text only, so a page that never scans never downloads a decoder.

import {loadOnce} from './load-module.js';

const scanner = loadOnce(new URL('./pkg/scanner/scanner_wasm.js', import.meta.url));

/** The platform's QR detector, or null (detected once). */
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

/**
 * The text of the QR code in `frame` (an ImageData), or null when there is none.
 * @param {ImageData} frame
 * @returns {Promise<string | null>}
 */
export async function readQr(frame) {
  const detector = await platformDetector();
  if (detector) {
    const [found] = await detector.detect(frame);
    return found?.rawValue ?? null;
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
