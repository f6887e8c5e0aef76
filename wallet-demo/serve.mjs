// Serves the wallet folder on localhost with the kiosk's static server (no dependencies):
// `node wallet-demo/serve.mjs [PORT]`. Exported for the browser tests.
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {serveFolder} from '../verifier-wasm/kiosk/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Starts the wallet's server on `port` (0: any free port); resolves to the server. */
export function serve(port = 0, host = '127.0.0.1') {
  return serveFolder(here, port, host);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8081));
  console.log(`wallet: http://127.0.0.1:${server.address().port}/`);
}
