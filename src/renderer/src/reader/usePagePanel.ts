// "Show page": the passage whose original PDF page is open beside the text. Opening it brings the
// passage back into view once the text has narrowed, and keeps it marked in the text (the CSS
// Custom Highlight API: the text's own elements are not touched, and the selection it came from is
// gone); closing it scrolls back and hands the passage focus to where the passage starts.
import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { Span } from '../../../shared/document/passage'
import { pageLabels, pageOfOffset } from '../../../shared/document/pagePassage'
import type { DocumentView } from '../../../shared/types'
import { useToast } from '../app/toast'
import type { PageRequest } from './pdf/PagePanel'
import { scrollToElement } from './scrolling'
import { rangeOf } from './usePassageFocus'

/** The passage shown on its page (::highlight in styles.css). */
const shownOnPageHighlight = 'shown-on-page'

export type OpenPage = PageRequest & { start: number; end: number; serial: number }

export function usePagePanel(options: {
  view: DocumentView | null
  fullText: string
  articleRef: RefObject<HTMLElement | null>
  blockElementAt: (offset: number) => HTMLElement | null
  /** Changes when the text's marks are drawn again (the highlight is laid over them). */
  marksKey: unknown
}) {
  const { view, fullText, articleRef, blockElementAt, marksKey } = options
  const [request, setRequest] = useState<OpenPage | null>(null)
  const toast = useToast()

  /** Opens the page of `span`; false, saying why, when the document has no PDF. */
  const open = useCallback(
    (span: Span): boolean => {
      if (!view) return false
      if (!view.hasPdf) {
        toast({
          message:
            'This document has no PDF in the library (it came from a text file, or was imported before Scholia kept PDFs): import its PDF again to see its pages.'
        })
        return false
      }
      setRequest((previous) => ({
        passage: fullText.slice(span.start, span.end),
        hint: pageOfOffset(view.blocks, span.start),
        labels: pageLabels(view.blocks),
        start: span.start,
        end: span.end,
        serial: (previous?.serial ?? 0) + 1
      }))
      return true
    },
    [view, fullText, toast]
  )

  const start = request?.start
  const end = request?.end
  useEffect(() => {
    if (start === undefined) return
    const frame = requestAnimationFrame(() => {
      const element = blockElementAt(start)
      if (element) scrollToElement(element, { fraction: 0.3 })
    })
    return () => cancelAnimationFrame(frame)
  }, [start, blockElementAt])

  useEffect(() => {
    const article = articleRef.current
    if (start === undefined || end === undefined || !article || !('highlights' in CSS)) return
    const range = rangeOf(article, { start, end })
    if (range) CSS.highlights.set(shownOnPageHighlight, new Highlight(range))
    return () => {
      CSS.highlights.delete(shownOnPageHighlight)
    }
  }, [start, end, articleRef, marksKey])

  /** Closes the page; once the text has its width back, `focusAt` gets the passage's start. */
  const close = useCallback(
    (focusAt: (offset: number) => void) => {
      setRequest(null)
      if (start === undefined) return
      requestAnimationFrame(() => {
        const element = blockElementAt(start)
        if (element) scrollToElement(element, { fraction: 0.3 })
        focusAt(start)
      })
    },
    [start, blockElementAt]
  )

  return { request, open, close }
}
