// Cards keep a link to their source passage the same way annotations do: when a document's text
// is replaced, each card's passage is found again (position, quote, then an approximate match with
// a score) or marked orphaned with its old selectors kept — never moved to a look-alike.
import { anchor, describeRange } from '../../../shared/anchoring'
import type { AnnotationTarget, Block } from '../../../shared/types'
import type { Db } from '../../db/connection'

interface CardSourceRow {
  id: string
  block_id: string
  quote_exact: string
  quote_prefix: string
  quote_suffix: string
  source_start: number
  source_end: number
}

export function createCardAnchoring(db: Db) {
  const select = db.prepare<[string], CardSourceRow>(`
    SELECT id, block_id, quote_exact, quote_prefix, quote_suffix, source_start, source_end FROM cards
    WHERE document_id = ? AND deleted_at IS NULL AND block_id IS NOT NULL
      AND source_start IS NOT NULL AND source_end IS NOT NULL AND quote_exact IS NOT NULL`)
  const update = db.prepare(`
    UPDATE cards SET block_id = @blockId, quote_exact = @exact, quote_prefix = @prefix, quote_suffix = @suffix,
      source_start = @start, source_end = @end, source_state = @state, source_score = @score, updated_at = @now
    WHERE id = @id`)
  const markOrphaned = db.prepare(
    'UPDATE cards SET source_state = 2, source_score = @score, updated_at = @now WHERE id = @id'
  )

  return {
    reanchorDocument(
      documentId: string,
      fullText: string,
      blocks: readonly Block[],
      now: number
    ): { anchored: number; orphaned: number } {
      let anchored = 0
      let orphaned = 0
      db.transaction(() => {
        for (const row of select.all(documentId)) {
          const target: AnnotationTarget = {
            blockId: row.block_id,
            quote: {
              type: 'TextQuoteSelector',
              exact: row.quote_exact,
              prefix: row.quote_prefix,
              suffix: row.quote_suffix
            },
            position: { type: 'TextPositionSelector', start: row.source_start, end: row.source_end }
          }
          const result = anchor(fullText, target)
          if (result.state === 'orphaned') {
            orphaned++
            markOrphaned.run({ id: row.id, score: result.score, now })
            continue
          }
          const found = describeRange(fullText, blocks, result.start, result.end) ?? target
          anchored++
          update.run({
            id: row.id,
            blockId: found.blockId,
            exact: found.quote.exact,
            prefix: found.quote.prefix,
            suffix: found.quote.suffix,
            start: found.position.start,
            end: found.position.end,
            state: 1,
            score: result.score,
            now
          })
        }
      })()
      return { anchored, orphaned }
    }
  }
}
