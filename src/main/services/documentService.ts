// Importing, listing, opening and removing documents. Business rules live here: the same text is
// stored once (content hash), the bundled article is imported on first start only and stays
// removed once the reader removes it.
import { createHash, randomUUID } from 'node:crypto'
import type { ImportResult } from '../../shared/contract'
import { fullTextOf, layoutBlocks } from '../../shared/document/layout'
import { parseDocument } from '../../shared/import/parseDocument'
import { binaryTextProblem } from '../../shared/importing/decodeFile'
import { normalizeText } from '../../shared/text/normalize'
import type { Block, DocumentSummary, DocumentView } from '../../shared/types'
import type { Db } from '../db/connection'
import { toSummary, type DocumentRepository } from '../db/repositories/documentRepository'
import type { createBundledImportRepository } from '../db/repositories/settingsRepository'
import { UserError } from '../app/userError'

export interface DocumentServiceDependencies {
  db: Db
  documents: DocumentRepository
  bundledImports: ReturnType<typeof createBundledImportRepository>
  now: () => number
}

export function contentHashOf(normalizedText: string): string {
  return createHash('sha256').update(normalizedText, 'utf8').digest('hex')
}

/** The renderer refuses binary data when it decodes a file; any other client of the API is checked here. */
function refuseBinaryText(text: string): void {
  const problem = binaryTextProblem(text)
  if (problem !== null) throw new UserError('refused', problem)
}

export function createDocumentService({ db, documents, bundledImports, now }: DocumentServiceDependencies) {
  function importText(fileName: string, rawText: string, bundled: boolean): ImportResult {
    refuseBinaryText(rawText)
    const text = normalizeText(rawText)
    const contentHash = contentHashOf(text)
    const existing = documents.findByHash(contentHash)
    if (existing) {
      // Importing a removed document again brings it back rather than making a duplicate.
      if (existing.removedAt !== null) documents.setRemoved(existing.id, null, now())
      return { document: toSummary(existing), existing: true, warnings: [] }
    }
    const parsed = parseDocument(text, { fileName })
    if (!parsed.ok) throw new UserError('refused', parsed.message)
    const { blocks: parsedBlocks, warnings, ...metadata } = parsed.document
    const blocks = layoutBlocks(parsedBlocks)
    const id = randomUUID()
    const stored = { id, metadata, contentHash, sourceName: fileName, bundled, blockCount: blocks.length }
    const time = now()
    documents.insert(stored, blocks, time)
    return {
      document: toSummary({
        ...stored,
        createdAt: time,
        updatedAt: time,
        lastOpenedAt: null,
        removedAt: null
      }),
      existing: false,
      warnings
    }
  }

  // Full texts are needed on every annotation save: keep the few most recent in memory.
  const textCache = new Map<string, { contentHash: string; fullText: string; blocks: Block[] }>()
  const textCacheSize = 8

  function requirePresent(documentId: string) {
    const document = documents.findById(documentId)
    if (!document || document.removedAt !== null) {
      throw new UserError('not-found', 'That document is not in the library (it may have been removed).')
    }
    return document
  }

  return {
    importDocument(fileName: string, text: string): ImportResult {
      return importText(fileName, text, false)
    },

    /** Imports a text that ships with Scholia, once: never again after it was imported (or removed). */
    importBundled(resourceName: string, rawText: string): ImportResult | null {
      const hash = contentHashOf(normalizeText(rawText))
      if (bundledImports.wasImported(resourceName, hash)) return null
      return db.transaction(() => {
        const result = importText(resourceName, rawText, true)
        bundledImports.record(resourceName, hash, now())
        return result
      })()
    },

    listDocuments(): DocumentSummary[] {
      return documents.listPresent().map(toSummary)
    },

    getDocument(documentId: string): DocumentView {
      const document = requirePresent(documentId)
      const openedAt = now()
      documents.markOpened(documentId, openedAt)
      return {
        summary: toSummary({ ...document, lastOpenedAt: openedAt }),
        metadata: document.metadata,
        blocks: documents.blocks(documentId),
        contentHash: document.contentHash
      }
    },

    removeDocument(documentId: string): { removed: true } {
      requirePresent(documentId)
      documents.setRemoved(documentId, now(), now())
      return { removed: true }
    },

    requirePresent,

    /**
     * Replaces a document's text with a changed version of it (the same document re-imported from
     * an edited file). Annotations must be re-anchored afterwards (annotationService.reanchorDocument).
     */
    replaceContent(
      documentId: string,
      fileName: string,
      rawText: string
    ): { unchanged: boolean; warnings: string[] } {
      const current = requirePresent(documentId)
      refuseBinaryText(rawText)
      const text = normalizeText(rawText)
      const contentHash = contentHashOf(text)
      if (contentHash === current.contentHash) return { unchanged: true, warnings: [] }
      const other = documents.findByHash(contentHash)
      if (other && other.id !== documentId) {
        throw new UserError('conflict', `That text is already in the library as "${other.metadata.title}".`)
      }
      const parsed = parseDocument(text, { fileName })
      if (!parsed.ok) throw new UserError('refused', parsed.message)
      const { blocks: parsedBlocks, warnings, ...metadata } = parsed.document
      documents.replaceContent(
        documentId,
        { metadata, contentHash, sourceName: fileName },
        layoutBlocks(parsedBlocks),
        now()
      )
      textCache.delete(documentId)
      return { unchanged: false, warnings }
    },

    /** The document's blocks and full text (the text annotation offsets count over). */
    documentText(documentId: string): { fullText: string; blocks: Block[] } {
      const document = requirePresent(documentId)
      const cached = textCache.get(documentId)
      if (cached && cached.contentHash === document.contentHash) {
        textCache.delete(documentId)
        textCache.set(documentId, cached)
        return cached
      }
      const blocks = documents.blocks(documentId)
      const entry = { contentHash: document.contentHash, fullText: fullTextOf(blocks), blocks }
      textCache.set(documentId, entry)
      if (textCache.size > textCacheSize) textCache.delete(textCache.keys().next().value as string)
      return entry
    }
  }
}

export type DocumentService = ReturnType<typeof createDocumentService>
