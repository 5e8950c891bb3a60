// PDF.js in the renderer, for "Show page": loaded on first use (its own chunk), its worker, CMaps,
// standard fonts and image decoders all served by the app from pdfjs/ (scripts/pdfjsAssets.ts
// copies them into the build), so it runs under the CSP unchanged (src/main/transport/csp.ts):
// - `useWasm: false`: PDF.js 6 decodes JPEG 2000 and JBIG2 images and runs PostScript functions
//   with its JavaScript fallbacks instead of WebAssembly, so the CSP needs no 'wasm-unsafe-eval';
// - no eval: PDF.js 6 has no eval path left (its `isEvalSupported` option is gone with it);
// - no network: every URL below is the app's own; a PDF's links are never followed (no annotation
//   layer is drawn).
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { api } from '../../api/client'

type PdfJs = typeof import('pdfjs-dist')

/** A file PDF.js fetches, as an absolute URL of the app (the worker resolves none of its own). */
function assetUrl(path: string): string {
  return new URL(`pdfjs/${path}`, document.baseURI).href
}

let pdfjs: Promise<PdfJs> | null = null

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = assetUrl('pdf.worker.min.mjs')
    return module
  })
  return pdfjs
}

/** The one PDF open at a time (a PDF can be 50 MB: the previous one is let go). */
let open: {
  documentId: string
  document: Promise<PDFDocumentProxy>
  /** Lets the PDF and its worker go. */
  destroy: () => Promise<void>
} | null = null

export function openDocumentPdf(documentId: string): Promise<PDFDocumentProxy> {
  if (open?.documentId === documentId) return open.document
  const previous = open
  let loading: { destroy: () => Promise<void> } | null = null
  const document = (async () => {
    const [{ getDocument }, bytes] = await Promise.all([loadPdfJs(), api.getDocumentPdf({ documentId })])
    const task = getDocument({
      data: bytes,
      cMapUrl: assetUrl('cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: assetUrl('standard_fonts/'),
      wasmUrl: assetUrl('wasm/'),
      useWasm: false,
      enableXfa: false,
      verbosity: 0
    })
    loading = task
    return task.promise
  })()
  open = { documentId, document, destroy: () => loading?.destroy() ?? Promise.resolve() }
  // A failed load is not kept: the next "Show page" tries again.
  document.catch(() => {
    if (open?.document === document) open = null
  })
  void previous?.destroy().catch(() => undefined)
  return document
}
