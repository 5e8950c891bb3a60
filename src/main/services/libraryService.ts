// The library as a list a person manages: each document with its counts and reading progress,
// corrections to title and author, Undo of a removal, and "Update from file…" (the text replaced,
// the annotations re-anchored or listed as orphaned).
import {
  fullTextOf,
  type PlacementItem,
  type PlacementJob,
  type PlannedPlacement
} from '../../shared/anchoring'
import type { DocumentSummary } from '../../shared/types'
import type { LibraryEntry, UpdateFromFileResult } from '../../shared/library/types'
import type { DocumentRepository } from '../db/repositories/documentRepository'
import { toSummary } from '../db/repositories/documentRepository'
import type { LibraryRepository } from '../db/repositories/libraryRepository'
import type { DocumentService } from './documentService'
import type { PreparedDocument } from './importing/prepareDocument'
import { UserError } from '../../shared/userError'
import { hasPdfSignature } from '../../shared/import/frontEnds/pdf/isPdf'

export interface LibraryServiceDependencies {
  documents: DocumentRepository
  documentService: Pick<
    DocumentService,
    'listDocuments' | 'requirePresent' | 'replaceContent' | 'prepare' | 'prepareFile'
  >
  library: LibraryRepository
  /** Where the document's notes and cards are, for planning their places in its new text. */
  placementItems: (documentId: string) => PassagesOf<PlacementItem>
  /** Plans every passage's place in a new text, off the main thread (importRunners.place). */
  placePassages: (job: PlacementJob) => Promise<PlannedPlacement[]>
  /** Places the notes and cards in the stored new text, using the plan for passages still as planned. */
  reanchorDocument: (
    documentId: string,
    planned: PassagesOf<PlannedPlacement>
  ) => { anchored: number; orphaned: number }
  /** Runs `work` in one database transaction: all of it is committed, or none. */
  inTransaction: <T>(work: () => T) => T
  now: () => number
}

/** The same kind of thing for a document's notes and for its cards. */
export interface PassagesOf<T> {
  notes: T[]
  cards: T[]
}

export const maxTitleLength = 500
export const maxAuthorLength = 200
export const maxAuthors = 50

/** Collapses white space and drops control and bidi-override characters from a detail typed by a person. */
export function cleanDetail(text: string): string {
  return text
    .replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC')
}

export function createLibraryService(dependencies: LibraryServiceDependencies) {
  const { documents, documentService, library, now } = dependencies

  // Parsed off the main thread first, and the notes' and cards' places in the new text planned
  // there too (an approximate search through a long text can take seconds); then the new text and
  // the new places land together: a crash in between must never leave notes anchored at offsets of
  // the old text. A passage edited while the plan was made is placed again in the transaction.
  async function replaceWith(
    documentId: string,
    fileName: string,
    prepared: PreparedDocument,
    pdf?: Uint8Array
  ): Promise<UpdateFromFileResult> {
    const before = documentService.requirePresent(documentId).contentHash
    const planned = await planPlaces(documentId, before, prepared)
    return dependencies.inTransaction(() => {
      if (documentService.requirePresent(documentId).contentHash !== before) {
        throw new UserError(
          'conflict',
          'The document was changed by another update while this one ran. Nothing was changed by this one: try again.'
        )
      }
      const replaced = documentService.replaceContent(documentId, fileName, prepared, pdf)
      if (replaced.unchanged) return { unchanged: true, anchored: 0, orphaned: 0, warnings: [] }
      const { anchored, orphaned } = dependencies.reanchorDocument(documentId, planned)
      return { unchanged: false, anchored, orphaned, warnings: replaced.warnings }
    })
  }

  async function planPlaces(
    documentId: string,
    currentHash: string,
    prepared: PreparedDocument
  ): Promise<PassagesOf<PlannedPlacement>> {
    const { parsed } = prepared
    if (!parsed.ok || prepared.contentHash === currentHash) return { notes: [], cards: [] }
    const { notes, cards } = dependencies.placementItems(documentId)
    if (notes.length + cards.length === 0) return { notes: [], cards: [] }
    const fullText = fullTextOf(parsed.blocks)
    const blocks = parsed.blocks.map(({ id, start, text }) => ({ id, start, text }))
    const placed = await dependencies.placePassages({ fullText, blocks, items: [...notes, ...cards] })
    return { notes: placed.slice(0, notes.length), cards: placed.slice(notes.length) }
  }

  return {
    listLibrary(): LibraryEntry[] {
      const counts = library.counts()
      return documentService.listDocuments().map((document) => {
        const count = counts.get(document.id)
        const ordinal = count?.readingOrdinal ?? null
        const progress =
          ordinal === null || document.blockCount === 0
            ? null
            : Math.min(1, (ordinal + 1) / document.blockCount)
        return {
          ...document,
          annotationCount: count?.annotationCount ?? 0,
          cardCount: count?.cardCount ?? 0,
          progress,
          sourceName: documents.findById(document.id)?.sourceName ?? ''
        }
      })
    },

    updateDocumentDetails(documentId: string, title: string, authors: string[]): DocumentSummary {
      documentService.requirePresent(documentId)
      const cleanTitle = cleanDetail(title)
      if (cleanTitle === '') throw new UserError('invalid-input', 'A document needs a title: type one.')
      if (cleanTitle.length > maxTitleLength) {
        throw new UserError(
          'invalid-input',
          `That title is ${cleanTitle.length} characters long; the most is ${maxTitleLength}.`
        )
      }
      const cleanAuthors = authors.map(cleanDetail).filter((author) => author !== '')
      if (
        cleanAuthors.length > maxAuthors ||
        cleanAuthors.some((author) => author.length > maxAuthorLength)
      ) {
        throw new UserError(
          'invalid-input',
          `Give at most ${maxAuthors} authors of up to ${maxAuthorLength} characters each.`
        )
      }
      library.updateDetails(documentId, cleanTitle, cleanAuthors, now())
      return toSummary(documentService.requirePresent(documentId))
    },

    /** Brings back a removed document (Undo); a document that is present stays as it is. */
    restoreDocument(documentId: string): DocumentSummary {
      const document = documents.findById(documentId)
      if (!document) throw new UserError('not-found', 'That document is no longer in the library.')
      if (document.removedAt !== null) documents.setRemoved(documentId, null, now())
      return toSummary({ ...document, removedAt: null })
    },

    async updateFromFile(documentId: string, fileName: string, text: string): Promise<UpdateFromFileResult> {
      documentService.requirePresent(documentId)
      return replaceWith(documentId, fileName, await documentService.prepare(fileName, text))
    },

    /** "Update from file…" with a PDF's or EPUB's bytes. */
    async updateFromFileBytes(
      documentId: string,
      fileName: string,
      bytes: Uint8Array,
      importId?: string
    ): Promise<UpdateFromFileResult> {
      documentService.requirePresent(documentId)
      const prepared = await documentService.prepareFile(fileName, bytes, importId)
      // A PDF's bytes are kept for "Show page"; an EPUB's are not (replaceContent drops an old PDF).
      return replaceWith(documentId, fileName, prepared, hasPdfSignature(bytes) ? bytes : undefined)
    }
  }
}

export type LibraryService = ReturnType<typeof createLibraryService>
