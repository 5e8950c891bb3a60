// The document's full text as anchoring sees it, and which block an offset of it falls in.
// The full text is every block's text joined by a blank line ("\n\n"); a block's `start` is the
// offset of its first character in that text. Offsets are UTF-16 code units.

import type { Block } from '../types'

export const blockSeparator = '\n\n'

export type BlockSpan = Pick<Block, 'id' | 'start' | 'text'>

/** Joins the blocks' texts in order, as the stored `start` offsets assume. */
export function fullTextOf(blocks: readonly Pick<Block, 'text'>[]): string {
  return blocks.map((block) => block.text).join(blockSeparator)
}

/**
 * Index of the block that holds `offset`, or of the next block when `offset` is in the separator
 * after a block (a passage that starts in the gap starts, visibly, in the next block). An offset
 * at or past the end of the last block gives the last block; -1 when there are no blocks.
 * Blocks must be in document order, as they are stored.
 */
export function blockIndexAt(blocks: readonly BlockSpan[], offset: number): number {
  if (blocks.length === 0) return -1
  // First block whose end is past `offset`: binary search, since `start` only grows.
  let low = 0
  let high = blocks.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const block = blocks[middle] as BlockSpan
    if (block.start + block.text.length > offset) high = middle
    else low = middle + 1
  }
  return Math.min(low, blocks.length - 1)
}

/** The block that holds `offset` (see `blockIndexAt`), or undefined when there are no blocks. */
export function blockAt<T extends BlockSpan>(blocks: readonly T[], offset: number): T | undefined {
  const index = blockIndexAt(blocks, offset)
  return index < 0 ? undefined : blocks[index]
}
