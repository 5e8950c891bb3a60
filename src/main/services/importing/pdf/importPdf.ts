// The PDF import job of the import thread: the text layer read by PDF.js (readPdf), turned into
// Markdown-like text by the PDF front end (pdfToMarkdown, with an English word list for the
// hyphen rule), then prepared by the one structure builder like any other import. The document is
// known by the SHA-256 of the file's bytes.
import { createRequire } from 'node:module'
import { pdfToMarkdown } from '../../../../shared/import/frontEnds/pdf/pdfToMarkdown'
import { UserError } from '../../../../shared/userError'
import { fileHashOf, prepareDocument, type PreparedDocument } from '../prepareDocument'
import { noTextLayerMessage, readPdfPages, type PdfProgress } from './readPdf'

export interface PdfJob {
  fileName: string
  bytes: Uint8Array
}

let englishWords: Set<string> | null = null

/** an-array-of-english-words (~275,000 words), loaded once per thread on the first PDF. */
function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[])
  return englishWords.has(word)
}

export async function preparePdf(
  job: PdfJob,
  progress: (progress: PdfProgress) => void = () => undefined
): Promise<PreparedDocument> {
  const pages = await readPdfPages(job.bytes, progress)
  const { markdown, pageLabels, textCharacters } = pdfToMarkdown(pages, { isWord: isEnglishWord })
  if (textCharacters === 0) throw new UserError('refused', noTextLayerMessage)
  return prepareDocument(job.fileName, markdown, { fileHash: fileHashOf(job.bytes), pageLabels })
}
