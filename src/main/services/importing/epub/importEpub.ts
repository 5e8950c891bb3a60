// The EPUB import job of the import thread: the book read by the EPUB front end (archive limits,
// DRM and not-an-EPUB refusals, chapters through the sanitising HTML conversion, notes and
// contents), then prepared by the one structure builder like any other import. The book is known
// by the SHA-256 of its bytes, and its progress is its chapters read.
import { epubToMarkdown } from '../../../../shared/import/frontEnds/epub/epubToMarkdown'
import { UserError } from '../../../../shared/userError'
import type { FileJob } from '../pdf/importPdf'
import type { PdfProgress } from '../pdf/readPdf'
import { fileHashOf, prepareDocument, type PreparedDocument } from '../prepareDocument'

export function prepareEpub(
  job: FileJob,
  progress: (progress: PdfProgress) => void = () => undefined
): PreparedDocument {
  const converted = epubToMarkdown(job.bytes, (pagesRead, pageCount) => progress({ pagesRead, pageCount }))
  if (!converted.ok) throw new UserError('refused', converted.message)
  return prepareDocument(job.fileName, converted.markdown, {
    fileHash: fileHashOf(job.bytes),
    structured: true,
    warnings: converted.warnings
  })
}
