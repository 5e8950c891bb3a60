// Annotations and their tags: prepared statements and the mapping between rows and domain objects.
// Deletion is soft (deleted_at) so that Undo can bring an annotation back whole.
import { targetFromColumns } from './targetColumns'
import { highlightColourIds, type Annotation, type HighlightColourId } from '../../../shared/types'
import type { Db } from '../connection'

interface AnnotationRow {
  id: string
  document_id: string
  block_id: string
  quote_exact: string
  quote_prefix: string
  quote_suffix: string
  start: number
  end: number
  colour: number | null
  note: string
  tags_json: string
  anchor_state: number
  anchor_score: number
  created_at: number
  updated_at: number
  deleted_at: number | null
}

const anchored = 1
const orphaned = 2

export function colourToNumber(colour: HighlightColourId | null): number | null {
  return colour === null ? null : highlightColourIds.indexOf(colour)
}

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    target: targetFromColumns({
      blockId: row.block_id,
      exact: row.quote_exact,
      prefix: row.quote_prefix,
      suffix: row.quote_suffix,
      start: row.start,
      end: row.end
    }),
    colour: row.colour === null ? null : (highlightColourIds[row.colour] ?? null),
    note: row.note,
    tags: JSON.parse(row.tags_json) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    anchor: { state: row.anchor_state === orphaned ? 'orphaned' : 'anchored', score: row.anchor_score }
  }
}

export function createAnnotationRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO annotations (id, document_id, block_id, quote_exact, quote_prefix, quote_suffix, start, end,
      colour, note, tags_json, anchor_state, anchor_score, created_at, updated_at, deleted_at)
    VALUES (@id, @documentId, @blockId, @exact, @prefix, @suffix, @start, @end,
      @colour, @note, @tagsJson, @anchorState, @anchorScore, @createdAt, @updatedAt, NULL)`)
  const update = db.prepare(`
    UPDATE annotations SET block_id = @blockId, quote_exact = @exact, quote_prefix = @prefix, quote_suffix = @suffix,
      start = @start, end = @end, colour = @colour, note = @note, tags_json = @tagsJson,
      anchor_state = @anchorState, anchor_score = @anchorScore, updated_at = @updatedAt
    WHERE id = @id`)
  const insertTag = db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag) VALUES (?, ?)')
  const deleteTags = db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?')
  const selectById = db.prepare<[string], AnnotationRow>('SELECT * FROM annotations WHERE id = ?')
  const selectForDocument = db.prepare<[string], AnnotationRow>(
    'SELECT * FROM annotations WHERE document_id = ? AND deleted_at IS NULL ORDER BY start, end, created_at'
  )
  const setDeleted = db.prepare('UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ?')
  const selectTagCounts = db.prepare<[], { tag: string; count: number }>(`
    SELECT t.tag AS tag, count(*) AS count FROM annotation_tags t
    JOIN annotations a ON a.id = t.annotation_id AND a.deleted_at IS NULL
    GROUP BY t.tag ORDER BY count DESC, t.tag`)

  function parameters(annotation: Annotation) {
    return {
      id: annotation.id,
      documentId: annotation.documentId,
      blockId: annotation.target.blockId,
      exact: annotation.target.quote.exact,
      prefix: annotation.target.quote.prefix,
      suffix: annotation.target.quote.suffix,
      start: annotation.target.position.start,
      end: annotation.target.position.end,
      colour: colourToNumber(annotation.colour),
      note: annotation.note,
      tagsJson: JSON.stringify(annotation.tags),
      anchorState: annotation.anchor.state === 'orphaned' ? orphaned : anchored,
      anchorScore: annotation.anchor.score,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt
    }
  }

  function writeTags(annotation: Annotation): void {
    deleteTags.run(annotation.id)
    for (const tag of annotation.tags) insertTag.run(annotation.id, tag)
  }

  return {
    insert(annotation: Annotation): void {
      db.transaction(() => {
        insert.run(parameters(annotation))
        writeTags(annotation)
      })()
    },
    update(annotation: Annotation): void {
      db.transaction(() => {
        update.run(parameters(annotation))
        writeTags(annotation)
      })()
    },
    /** Updates many anchors in one transaction (re-anchoring after a document changed). */
    updateMany(annotations: readonly Annotation[]): void {
      db.transaction(() => {
        for (const annotation of annotations) update.run(parameters(annotation))
      })()
    },
    findById(id: string): (Annotation & { deletedAt: number | null }) | null {
      const row = selectById.get(id)
      return row ? { ...toAnnotation(row), deletedAt: row.deleted_at } : null
    },
    listForDocument(documentId: string): Annotation[] {
      return selectForDocument.all(documentId).map(toAnnotation)
    },
    setDeleted(id: string, deletedAt: number | null, now: number): void {
      setDeleted.run(deletedAt, now, id)
    },
    tagCounts(): { tag: string; count: number }[] {
      return selectTagCounts.all()
    }
  }
}

export type AnnotationRepository = ReturnType<typeof createAnnotationRepository>
