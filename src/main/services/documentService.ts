// Importing, listing, opening and removing documents. Business rules live here: the same text is
// stored once (content hash), the bundled article is imported on first start only and stays
// removed once the reader removes it.
import { randomUUID } from 'node:crypto'
import type { ImportProgress, ImportResult } from '../../shared/contract'
import { maxImportBytes, tooLargeMessage } from '../../shared/import/frontEnds/decodeFile'
import { hasPdfSignature, isPdfFileName } from '../../shared/import/frontEnds/pdf/isPdf'
import { isEpubFile, prepareFile, type FileJob } from './importing/prepareFile'
import { fullTextOf } from '../../shared/document/layout'
import { normalizeText } from '../../shared/text/normalize'
import type { Block, DocumentSummary, DocumentView } from '../../shared/types'
import type { Db } from '../db/connection'
import { toSummary, type DocumentRepository } from '../db/repositories/documentRepository'
import { createPdfRepository } from '../db/repositories/pdfRepository'
import type { createBundledImportRepository } from '../db/repositories/settingsRepository'
import { UserError } from '../../shared/userError'
import {
  contentHashOf,
  fileHashOf,
  prepareDocument,
  type PreparedDocument
} from './importing/prepareDocument'

export { contentHashOf }

export interface DocumentServiceDependencies {
  db: Db
  documents: DocumentRepository
  bundledImports: ReturnType<typeof createBundledImportRepository>
  now: () => number
  /** Prepares an imported text off the main thread (importRunners.ts); in-thread when absent. */
  parse?: (fileName: string, text: string) => Promise<PreparedDocument>
  /** Reads and prepares a PDF or EPUB off the main thread (importRunners.ts); in-thread when absent. */
  parseFile?: (job: FileJob, onProgress: (progress: ImportProgress) => void) => Promise<PreparedDocument>
}

export const noPdfMessage =
  'The original PDF of this document is not in the library: it was imported from a text file, or before Scholia kept PDFs. Import the PDF again to keep it (your notes stay).'

export const notPdfMessage =
  'Only PDF and EPUB files are imported from their bytes; this file is neither. Markdown, text and HTML files are read as text.'

export function createDocumentService({
  db,
  documents,
  bundledImports,
  now,
  parse = (fileName, text) => Promise.resolve(prepareDocument(fileName, text)),
  parseFile = (job, onProgress) => prepareFile(job, onProgress)
}: DocumentServiceDependencies) {
  /** Imports from bytes under way, by the id the renderer polls getImportProgress with. */
  const progressById = new Map<string, ImportProgress>()
  const pdfs = createPdfRepository(db)

  /**
   * Keeps a document's PDF, unless the library already has it. A document known by a PDF's SHA-256
   * was read from exactly these bytes, so importing the same PDF again gives a document imported
   * before PDFs were kept its PDF, and changes nothing otherwise.
   */
  function keepPdf(documentId: string, bytes: Uint8Array): void {
    if (!pdfs.has(documentId)) pdfs.put(documentId, fileHashOf(bytes), bytes, now())
  }

  /** A file sent as bytes must be a PDF or EPUB within the import limit; refused with what it is otherwise. */
  function checkFile(fileName: string, bytes: Uint8Array): void {
    if (bytes.byteLength > maxImportBytes) throw new UserError('refused', tooLargeMessage(bytes.byteLength))
    // An EPUB that is not one (not a ZIP, DRM, no container) is refused by its front end, with the reason.
    if (hasPdfSignature(bytes) || isEpubFile(fileName, bytes)) return
    throw new UserError(
      'refused',
      isPdfFileName(fileName)
        ? 'This file is named .pdf but is not a PDF (it does not start as one): it is damaged or mislabelled. Nothing was imported.'
        : notPdfMessage
    )
  }

  /** The PDF or EPUB read on the import thread; its pages (chapters) read so far are kept under `importId`. */
  async function readFile(fileName: string, bytes: Uint8Array, importId?: string): Promise<PreparedDocument> {
    if (importId !== undefined) progressById.set(importId, { pagesRead: 0, pageCount: 0 })
    try {
      return await parseFile({ fileName, bytes }, (progress) => {
        if (importId !== undefined) progressById.set(importId, progress)
      })
    } finally {
      if (importId !== undefined) progressById.delete(importId)
    }
  }

  /** The document already stored under this hash, offered instead of a duplicate; null when none is. */
  function offerExisting(contentHash: string): ImportResult | null {
    const existing = documents.findByHash(contentHash)
    if (!existing) return null
    // Importing a removed document again brings it back rather than making a duplicate.
    if (existing.removedAt !== null) documents.setRemoved(existing.id, null, now())
    return { document: toSummary(existing), existing: true, warnings: [] }
  }

  function importText(fileName: string, prepared: PreparedDocument, bundled: boolean): ImportResult {
    const { contentHash, parsed, sourceFormat } = prepared
    // Checked after parsing too: the same text may have been imported while this one was parsed.
    const existing = offerExisting(contentHash)
    if (existing) return existing
    if (!parsed.ok) throw new UserError('refused', parsed.message)
    const { blocks, warnings, metadata } = parsed
    const id = randomUUID()
    const stored = {
      id,
      metadata,
      contentHash,
      sourceName: fileName,
      sourceFormat,
      bundled,
      blockCount: blocks.length
    }
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
    async importDocument(fileName: string, text: string): Promise<ImportResult> {
      return importText(fileName, await parse(fileName, text), false)
    },

    /**
     * Imports a PDF or EPUB from its bytes. The file's SHA-256 identifies it: the same file imported
     * again is offered as the document already there, without reading it again.
     */
    async importDocumentFile(fileName: string, bytes: Uint8Array, importId?: string): Promise<ImportResult> {
      checkFile(fileName, bytes)
      const known = offerExisting(fileHashOf(bytes))
      // Only a PDF is kept ("Show page"); an EPUB has no pages to show.
      const pdf = hasPdfSignature(bytes) ? bytes : null
      if (known) {
        if (pdf) keepPdf(known.document.id, pdf)
        return known
      }
      const prepared = await readFile(fileName, bytes, importId)
      // The document and its PDF are stored together, or neither is.
      return db.transaction(() => {
        const result = importText(fileName, prepared, false)
        if (pdf) keepPdf(result.document.id, pdf)
        return result
      })()
    },

    /** The original PDF of a document imported from one ("Show page"). */
    pdfOf(documentId: string): Uint8Array {
      requirePresent(documentId)
      const bytes = pdfs.bytes(documentId)
      if (!bytes) throw new UserError('not-found', noPdfMessage)
      return bytes
    },

    /** Reads a PDF or EPUB for replaceContent ("Update from file…"), on the import thread, with progress. */
    prepareFile(fileName: string, bytes: Uint8Array, importId?: string): Promise<PreparedDocument> {
      checkFile(fileName, bytes)
      return readFile(fileName, bytes, importId)
    },

    importProgress: (importId: string): ImportProgress | null => progressById.get(importId) ?? null,

    /** Parses a text for replaceContent, off the main thread where it can. */
    prepare: (fileName: string, text: string): Promise<PreparedDocument> => parse(fileName, text),

    /** Imports a text that ships with Scholia, once: never again after it was imported (or removed). */
    importBundled(resourceName: string, rawText: string): ImportResult | null {
      const hash = contentHashOf(normalizeText(rawText))
      if (bundledImports.wasImported(resourceName, hash)) return null
      return db.transaction(() => {
        const result = importText(resourceName, prepareDocument(resourceName, rawText), true)
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
        contentHash: document.contentHash,
        hasPdf: pdfs.has(documentId)
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
     * `pdf`: the bytes the text was read from, kept in place of the old PDF; a text from any other
     * file drops the old PDF, whose pages are no longer those of the text. Run it in a transaction
     * (libraryService does) so that the text and its PDF change together.
     */
    replaceContent(
      documentId: string,
      fileName: string,
      prepared: PreparedDocument,
      pdf?: Uint8Array
    ): { unchanged: boolean; warnings: string[] } {
      const current = requirePresent(documentId)
      const { contentHash, parsed, sourceFormat } = prepared
      if (contentHash === current.contentHash) {
        if (pdf) keepPdf(documentId, pdf)
        return { unchanged: true, warnings: [] }
      }
      const other = documents.findByHash(contentHash)
      if (other && other.id !== documentId) {
        throw new UserError('conflict', `That text is already in the library as "${other.metadata.title}".`)
      }
      if (!parsed.ok) throw new UserError('refused', parsed.message)
      const { blocks, warnings, metadata } = parsed
      documents.replaceContent(
        documentId,
        { metadata, contentHash, sourceName: fileName, sourceFormat },
        blocks,
        now()
      )
      if (pdf) pdfs.put(documentId, contentHash, pdf, now())
      else pdfs.remove(documentId)
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
