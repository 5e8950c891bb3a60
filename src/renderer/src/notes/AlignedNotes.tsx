// Notes level with their passages: each card's wished-for top is where its first highlight is;
// cards are then stacked in that order so that none overlaps the one above. Only the cards near
// the visible part of the page are mounted, so thousands of notes stay cheap.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { Annotation } from '../../../shared/types'
import { NoteCard, type NoteCardProps } from './NoteCard'
import { stackCards } from './stackCards'

const estimatedHeight = 96
const overscan = 1200
const viewportStep = 400

export function AlignedNotes({
  annotations,
  articleRef,
  layoutKey,
  renderCard
}: {
  annotations: Annotation[]
  articleRef: RefObject<HTMLElement | null>
  layoutKey: string
  renderCard: (annotation: Annotation) => Omit<NoteCardProps, 'ref' | 'style'>
}) {
  const container = useRef<HTMLDivElement>(null)
  const heights = useRef(new Map<string, number>())
  const [layout, setLayout] = useState<{
    tops: Map<string, number>
    heights: Map<string, number>
    bottom: number
  }>({
    tops: new Map(),
    heights: new Map(),
    bottom: 0
  })
  const [viewport, setViewport] = useState({ top: 0, bottom: 2000 })
  const [version, setVersion] = useState(0)
  const frame = useRef(0)
  const timeout = useRef(0)

  // Where each passage is (measured when the text or the notes change) and how tall each card is
  // (measured as cards mount) are kept apart: a card growing only re-stacks the cards, which is
  // cheap, instead of measuring every passage again.
  const desired = useRef(new Map<string, number>())
  const restackFrame = useRef(0)

  const restack = useCallback(() => {
    cancelAnimationFrame(restackFrame.current)
    restackFrame.current = requestAnimationFrame(() => {
      const heightOf = (id: string): number => heights.current.get(id) ?? estimatedHeight
      const tops = stackCards(
        annotations
          .filter((annotation) => desired.current.has(annotation.id))
          .map((annotation) => ({
            id: annotation.id,
            desiredTop: desired.current.get(annotation.id) ?? 0,
            height: heightOf(annotation.id)
          }))
      )
      let bottom = 0
      for (const [id, top] of tops) bottom = Math.max(bottom, top + heightOf(id))
      setLayout({ tops, heights: new Map(heights.current), bottom })
    })
  }, [annotations])

  // Passage tops: measured exactly for the marks near the view; elsewhere estimated from their
  // block's box and how far into the block they start, so opening a text with thousands of
  // highlights reads a few dozen boxes, not thousands.
  const relayout = useCallback(() => {
    cancelAnimationFrame(frame.current)
    window.clearTimeout(timeout.current)
    // After the next paint: the text and its highlights show first, the notes settle beside them.
    frame.current = requestAnimationFrame(() => {
      timeout.current = window.setTimeout(measurePassages, 0)
    })
    function measurePassages(): void {
      const article = articleRef.current
      const column = container.current
      if (!article || !column) return
      const columnTop = column.getBoundingClientRect().top
      const near = { top: -window.innerHeight * 2, bottom: window.innerHeight * 3 }
      const blocks: { start: number; length: number; top: number; height: number }[] = []
      const tops = new Map<string, number>()
      for (const element of article.querySelectorAll<HTMLElement>('[data-block-start][data-block-length]')) {
        const rect = element.getBoundingClientRect()
        blocks.push({
          start: Number(element.dataset.blockStart),
          length: Number(element.dataset.blockLength),
          top: rect.top - columnTop,
          height: rect.height
        })
        if (rect.bottom < near.top || rect.top > near.bottom) continue
        for (const mark of element.querySelectorAll<HTMLElement>('mark[data-annotation-ids]')) {
          let top: number | undefined
          for (const id of mark.dataset.annotationIds?.split(' ') ?? []) {
            if (tops.has(id)) continue
            top ??= mark.getBoundingClientRect().top - columnTop
            tops.set(id, top)
          }
        }
      }
      for (const annotation of annotations) {
        if (annotation.anchor.state !== 'anchored' || tops.has(annotation.id)) continue
        const start = annotation.target.position.start
        let low = 0
        let high = blocks.length - 1
        while (low < high) {
          const middle = (low + high + 1) >>> 1
          if ((blocks[middle] as (typeof blocks)[number]).start <= start) low = middle
          else high = middle - 1
        }
        const block = blocks[low]
        if (!block) continue
        const share = block.length > 0 ? Math.min(1, Math.max(0, (start - block.start) / block.length)) : 0
        tops.set(annotation.id, block.top + share * block.height)
      }
      desired.current = tops
      restack()
    }
  }, [annotations, articleRef, restack])

  useEffect(() => {
    relayout()
  }, [relayout, layoutKey, viewport])

  useEffect(() => {
    if (version > 0) restack()
  }, [restack, version])

  useEffect(() => {
    const article = articleRef.current
    if (!article) return
    const observer = new ResizeObserver(() => relayout())
    observer.observe(article)
    void document.fonts.ready.then(() => relayout())
    return () => observer.disconnect()
  }, [articleRef, relayout])

  useEffect(() => {
    const update = (): void => {
      const column = container.current
      if (!column) return
      // Move the mounted window in steps, not on every scrolled pixel.
      const offset = Math.round(column.getBoundingClientRect().top / viewportStep) * viewportStep
      setViewport((current) =>
        current.top === -offset - overscan && current.bottom === -offset + window.innerHeight + overscan
          ? current
          : { top: -offset - overscan, bottom: -offset + window.innerHeight + overscan }
      )
    }
    update()
    window.addEventListener('scroll', update, { passive: true })
    window.addEventListener('resize', update)
    return () => {
      window.removeEventListener('scroll', update)
      window.removeEventListener('resize', update)
    }
  }, [])

  // Measure each mounted card; a changed height re-stacks the cards below it.
  const observer = useRef<ResizeObserver | null>(null)
  useEffect(() => {
    observer.current = new ResizeObserver((entries) => {
      let changed = false
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.annotationId
        const height = (entry.target as HTMLElement).offsetHeight
        if (id && heights.current.get(id) !== height) {
          heights.current.set(id, height)
          changed = true
        }
      }
      if (changed) setVersion((value) => value + 1)
    })
    return () => observer.current?.disconnect()
  }, [])
  const measure = useCallback((element: HTMLElement | null) => {
    if (!element) return
    observer.current?.observe(element)
    return () => observer.current?.unobserve(element)
  }, [])

  return (
    <div className="aligned-notes" ref={container} style={{ height: layout.bottom }}>
      {annotations.map((annotation) => {
        const top = layout.tops.get(annotation.id)
        if (top === undefined) return null
        const height = layout.heights.get(annotation.id) ?? estimatedHeight
        const props = renderCard(annotation)
        const visible = top + height >= viewport.top && top <= viewport.bottom
        if (!visible && !props.editing && !props.active) return null
        return <NoteCard key={annotation.id} {...props} ref={measure} style={{ top }} />
      })}
    </div>
  )
}
