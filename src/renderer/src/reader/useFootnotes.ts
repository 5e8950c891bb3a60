// Footnotes that open where they are referenced: the pop-up open now (toggled by its marker), and
// a link to a passage (#/doc/ID?at=OFFSET) followed — a passage in the text scrolled to, focused
// and marked briefly; one inside a footnote (a search hit there) opens that footnote beside its
// marker.
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react'
import type { Block, DocumentView } from '../../../shared/types'
import { focusPlace } from '../app/focus'
import { flashBlock } from './flash'
import { scrollToBlock, scrollToElement } from './scrolling'

export interface OpenFootnote {
  number: number
  anchor: HTMLElement
  block: Block
}

export function useFootnotes(options: {
  view: DocumentView | null
  articleRef: RefObject<HTMLElement | null>
  /** Offset of the passage the link points at, or null. */
  at: number | null
  blockElementAt: (offset: number) => HTMLElement | null
}) {
  const { view, articleRef, at, blockElementAt } = options
  const [open, setOpen] = useState<{ number: number; anchor: HTMLElement } | null>(null)
  const footnotes = useMemo(() => {
    const byNumber = new Map<number, Block>()
    for (const block of view?.blocks ?? [])
      if (block.kind === 'footnote' && block.number !== null) byNumber.set(block.number, block)
    return byNumber
  }, [view])

  useEffect(() => {
    const element = at === null ? null : blockElementAt(at)
    const blockId = element?.dataset.blockId
    const article = articleRef.current
    if (!element || !blockId || !article) return
    const block = view?.blocks.find((candidate) => candidate.id === blockId)
    const marker =
      block?.kind === 'footnote' && block.number !== null
        ? article.querySelector<HTMLElement>(`#fnref-${block.number}`)
        : null
    if (block?.number != null && marker) {
      scrollToElement(marker, { fraction: 0.3 })
      setOpen({ number: block.number, anchor: marker })
      return
    }
    scrollToBlock(article, blockId, 0)
    focusPlace(element)
    return flashBlock(article, blockId)
  }, [blockElementAt, at, view, articleRef])

  const toggle = useCallback((number: number, anchor: HTMLElement) => {
    setOpen((current) => (current?.number === number ? null : { number, anchor }))
  }, [])
  const close = useCallback(() => setOpen(null), [])
  const block = open ? footnotes.get(open.number) : undefined
  const openFootnote: OpenFootnote | null = open && block ? { ...open, block } : null
  return { openFootnote, openNumber: open?.number ?? null, toggle, close }
}
