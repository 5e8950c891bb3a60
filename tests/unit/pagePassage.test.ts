// "Show page" finds a passage of the reader's text on its PDF page: on a real PDF's text layer
// (lines broken, words hyphenated at a line's end, typographic quotes), whole on its page, its
// start and its end on the two pages a passage runs over, and nowhere on a page without it; the
// page a block's offset is on comes from the block's pages.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  findPassageOnPage,
  pageLabels,
  pageOfOffset,
  pagesToSearch,
  type PageTextItem
} from '../../src/shared/document/pagePassage'
import type { Block } from '../../src/shared/types'

const pdf = join(__dirname, '..', 'fixtures', 'pdf', 'groff-article.pdf')
const pages: PageTextItem[][] = []

beforeAll(async () => {
  const task = getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 })
  const document = await task.promise
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.filter((item) => 'str' in item))
  }
  await task.destroy()
})

/** The items a rectangle [x1, y1, x2, y2] covers the middle of. */
function coveredText(items: PageTextItem[], rectangles: number[][]): string {
  return items
    .filter((item) => {
      const [x, y] = [item.transform[4] ?? 0, item.transform[5] ?? 0]
      const middle = x + item.width / 2
      return rectangles.some(
        ([x1 = 0, y1 = 0, x2 = 0, y2 = 0]) => middle > x1 && middle < x2 && y > y1 && y < y2
      )
    })
    .map((item) => item.str)
    .join(' ')
}

describe('a passage on its PDF page', () => {
  const passage =
    'Therefore, conditions were not sufficient for Kim to take autonomous action in domestic and foreign policy.'

  it('is found whole on page 2, over the lines it spans, and not on page 3', () => {
    const found = findPassageOnPage(pages[1] ?? [], passage)
    expect(found?.found).toBe('whole')
    expect(found?.rectangles).toHaveLength(2)
    const covered = coveredText(pages[1] ?? [], found?.rectangles ?? [])
    expect(covered).toContain('were not sufficient for Kim')
    expect(covered).not.toContain('Pyongyang')
    expect(findPassageOnPage(pages[2] ?? [], passage)).toBeNull()
  })

  it('is found across a hyphen at a line end and typographic quotes', () => {
    const found = findPassageOnPage(
      pages[1] ?? [],
      'Pyongyang had to rely on its two giant neighbours, China and the USSR, for economic and political purposes. North Korea overflowed with anti-American slogans'
    )
    expect(found?.found).toBe('whole')
    expect(findPassageOnPage(pages[1] ?? [], "professed a 'hands-off' approach")?.found).toBe('whole')
  })

  it('that runs over a page break is its start on one page and its end on the next', () => {
    // Page 1 ends "Before this, Kim II Sung and his", then its footnotes; page 2 goes on "partisans…".
    const crossing =
      'Before this, Kim II Sung and his partisans had struggled for independence against Japanese colonization'
    const start = findPassageOnPage(pages[0] ?? [], crossing)
    const end = findPassageOnPage(pages[1] ?? [], crossing)
    expect(end?.found).toBe('end')
    expect(coveredText(pages[1] ?? [], end?.rectangles ?? [])).toContain('partisans had struggled')
    expect(start?.found).toBe('start')
    expect(coveredText(pages[0] ?? [], start?.rectangles ?? [])).toContain('Kim II Sung and his')
    expect(coveredText(pages[0] ?? [], start?.rectangles ?? [])).not.toContain('Scott Snyder')
  })

  it('gives nothing for words that are not on the page, or no words at all', () => {
    expect(findPassageOnPage(pages[1] ?? [], 'Gerald Ford (the US Vice President')).toBeNull()
    expect(findPassageOnPage(pages[1] ?? [], ' — ')).toBeNull()
  })
})

describe('the page of an offset', () => {
  const block = (start: number, text: string, pages: unknown): Block =>
    ({
      id: `b${start}`,
      ordinal: start,
      start,
      text,
      kind: 'paragraph',
      number: null,
      refs: [],
      marks: [],
      sectionId: null,
      pages
    }) as Block

  it('comes from the pages of the block it is in, and is null without them', () => {
    const blocks = [
      block(0, 'First block.', [{ physical: 1, label: 'i', offset: 0 }]),
      block(14, 'A block over a page break.', [
        { physical: 1, label: 'i', offset: 0 },
        { physical: 2, label: 'ii', offset: 12 }
      ]),
      block(42, 'No pages.', null)
    ]
    expect(pageOfOffset(blocks, 3)).toBe(1)
    expect(pageOfOffset(blocks, 20)).toBe(1)
    expect(pageOfOffset(blocks, 26)).toBe(2)
    expect(pageOfOffset(blocks, 45)).toBeNull()
    expect([...pageLabels(blocks)]).toEqual([
      [1, 'i'],
      [2, 'ii']
    ])
  })

  it('is looked for from the page given outwards, then everywhere', () => {
    expect(pagesToSearch(3, 5)).toEqual([3, 4, 2, 5, 1])
    expect(pagesToSearch(null, 3)).toEqual([1, 2, 3])
  })
})
