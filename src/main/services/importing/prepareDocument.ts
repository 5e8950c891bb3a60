// A text made ready to store: normalised, hashed, parsed and laid out. Pure work on plain data, so
// that it runs on the import thread: a crafted 560 KB file once held every other request for 15 s.
import { createHash } from 'node:crypto'
import { layoutBlocks } from '../../../shared/document/layout'
import { parseDocument } from '../../../shared/import/structure/parseDocument'
import { binaryTextProblem } from '../../../shared/import/frontEnds/decodeFile'
import { isPlainTextName, splitLongLines } from '../../../shared/import/frontEnds/plainText'
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

export interface PrepareOptions {
  /** A binary file's own SHA-256 (a PDF or EPUB is known by its bytes, not by the text read from it). */
  fileHash?: string
  /** A PDF's printed page labels, for the page marks in its text (import/structure/pageMarks). */
  pageLabels?: readonly string[]
  /** The front end marked paragraphs and notes itself (EPUB; see ParseOptions). */
  structured?: boolean
  /** What the front end did that the person should know, put before the structure builder's. */
  warnings?: readonly string[]
}

export function prepareDocument(
  fileName: string,
  rawText: string,
  options: PrepareOptions = {}
): PreparedDocument {
  const text = normalizeText(rawText)
  const contentHash = options.fileHash ?? contentHashOf(text)
  const { pageLabels } = options
  const sourceFormat: SourceFormat = pageLabels ? 'pdf' : 'text'
  // The renderer refuses binary data when it decodes a file; any other client of the API is checked here.
  const binary = binaryTextProblem(rawText)
  if (binary !== null) return { contentHash, sourceFormat, parsed: { ok: false, message: binary } }
  // A plain-text file whose lines are whole speeches gets paragraphs (the hash is the file's text).
  const split = isPlainTextName(fileName) ? splitLongLines(text) : { text, warning: null }
  const parsed = parseDocument(split.text, {
    fileName,
    structured: options.structured ?? false,
    ...(pageLabels ? { pageLabels } : {})
  })
  if (!parsed.ok) return { contentHash, sourceFormat, parsed: { ok: false, message: parsed.message } }
  const { blocks, warnings, ...metadata } = parsed.document
  if (split.warning !== null) warnings.unshift(split.warning)
  warnings.unshift(...(options.warnings ?? []))
  return { contentHash, sourceFormat, parsed: { ok: true, metadata, blocks: layoutBlocks(blocks), warnings } }
}
