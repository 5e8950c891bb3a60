// Re-anchoring stays bounded on crafted input (BAD_INPUTS 27): a common quote is never listed and
// scored everywhere it occurs, a quote whose context is found nowhere is orphaned at once, and a
// batch (one imported file) shares a work budget past which targets are orphaned with a reason,
// while well-placed targets still anchor.

import { describe, expect, it } from 'vitest'
import {
  anchor,
  describeRange,
  occurrencesNear,
  type AnchorResult,
  type AnchorWork
} from '../../src/shared/anchoring'
import type { AnnotationTarget } from '../../src/shared/types'
import { blocksFromParagraphs, loadArticle } from '../fixtures/anchoring/article'

const article = loadArticle()
// About 1 MB: the article's paragraphs over and over.
const longParagraphs = Array.from({ length: Math.ceil(1_000_000 / article.fullText.length) }, () =>
  article.paragraphs.slice(1)
).flat()
const longText = blocksFromParagraphs(longParagraphs)
  .map((block) => block.text)
  .join('\n\n')

function target(exact: string, prefix: string, suffix: string, start: number): AnnotationTarget {
  return {
    blockId: 'b0',
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start, end: start + exact.length }
  }
}

const unlimited = (): AnchorWork => ({ remaining: Number.POSITIVE_INFINITY, candidates: 0 })

describe('occurrences nearest first', () => {
  it('lists at most the limit, nearest the position first, and says more were left', () => {
    const text = 'ab ab ab ab ab ab'
    expect(occurrencesNear(text, 'ab', 7, 3)).toEqual({ found: [6, 9, 3], more: true })
    expect(occurrencesNear(text, 'ab', 0, 10)).toEqual({ found: [0, 3, 6, 9, 12, 15], more: false })
    expect(occurrencesNear(text, 'zz', 5, 10)).toEqual({ found: [], more: false })
  })
})

describe('a common quote with made-up context', () => {
  it('is orphaned as ambiguous without scoring any of its occurrences', () => {
    const work = unlimited()
    const result = anchor(
      longText,
      target('the ', 'qqq made-up words before it zzz', 'zzz made-up words after it qqq', 5000),
      {
        work
      }
    )
    expect(result).toEqual({ state: 'orphaned', score: 0, reason: 'ambiguous' })
    expect(work.candidates).toBe(0)
  })

  it('scores at most the cap when one side of its context is real, and finds the right place', () => {
    const passage = 'escalation of the Sino-Soviet schism'
    const at = article.fullText.indexOf(passage) + 'escalation of '.length
    const real = describeRange(article.fullText, article.blocks, at, at + 'the '.length)
    if (real === null) throw new Error('no passage')
    const work = unlimited()
    const moved = target('the ', real.quote.prefix, 'an entirely different ending here', 0)
    const result = anchor(article.fullText, moved, { maxCandidates: 40, work })
    expect(result).toMatchObject({ state: 'anchored', start: at, end: at + 4 })
    expect(work.candidates).toBeGreaterThan(0)
    expect(work.candidates).toBeLessThanOrEqual(40)
  })
})

describe('a batch with a work budget', () => {
  it('orphans the targets past the budget with that reason, and still anchors well-placed ones', () => {
    const work: AnchorWork = { remaining: 4 * longText.length, candidates: 0 }
    const placed = 'Sino-Soviet schism'
    const at = longText.indexOf(placed)
    const wellPlaced = describeRange(longText, blocksFromParagraphs(longParagraphs), at, at + placed.length)
    if (wellPlaced === null) throw new Error('no passage')
    // A quote found nowhere makes each target search the whole text approximately.
    const missing = Array.from({ length: 20 }, (_, index) =>
      target(`nowhere to be found ${index} in this text at all`, 'qqq before', 'after qqq', index * 1000)
    )
    const results: AnchorResult[] = [...missing, wellPlaced].map((each) => anchor(longText, each, { work }))
    const reasons = results
      .slice(0, -1)
      .map((result) => (result.state === 'orphaned' ? result.reason : 'anchored'))
    expect(reasons[0]).toBe('no-match')
    expect(reasons.at(-1)).toBe('budget')
    expect(reasons.filter((reason) => reason === 'budget').length).toBeGreaterThan(10)
    expect(results.at(-1)).toMatchObject({ state: 'anchored', start: at, end: at + placed.length })
  })
})
