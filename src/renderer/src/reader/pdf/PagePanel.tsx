// "Show page": the original PDF page of a passage, beside the text. PDF.js draws the page on a
// canvas with its text layer over it (the page's words, selectable and read by screen readers);
// the passage's words, found in that text (shared/document/pagePassage.ts), are marked with
// rectangles. Zoom out, in and to the panel's width; previous and next page; Escape closes and
// gives the focus back to the passage.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist'
import {
  findPassageOnPage,
  pagesToSearch,
  type MeasureText,
  type PageTextItem,
  type PassageOnPage,
  type PdfRectangle
} from '../../../../shared/document/pagePassage'
import { focusIsLost } from '../../app/focus'
import { loadPdfJs, openDocumentPdf } from './pdfDocument'
import './pagePanel.css'

export interface PageRequest {
  /** The passage's text, as the reader shows it. */
  passage: string
  /** The PDF page the document's pages give for the passage's start, when they give one. */
  hint: number | null
  /** The printed label of each physical page the document knows of. */
  labels: Map<number, string>
}

interface Located extends PassageOnPage {
  page: number
}

interface Drawn {
  page: number
  width: number
  height: number
  scale: number
  marks: { left: number; top: number; width: number; height: number }[]
}

const zoomSteps = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4]
/** Room left around the page inside the panel when it is fitted to the width. */
const pageMargin = 32

function textItems(items: readonly unknown[]): PageTextItem[] {
  return items.filter(
    (item): item is PageTextItem => typeof item === 'object' && item !== null && 'str' in item
  )
}

/** Widths of text in a serif face: closer to a PDF's glyphs than counting characters. */
function serifMeasure(): MeasureText | undefined {
  const context = document.createElement('canvas').getContext('2d')
  if (!context) return undefined
  context.font = '100px serif'
  return (text) => context.measureText(text).width
}

/** The first page (the one given first, then outwards) that holds the passage's words. */
async function locate(
  pdf: PDFDocumentProxy,
  request: PageRequest,
  cancelled: () => boolean
): Promise<Located | null> {
  const measure = serifMeasure()
  for (const page of pagesToSearch(request.hint, pdf.numPages)) {
    if (cancelled()) return null
    const content = await (await pdf.getPage(page)).getTextContent()
    const found = findPassageOnPage(textItems(content.items), request.passage, measure)
    if (found) return { page, ...found }
  }
  return null
}

/** A rectangle of PDF user space on the drawn page, in CSS pixels (a viewport's transform: y downwards). */
function toViewport(transform: number[], [x1, y1, x2, y2]: PdfRectangle): Drawn['marks'][number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = transform
  const xs = [a * x1 + c * y1 + e, a * x2 + c * y2 + e]
  const ys = [b * x1 + d * y1 + f, b * x2 + d * y2 + f]
  const left = Math.min(...xs)
  const top = Math.min(...ys)
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top }
}

function describe(located: Located | null, page: number): string {
  if (!located) return `The passage's words were not found in the PDF; this is page ${page}.`
  if (located.page !== page) return `The passage is marked on page ${located.page}.`
  if (located.found === 'start')
    return `The passage begins on page ${page}, marked, and runs on to page ${page + 1}.`
  if (located.found === 'end')
    return `The passage ends on page ${page}, marked; it begins on page ${page - 1}.`
  return `The passage is marked on page ${page}.`
}

export function PagePanel({
  documentId,
  request,
  onClose
}: {
  documentId: string
  request: PageRequest
  onClose: () => void
}) {
  const titleId = useId()
  const panelRef = useRef<HTMLElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null)
  const [located, setLocated] = useState<Located | null>(null)
  const [page, setPage] = useState<number | null>(null)
  const [zoom, setZoom] = useState<number | 'fit'>('fit')
  const [drawn, setDrawn] = useState<Drawn | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [panelWidth, setPanelWidth] = useState(0)

  useEffect(() => panelRef.current?.focus(), [])

  // Escape closes the panel from inside it (onKeyDown), or when the focus has been lost to the page.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented && focusIsLost()) {
        event.preventDefault()
        onClose()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onClose])

  // The PDF, then the page the passage is on.
  useEffect(() => {
    // A new request mounts a new panel (ReaderView keys it), so this runs once per request.
    let cancelled = false
    openDocumentPdf(documentId)
      .then(async (loaded) => {
        if (cancelled) return
        setPdf(loaded)
        const found = await locate(loaded, request, () => cancelled)
        if (cancelled) return
        setLocated(found)
        setPage(found?.page ?? Math.min(Math.max(request.hint ?? 1, 1), loaded.numPages))
      })
      .catch((cause: unknown) => {
        if (!cancelled) setError(cause instanceof Error ? cause.message : String(cause))
      })
    return () => {
      cancelled = true
    }
  }, [documentId, request])

  // Fitting to the width follows the panel's width.
  useEffect(() => {
    const scroll = scrollRef.current
    if (!scroll) return
    const observer = new ResizeObserver(() => setPanelWidth(scroll.clientWidth))
    observer.observe(scroll)
    return () => observer.disconnect()
  }, [])

  // The page drawn: canvas, text layer, the passage's marks.
  useEffect(() => {
    const canvas = canvasRef.current
    const text = textRef.current
    if (!pdf || page === null || !canvas || !text || panelWidth === 0) return
    let cancelled = false
    let task: RenderTask | null = null
    const draw = async (): Promise<void> => {
      const [pdfPage, { TextLayer }] = await Promise.all([pdf.getPage(page), loadPdfJs()])
      const natural = pdfPage.getViewport({ scale: 1 })
      const scale = zoom === 'fit' ? Math.max(0.25, (panelWidth - pageMargin) / natural.width) : zoom
      const viewport = pdfPage.getViewport({ scale })
      const ratio = window.devicePixelRatio || 1
      canvas.width = Math.floor(viewport.width * ratio)
      canvas.height = Math.floor(viewport.height * ratio)
      task = pdfPage.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0]
      })
      await task.promise
      if (cancelled) return
      text.replaceChildren()
      text.style.setProperty('--total-scale-factor', String(scale))
      const layer = new TextLayer({
        textContentSource: await pdfPage.getTextContent(),
        container: text,
        viewport
      })
      await layer.render()
      if (cancelled) return
      const rectangles: PdfRectangle[] = located?.page === page ? located.rectangles : []
      const marks = rectangles.map((rectangle) => toViewport(viewport.transform, rectangle))
      setDrawn({ page, width: viewport.width, height: viewport.height, scale, marks })
    }
    draw().catch((cause: unknown) => {
      if (cancelled || (cause instanceof Error && cause.name === 'RenderingCancelledException')) return
      setError(cause instanceof Error ? cause.message : String(cause))
    })
    return () => {
      cancelled = true
      task?.cancel()
    }
  }, [pdf, page, zoom, panelWidth, located])

  // The passage's first mark in view, a third of the way down.
  useEffect(() => {
    const scroll = scrollRef.current
    const first = drawn?.marks[0]
    if (!scroll || !first) return
    scroll.scrollTop = Math.max(0, first.top - scroll.clientHeight / 3)
    scroll.scrollLeft = Math.max(0, first.left - pageMargin)
  }, [drawn])

  const scale = drawn?.scale ?? 1
  const zoomBy = useCallback(
    (direction: 1 | -1) => {
      const next =
        direction > 0
          ? zoomSteps.find((step) => step > scale + 0.001)
          : [...zoomSteps].reverse().find((step) => step < scale - 0.001)
      setZoom(next ?? (direction > 0 ? zoomSteps[zoomSteps.length - 1] : zoomSteps[0]) ?? 1)
    },
    [scale]
  )

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose()
      return
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return
    if ((event.target as HTMLElement).closest('input, textarea')) return
    const action = {
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom('fit')
    }[event.key]
    if (action) {
      event.preventDefault()
      action()
    }
  }

  const pageCount = pdf?.numPages ?? 0
  const printed = page === null ? undefined : request.labels.get(page)
  // aria-disabled rather than disabled at the first and last page: a button that disables itself
  // under the focus would drop the focus out of the panel.
  const goTo = (step: 1 | -1): void =>
    setPage((current) => (current === null ? current : Math.min(Math.max(current + step, 1), pageCount)))
  const status = error ?? (page === null ? 'Opening the PDF…' : describe(located, page))

  return (
    <section
      ref={panelRef}
      className="page-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="page-panel-bar">
        <h2 id={titleId} className="page-panel-title">
          {page === null ? 'Original page' : `Page ${page} of ${pageCount}`}
          {printed !== undefined && printed !== String(page) && (
            <span className="page-panel-printed"> · printed p. {printed}</span>
          )}
        </h2>
        <div className="page-panel-tools" role="group" aria-label="Page and zoom">
          <button
            type="button"
            className="tool-button"
            aria-disabled={page === null || page <= 1}
            onClick={() => goTo(-1)}
          >
            Previous page
          </button>
          <button
            type="button"
            className="tool-button"
            aria-disabled={page === null || page >= pageCount}
            onClick={() => goTo(1)}
          >
            Next page
          </button>
          <button
            type="button"
            className="tool-button"
            aria-label="Zoom out"
            title="Zoom out (−)"
            onClick={() => zoomBy(-1)}
          >
            −
          </button>
          <span className="page-panel-zoom" aria-live="polite">
            <span className="visually-hidden">Zoom </span>
            {Math.round(scale * 100)}%
          </span>
          <button
            type="button"
            className="tool-button"
            aria-label="Zoom in"
            title="Zoom in (+)"
            onClick={() => zoomBy(1)}
          >
            +
          </button>
          <button
            type="button"
            className="tool-button"
            aria-pressed={zoom === 'fit'}
            title="Fit the page to the panel's width (0)"
            onClick={() => setZoom('fit')}
          >
            Fit width
          </button>
          <button type="button" className="tool-button" onClick={onClose} title="Close (Escape)">
            Close
          </button>
        </div>
      </header>
      <p className={error ? 'page-panel-status error' : 'page-panel-status'} role="status">
        {status}
      </p>
      <div
        ref={scrollRef}
        className="page-panel-scroll"
        tabIndex={0}
        role="region"
        aria-label={page === null ? 'The PDF page' : `The text of PDF page ${page}`}
      >
        <div
          className="pdf-page"
          data-page-number={drawn?.page}
          style={drawn ? { width: drawn.width, height: drawn.height } : undefined}
          hidden={error !== null}
        >
          <canvas ref={canvasRef} aria-hidden="true" />
          <div ref={textRef} className="textLayer" />
          <div className="page-marks" aria-hidden="true">
            {drawn?.marks.map((mark, index) => (
              <div key={index} className="page-mark" style={mark} />
            ))}
          </div>
        </div>
      </div>
    </section>
  )
}
