// Dated events: every date expression in the prose of a document, with the sentence it stands
// in. Footnotes, headings, citation lines, image credits and parenthesised references are
// skipped: their dates are those of sources, not of events.

import { yearOf } from './calendar'
import { findDateExpressions, type FindDatesOptions } from './dates'
import { stableId } from './hash'
import { splitSentences } from './sentences'
import { proseRange, type Span } from './sources'
import type { DateMatch, DatedEvent, ExtractionBlock, PassageProgress } from './types'

function outsideRange(text: string, range: Span): Span[] {
  return [
    { start: 0, end: range.start },
    { start: range.end, end: text.length }
  ].filter((span) => span.end > span.start)
}

/** What the document's plain dates tell about reading the others: its decades and latest year. */
function evidence(matches: DateMatch[]): Pick<FindDatesOptions, 'decadesInText' | 'latestYear'> {
  const plain = matches.filter((match) => match.note === undefined)
  const decadesInText = new Set(
    plain.filter((match) => match.date.precision === 'decade').map((match) => yearOf(match.date.start))
  )
  const years = plain.map((match) => yearOf(match.date.end))
  return years.length === 0 ? { decadesInText } : { decadesInText, latestYear: Math.max(...years) }
}

/** All dated events of the blocks, in document order; `onPassage` hears each prose passage read. */
export function extractDatedEvents(
  blocks: readonly ExtractionBlock[],
  onPassage?: PassageProgress
): DatedEvent[] {
  const prose = blocks.flatMap((block) => {
    const range = proseRange(block)
    return range ? [{ block, exclude: outsideRange(block.text, range) }] : []
  })
  // First pass: the document's plain dates tell how to read a slip ("1906s" where "1960s" is
  // written too) and a day without a year ("the 13th day of May last").
  const known = evidence(prose.flatMap(({ block, exclude }) => findDateExpressions(block.text, { exclude })))

  const events: DatedEvent[] = []
  for (const [index, { block, exclude }] of prose.entries()) {
    onPassage?.(index, prose.length)
    const matches = findDateExpressions(block.text, { ...known, exclude })
    if (matches.length === 0) continue
    const sentences = splitSentences(block.text)
    for (const match of matches) {
      const sentence = sentences.find(
        (candidate) => match.start >= candidate.start && match.end <= candidate.end
      )
      if (!sentence) continue
      // A caption's sentence may run into its label or credit: keep only the prose part.
      const sentenceStart = Math.max(sentence.start, exclude[0]?.start === 0 ? exclude[0].end : 0)
      const creditStart = exclude.find((span) => span.start > 0)?.start ?? block.text.length
      const sentenceEnd = Math.min(sentence.end, creditStart)
      const raw = block.text.slice(sentenceStart, sentenceEnd)
      const text = raw.trim()
      const absoluteStart = block.start + sentenceStart + (raw.length - raw.trimStart().length)
      const event: DatedEvent = {
        id: stableId('ev', block.id, absoluteStart, match.expression),
        blockId: block.id,
        sentenceStart: absoluteStart,
        sentenceEnd: absoluteStart + text.length,
        sentence: text,
        expression: match.expression,
        expressionStart: block.start + match.start,
        expressionEnd: block.start + match.end,
        date: match.date
      }
      if (match.note) event.note = match.note
      events.push(event)
    }
  }
  return events
}
