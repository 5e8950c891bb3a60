// Reading a file the person picked or dropped, with progress: size checked before anything is
// read, bytes read with FileReader (which reports progress), then either decoded and converted by
// the shared prepareImport (the same code the tests run) and sent as text, or — a PDF or an EPUB —
// sent as bytes to the back end, which reads it on its import thread while this polls the pages
// (chapters) read.
import type { ImportResult } from '../../../shared/contract'
import { maxImportBytes, tooLargeMessage } from '../../../shared/import/frontEnds/decodeFile'
import { hasEpubSignature, isEpubFileName } from '../../../shared/import/frontEnds/epub/isEpub'
import { hasPdfSignature, isPdfFileName } from '../../../shared/import/frontEnds/pdf/isPdf'
import { prepareImport } from '../../../shared/import/frontEnds/prepareImport'
import type { UpdateFromFileResult } from '../../../shared/library/types'
import { api } from '../api/client'

export interface ImportProgress {
  fileName: string
  phase: 'reading' | 'decoding' | 'pages' | 'chapters' | 'storing'
  /** 0..1 while reading and while a PDF's pages (an EPUB's chapters) are read; null while the back end works otherwise. */
  fraction: number | null
}

export class ImportRefusal extends Error {
  constructor(fileName: string, reason: string) {
    super(`${fileName}: ${reason}`)
    this.name = 'ImportRefusal'
  }
}

export function readFileBytes(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    }
    reader.onerror = () => reject(new ImportRefusal(file.name, 'the file could not be read.'))
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.readAsArrayBuffer(file)
  })
}

/** Lets the progress bar paint before a long synchronous step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, 16))
}

function checkSize(file: File): void {
  if (file.size > maxImportBytes) throw new ImportRefusal(file.name, tooLargeMessage(file.size))
}

async function bytesOf(file: File, onProgress: (progress: ImportProgress) => void): Promise<Uint8Array> {
  checkSize(file)
  onProgress({ fileName: file.name, phase: 'reading', fraction: 0 })
  return readFileBytes(file, (fraction) => onProgress({ fileName: file.name, phase: 'reading', fraction }))
}

async function textFrom(
  file: File,
  bytes: Uint8Array,
  onProgress: (progress: ImportProgress) => void
): Promise<{ text: string; notes: string[] }> {
  onProgress({ fileName: file.name, phase: 'decoding', fraction: 1 })
  await nextFrame()
  const prepared = prepareImport(bytes, file.name)
  if (!prepared.ok) throw new ImportRefusal(file.name, prepared.message)
  onProgress({ fileName: file.name, phase: 'storing', fraction: null })
  await nextFrame()
  return { text: prepared.text, notes: prepared.notes }
}

const progressPollMs = 250

/** Runs `send` (a PDF's or EPUB's bytes to the back end) while polling the pages its import thread has read. */
async function withPageProgress<T>(
  file: File,
  bytes: Uint8Array,
  onProgress: (progress: ImportProgress) => void,
  send: (importId: string) => Promise<T>
): Promise<T> {
  const phase = isEpub(file, bytes) ? 'chapters' : 'pages'
  onProgress({ fileName: file.name, phase, fraction: null })
  const importId = crypto.randomUUID()
  const poll = window.setInterval(() => {
    api
      .getImportProgress({ importId })
      .then((progress) => {
        if (progress && progress.pageCount > 0)
          onProgress({ fileName: file.name, phase, fraction: progress.pagesRead / progress.pageCount })
      })
      .catch(() => undefined)
  }, progressPollMs)
  try {
    return await send(importId)
  } catch (cause) {
    throw new ImportRefusal(file.name, cause instanceof Error ? cause.message : String(cause))
  } finally {
    window.clearInterval(poll)
  }
}

const isPdf = (file: File, bytes: Uint8Array): boolean => isPdfFileName(file.name) || hasPdfSignature(bytes)
const isEpub = (file: File, bytes: Uint8Array): boolean =>
  isEpubFileName(file.name) || hasEpubSignature(bytes)
/** Files read from their bytes on the back end's import thread. */
const isBook = (file: File, bytes: Uint8Array): boolean => isPdf(file, bytes) || isEpub(file, bytes)

export async function importFile(
  file: File,
  onProgress: (progress: ImportProgress) => void
): Promise<ImportResult & { notes: string[] }> {
  const bytes = await bytesOf(file, onProgress)
  if (isBook(file, bytes)) {
    const result = await withPageProgress(file, bytes, onProgress, (importId) =>
      api.importDocumentFile({ fileName: file.name, bytes, importId })
    )
    return { ...result, notes: [] }
  }
  const { text, notes } = await textFrom(file, bytes, onProgress)
  const result = await api.importDocument({ fileName: file.name, text })
  return { ...result, notes }
}

export async function updateFromFile(
  documentId: string,
  file: File,
  onProgress: (progress: ImportProgress) => void
): Promise<UpdateFromFileResult> {
  const bytes = await bytesOf(file, onProgress)
  if (isBook(file, bytes)) {
    return withPageProgress(file, bytes, onProgress, (importId) =>
      api.updateDocumentFromFileBytes({ documentId, fileName: file.name, bytes, importId })
    )
  }
  const { text } = await textFrom(file, bytes, onProgress)
  return api.updateDocumentFromFile({ documentId, fileName: file.name, text })
}

export const importAccept =
  '.md,.markdown,.txt,.text,.html,.htm,.xhtml,.pdf,.epub,text/plain,text/markdown,text/html,application/pdf,application/epub+zip'
