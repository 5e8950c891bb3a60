// Renders one block's text with its emphasis and footnote markers. The text is only ever set as
// text (React escapes it): nothing from a document is interpreted as HTML.
import type { ReactNode } from 'react'
import type { Block } from '../../../shared/types'

export interface FootnoteMarkerHandler {
  (number: number, button: HTMLButtonElement): void
}

interface Segment {
  start: number
  end: number
  em: boolean
  strong: boolean
}

/** Cuts the text at every mark boundary and marker offset. */
function segmentsOf(block: Pick<Block, 'text' | 'marks' | 'refs'>): Segment[] {
  const cuts = new Set<number>([0, block.text.length])
  for (const mark of block.marks) {
    cuts.add(mark.start)
    cuts.add(mark.end)
  }
  for (const ref of block.refs) cuts.add(ref.offset)
  const points = [...cuts].filter((point) => point >= 0 && point <= block.text.length).sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number
    const end = points[i + 1] as number
    const inside = (kind: 'em' | 'strong'): boolean =>
      block.marks.some((mark) => mark.kind === kind && mark.start <= start && mark.end >= end)
    segments.push({ start, end, em: inside('em'), strong: inside('strong') })
  }
  return segments
}

export function BlockText({
  block,
  onFootnote,
  openFootnote
}: {
  block: Pick<Block, 'text' | 'marks' | 'refs'>
  onFootnote?: FootnoteMarkerHandler
  openFootnote?: number | null
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
  for (const segment of segmentsOf(block)) {
    pushMarkers(segment.start)
    let node: ReactNode = block.text.slice(segment.start, segment.end)
    if (segment.em) node = <em>{node}</em>
    if (segment.strong) node = <strong>{node}</strong>
    nodes.push(<span key={`t-${segment.start}`}>{node}</span>)
  }
  pushMarkers(block.text.length)
  return <>{nodes}</>
}
