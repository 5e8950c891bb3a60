// Which parts of a document speak about sources rather than about the subject: footnotes,
// a stand-alone citation line, parenthesised bibliographic references and a caption's image
// credit. Their dates are dates of publications and their names are authors or archives,
// so neither events nor actors are taken from them.

import type { ExtractionBlock } from './types'

export interface Span {
  start: number
  end: number
}

const reportingVerb =
  /^\s*(?:argues|argued|notes|noted|shows|showed|suggests|suggested|claims|claimed|writes|wrote|contends|observes|observed|finds|found|states|stated|points|pointed|explains|explained|describes|described)\b/

/** True for a block that is a bibliographic citation line rather than prose. */
export function isCitationLine(text: string): boolean {
  if (text.length > 300) return false
  const hasYear = /\b(?:1[5-9]|20)\d{2}\b/.test(text)
  const markers = [
    /\bvol(?:ume)?\.?\s*\d/i,
    /\bno\.\s*\d/i,
    /\bpp?\.\s*\d/i,
    /\bissue\s*\d/i,
    /\(\d{4}\)/,
    /\bdoi:/i,
    /\bISSN\b/
  ].filter((pattern) => pattern.test(text)).length
  return hasYear && markers >= 2
}

/** True when the content of a parenthesis reads as a bibliographic reference, e.g. "(Smith 1999: 45)". */
export function isBibliographicParenthesis(content: string): boolean {
  if (!/\b\d{4}\b/.test(content)) return false
  if (/\b(?:pp?\.|eds?\.|vol\.|ibid|op\. cit|et al\.?)(?:\s|$)/i.test(content)) return true
  if (/\b(?:Press|University|Publishers?|Books)\b/.test(content)) return true
  if (/\d{4}[a-z]?\s*:\s*\d/.test(content)) return true
  const reference =
    /^(?:(?:see|cf\.)\s+)?\p{Lu}[\p{L}'’.-]+(?:,?\s+(?:and|&)\s+\p{Lu}[\p{L}'’.-]+|\s+et al\.?)?,?\s+\d{4}[a-z]?(?:\s*[,:]\s*\d+(?:[–-]\d+)?)?$/u
  return content
    .split(';')
    .map((part) => part.trim())
    .every((part) => reference.test(part))
}

/**
 * Spans of `text` that are bibliographic references: parenthesised references, and a
 * parenthesised bare year right after a capitalised name and before a reporting verb
 * ("Smith (1999) argues"), where the year is the year of a publication.
 */
export function bibliographicSpans(text: string): Span[] {
  const spans: Span[] = []
  const open: number[] = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '(') open.push(index)
    else if (char === ')' && open.length > 0) {
      const start = open.pop() as number
      const content = text.slice(start + 1, index)
      const before = text.slice(Math.max(0, start - 40), start)
      const after = text.slice(index + 1, index + 30)
      const authorYear =
        /^\s*\d{4}[a-z]?\s*$/.test(content) &&
        /\p{Lu}[\p{L}'’-]+\s*$/u.test(before) &&
        reportingVerb.test(after)
      if (isBibliographicParenthesis(content) || authorYear) spans.push({ start, end: index + 1 })
    }
  }
  return spans
}

/** Where a caption's credit begins ("Image: …", "Source: …"), or the caption's length. */
export function captionCreditStart(text: string): number {
  const match = /(^|[.;]|\s)\s*(?:Image|Images|Photo|Photograph|Source|Credit|Courtesy)s?\s*:/.exec(text)
  // The sentence before the credit keeps its full stop.
  return match ? match.index + (match[1] === '.' || match[1] === ';' ? 1 : 0) : text.length
}

/**
 * The part of a block that speaks about the subject, as [start, end) in the block's text, or
 * null when none does (footnotes, headings, citation lines).
 */
export function proseRange(block: ExtractionBlock): Span | null {
  if (block.kind === 'footnote' || block.kind === 'heading') return null
  if (isCitationLine(block.text)) return null
  if (block.kind === 'caption') {
    // The label ("Figure 1.") is furniture, not part of what the caption says.
    const label = /^\s*(?:Figure|Fig\.|Table|Plate|Map|Illustration)\s*\d+[a-z]?\s*[.:]\s*/i.exec(block.text)
    return { start: label ? label[0].length : 0, end: captionCreditStart(block.text) }
  }
  return { start: 0, end: block.text.length }
}

/** True when [start, end) overlaps one of the spans. */
export function overlapsAny(spans: Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && end > span.start)
}
