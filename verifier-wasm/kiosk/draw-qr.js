// Draws a QR code (the holder module's `qrCode`: width, row-major modules, 1 = dark) on a canvas,
// black on white with a four-module quiet zone, `px` pixels per module. Shared by the kiosk's
// request and the wallet's QR screen and printed card (wallet-demo/build.mjs copies this file).

/** Draws `qr` on `canvas` at `px` pixels per module. */
export function drawQr(canvas, qr, px) {
  const quiet = 4;
  const side = (qr.width + 2 * quiet) * px;
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = '#000';
  for (let y = 0; y < qr.width; y++) {
    for (let x = 0; x < qr.width; x++) {
      if (qr.modules[y * qr.width + x]) {
        ctx.fillRect((x + quiet) * px, (y + quiet) * px, px, px);
      }
    }
  }
}
