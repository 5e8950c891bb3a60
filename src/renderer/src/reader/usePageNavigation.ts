// "Go to page" in Contents: where each page of a PDF begins in the text as read (the notes list
// aside), and a jump to a page by its printed label, or a sentence saying which pages there are.
import { useCallback, useMemo, type RefObject } from 'react'
import { findPageStart, pageStartsOf } from '../../../shared/document/pages'
import type { DocumentView } from '../../../shared/types'
import { focusPlace } from '../app/focus'
import { flashBlock } from './flash'
import { scrollToElement } from './scrolling'

export function usePageNavigation(options: {
  view: DocumentView | null
  articleRef: RefObject<HTMLElement | null>
  /** Called once the page is shown (Contents closes where it is a pop-over). */
  onShown: () => void
}) {
  const { view, articleRef, onShown } = options
  const pageStarts = useMemo(
    () => pageStartsOf((view?.blocks ?? []).filter((block) => block.kind !== 'footnote')),
    [view]
  )

  /** Shows the page; null when it did, else what to tell the person. */
  const goToPage = useCallback(
    (label: string): string | null => {
      if (label.trim() === '') return 'Type a page number as it is printed, such as 74 or iv.'
      const start = findPageStart(pageStarts, label)
      const marker =
        start && articleRef.current?.querySelector<HTMLElement>(`.page-marker[data-page="${start.physical}"]`)
      if (!start || !marker || !articleRef.current) {
        const first = pageStarts[0]?.label ?? ''
        const last = pageStarts[pageStarts.length - 1]?.label ?? ''
        return `No page “${label.trim()}” begins in this text: its pages run from ${first} to ${last}.`
      }
      // The page's first line at the top; the keyboard's focus on the passage it begins in.
      scrollToElement(marker, { smooth: true })
      focusPlace(marker.closest<HTMLElement>('[data-block-id]'))
      flashBlock(articleRef.current, start.blockId)
      onShown()
      return null
    },
    [pageStarts, articleRef, onShown]
  )
  return { pageStarts, goToPage: pageStarts.length > 0 ? goToPage : undefined }
}
