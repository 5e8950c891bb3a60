// Reads a PDF's text layer with Mozilla's PDF.js (pdfjs-dist, legacy build: the one for Node) on
// the import thread: each page's text items with their place, size and weight, for the PDF front end
// (shared/import/frontEnds/pdf). CMaps and standard font data come from the package so that CID
// fonts (Hangul, CJK) and the 14 standard fonts extract. A PDF that cannot be read comes back as a
// refusal a person can act on: password, damage, too many pages, no text layer.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { PdfPage, PdfTextItem } from '../../../../shared/import/frontEnds/pdf/types'
import { UserError } from '../../../../shared/userError'

export const maxPdfPages = 2000

export interface PdfProgress {
  pagesRead: number
  pageCount: number
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let pdfjs: Promise<PdfJs> | null = null
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'))

function packageFolder(): string {
  const require = createRequire(import.meta.url)
  return `${dirname(require.resolve('pdfjs-dist/package.json'))}/`
}

export const passwordMessage =
  'This PDF is protected by a password, so its text cannot be read. Open it in a PDF reader with the password, save or print an unprotected copy, and import that.'
export const noTextLayerMessage =
  'This PDF has no text layer (it is probably a scan of pages) — run OCR first (for example with OCRmyPDF), then import the PDF it makes.'

export function damagedMessage(reason: string): string {
  return `This file could not be read as a PDF: it is damaged or not a PDF (${reason}). Nothing was imported.`
}

export function tooManyPagesMessage(pageCount: number): string {
  return `This PDF has ${pageCount.toLocaleString('en')} pages; Scholia imports PDFs of up to ${maxPdfPages.toLocaleString('en')} pages. Split it (for example by chapter) and import the parts.`
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : ''
}

/** Each page's text items; throws UserError for a PDF that cannot be imported. */
export async function readPdfPages(
  bytes: Uint8Array,
  progress: (progress: PdfProgress) => void = () => undefined
): Promise<PdfPage[]> {
  const { getDocument } = await loadPdfJs()
  const folder = packageFolder()
  const task = getDocument({
    // PDF.js takes the buffer over; give it a copy so the caller's bytes stay whole.
    data: new Uint8Array(bytes),
    cMapUrl: join(folder, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(folder, 'standard_fonts/'),
    disableFontFace: true,
    useSystemFonts: false,
    // Keeps each font's name, from which its weight is read.
    fontExtraProperties: true,
    verbosity: 0
  })
  let document
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    if (errorName(error) === 'PasswordException') throw new UserError('refused', passwordMessage)
    throw new UserError('refused', damagedMessage(error instanceof Error ? error.message : String(error)))
  }
  try {
    const pageCount = document.numPages
    if (pageCount > maxPdfPages) throw new UserError('refused', tooManyPagesMessage(pageCount))
    const pages: PdfPage[] = []
    // The PDF's own page labels (/PageLabels), when it has them; a broken entry only loses them.
    const labels = await document.getPageLabels().catch(() => null)
    // Whether each font is bold, learnt from its name once PDF.js has loaded it for a page.
    const boldFonts = new Map<string, boolean>()
    for (let number = 1; number <= pageCount; number += 1) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      const fontIds = Object.keys(content.styles)
      if (fontIds.some((id) => !boldFonts.has(id))) {
        await page.getOperatorList()
        for (const id of fontIds) {
          if (boldFonts.has(id)) continue
          let name = ''
          try {
            const font = page.commonObjs.get(id) as { name?: unknown } | null
            if (typeof font?.name === 'string') name = font.name
          } catch {
            // A font PDF.js could not load: its text is still there, its weight unknown.
          }
          boldFonts.set(id, /bold|black|heavy|semibold|demi/i.test(name))
        }
      }
      const [, , , top] = page.view as [number, number, number, number]
      const [left, bottom] = page.view as [number, number]
      const items: PdfTextItem[] = []
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue
        const [a, b, c, d, e, f] = item.transform as number[]
        // Horizontal text only; the size is the vertical scale of the text matrix.
        if (Math.abs(b ?? 0) > 1e-3 || Math.abs(c ?? 0) > 1e-3) continue
        items.push({
          text: item.str,
          x: (e ?? 0) - left,
          y: top - (f ?? 0),
          width: item.width,
          size: Math.abs(d ?? a ?? 0),
          bold: boldFonts.get(item.fontName) === true
        })
      }
      pages.push({
        width: (page.view[2] ?? 0) - left,
        height: top - bottom,
        items,
        label: labels?.[number - 1] ?? null
      })
      page.cleanup()
      progress({ pagesRead: number, pageCount })
    }
    return pages
  } catch (error) {
    if (error instanceof UserError) throw error
    if (errorName(error) === 'PasswordException') throw new UserError('refused', passwordMessage)
    throw new UserError('refused', damagedMessage(error instanceof Error ? error.message : String(error)))
  } finally {
    await task.destroy()
  }
}
