// A text made ready to store: normalised, hashed, parsed and laid out. Pure work on plain data, so
// that it runs on the import thread: a crafted 560 KB file once held every other request for 15 s.
import { createHash } from 'node:crypto'
import { layoutBlocks } from '../../../shared/document/layout'
import { parseDocument } from '../../../shared/import/structure/parseDocument'
import { binaryTextProblem } from '../../../shared/import/frontEnds/decodeFile'
import { normalizeText } from '../../../shared/text/normalize'
import type { Block, DocumentMetadata, SourceFormat } from '../../../shared/types'

export interface PreparedDocument {
  /** The normalised text's hash: the same text is stored once. */
  contentHash: string
  sourceFormat: SourceFormat
  parsed:
    | { ok: true; metadata: DocumentMetadata; blocks: Block[]; warnings: string[] }
    | { ok: false; message: string }
}

export function contentHashOf(normalizedText: string): string {
  return createHash('sha256').update(normalizedText, 'utf8').digest('hex')
}

/** The SHA-256 of a file's bytes: the same PDF is stored once. */
export function fileHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** What the PDF front end adds to the text it read from a PDF. */
export interface PdfSource {
  /** The file's own SHA-256: a PDF is known by its bytes, not by the text read from it. */
  fileHash: string
  /** Each page's printed label, for the page marks in the text (import/structure/pageMarks). */
  pageLabels: readonly string[]
}

export function prepareDocument(fileName: string, rawText: string, pdf?: PdfSource): PreparedDocument {
  const text = normalizeText(rawText)
  const contentHash = pdf?.fileHash ?? contentHashOf(text)
  const sourceFormat: SourceFormat = pdf ? 'pdf' : 'text'
  // The renderer refuses binary data when it decodes a file; any other client of the API is checked here.
  const binary = binaryTextProblem(rawText)
  if (binary !== null) return { contentHash, sourceFormat, parsed: { ok: false, message: binary } }
  const parsed = parseDocument(text, pdf ? { fileName, pageLabels: pdf.pageLabels } : { fileName })
  if (!parsed.ok) return { contentHash, sourceFormat, parsed: { ok: false, message: parsed.message } }
  const { blocks, warnings, ...metadata } = parsed.document
  return { contentHash, sourceFormat, parsed: { ok: true, metadata, blocks: layoutBlocks(blocks), warnings } }
}
