// Golden tests of re-anchoring on the bundled article: annotations made on the text as imported
// must land on the same words after the text changes, or be reported orphaned — never moved to a
// passage that merely looks like theirs.

import { readFileSync } from 'node:fs'
import search from 'approx-string-match'
import { describe, expect, it, vi } from 'vitest'
import {
  anchor,
  anchorByPosition,
  approximateMatches,
  defaultAnchorThreshold,
  describeRange,
  fullTextOf,
  splitsSurrogatePair,
  type AnchorResult
} from '../../src/shared/anchoring'
import type { AnnotationTarget } from '../../src/shared/types'
import {
  articlePath,
  blocksFromParagraphs,
  loadArticle,
  rangeOf,
  type Article
} from '../fixtures/anchoring/article'

// The real matcher, wrapped so that tests can tell whether an approximate search ran at all.
vi.mock('approx-string-match', async (importOriginal) => {
  const actual = await importOriginal<typeof import('approx-string-match')>()
  return { default: vi.fn(actual.default) }
})

const article = loadArticle()

/** Passages annotated in the tests: an abstract sentence, one with "détente", one with the OCR slip. */
const passages = {
  schism:
    'the escalation of the Sino-Soviet schism created an environment in which to eliminate foreign influence in domestic politics',
  detente:
    'Pyongyang began its push to build bilateral relations with the US when Sino-US détente of 1972 brought change to the Northeast Asian geostrategic environment.',
  coup: 'an August 1956 failed coup attempt focused on the removal of Kim II Sung and his political clique'
} as const

function targetFor(doc: Article, passage: string): AnnotationTarget {
  const { start, end } = rangeOf(doc.fullText, passage)
  const target = describeRange(doc.fullText, doc.blocks, start, end)
  if (target === null) throw new Error('empty passage')
  return target
}

/** A new version of the article with `edit` applied to its paragraphs. */
function edited(edit: (paragraphs: string[]) => string[]): Article {
  const paragraphs = edit([...article.paragraphs])
  const blocks = blocksFromParagraphs(paragraphs)
  return { paragraphs, blocks, fullText: fullTextOf(blocks) }
}

function replaceIn(doc: string[], find: string, replacement: string): string[] {
  let hits = 0
  const out = doc.map((paragraph) => {
    if (!paragraph.includes(find)) return paragraph
    hits++
    return paragraph.replace(find, replacement)
  })
  if (hits !== 1) throw new Error(`expected one paragraph with ${find}, found ${hits}`)
  return out
}

function anchoredRange(result: AnchorResult): { start: number; end: number } {
  if (result.state !== 'anchored') throw new Error(`orphaned with score ${result.score}`)
  return { start: result.start, end: result.end }
}

const lonePairHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('anchor on the unchanged article', () => {
  it('resolves every passage by position with score 1', () => {
    for (const passage of Object.values(passages)) {
      const target = targetFor(article, passage)
      expect(anchor(article.fullText, target)).toEqual({
        state: 'anchored',
        start: target.position.start,
        end: target.position.end,
        score: 1,
        method: 'position'
      })
    }
  })

  it('resolves 10^4 anchors by the cheap position path, without any approximate search', () => {
    // A seeded generator (mulberry32) so that the ranges are the same on every run.
    let seed = 20180701
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = seed
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const { fullText, blocks } = article
    vi.mocked(search).mockClear()
    let resolved = 0
    for (let index = 0; index < 10_000; index++) {
      const start = Math.floor(random() * (fullText.length - 1))
      const end = Math.min(fullText.length, start + 1 + Math.floor(random() * 200))
      const target = describeRange(fullText, blocks, start, end)
      if (target === null) continue
      const cheap = anchorByPosition(fullText, target)
      expect(cheap).not.toBeNull()
      const result = anchor(fullText, target)
      expect(result).toEqual(cheap)
      expect(anchoredRange(result)).toEqual({ start: target.position.start, end: target.position.end })
      resolved++
    }
    expect(resolved).toBe(10_000)
    expect(vi.mocked(search)).not.toHaveBeenCalled()
  })
})

describe('anchor after the article changed', () => {
  it('follows a passage when text is inserted before it', () => {
    const target = targetFor(article, passages.coup)
    const inserted = 'A new opening paragraph written after the annotation was made.'
    const doc = edited((paragraphs) => [inserted, ...paragraphs])
    const result = anchor(doc.fullText, target)
    expect(result).toMatchObject({ state: 'anchored', method: 'quote' })
    expect(anchoredRange(result)).toEqual({
      start: target.position.start + inserted.length + 2,
      end: target.position.end + inserted.length + 2
    })
    expect(result.score).toBeGreaterThan(0.99)
    expect(doc.fullText.slice(target.position.start, target.position.end)).not.toBe(passages.coup)
  })

  it('finds a passage with a word changed inside it approximately, with the right range', () => {
    const target = targetFor(article, passages.detente)
    const changedPassage = passages.detente.replace('geostrategic', 'geopolitical')
    const doc = edited((paragraphs) => replaceIn(paragraphs, passages.detente, changedPassage))
    vi.mocked(search).mockClear()
    const result = anchor(doc.fullText, target)
    expect(vi.mocked(search)).toHaveBeenCalled()
    expect(result).toMatchObject({ state: 'anchored', method: 'fuzzy' })
    expect(anchoredRange(result)).toEqual(rangeOf(doc.fullText, changedPassage))
    expect(result.score).toBeLessThan(1)
    expect(result.score).toBeGreaterThanOrEqual(defaultAnchorThreshold)
  })

  it('tells a duplicated passage from the original by its context, even when the copy sits at the old offset', () => {
    const target = targetFor(article, passages.schism)
    // A new paragraph quoting the passage is inserted before the passage's own paragraph, padded
    // so that the copy lands exactly at the stored offset: the text there is the quote again, but
    // its context is not.
    const index = article.paragraphs.findIndex((paragraph) => paragraph.includes(passages.schism))
    const offsetInParagraph = target.position.start - (article.blocks[index]?.start ?? 0)
    const pad = 'A reviewer later wrote, quoting the author, that '.repeat(20).slice(0, offsetInParagraph)
    const quoting = `${pad}${passages.schism} — a claim the reviewer disputed.`
    const doc = edited((paragraphs) => [...paragraphs.slice(0, index), quoting, ...paragraphs.slice(index)])
    expect(doc.fullText.slice(target.position.start, target.position.end)).toBe(passages.schism)
    const result = anchor(doc.fullText, target)
    expect(result).toMatchObject({
      state: 'anchored',
      method: 'quote',
      score: expect.closeTo(1, 2) as number
    })
    expect(anchoredRange(result).start).toBe(target.position.start + quoting.length + 2)
  })

  it('prefers the occurrence nearest the old position when context cannot tell two copies apart', () => {
    const target = targetFor(article, passages.coup)
    const paragraph = article.paragraphs.find((candidate) => candidate.includes(passages.coup)) ?? ''
    // The whole paragraph repeated right after itself, and text added at the top: both copies have
    // the same context and both moved, the first one less.
    const header = 'Editor’s note.'
    const doc = edited((paragraphs) => {
      const index = paragraphs.indexOf(paragraph)
      return [header, ...paragraphs.slice(0, index + 1), paragraph, ...paragraphs.slice(index + 1)]
    })
    const shift = header.length + 2
    const result = anchor(doc.fullText, target)
    expect(result).toMatchObject({ state: 'anchored', method: 'quote' })
    expect(anchoredRange(result)).toEqual({
      start: target.position.start + shift,
      end: target.position.end + shift
    })
  })

  it('stays with its own passage after an OCR fix inside it, though an exact quotation sits elsewhere', () => {
    const target = targetFor(article, passages.coup)
    const fixed = passages.coup.replace('Kim II Sung', 'Kim Il Sung')
    // Another paragraph quotes the passage verbatim, followed by the same words as the original:
    // the exact text with half its context, against the corrected passage with all of it.
    const quotation = `One historian summarised it as ${passages.coup}${target.quote.suffix}`
    const doc = edited((paragraphs) => [...replaceIn(paragraphs, passages.coup, fixed), quotation])
    expect(doc.fullText.includes(passages.coup)).toBe(true)
    const result = anchor(doc.fullText, target)
    expect(result).toMatchObject({ state: 'anchored', method: 'fuzzy' })
    expect(anchoredRange(result)).toEqual(rangeOf(doc.fullText, fixed))
  })

  it('orphans a deleted passage instead of moving it to a near look-alike', () => {
    const target = targetFor(article, passages.detente)
    // The sentence is deleted; a look-alike (two words changed) is added to another paragraph.
    const lookAlike = passages.detente.replace('Pyongyang', 'Seoul').replace('1972', '1973')
    const doc = edited((paragraphs) =>
      replaceIn(replaceIn(paragraphs, passages.detente, ''), passages.coup, `${passages.coup}. ${lookAlike}`)
    )
    // The look-alike really is close: an approximate search finds it with few errors.
    const [nearest] = search(doc.fullText, passages.detente, 20)
    expect(nearest?.errors).toBeLessThanOrEqual(10)
    const result = anchor(doc.fullText, target)
    expect(result.state).toBe('orphaned')
    expect(result.score).toBeLessThan(defaultAnchorThreshold)
    expect(result.score).toBeGreaterThan(0)
  })

  it('orphans a short quote whose passage was deleted rather than jump to another mention of it', () => {
    // "Kim Il Sung" occurs six times, "Kim II Sung" (the OCR slip) fourteen: a name is the
    // typical short quote that must not wander.
    const sentence = 'Kim Il Sung confessed to a Polish delegation in 1973'
    const { start } = rangeOf(article.fullText, sentence)
    const target = describeRange(article.fullText, article.blocks, start, start + 'Kim Il Sung'.length)
    if (target === null) throw new Error('empty')
    const doc = edited((paragraphs) =>
      replaceIn(paragraphs, sentence, 'A Polish delegation was told in 1973')
    )
    expect(doc.fullText.includes('Kim Il Sung')).toBe(true)
    expect(anchor(doc.fullText, target).state).toBe('orphaned')
  })
})

describe('anchor across Unicode forms and invisible characters', () => {
  const raw = readFileSync(articlePath, 'utf8')
  const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}' // woman, ZWJ, woman, ZWJ, girl
  const zeroWidthSpace = '\u200B'

  function expectWholeCharacters(text: string, result: AnchorResult): void {
    const range = anchoredRange(result)
    expect(splitsSurrogatePair(text, range.start)).toBe(false)
    expect(splitsSurrogatePair(text, range.end)).toBe(false)
    expect(text.slice(range.start, range.end)).not.toMatch(lonePairHalf)
  }

  it('re-anchors by position on the same article re-imported from NFD input', () => {
    const decomposed = raw.normalize('NFD')
    expect(decomposed).not.toBe(raw) // the article has ŏ, ö, é and Hangul, which decompose
    const reimported = loadArticle(decomposed)
    for (const passage of Object.values(passages)) {
      const target = targetFor(article, passage)
      expect(anchor(reimported.fullText, target)).toMatchObject({
        state: 'anchored',
        method: 'position',
        score: 1
      })
    }
  })

  it('anchors a quote captured in NFD (e.g. from another tool) on the NFC text, with NFC offsets', () => {
    const target = targetFor(article, passages.detente)
    const nfdTarget: AnnotationTarget = {
      ...target,
      quote: {
        ...target.quote,
        exact: target.quote.exact.normalize('NFD'),
        prefix: target.quote.prefix.normalize('NFD')
      }
    }
    expect(nfdTarget.quote.exact.length).toBeGreaterThan(target.quote.exact.length)
    const result = anchor(article.fullText, nfdTarget)
    expect(anchoredRange(result)).toEqual({ start: target.position.start, end: target.position.end })
    expect(result.score).toBe(1)
  })

  it('re-anchors by position on the same article re-imported from CRLF input', () => {
    const reimported = loadArticle(raw.replace(/\n/g, '\r\n'))
    expect(reimported.fullText).toBe(article.fullText)
    // A passage running across a paragraph break, captured with Windows line endings.
    const end = article.blocks[6]?.start ?? 0
    const start = end - 20
    const target = describeRange(article.fullText, article.blocks, start, end + 10)
    if (target === null) throw new Error('empty')
    expect(target.quote.exact).toContain('\n\n')
    const crlfTarget: AnnotationTarget = {
      ...target,
      quote: { ...target.quote, exact: target.quote.exact.replace(/\n/g, '\r\n') }
    }
    expect(anchor(reimported.fullText, crlfTarget)).toEqual({
      state: 'anchored',
      start,
      end: end + 10,
      score: 1,
      method: 'position'
    })
  })

  it('widens approximate matches that would start or end inside a surrogate pair', () => {
    const girl = '\u{1F467}'
    const boy = '\u{1F466}' // same high surrogate as the girl, different low one
    // The raw Myers search reports, among its equally good matches, one ending after the high
    // surrogate alone; it must come back widened to the whole emoji.
    const text = `xxab${boy}yy ${boy}cdzz`
    const ends = approximateMatches(text, `ab${girl}`, 0, text.length, 1)
    expect(search(text, `ab${girl}`, 1).some((match) => splitsSurrogatePair(text, match.end))).toBe(true)
    expect(ends.length).toBeGreaterThan(0)
    const starts = approximateMatches(text, `${girl}cd`, 0, text.length, 1)
    for (const match of [...ends, ...starts]) {
      expect(splitsSurrogatePair(text, match.start)).toBe(false)
      expect(splitsSurrogatePair(text, match.end)).toBe(false)
    }
    expect(ends.map((match) => text.slice(match.start, match.end))).toContain(`ab${boy}`)
  })

  describe('with an emoji ZWJ sequence and a zero-width space inside the passage', () => {
    const original = passages.schism
    const decorated = original
      .replace('Sino-Soviet', `Sino${zeroWidthSpace}-Soviet`)
      .replace('schism', `schism ${family}`)
    const base = edited((paragraphs) => replaceIn(paragraphs, original, decorated))
    const target = targetFor(base, decorated)

    it('stores the passage whole and re-anchors it after text with astral characters is inserted before it', () => {
      expect(target.quote.exact).toBe(decorated)
      const inserted = `\u{1F600} ${family} \u{20BB7}${zeroWidthSpace} inserted.`
      const doc: Article = (() => {
        const paragraphs = [inserted, ...base.paragraphs]
        const blocks = blocksFromParagraphs(paragraphs)
        return { paragraphs, blocks, fullText: fullTextOf(blocks) }
      })()
      const result = anchor(doc.fullText, target)
      expect(result).toMatchObject({ state: 'anchored', method: 'quote' })
      expect(anchoredRange(result)).toEqual({
        start: target.position.start + inserted.length + 2,
        end: target.position.end + inserted.length + 2
      })
      expect(doc.fullText.slice(anchoredRange(result).start, anchoredRange(result).end)).toBe(decorated)
    })

    it('finds the passage when the zero-width space is removed, without drift', () => {
      const doc = edited((paragraphs) =>
        replaceIn(paragraphs, original, decorated.replace(zeroWidthSpace, ''))
      )
      const result = anchor(doc.fullText, target)
      expect(result).toMatchObject({ state: 'anchored', method: 'fuzzy' })
      expect(anchoredRange(result)).toEqual(rangeOf(doc.fullText, decorated.replace(zeroWidthSpace, '')))
      expect(result.score).toBeGreaterThan(0.99)
      expect(result.score).toBeLessThan(1)
    })

    it('never ends inside a surrogate pair when the last emoji of the quote changes', () => {
      // 👧 (U+1F467) becomes 👦 (U+1F466): the same high surrogate, a different low one, so an
      // approximate match may end between the two halves unless it is widened.
      const quoteEnd = target.quote.exact.indexOf(family) + family.length
      const endsWithEmoji = describeRange(
        base.fullText,
        base.blocks,
        target.position.start,
        target.position.start + quoteEnd
      )
      if (endsWithEmoji === null) throw new Error('empty')
      expect(endsWithEmoji.quote.exact.endsWith('\u{1F467}')).toBe(true)
      const boyFamily = family.replace('\u{1F467}', '\u{1F466}')
      const doc = edited((paragraphs) =>
        replaceIn(paragraphs, original, decorated.replace(family, boyFamily))
      )
      const result = anchor(doc.fullText, endsWithEmoji)
      expect(result.state).toBe('anchored')
      expectWholeCharacters(doc.fullText, result)
      const expectedStart = rangeOf(doc.fullText, decorated.replace(family, boyFamily)).start
      expect(anchoredRange(result)).toEqual({ start: expectedStart, end: expectedStart + quoteEnd })
    })
  })
})
