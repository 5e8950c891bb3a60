// The Content-Security-Policy every renderer page is served with, in Electron and in the browser
// mode alike: nothing remote, no inline script, no plugins, no frames, no form posts.
//
// PDF.js ("Show page", renderer/src/reader/pdf) runs under it unchanged:
// - its worker, CMaps, standard fonts and image decoders are files of the app (copied into the
//   renderer build by scripts/pdfjsAssets.ts): worker-src, connect-src and script-src 'self';
// - no eval: PDF.js 6 no longer has an eval path (the `isEvalSupported` option went with it);
// - no 'wasm-unsafe-eval': PDF.js 6 decodes JPEG 2000 and JBIG2 images and runs PostScript
//   functions with WebAssembly by default; Scholia passes `useWasm: false`, and PDF.js uses its
//   JavaScript fallbacks (openjpeg_nowasm_fallback.js, jbig2_nowasm_fallback.js, a PostScript
//   interpreter). Those images are rare in the scholarly PDFs Scholia reads and decode more slowly
//   that way, which costs less than letting any script in the page compile WebAssembly: a PDF is
//   untrusted input, and 'wasm-unsafe-eval' would weaken the policy for every page of the app.
//   ICC colour profiles (PDF.js's qcms decoder exists only as WebAssembly) are drawn without
//   colour management.
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')
