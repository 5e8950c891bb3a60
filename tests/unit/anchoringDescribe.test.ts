// Describing a selection as stored selectors, and locating offsets in blocks.

import { describe, expect, it } from 'vitest'
import { blockAt, blockIndexAt, contextLength, describeRange, fullTextOf } from '../../src/shared/anchoring'
import { blocksFromParagraphs, loadArticle, rangeOf } from '../fixtures/anchoring/article'

const lonePairHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('fullTextOf and blockAt', () => {
  const blocks = blocksFromParagraphs(['First.', 'Second one.', 'Third'])
  const text = fullTextOf(blocks)

  it('joins blocks with a blank line so that each block starts at its stored offset', () => {
    expect(text).toBe('First.\n\nSecond one.\n\nThird')
    for (const block of blocks)
      expect(text.slice(block.start, block.start + block.text.length)).toBe(block.text)
  })

  it('finds the block holding an offset, and gives an offset in the gap to the next block', () => {
    expect(blockAt(blocks, 0)?.id).toBe('b0')
    expect(blockAt(blocks, 5)?.id).toBe('b0')
    expect(blockAt(blocks, 6)?.id).toBe('b1') // the first "\n" of the gap
    expect(blockAt(blocks, 7)?.id).toBe('b1')
    expect(blockAt(blocks, 8)?.id).toBe('b1')
    expect(blockAt(blocks, text.length - 1)?.id).toBe('b2')
    expect(blockAt(blocks, text.length)?.id).toBe('b2')
    expect(blockIndexAt([], 0)).toBe(-1)
  })

  it('agrees with a linear scan on every offset of the article', () => {
    const { blocks: articleBlocks, fullText } = loadArticle()
    let expected = 0
    for (let offset = 0; offset <= fullText.length; offset += 7) {
      while (
        expected < articleBlocks.length - 1 &&
        (articleBlocks[expected]?.start ?? 0) + (articleBlocks[expected]?.text.length ?? 0) <= offset
      ) {
        expected++
      }
      expect(blockIndexAt(articleBlocks, offset)).toBe(expected)
    }
  })
})

describe('describeRange', () => {
  const { blocks, fullText } = loadArticle()

  it('stores the exact text, 32 units of context either side, the position and the starting block', () => {
    const passage = 'an August 1956 failed coup attempt focused on the removal of Kim II Sung'
    const { start, end } = rangeOf(fullText, passage)
    const target = describeRange(fullText, blocks, start, end)
    expect(target).not.toBeNull()
    expect(target?.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: passage,
      prefix: fullText.slice(start - contextLength, start),
      suffix: fullText.slice(end, end + contextLength)
    })
    // Golden values read off the article by hand.
    expect(target?.quote.prefix).toBe('arger countries. In particular, ')
    expect(target?.quote.suffix).toBe(' and his political clique only i')
    expect(target?.position).toEqual({ type: 'TextPositionSelector', start, end })
    const block = blocks.find((candidate) => candidate.text.includes(passage))
    expect(target?.blockId).toBe(block?.id)
  })

  it('keeps shorter context at the edges of the document', () => {
    const target = describeRange(fullText, blocks, 2, 10)
    expect(target?.quote.prefix).toBe(fullText.slice(0, 2))
    const tail = describeRange(fullText, blocks, fullText.length - 5, fullText.length)
    expect(tail?.quote.suffix).toBe('')
    expect(tail?.blockId).toBe(blocks[blocks.length - 1]?.id)
  })

  it('gives a passage starting in the blank line between blocks to the next block', () => {
    const second = blocks[1]
    if (second === undefined) throw new Error('article has one block')
    const target = describeRange(fullText, blocks, second.start - 1, second.start + 5)
    expect(target?.blockId).toBe(second.id)
  })

  it('returns null for a collapsed selection: nothing to do', () => {
    expect(describeRange(fullText, blocks, 100, 100)).toBeNull()
  })

  it('throws on offsets that did not come from this text', () => {
    expect(() => describeRange(fullText, blocks, -1, 5)).toThrow(RangeError)
    expect(() => describeRange(fullText, blocks, 5, fullText.length + 1)).toThrow(RangeError)
    expect(() => describeRange(fullText, blocks, 9, 5)).toThrow(RangeError)
    expect(() => describeRange(fullText, blocks, 1.5, 5)).toThrow(RangeError)
    expect(() => describeRange('abc', [], 0, 2)).toThrow(RangeError)
  })

  it('never cuts a surrogate pair, in the quote or at the edge of the context', () => {
    const emoji = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}'
    // The 32-unit context edge falls between the halves of the first 😀 on either side.
    const text = `x\u{1F600}${'p'.repeat(31)}QUOTE${'s'.repeat(31)}\u{1F600}y${emoji}`
    const paragraphBlocks = blocksFromParagraphs([text])
    const start = text.indexOf('QUOTE')
    const target = describeRange(text, paragraphBlocks, start, start + 5)
    expect(target?.quote.prefix).toBe('p'.repeat(31))
    expect(target?.quote.suffix).toBe('s'.repeat(31))
    // A selection whose edges fall inside pairs is widened to whole characters.
    const emojiStart = text.indexOf(emoji)
    const widened = describeRange(text, paragraphBlocks, emojiStart + 1, emojiStart + emoji.length - 1)
    expect(widened?.quote.exact).toBe(emoji)
    expect(widened?.position).toEqual({
      type: 'TextPositionSelector',
      start: emojiStart,
      end: emojiStart + emoji.length
    })
    for (const part of [
      target?.quote.prefix,
      target?.quote.suffix,
      widened?.quote.prefix,
      widened?.quote.exact
    ]) {
      expect(part).not.toMatch(lonePairHalf)
    }
  })
})
