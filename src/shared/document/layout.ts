// Lays parsed blocks out in one full text (blocks joined by a blank line) and gives each a stable
// id, its start offset and the heading whose section it belongs to. Annotations, search hits and
// exports all count offsets over this one text.
import { blockSeparator, fullTextOf } from '../anchoring/blocks'
import type { Block, ParsedBlock } from '../types'

export { blockSeparator, fullTextOf }

export function blockIdFor(ordinal: number): string {
  return `b${ordinal}`
}

export function layoutBlocks(parsed: readonly ParsedBlock[]): Block[] {
  const blocks: Block[] = []
  let offset = 0
  let sectionId: string | null = null
  parsed.forEach((block, ordinal) => {
    const id = blockIdFor(ordinal)
    if (block.kind === 'heading') sectionId = id
    // Footnotes stand outside the sections they are cited from.
    const section = block.kind === 'footnote' ? null : sectionId
    blocks.push({ ...block, id, ordinal, start: offset, sectionId: section })
    offset += block.text.length + blockSeparator.length
  })
  return blocks
}
