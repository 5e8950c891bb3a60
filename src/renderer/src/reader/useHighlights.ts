// Spreads each anchored annotation over the blocks it covers, as block-relative highlights.
// BlockText compares highlights by value, so only blocks whose highlights changed re-render.
import { useMemo } from 'react'
import type { Annotation, Block, HighlightColourId } from '../../../shared/types'
import { blockIndexAt } from '../../../shared/anchoring/blocks'
import type { BlockHighlight } from './BlockText'

export function highlightsByBlock(
  annotations: readonly Annotation[],
  blocks: readonly Block[],
  meaningOf: (colour: HighlightColourId | null) => string
): Map<string, BlockHighlight[]> {
  const byBlock = new Map<string, BlockHighlight[]>()
  for (const annotation of annotations) {
    if (annotation.anchor.state !== 'anchored') continue
    const { start, end } = annotation.target.position
    for (let index = Math.max(0, blockIndexAt(blocks, start)); index < blocks.length; index++) {
      const block = blocks[index] as Block
      if (block.start >= end) break
      const from = Math.max(0, start - block.start)
      const to = Math.min(block.text.length, end - block.start)
      if (to <= from) continue
      const list = byBlock.get(block.id) ?? []
      list.push({
        id: annotation.id,
        start: from,
        end: to,
        colour: annotation.colour,
        meaning: meaningOf(annotation.colour)
      })
      byBlock.set(block.id, list)
    }
  }
  return byBlock
}

export function useHighlights(
  annotations: readonly Annotation[],
  blocks: readonly Block[],
  meaningOf: (colour: HighlightColourId | null) => string
): ReadonlyMap<string, readonly BlockHighlight[]> {
  return useMemo(() => highlightsByBlock(annotations, blocks, meaningOf), [annotations, blocks, meaningOf])
}
