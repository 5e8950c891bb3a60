// Notes level with their passages: each card's wished-for top is where its first highlight is;
// cards are then stacked in that order so that none overlaps the one above. Only the cards near
// the visible part of the page are mounted, so thousands of notes stay cheap.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Annotation } from '../../../shared/types'
import { NoteCard, type NoteCardProps } from './NoteCard'

const gap = 8
const estimatedHeight = 96
const overscan = 1200

export interface StackInput {
  id: string
  desiredTop: number
  height: number
}

/** Greedy stacking: in order of wished-for top, each card goes as high as it can without overlap. */
export function stackCards(cards: readonly StackInput[]): Map<string, number> {
  const sorted = [...cards].sort((a, b) => a.desiredTop - b.desiredTop)
  const tops = new Map<string, number>()
  let nextFree = -Infinity
  for (const card of sorted) {
    const top = Math.max(card.desiredTop, nextFree)
    tops.set(card.id, top)
    nextFree = top + card.height + gap
  }
  return tops
}

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

  const relayout = useCallback(() => {
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(() => {
      const article = articleRef.current
      const column = container.current
      if (!article || !column) return
      const columnTop = column.getBoundingClientRect().top
      const firstMarks = new Map<string, number>()
      // One pass over the marks: the first mark of each annotation is its passage's top.
      for (const mark of article.querySelectorAll<HTMLElement>('mark[data-annotation-ids]')) {
        const ids = mark.dataset.annotationIds?.split(' ') ?? []
        let top: number | undefined
        for (const id of ids) {
          if (firstMarks.has(id)) continue
          top ??= mark.getBoundingClientRect().top - columnTop
          firstMarks.set(id, top)
        }
      }
      const measured = new Map(heights.current)
      const heightOf = (id: string): number => measured.get(id) ?? estimatedHeight
      const tops = stackCards(
        annotations
          .filter((annotation) => firstMarks.has(annotation.id))
          .map((annotation) => ({
            id: annotation.id,
            desiredTop: firstMarks.get(annotation.id) ?? 0,
            height: heightOf(annotation.id)
          }))
      )
      let bottom = 0
      for (const [id, top] of tops) bottom = Math.max(bottom, top + heightOf(id))
      setLayout({ tops, heights: measured, bottom })
    })
  }, [annotations, articleRef])

  useLayoutEffect(() => {
    relayout()
  }, [relayout, layoutKey, version])

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
      const offset = column.getBoundingClientRect().top
      setViewport({ top: -offset - overscan, bottom: -offset + window.innerHeight + overscan })
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
