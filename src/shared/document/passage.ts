// Where the reader's keyboard passage focus can go: the sentences and words of each block, and the
// next edge of a paragraph, sentence or word from a point of the text, in full-text offsets. Uses
// the platform's Unicode segmentation (Intl.Segmenter), present in Node and Chromium alike.

export interface PassageBlock {
  start: number
  text: string
}

export interface Span {
  start: number
  end: number
}

export type PassageUnit = 'paragraph' | 'sentence' | 'word'

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' })
const cache = new WeakMap<PassageBlock, Record<PassageUnit, Span[]>>()

/** A block's spans of a unit, in full-text offsets: sentences without their trailing spaces, words. */
export function spansOf(block: PassageBlock, unit: PassageUnit): Span[] {
  let spans = cache.get(block)
  if (!spans) {
    const sentences: Span[] = []
    for (const segment of sentenceSegmenter.segment(block.text)) {
      const trimmed = segment.segment.trimEnd()
      if (trimmed.trim().length === 0) continue
      const leading = trimmed.length - trimmed.trimStart().length
      sentences.push({
        start: block.start + segment.index + leading,
        end: block.start + segment.index + trimmed.length
      })
    }
    const words: Span[] = []
    for (const segment of wordSegmenter.segment(block.text))
      if (segment.isWordLike)
        words.push({
          start: block.start + segment.index,
          end: block.start + segment.index + segment.segment.length
        })
    spans = {
      paragraph: [{ start: block.start, end: block.start + block.text.length }],
      sentence: sentences,
      word: words
    }
    cache.set(block, spans)
  }
  return spans[unit]
}

/** The blocks in text order, from the one holding `offset` onwards (or backwards). */
function blocksFrom(blocks: readonly PassageBlock[], offset: number, direction: 1 | -1): PassageBlock[] {
  const ordered = [...blocks].sort((a, b) => a.start - b.start)
  if (direction === 1) return ordered.filter((block) => block.start + block.text.length >= offset)
  return ordered.filter((block) => block.start <= offset).reverse()
}

/**
 * The next edge of a unit from `offset`: going forward, the nearest end of a paragraph, sentence or
 * word after it; going back, the nearest start before it. A selection that shrinks (`shrinking`:
 * its moving end goes back toward its fixed end) also gives up the spaces next to what it drops,
 * so that "policy. While" less a word is "policy.", not "policy. ". Null at the end of the text.
 */
export function nextEdge(
  blocks: readonly PassageBlock[],
  offset: number,
  unit: PassageUnit,
  direction: 1 | -1,
  shrinking = false
): number | null {
  for (const block of blocksFrom(blocks, offset, direction)) {
    const spans = spansOf(block, unit)
    const found =
      direction === 1
        ? spans.find((span) => span.end > offset)?.end
        : [...spans].reverse().find((span) => span.start < offset)?.start
    if (found === undefined) continue
    if (!shrinking) return found
    let edge = found - block.start
    if (direction === -1) while (edge > 0 && /\s/.test(block.text[edge - 1] ?? '')) edge--
    else while (edge < block.text.length && /\s/.test(block.text[edge] ?? '')) edge++
    return block.start + edge
  }
  return null
}

/** The sentence after (or before) the one starting at `from`, across blocks; null past the edge. */
export function nextSentence(blocks: readonly PassageBlock[], from: number, direction: 1 | -1): Span | null {
  for (const block of blocksFrom(blocks, from, direction)) {
    const spans = spansOf(block, 'sentence')
    const found =
      direction === 1
        ? spans.find((span) => span.start > from)
        : [...spans].reverse().find((span) => span.start < from)
    if (found) return found
  }
  return null
}
