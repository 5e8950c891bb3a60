// What the library list shows beside each document (annotation and card counts, reading position)
// and the corrections a person can make to a document's details. Counts are grouped queries, so
// the list costs the same whether a document has ten notes or ten thousand.
import type { DocumentMetadata } from '../../../shared/types'
import type { Db } from '../connection'

export interface DocumentCounts {
  annotationCount: number
  cardCount: number
  /** Ordinal of the block the reader was last in, or null when never read. */
  readingOrdinal: number | null
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}

export function createLibraryRepository(db: Db) {
  const annotationCounts = db.prepare<[], { document_id: string; count: number }>(
    'SELECT document_id, COUNT(*) AS count FROM annotations WHERE deleted_at IS NULL GROUP BY document_id'
  )
  // The cards table arrives with migration 4; the library works without it.
  const cardCounts = tableExists(db, 'cards')
    ? db.prepare<[], { document_id: string; count: number }>(
        'SELECT document_id, COUNT(*) AS count FROM cards WHERE deleted_at IS NULL GROUP BY document_id'
      )
    : null
  const positions = db.prepare<[], { document_id: string; block_ordinal: number }>(
    'SELECT document_id, block_ordinal FROM reading_positions'
  )
  const selectMetadata = db.prepare<[string], { metadata_json: string }>(
    'SELECT metadata_json FROM documents WHERE id = ?'
  )
  const updateMetadata = db.prepare(
    'UPDATE documents SET title = ?, metadata_json = ?, updated_at = ? WHERE id = ?'
  )

  return {
    counts(): Map<string, DocumentCounts> {
      const result = new Map<string, DocumentCounts>()
      const entry = (id: string): DocumentCounts => {
        let found = result.get(id)
        if (!found) {
          found = { annotationCount: 0, cardCount: 0, readingOrdinal: null }
          result.set(id, found)
        }
        return found
      }
      for (const row of annotationCounts.all()) entry(row.document_id).annotationCount = row.count
      for (const row of cardCounts?.all() ?? []) entry(row.document_id).cardCount = row.count
      for (const row of positions.all()) entry(row.document_id).readingOrdinal = row.block_ordinal
      return result
    },
    /** Changes title and authors, keeping the rest of the metadata as the importer found it. */
    updateDetails(id: string, title: string, authors: string[], now: number): DocumentMetadata | null {
      const row = selectMetadata.get(id)
      if (!row) return null
      const metadata = { ...(JSON.parse(row.metadata_json) as DocumentMetadata), title, authors }
      updateMetadata.run(title, JSON.stringify(metadata), now, id)
      return metadata
    }
  }
}

export type LibraryRepository = ReturnType<typeof createLibraryRepository>
