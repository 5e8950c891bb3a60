// A paragraph row for search tests that build segments directly.
import type { IndexRow } from '../../src/shared/search/segment'

export function textRow(id: string, text: string, at = 0): IndexRow {
  return {
    id,
    kind: 'text',
    documentId: 'd1',
    blockId: id,
    at,
    section: 'Opening',
    text,
    tags: [],
    colour: null,
    colourMeaning: '',
    updatedAt: 0
  }
}
