// Cards keep a link to their source passage the same way annotations do: when a document's text
// is replaced, each card's passage is found again (position, quote, then an approximate match with
// a score) or marked orphaned with its old selectors kept — never moved to a look-alike.
import { createPlacementLookup, type PlacementItem, type PlannedPlacement } from '../../../shared/anchoring'
import type { Block } from '../../../shared/types'
import type { Db } from '../../db/connection'
import { targetFromColumns } from '../../db/repositories/targetColumns'

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

  function placementItems(documentId: string): PlacementItem[] {
    return select.all(documentId).map((row) => ({
      id: row.id,
      target: targetFromColumns({
        blockId: row.block_id,
        exact: row.quote_exact,
        prefix: row.quote_prefix,
        suffix: row.quote_suffix,
        start: row.source_start,
        end: row.source_end
      })
    }))
  }

  return {
    /** Where each card's passage is, for planning their places in a changed text. */
    placementItems,

    /** Placements planned on the import thread are used for cards still where they were planned from. */
    reanchorDocument(
      documentId: string,
      fullText: string,
      blocks: readonly Block[],
      now: number,
      planned: readonly PlannedPlacement[] = []
    ): { anchored: number; orphaned: number } {
      const placementOf = createPlacementLookup(fullText, blocks, planned)
      let anchored = 0
      let orphaned = 0
      db.transaction(() => {
        for (const item of placementItems(documentId)) {
          const placement = placementOf(item)
          if (placement.state === 'orphaned') {
            orphaned++
            markOrphaned.run({ id: item.id, score: placement.score, now })
            continue
          }
          const found = placement.target
          anchored++
          update.run({
            id: item.id,
            blockId: found.blockId,
            exact: found.quote.exact,
            prefix: found.quote.prefix,
            suffix: found.quote.suffix,
            start: found.position.start,
            end: found.position.end,
            state: 1,
            score: placement.score,
            now
          })
        }
      })()
      return { anchored, orphaned }
    }
  }
}
