// The library as a list a person manages: each document with its counts and reading progress,
// corrections to title and author, Undo of a removal, and "Update from file…" (the text replaced,
// the annotations re-anchored or listed as orphaned).
import type { DocumentSummary } from '../../shared/types'
import type { LibraryEntry, UpdateFromFileResult } from '../../shared/library/types'
import type { DocumentRepository } from '../db/repositories/documentRepository'
import { toSummary } from '../db/repositories/documentRepository'
import type { LibraryRepository } from '../db/repositories/libraryRepository'
import type { DocumentService } from './documentService'
import type { PreparedDocument } from './importing/prepareDocument'
import { UserError } from '../../shared/userError'

export interface LibraryServiceDependencies {
  documents: DocumentRepository
  documentService: Pick<
    DocumentService,
    'listDocuments' | 'requirePresent' | 'replaceContent' | 'prepare' | 'preparePdf'
  >
  library: LibraryRepository
  reanchorDocument: (documentId: string) => { anchored: number; orphaned: number }
  /** Runs `work` in one database transaction: all of it is committed, or none. */
  inTransaction: <T>(work: () => T) => T
  now: () => number
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

  // Parsed off the main thread first; then the new text and the notes' and cards' new places
  // land together: a crash in between must never leave notes anchored at offsets of the old text.
  function replaceWith(
    documentId: string,
    fileName: string,
    prepared: PreparedDocument,
    pdf?: Uint8Array
  ): UpdateFromFileResult {
    return dependencies.inTransaction(() => {
      const replaced = documentService.replaceContent(documentId, fileName, prepared, pdf)
      if (replaced.unchanged) return { unchanged: true, anchored: 0, orphaned: 0, warnings: [] }
      const { anchored, orphaned } = dependencies.reanchorDocument(documentId)
      return { unchanged: false, anchored, orphaned, warnings: replaced.warnings }
    })
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

    /** "Update from file…" with a PDF's bytes. */
    async updateFromPdf(
      documentId: string,
      fileName: string,
      bytes: Uint8Array,
      importId?: string
    ): Promise<UpdateFromFileResult> {
      documentService.requirePresent(documentId)
      const prepared = await documentService.preparePdf(fileName, bytes, importId)
      return replaceWith(documentId, fileName, prepared, bytes)
    }
  }
}

export type LibraryService = ReturnType<typeof createLibraryService>
