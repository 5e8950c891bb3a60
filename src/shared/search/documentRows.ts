// A document's blocks as rows for the search index: paragraphs, abstract, captions and headings
// as Text, footnotes as Footnotes, each labelled with where it is for a person reading results.
import type { Block } from '../types'
import type { IndexRow } from './segment'

/** The label a result shows for where a block is. */
export function sectionLabelOf(block: Block, headings: ReadonlyMap<string, string>): string {
  if (block.kind === 'abstract') return 'Abstract'
  if (block.kind === 'footnote') return block.number === null ? 'Footnotes' : `Footnote ${block.number}`
  if (block.kind === 'heading') return block.text
  return block.sectionId === null ? 'Opening' : (headings.get(block.sectionId) ?? '')
}

export function rowsOfDocument(documentId: string, blocks: readonly Block[], updatedAt: number): IndexRow[] {
  const headings = new Map<string, string>()
  for (const block of blocks) if (block.kind === 'heading') headings.set(block.id, block.text)
  return blocks
    .filter((block) => block.text.trim().length > 0)
    .map((block) => ({
      id: block.id,
      kind: block.kind === 'footnote' ? 'footnote' : 'text',
      documentId,
      blockId: block.id,
      at: block.start,
      section: sectionLabelOf(block, headings),
      text: block.text,
      tags: [],
      colour: null,
      colourMeaning: '',
      updatedAt
    }))
}
