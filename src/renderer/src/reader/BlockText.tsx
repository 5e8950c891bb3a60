// Renders one block's text with its emphasis, footnote markers and the reader's highlights. The
// text is only ever set as text (React escapes it): nothing from a document is read as HTML.
// Overlapping and nested highlights cut the text into segments; each segment is one <mark> that
// names every annotation covering it, so each stays visible and selectable. Where a page of a PDF
// begins, a page-break marker (a separator named "Page 74", as DPUB's doc-pagebreak is) shows its
// printed label in the margin;
// like footnote markers it is no part of the block's text (data-marker), and cannot be selected.
import { memo, type ReactNode } from 'react'
import type { PageStart } from '../../../shared/document/pages'
import type { Block, HighlightColourId } from '../../../shared/types'

export interface FootnoteMarkerHandler {
  (number: number, button: HTMLButtonElement): void
}

/** A highlight as one block sees it: offsets relative to the block's text, clipped to it. */
export interface BlockHighlight {
  id: string
  start: number
  end: number
  colour: HighlightColourId | null
  meaning: string
}

interface Segment {
  start: number
  end: number
  em: boolean
  strong: boolean
  highlights: BlockHighlight[]
}

function segmentsOf(
  block: Pick<Block, 'text' | 'marks' | 'refs'>,
  highlights: readonly BlockHighlight[],
  pageStarts: readonly PageStart[]
): Segment[] {
  const length = block.text.length
  const cuts = new Set<number>([0, length])
  for (const mark of block.marks) cuts.add(mark.start).add(mark.end)
  for (const ref of block.refs) cuts.add(ref.offset)
  for (const page of pageStarts) cuts.add(page.offset)
  for (const highlight of highlights) cuts.add(highlight.start).add(highlight.end)
  const points = [...cuts].filter((point) => point >= 0 && point <= length).sort((a, b) => a - b)
  // Sweep from left to right keeping the highlights that cover the current point: linear in the
  // number of cuts plus highlights, so a block with hundreds of highlights stays cheap.
  const byStart = [...highlights].sort((a, b) => a.start - b.start)
  let next = 0
  let active: BlockHighlight[] = []
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number
    const end = points[i + 1] as number
    const before = active.length
    active = active.filter((highlight) => highlight.end > start)
    let changed = active.length !== before
    while (next < byStart.length && (byStart[next] as BlockHighlight).start <= start) {
      const highlight = byStart[next++] as BlockHighlight
      if (highlight.end > start) {
        active.push(highlight)
        changed = true
      }
    }
    // Outermost first, innermost last: the innermost colour fills, the outer ones underline.
    if (changed) active.sort((a, b) => b.end - b.start - (a.end - a.start))
    const inside = (kind: 'em' | 'strong'): boolean =>
      block.marks.some((mark) => mark.kind === kind && mark.start <= start && mark.end >= end)
    segments.push({ start, end, em: inside('em'), strong: inside('strong'), highlights: active })
  }
  return segments
}

const noHighlights: readonly BlockHighlight[] = []
const noPageStarts: readonly PageStart[] = []

/**
 * The marker where a page begins: its label in the margin, its name for a screen reader. (A plain
 * separator: axe does not know DPUB's doc-pagebreak, and a focusable separator would be a splitter.)
 */
function PageMarker({ page }: { page: PageStart }) {
  return (
    <span
      role="separator"
      aria-label={`Page ${page.label}`}
      className={`page-marker${page.offset > 0 ? ' page-marker-inside' : ''}`}
      data-marker=""
      data-page={page.physical}
    >
      <span className="page-label" aria-hidden="true">
        p. {page.label}
      </span>
    </span>
  )
}

function markFor(node: ReactNode, highlights: BlockHighlight[], key: string): ReactNode {
  const inner = highlights[highlights.length - 1]
  if (!inner) return node
  const outer = highlights.length > 1 ? highlights[highlights.length - 2] : undefined
  const classes = ['hl', `hl-${inner.colour ?? 'note'}`]
  if (outer) classes.push('hl-overlap', `hl-outer-${outer.colour ?? 'note'}`)
  return (
    <mark
      key={key}
      className={classes.join(' ')}
      data-annotation-ids={highlights.map((highlight) => highlight.id).join(' ')}
      title={[...new Set(highlights.map((highlight) => highlight.meaning))].join(' · ')}
    >
      {node}
    </mark>
  )
}

function BlockTextView({
  block,
  onFootnote,
  openFootnote,
  highlights = noHighlights,
  pageStarts = noPageStarts
}: {
  block: Pick<Block, 'text' | 'marks' | 'refs'>
  onFootnote?: FootnoteMarkerHandler
  openFootnote?: number | null
  highlights?: readonly BlockHighlight[]
  /** The pages that begin in this block (shared/document/pages pageStartsOf). */
  pageStarts?: readonly PageStart[]
}) {
  const markersAt = new Map<number, number[]>()
  for (const ref of block.refs) markersAt.set(ref.offset, [...(markersAt.get(ref.offset) ?? []), ref.number])
  const nodes: ReactNode[] = []
  const pushMarkers = (offset: number): void => {
    for (const number of markersAt.get(offset) ?? []) {
      nodes.push(
        <sup key={`ref-${number}-${offset}`} className="footnote-ref" data-marker="">
          <button
            type="button"
            id={`fnref-${number}`}
            aria-label={`Note ${number}`}
            aria-haspopup="dialog"
            aria-expanded={openFootnote === number}
            onClick={(event) => onFootnote?.(number, event.currentTarget)}
          >
            {number}
          </button>
        </sup>
      )
    }
    markersAt.delete(offset)
  }
  for (const segment of segmentsOf(block, highlights, pageStarts)) {
    for (const page of pageStarts)
      if (page.offset === segment.start) nodes.push(<PageMarker key={`page-${page.physical}`} page={page} />)
    pushMarkers(segment.start)
    let node: ReactNode = block.text.slice(segment.start, segment.end)
    if (segment.em) node = <em>{node}</em>
    if (segment.strong) node = <strong>{node}</strong>
    nodes.push(
      segment.highlights.length > 0 ? (
        markFor(node, segment.highlights, `t-${segment.start}`)
      ) : (
        <span key={`t-${segment.start}`}>{node}</span>
      )
    )
  }
  pushMarkers(block.text.length)
  return <>{nodes}</>
}

function sameHighlights(
  a: readonly BlockHighlight[] | undefined,
  b: readonly BlockHighlight[] | undefined
): boolean {
  if (a === b) return true
  if (!a || !b || a.length !== b.length) return false
  return a.every((h, i) => {
    const o = b[i] as BlockHighlight
    return (
      h.id === o.id &&
      h.start === o.start &&
      h.end === o.end &&
      h.colour === o.colour &&
      h.meaning === o.meaning
    )
  })
}

/** Re-renders a block only when its text, its open footnote or its highlights change in value. */
export const BlockText = memo(
  BlockTextView,
  (previous, next) =>
    previous.block === next.block &&
    previous.onFootnote === next.onFootnote &&
    previous.openFootnote === next.openFootnote &&
    previous.pageStarts === next.pageStarts &&
    sameHighlights(previous.highlights, next.highlights)
)
