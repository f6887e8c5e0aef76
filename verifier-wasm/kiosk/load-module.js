// How the kiosk and the wallet load the package's other WebAssembly modules (the holder's, the
// QR scanner's, …): on first use, once, with wasm-bindgen's `init` (which compiles with
// WebAssembly.instantiateStreaming when the server sends application/wasm). The default
// module (the verifier) is loaded at start-up as before; every other module is a pair of files,
// `NAME.js` and `NAME_bg.wasm` from wasm-bindgen's `web` target, under `pkg/<folder>/`, listed in
// the page's service worker so that it works offline once the page has been opened online.
//
//   const scanner = loadOnce(new URL('./pkg/scanner/scanner_wasm.js', import.meta.url));
//   const {decodeQr} = await scanner();
//
// A failed load (offline before the file was cached) is not remembered: the next call tries again.

/**
 * A function that loads the wasm-bindgen module whose JavaScript file is at `js` (a URL; its
 * `.wasm` is the same name with `_bg.wasm`) on its first call and resolves to its exports.
 * @param {URL} js
 * @returns {() => Promise<object>}
 */
export function loadOnce(js) {
  let loading = null;
  return () => {
    loading ??= (async () => {
      const module = await import(js.href);
      await module.default({module_or_path: new URL(js.href.replace(/\.js$/, '_bg.wasm'))});
      return module;
    })().catch(e => {
      loading = null;
      throw e;
    });
    return loading;
  };
}
