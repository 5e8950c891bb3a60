// Helpers every export format shares: the document's full text, reading order, sections, colour
// meanings, the link back into Scholia and HTML escaping. Pure: the formatters stay testable in Node.
import { blockIndexAt } from '../anchoring/blocks'
import { pageCitation, pageRangeOf, type PageRange } from '../document/pages'
import type {
  Annotation,
  Block,
  DocumentMetadata,
  HighlightColour,
  HighlightColourId,
  SourceFormat
} from '../types'

/** The parts of a stored block the exporters read. */
export type ExportBlock = Pick<Block, 'id' | 'kind' | 'text' | 'start' | 'pages'>

/** A document as the exporters need it. */
export interface ExportDocument {
  id: string
  metadata: DocumentMetadata
  blocks: readonly ExportBlock[]
  /** What it was imported from; a PDF's pages are named as PDF pages in the W3C export. Text when absent. */
  sourceFormat?: SourceFormat
}

/**
 * The pages of an annotation's passage, or null when the document has no pages or the passage is
 * not in the current text (its stored position means nothing now).
 */
export function annotationPageRange(
  blocks: readonly ExportBlock[],
  annotation: Annotation
): PageRange | null {
  if (annotation.anchor.state === 'orphaned') return null
  const { start, end } = annotation.target.position
  return pageRangeOf(blocks, start, end)
}

/** The printed pages of an annotation's passage as a citation writes them ("p. 74", "pp. 74–75"). */
export function annotationPages(blocks: readonly ExportBlock[], annotation: Annotation): string | null {
  return pageCitation(annotationPageRange(blocks, annotation))
}

export { fullTextOf } from '../document/layout'

/** Anchored annotations first by where they start, then by end; ties keep a stable order by id. */
export function inReadingOrder<T extends Pick<Annotation, 'id' | 'target'>>(annotations: readonly T[]): T[] {
  return [...annotations].sort(
    (a, b) =>
      a.target.position.start - b.target.position.start ||
      a.target.position.end - b.target.position.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

export interface SectionGroup {
  /** The heading's text, or null for what comes before the first heading. */
  heading: string | null
  annotations: Annotation[]
}

export interface GroupedAnnotations {
  sections: SectionGroup[]
  /** Annotations whose passage is no longer in the text; their stored position means nothing now. */
  orphaned: Annotation[]
}

/**
 * Puts anchored annotations under the heading of the section their passage starts in, in reading
 * order. The section is found from the position (the selectors are the truth; blockId is a hint),
 * with anchoring's rule for which block an offset is in. Footnotes fall under the heading above
 * them (usually "Notes"), which is where a reader finds them in the document.
 */
export function groupBySection(
  blocks: readonly ExportBlock[],
  annotations: readonly Annotation[]
): GroupedAnnotations {
  const ordered = [...blocks].sort((a, b) => a.start - b.start)
  const headingAt: (string | null)[] = []
  let current: string | null = null
  for (const block of ordered) {
    if (block.kind === 'heading') current = block.text
    headingAt.push(current)
  }
  const sections: SectionGroup[] = []
  const orphaned: Annotation[] = []
  for (const annotation of inReadingOrder(annotations)) {
    if (annotation.anchor.state === 'orphaned') {
      orphaned.push(annotation)
      continue
    }
    const heading = headingAt[blockIndexAt(ordered, annotation.target.position.start)] ?? null
    const last = sections[sections.length - 1]
    if (last && last.heading === heading) last.annotations.push(annotation)
    else sections.push({ heading, annotations: [annotation] })
  }
  return { sections, orphaned }
}

/** The reader's name for a highlight colour, or null when the annotation has none. */
export function colourMeaning(
  colours: readonly HighlightColour[],
  colour: HighlightColourId | null
): string | null {
  if (colour === null) return null
  return colours.find((entry) => entry.id === colour)?.meaning ?? colour
}

/** A link that opens the document in Scholia at a UTF-16 offset of its full text. */
export function scholiaLink(documentId: string, offset: number): string {
  return `scholia://open?doc=${encodeURIComponent(documentId)}&at=${Math.max(0, Math.trunc(offset))}`
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** An epoch-ms time as an ISO 8601 date (YYYY-MM-DD, UTC). */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10)
}

/** An epoch-ms time as an xsd:dateTime in UTC. */
export function isoDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString()
}
