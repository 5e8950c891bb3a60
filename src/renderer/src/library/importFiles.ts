// Reading a file the person picked or dropped, with progress: size checked before anything is
// read, bytes read with FileReader (which reports progress), decoded and converted by the shared
// prepareImport (the same code the tests run), then stored by the back end.
import type { ImportResult } from '../../../shared/contract'
import { maxImportBytes, tooLargeMessage } from '../../../shared/import/frontEnds/decodeFile'
import { prepareImport } from '../../../shared/import/frontEnds/prepareImport'
import type { UpdateFromFileResult } from '../../../shared/library/types'
import { api } from '../api/client'

export interface ImportProgress {
  fileName: string
  phase: 'reading' | 'decoding' | 'storing'
  /** 0..1 while reading; null while the back end works (no finer measure exists). */
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

async function textOf(
  file: File,
  onProgress: (progress: ImportProgress) => void
): Promise<{ text: string; notes: string[] }> {
  if (file.size > maxImportBytes) throw new ImportRefusal(file.name, tooLargeMessage(file.size))
  onProgress({ fileName: file.name, phase: 'reading', fraction: 0 })
  const bytes = await readFileBytes(file, (fraction) =>
    onProgress({ fileName: file.name, phase: 'reading', fraction })
  )
  onProgress({ fileName: file.name, phase: 'decoding', fraction: 1 })
  await nextFrame()
  const prepared = prepareImport(bytes, file.name)
  if (!prepared.ok) throw new ImportRefusal(file.name, prepared.message)
  onProgress({ fileName: file.name, phase: 'storing', fraction: null })
  await nextFrame()
  return { text: prepared.text, notes: prepared.notes }
}

export async function importFile(
  file: File,
  onProgress: (progress: ImportProgress) => void
): Promise<ImportResult & { notes: string[] }> {
  const { text, notes } = await textOf(file, onProgress)
  const result = await api.importDocument({ fileName: file.name, text })
  return { ...result, notes }
}

export async function updateFromFile(
  documentId: string,
  file: File,
  onProgress: (progress: ImportProgress) => void
): Promise<UpdateFromFileResult> {
  const { text } = await textOf(file, onProgress)
  return api.updateDocumentFromFile({ documentId, fileName: file.name, text })
}

export const importAccept = '.md,.markdown,.txt,.text,.html,.htm,.xhtml,text/plain,text/markdown,text/html'
