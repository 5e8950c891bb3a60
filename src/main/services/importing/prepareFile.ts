// A file imported from its bytes, on the import thread: an EPUB (by its name or the signature of
// its first entry) goes to the EPUB front end, anything else to PDF.js, which refuses what is not
// a PDF. Both end in the one structure builder.
import { hasEpubSignature, isEpubFileName } from '../../../shared/import/frontEnds/epub/isEpub'
import { prepareEpub } from './epub/importEpub'
import { preparePdf, type FileJob } from './pdf/importPdf'
import type { PdfProgress } from './pdf/readPdf'
import type { PreparedDocument } from './prepareDocument'

export type { FileJob }
/** Pages read of a PDF, chapters read of an EPUB. */
export type FileProgress = PdfProgress

export function isEpubFile(fileName: string, bytes: Uint8Array): boolean {
  return isEpubFileName(fileName) || hasEpubSignature(bytes)
}

export async function prepareFile(
  job: FileJob,
  progress: (progress: FileProgress) => void = () => undefined
): Promise<PreparedDocument> {
  if (isEpubFile(job.fileName, job.bytes)) return prepareEpub(job, progress)
  return preparePdf(job, progress)
}
