// The study sheet as PDF in the desktop app: its HTML (already escaped, with its own CSP that forbids
// scripts and remote loads) is loaded into a hidden, sandboxed window with JavaScript off, in a
// session of its own (a hardened window, as the main one), printed with Chromium's print-to-PDF,
// and the window is always destroyed.
// Injected into the back end as a PdfPrinter; the browser mode has none (the browser prints there).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import type { PdfPrinter } from '../app/handlers/libraryHandlers'
import {
  createHardenedWindow,
  type BrowserWindowConstructor,
  type HardenedWindowOptions
} from './hardenedWindow'

/**
 * An in-memory session (no "persist:" prefix) just for printing: the app session's CSP header is
 * Scholia's own (no inline styles), which would print the sheet unstyled; here only the sheet's
 * own, stricter-for-scripts CSP applies, and nothing is shared with the reader's session.
 */
export const printPartition = 'scholia-print'

/** A printer that never answers is given up on rather than left holding a hidden window. */
export const printTimeoutMs = 60_000

export function printWindowOptions(): HardenedWindowOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, so the layout matches the printed page
    height: 1123,
    webPreferences: { javascript: false, images: true, partition: printPartition }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Printing to PDF took longer than ${ms / 1000} s`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

export interface PdfPrinterOptions {
  /** Where the sheet is written for the hidden window to load (a private folder, removed after). */
  tempDir?: string
  timeoutMs?: number
}

export function createPdfPrinter(
  Window: BrowserWindowConstructor,
  options: PdfPrinterOptions = {}
): PdfPrinter {
  return {
    async htmlToPdf(html) {
      // A file rather than a data: URL: Chromium refuses URLs over 2 MB, and a long sheet exceeds that.
      const folder = await mkdtemp(join(options.tempDir ?? tmpdir(), 'scholia-print-'))
      let window: BrowserWindow | null = null
      try {
        const file = join(folder, 'study-sheet.html')
        await writeFile(file, html, { encoding: 'utf8', mode: 0o600 })
        window = createHardenedWindow(Window, printWindowOptions())
        const page = window.webContents
        const printed = (async () => {
          await page.loadFile(file)
          return page.printToPDF({ printBackground: true, pageSize: 'A4' })
        })()
        const pdf = await withTimeout(printed, options.timeoutMs ?? printTimeoutMs)
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      } finally {
        if (window !== null && !window.isDestroyed()) window.destroy()
        await rm(folder, { recursive: true, force: true })
      }
    }
  }
}
