// Blocks for extraction tests, laid out as the store lays them out (two characters between blocks).
import type { ExtractionBlock } from '../../src/shared/extraction/types'

export function blocksOf(...items: Array<[ExtractionBlock['kind'], string]>): ExtractionBlock[] {
  let start = 0
  return items.map(([kind, text], index) => {
    const block: ExtractionBlock = { id: `b${index}`, kind, text, start, sectionId: null }
    start += text.length + 2
    return block
  })
}
