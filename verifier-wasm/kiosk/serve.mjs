// Serves the kiosk folder on localhost (no dependencies): `node kiosk/serve.mjs [PORT]`.
// Exported for the browser tests, which start it on a free port; `serveFolder` serves any
// static folder the same way (the wallet's wallet-demo/serve.mjs uses it).
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Starts the kiosk's server on `port` (0: any free port); resolves to the server. */
export function serve(port = 0, host = '127.0.0.1') {
  return serveFolder(here, port, host);
}

/** Serves the files under `folder` (an absolute path) on `port`; resolves to the server. */
export function serveFolder(folder, port = 0, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(folder, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(folder)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache'});
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise(resolve => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`kiosk: http://127.0.0.1:${server.address().port}/`);
}
