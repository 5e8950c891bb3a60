// The documents in the library: list, open, import (texts, and PDFs from their bytes, with progress),
// remove, and the original PDF of one ("Show page"). The document service is shared with
// other features (annotations read its text, search indexes it), so the composition root builds it.
import type { DocumentService } from '../../services/documentService'
import type { FeatureHandlers } from './feature'

export type DocumentHandlerName =
  | 'listDocuments'
  | 'getDocument'
  | 'importDocument'
  | 'importDocumentFile'
  | 'getImportProgress'
  | 'removeDocument'
  | 'getDocumentPdf'

export function createDocumentHandlers(documents: DocumentService): FeatureHandlers<DocumentHandlerName> {
  return {
    handlers: {
      listDocuments: () => documents.listDocuments(),
      getDocument: ({ documentId }) => documents.getDocument(documentId),
      importDocument: ({ fileName, text }) => documents.importDocument(fileName, text),
      importDocumentFile: ({ fileName, bytes, importId }) =>
        documents.importDocumentFile(fileName, bytes, importId),
      getImportProgress: ({ importId }) => documents.importProgress(importId),
      removeDocument: ({ documentId }) => documents.removeDocument(documentId),
      getDocumentPdf: ({ documentId }) => documents.pdfOf(documentId)
    }
  }
}
