// The pages a passage of a document is on, from its blocks' pages (a PDF's physical pages and the
// labels printed on them), and how a citation writes them: "p. 74", "pp. 74–75". Pure.
import { blockIndexAt } from '../anchoring/blocks'
import type { Block, BlockPage } from '../types'

/** The parts of a block the page look-ups read (no pages: a block of a text without pages). */
export type PagedBlock = Pick<Block, 'id' | 'start' | 'text'> & { pages?: BlockPage[] | null }

/** The first and last page of a passage. */
export interface PageRange {
  first: Omit<BlockPage, 'offset'>
  last: Omit<BlockPage, 'offset'>
}

/** The page an offset of the block's text is on (the last page that begins at or before it). */
export function pageInBlock(pages: readonly BlockPage[], offset: number): BlockPage | undefined {
  let found = pages[0]
  for (const page of pages) if (page.offset <= offset) found = page
  return found
}

const withoutOffset = (page: BlockPage): Omit<BlockPage, 'offset'> => ({
  physical: page.physical,
  label: page.label
})

/**
 * The pages the passage [start, end) of the full text is on, or null when its blocks have no
 * pages. Every page the passage touches counts; the first and last are the lowest and highest (a
 * passage running from the text into a note at the foot of an earlier page still names both ends).
 */
export function pageRangeOf(blocks: readonly PagedBlock[], start: number, end: number): PageRange | null {
  if (blocks.length === 0) return null
  const last = Math.max(start, end - 1)
  const from = blockIndexAt(blocks, start)
  let to = blockIndexAt(blocks, last)
  // The passage's last character in the blank line after a block: it ends in that block.
  if (to > from && (blocks[to]?.start ?? 0) > last) to -= 1
  const touched: BlockPage[] = []
  for (let index = from; index <= to; index += 1) {
    const block = blocks[index] as PagedBlock
    if (!block.pages || block.pages.length === 0) return null
    const inside = (offset: number): number => Math.min(Math.max(offset - block.start, 0), block.text.length)
    const low = pageInBlock(block.pages, inside(start))
    const high = pageInBlock(block.pages, inside(last))
    for (const page of block.pages)
      if (low && high && page.offset >= low.offset && page.offset <= high.offset) touched.push(page)
  }
  if (touched.length === 0) return null
  let first = touched[0] as BlockPage
  let final = first
  for (const page of touched) {
    if (page.physical < first.physical) first = page
    if (page.physical > final.physical) final = page
  }
  return { first: withoutOffset(first), last: withoutOffset(final) }
}

/** The printed pages alone ("74", "74–75"), for a column or a field named "pages"; null without pages. */
export function pageLabelRange(range: PageRange | null): string | null {
  if (range === null) return null
  if (range.first.physical === range.last.physical) return range.first.label
  return `${range.first.label}–${range.last.label}`
}

/** "p. 74", or "pp. 74–75" when the passage runs over a page break; null without pages. */
export function pageCitation(range: PageRange | null): string | null {
  const labels = pageLabelRange(range)
  if (range === null || labels === null) return null
  return `${range.first.physical === range.last.physical ? 'p.' : 'pp.'} ${labels}`
}

/** Where a page begins in the text as read: in which block, at which offset of its text. */
export interface PageStart {
  blockId: string
  offset: number
  physical: number
  label: string
}

/**
 * Where each page begins, in the order of the blocks given (the text as read, notes left out by the
 * caller): the first page of the first block, then every page a block moves on to, inside it or at
 * its start. Empty for a text without pages.
 */
export function pageStartsOf(blocks: readonly PagedBlock[]): PageStart[] {
  const starts: PageStart[] = []
  let current: number | null = null
  for (const block of blocks) {
    for (const page of block.pages ?? []) {
      if (page.physical === current) continue
      starts.push({ blockId: block.id, offset: page.offset, physical: page.physical, label: page.label })
      current = page.physical
    }
  }
  return starts
}

/** The first page start whose printed label is `label` (ignoring case and spaces), if any. */
export function findPageStart(starts: readonly PageStart[], label: string): PageStart | undefined {
  const wanted = label.trim().toLowerCase()
  return starts.find((start) => start.label.toLowerCase() === wanted)
}
