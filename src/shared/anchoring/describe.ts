// Turns a selection (start/end offsets in a document's full text) into the selectors stored with
// an annotation: a W3C TextQuoteSelector (exact text plus up to 32 UTF-16 units of context either
// side), a TextPositionSelector, and the id of the block the passage starts in.

import type { AnnotationTarget } from '../types'
import { blockAt, type BlockSpan } from './blocks'
import { isHighSurrogate, isLowSurrogate, splitsSurrogatePair } from './codePoints'

/** How much context is kept either side of a quote, in UTF-16 code units (at most). */
export const contextLength = 32

/**
 * Up to `length` units of `text` before `offset`. One unit shorter when the cut would leave half
 * an astral character: a lone surrogate does not survive UTF-8 storage (SQLite, JSON files), so
 * the stored prefix would no longer match the document.
 */
export function prefixBefore(text: string, offset: number, length = contextLength): string {
  let from = Math.max(0, offset - length)
  if (from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from++
  return text.slice(from, offset)
}

/** Up to `length` units of `text` after `offset`, never ending inside a surrogate pair. */
export function suffixAfter(text: string, offset: number, length = contextLength): string {
  let to = Math.min(text.length, offset + length)
  if (splitsSurrogatePair(text, to)) to--
  return text.slice(offset, to)
}

/**
 * Describes the passage [start, end) of `fullText` for storage.
 *
 * - A collapsed selection (start === end) is not an error a person made: it returns null, which
 *   the UI reads as "nothing to highlight".
 * - Offsets that are not integers, are reversed, or fall outside the text are a bug in the caller
 *   (they did not come from this text): RangeError. So is describing a text with no blocks.
 * - An edge inside a surrogate pair is widened to take the whole character, so that the quote
 *   never holds half an emoji.
 * - `blockId` is the block the passage starts in; a start in the blank line between two blocks
 *   belongs to the block after it.
 */
export function describeRange(
  fullText: string,
  blocks: readonly BlockSpan[],
  start: number,
  end: number
): AnnotationTarget | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range ${start}..${end} is not a pair of integer offsets`)
  }
  if (start < 0 || end > fullText.length || start > end) {
    throw new RangeError(`Range ${start}..${end} is outside the text (0..${fullText.length})`)
  }
  if (start === end) return null
  const from = splitsSurrogatePair(fullText, start) ? start - 1 : start
  const to = splitsSurrogatePair(fullText, end) ? end + 1 : end
  const block = blockAt(blocks, from)
  if (block === undefined) throw new RangeError('Cannot describe a range of a document with no blocks')
  return {
    blockId: block.id,
    quote: {
      type: 'TextQuoteSelector',
      exact: fullText.slice(from, to),
      prefix: prefixBefore(fullText, from),
      suffix: suffixAfter(fullText, to)
    },
    position: { type: 'TextPositionSelector', start: from, end: to }
  }
}
