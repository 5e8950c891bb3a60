// The original PDF of a document (migration 7 says why it lives in the database): stored with the
// document, replaced when the document is updated from a newer PDF, read back for "Show page".
import type { Db } from '../connection'

export function createPdfRepository(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO document_pdfs (document_id, sha256, bytes, stored_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (document_id) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes,
      stored_at = excluded.stored_at`)
  const selectBytes = db.prepare<[string], { bytes: Buffer }>(
    'SELECT bytes FROM document_pdfs WHERE document_id = ?'
  )
  const selectPresence = db.prepare<[string], { found: number }>(
    'SELECT 1 AS found FROM document_pdfs WHERE document_id = ?'
  )
  const remove = db.prepare('DELETE FROM document_pdfs WHERE document_id = ?')

  return {
    put(documentId: string, sha256: string, bytes: Uint8Array, now: number): void {
      upsert.run(documentId, sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), now)
    },
    /** The PDF's bytes, or null when the document was not imported from a PDF kept here. */
    bytes(documentId: string): Uint8Array | null {
      const row = selectBytes.get(documentId)
      // A copy of its own: a view into a larger buffer would carry all of it through IPC.
      return row ? new Uint8Array(row.bytes) : null
    },
    has(documentId: string): boolean {
      return selectPresence.get(documentId) !== undefined
    },
    remove(documentId: string): void {
      remove.run(documentId)
    }
  }
}

export type PdfRepository = ReturnType<typeof createPdfRepository>
