// Every note of the document as a list: sorted by position or date, filtered by colour and tag
// (with counts), virtualised so that 10^5 notes scroll smoothly.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useId, useMemo, useRef, useState } from 'react'
import { highlightColourIds, type Annotation, type HighlightColourId } from '../../../shared/types'
import { NoteCard, type NoteCardProps } from './NoteCard'
import type { AnnotationsState } from './useAnnotations'

type Sort = 'position' | 'newest' | 'oldest'
type ColourFilter = HighlightColourId | 'plain'

export function filterAndSort(
  annotations: readonly Annotation[],
  filter: { colours: ReadonlySet<ColourFilter>; tag: string | null },
  sort: Sort
): Annotation[] {
  const kept = annotations.filter(
    (annotation) =>
      (filter.colours.size === 0 || filter.colours.has(annotation.colour ?? 'plain')) &&
      (filter.tag === null || annotation.tags.includes(filter.tag))
  )
  const by = {
    position: (a: Annotation, b: Annotation) =>
      a.target.position.start - b.target.position.start || a.createdAt - b.createdAt,
    newest: (a: Annotation, b: Annotation) => b.updatedAt - a.updatedAt,
    oldest: (a: Annotation, b: Annotation) => a.createdAt - b.createdAt
  }[sort]
  return kept.sort(by)
}

export function NotesList({
  annotations,
  state,
  renderCard
}: {
  annotations: Annotation[]
  state: AnnotationsState
  renderCard: (annotation: Annotation) => Omit<NoteCardProps, 'ref' | 'style'>
}) {
  const [sort, setSort] = useState<Sort>('position')
  const [colours, setColours] = useState<Set<ColourFilter>>(new Set())
  const [tag, setTag] = useState<string | null>(null)
  const sortId = useId()
  const tagId = useId()
  const scroller = useRef<HTMLDivElement>(null)

  const visible = useMemo(
    () => filterAndSort(annotations, { colours, tag }, sort),
    [annotations, colours, tag, sort]
  )
  const colourCounts = useMemo(() => {
    const counts = new Map<ColourFilter, number>()
    for (const annotation of annotations)
      counts.set(annotation.colour ?? 'plain', (counts.get(annotation.colour ?? 'plain') ?? 0) + 1)
    return counts
  }, [annotations])
  const tagCounts = useMemo(() => {
    const counts = new Map<string, number>()
    for (const annotation of annotations)
      for (const entry of annotation.tags) counts.set(entry, (counts.get(entry) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  }, [annotations])

  // This app does not use the React Compiler, whose memoisation TanStack Virtual's API defeats.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => visible[index]?.id ?? index
  })

  const toggleColour = (colour: ColourFilter): void =>
    setColours((current) => {
      const next = new Set(current)
      if (next.has(colour)) next.delete(colour)
      else next.add(colour)
      return next
    })

  return (
    <div className="notes-list">
      <div className="notes-filters">
        <div className="filter-row" role="group" aria-label="Filter by colour">
          {[...highlightColourIds, 'plain' as const].map((colour) => {
            const count = colourCounts.get(colour) ?? 0
            const meaning = colour === 'plain' ? state.meaningOf(null) : state.meaningOf(colour)
            return (
              <button
                key={colour}
                type="button"
                className="filter-chip"
                aria-pressed={colours.has(colour)}
                disabled={count === 0 && !colours.has(colour)}
                onClick={() => toggleColour(colour)}
              >
                <span className={`swatch swatch-${colour}`} aria-hidden="true" />
                {meaning} <span className="count">{count}</span>
              </button>
            )
          })}
        </div>
        <div className="filter-selects">
          <label htmlFor={tagId}>Tag</label>
          <select id={tagId} value={tag ?? ''} onChange={(event) => setTag(event.target.value || null)}>
            <option value="">All tags</option>
            {tagCounts.map(([name, count]) => (
              <option key={name} value={name}>
                {`#${name} (${count})`}
              </option>
            ))}
          </select>
          <label htmlFor={sortId}>Sort</label>
          <select id={sortId} value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
            <option value="position">By position</option>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </div>
        <p className="muted small" aria-live="polite">
          {visible.length === annotations.length
            ? `${annotations.length} ${annotations.length === 1 ? 'note' : 'notes'}`
            : `${visible.length} of ${annotations.length} notes`}
        </p>
      </div>
      <div className="notes-scroller" ref={scroller}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const annotation = visible[item.index]
            if (!annotation) return null
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="notes-list-item"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <NoteCard {...renderCard(annotation)} />
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
