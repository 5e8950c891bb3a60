// The files PDF.js fetches at run time in the renderer ("Show page"), copied from pdfjs-dist into
// the renderer build under pdfjs/ so that they are served by the app itself — the CSP allows
// nothing else (src/main/transport/csp.ts): the worker (worker-src 'self'), the CMaps of CID fonts
// and the 14 standard fonts (fetched, connect-src 'self'), and the JavaScript image decoders PDF.js
// uses instead of its WebAssembly ones (script-src 'self'; the .wasm files are left out).
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, normalize, sep } from 'node:path'
import type { Plugin } from 'vite'

/** Where the files go in the built renderer; the renderer's pdf module asks for them there. */
export const pdfjsAssetsFolder = 'pdfjs'

/** Source in pdfjs-dist → place under pdfjs/. */
export const pdfjsAssetFiles: readonly (readonly [string, string])[] = [
  ['build/pdf.worker.min.mjs', 'pdf.worker.min.mjs'],
  ['cmaps', 'cmaps'],
  ['standard_fonts', 'standard_fonts'],
  ['wasm/openjpeg_nowasm_fallback.js', 'wasm/openjpeg_nowasm_fallback.js'],
  ['wasm/jbig2_nowasm_fallback.js', 'wasm/jbig2_nowasm_fallback.js'],
  ['LICENSE', 'LICENSE']
]

function packageRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
}

/** The file under pdfjs-dist that a path below pdfjs/ names, or null (for the dev server). */
function sourceOf(root: string, relative: string): string | null {
  const wanted = normalize(relative)
  for (const [from, to] of pdfjsAssetFiles) {
    if (wanted === to) return join(root, from)
    if (wanted.startsWith(to + sep)) return join(root, from, wanted.slice(to.length + 1))
  }
  return null
}

export function pdfjsAssets(): Plugin {
  const root = packageRoot()
  return {
    name: 'scholia-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use(`/${pdfjsAssetsFolder}/`, (request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '')
        const file = sourceOf(root, path)
        if (!file || !existsSync(file) || !statSync(file).isFile()) return next()
        if (file.endsWith('js')) response.setHeader('Content-Type', 'text/javascript')
        createReadStream(file).pipe(response)
      })
    },
    writeBundle(options) {
      const out = join(options.dir ?? 'out/renderer', pdfjsAssetsFolder)
      for (const [from, to] of pdfjsAssetFiles) cpSync(join(root, from), join(out, to), { recursive: true })
    }
  }
}
