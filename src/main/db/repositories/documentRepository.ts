// Documents and their blocks: prepared statements and the mapping between rows and domain objects.
import {
  BlockKind,
  type Block,
  type BlockKindName,
  type BlockPage,
  type DocumentMetadata,
  type DocumentSummary,
  type SourceFormat
} from '../../../shared/types'
import { blockIdFor } from '../../../shared/document/layout'
import type { Db } from '../connection'

interface DocumentRow {
  id: string
  title: string
  metadata_json: string
  content_hash: string
  source_name: string
  bundled: number
  source_format: number
  block_count: number
  created_at: number
  updated_at: number
  last_opened_at: number | null
  removed_at: number | null
}

interface BlockRow {
  ordinal: number
  kind: number
  text: string
  start: number
  number: number | null
  section_ordinal: number | null
  refs_json: string
  marks_json: string
  pages_json: string | null
}

export interface StoredDocument {
  id: string
  metadata: DocumentMetadata
  contentHash: string
  sourceName: string
  sourceFormat: SourceFormat
  bundled: boolean
  createdAt: number
  updatedAt: number
  lastOpenedAt: number | null
  removedAt: number | null
  blockCount: number
}

/** The integers migration 006 stores for each source format. */
const sourceFormatNumber: Record<SourceFormat, number> = { text: 1, pdf: 2 }

const kindByNumber = new Map<number, BlockKindName>(
  Object.entries(BlockKind).map(([name, value]) => [value, name as BlockKindName])
)

function toStored(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    metadata: JSON.parse(row.metadata_json) as DocumentMetadata,
    contentHash: row.content_hash,
    sourceName: row.source_name,
    sourceFormat: row.source_format === sourceFormatNumber.pdf ? 'pdf' : 'text',
    bundled: row.bundled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastOpenedAt: row.last_opened_at,
    removedAt: row.removed_at,
    blockCount: row.block_count
  }
}

export function toSummary(document: StoredDocument): DocumentSummary {
  return {
    id: document.id,
    title: document.metadata.title,
    authors: document.metadata.authors,
    year: document.metadata.citation?.year ?? null,
    blockCount: document.blockCount,
    bundled: document.bundled,
    sourceFormat: document.sourceFormat,
    createdAt: document.createdAt,
    lastOpenedAt: document.lastOpenedAt
  }
}

export function createDocumentRepository(db: Db) {
  const insertDocument = db.prepare(`
    INSERT INTO documents (id, title, metadata_json, content_hash, source_name, source_format, bundled,
                           block_count, created_at, updated_at, last_opened_at, removed_at)
    VALUES (@id, @title, @metadataJson, @contentHash, @sourceName, @sourceFormat, @bundled, @blockCount,
            @now, @now, NULL, NULL)`)
  const insertBlock = db.prepare(`
    INSERT INTO blocks (document_id, ordinal, kind, text, start, number, section_ordinal, refs_json, marks_json, pages_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const selectById = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?')
  const selectByHash = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE content_hash = ?')
  const selectPresent = db.prepare<[], DocumentRow>(
    'SELECT * FROM documents WHERE removed_at IS NULL ORDER BY bundled DESC, created_at ASC, id ASC'
  )
  const selectBlocks = db.prepare<[string], BlockRow>(
    'SELECT ordinal, kind, text, start, number, section_ordinal, refs_json, marks_json, pages_json FROM blocks WHERE document_id = ? ORDER BY ordinal'
  )
  const deleteBlocks = db.prepare('DELETE FROM blocks WHERE document_id = ?')
  const updateContent = db.prepare(`
    UPDATE documents SET title = @title, metadata_json = @metadataJson, content_hash = @contentHash,
      source_name = @sourceName, source_format = @sourceFormat, block_count = @blockCount, updated_at = @now
    WHERE id = @id`)
  const updateOpened = db.prepare('UPDATE documents SET last_opened_at = ? WHERE id = ?')
  const updateRemoved = db.prepare('UPDATE documents SET removed_at = ?, updated_at = ? WHERE id = ?')

  function writeBlock(documentId: string, block: Block): void {
    insertBlock.run(
      documentId,
      block.ordinal,
      BlockKind[block.kind],
      block.text,
      block.start,
      block.number,
      block.sectionId === null ? null : Number(block.sectionId.slice(1)),
      JSON.stringify(block.refs),
      JSON.stringify(block.marks),
      block.pages === null ? null : JSON.stringify(block.pages)
    )
  }

  return {
    insert(
      document: Omit<StoredDocument, 'createdAt' | 'updatedAt' | 'lastOpenedAt' | 'removedAt'>,
      blocks: Block[],
      now: number
    ): void {
      db.transaction(() => {
        insertDocument.run({
          id: document.id,
          title: document.metadata.title,
          metadataJson: JSON.stringify(document.metadata),
          contentHash: document.contentHash,
          sourceName: document.sourceName,
          sourceFormat: sourceFormatNumber[document.sourceFormat],
          bundled: document.bundled ? 1 : 0,
          blockCount: blocks.length,
          now
        })
        for (const block of blocks) writeBlock(document.id, block)
      })()
    },
    /** Replaces a document's text and structure (its id, and so its annotations, stay). */
    replaceContent(
      id: string,
      content: {
        metadata: DocumentMetadata
        contentHash: string
        sourceName: string
        sourceFormat: SourceFormat
      },
      blocks: Block[],
      now: number
    ): void {
      db.transaction(() => {
        deleteBlocks.run(id)
        updateContent.run({
          id,
          title: content.metadata.title,
          metadataJson: JSON.stringify(content.metadata),
          contentHash: content.contentHash,
          sourceName: content.sourceName,
          sourceFormat: sourceFormatNumber[content.sourceFormat],
          blockCount: blocks.length,
          now
        })
        for (const block of blocks) writeBlock(id, block)
      })()
    },
    findById(id: string): StoredDocument | null {
      const row = selectById.get(id)
      return row ? toStored(row) : null
    },
    findByHash(contentHash: string): StoredDocument | null {
      const row = selectByHash.get(contentHash)
      return row ? toStored(row) : null
    },
    listPresent(): StoredDocument[] {
      return selectPresent.all().map(toStored)
    },
    blocks(documentId: string): Block[] {
      return selectBlocks.all(documentId).map((row) => ({
        id: blockIdFor(row.ordinal),
        ordinal: row.ordinal,
        kind: kindByNumber.get(row.kind) ?? 'paragraph',
        text: row.text,
        start: row.start,
        number: row.number,
        sectionId: row.section_ordinal === null ? null : blockIdFor(row.section_ordinal),
        refs: JSON.parse(row.refs_json) as Block['refs'],
        marks: JSON.parse(row.marks_json) as Block['marks'],
        pages: row.pages_json === null ? null : (JSON.parse(row.pages_json) as BlockPage[])
      }))
    },
    markOpened(id: string, now: number): void {
      updateOpened.run(now, id)
    },
    setRemoved(id: string, removedAt: number | null, now: number): void {
      updateRemoved.run(removedAt, now, id)
    }
  }
}

export type DocumentRepository = ReturnType<typeof createDocumentRepository>
