// Files given to the desktop app by the system — "Open with", a file dropped on the app's icon, or
// File › Import… — are imported with the same checks as a file picked in the page (size, then
// prepareImport), through the same validated importDocument call (a PDF or an EPUB through
// importDocumentFile, from its bytes, as the page sends it), and the window shows the new
// document. macOS hands them over as 'open-file' events, possibly before the app is ready;
// Windows and Linux as command-line arguments, of this process or of a second instance.
import { basename, extname, resolve } from 'node:path'
import type { App } from 'electron'
import type { ImportResult } from '../../shared/contract'
import { maxImportBytes, tooLargeMessage } from '../../shared/import/frontEnds/decodeFile'
import { hasEpubSignature, isEpubFileName } from '../../shared/import/frontEnds/epub/isEpub'
import { hasPdfSignature, isPdfFileName } from '../../shared/import/frontEnds/pdf/isPdf'
import { prepareImport } from '../../shared/import/frontEnds/prepareImport'
import type { ApiResponse } from '../../shared/types'

/** The kinds of file Scholia imports. */
export const openableExtensions = ['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.epub'] as const

export function isOpenableFile(path: string): boolean {
  return (openableExtensions as readonly string[]).includes(extname(path).toLowerCase())
}

/**
 * The files to import among command-line arguments: those with a known extension that are files,
 * relative ones taken from the folder the command was started in. Switches (--x), scholia: links
 * and the executable or app folder itself are not files to import.
 */
export function filesInArguments(
  argv: readonly string[],
  workingDirectory: string,
  isFile: (path: string) => boolean
): string[] {
  const files: string[] = []
  for (const argument of argv) {
    if (argument.startsWith('-') || /^[a-z][a-z0-9+.-]*:\/\//i.test(argument)) continue
    if (/^scholia:/i.test(argument) || !isOpenableFile(argument)) continue
    const path = resolve(workingDirectory, argument)
    if (isFile(path) && !files.includes(path)) files.push(path)
  }
  return files
}

export interface FileImportDependencies {
  fileSize: (path: string) => number
  readFile: (path: string) => Uint8Array
  importDocument: (args: { fileName: string; text: string }) => Promise<ApiResponse<ImportResult>>
  importDocumentFile: (args: { fileName: string; bytes: Uint8Array }) => Promise<ApiResponse<ImportResult>>
  showDocument: (documentId: string) => void
  /** Tells the person, in words they can act on, why a file was not imported. */
  showProblem: (title: string, message: string) => void
}

export type FileImportOutcome = { ok: true; documentId: string } | { ok: false; message: string }

/** Imports one file; never throws — a file that cannot be read is a message, not a crash. */
export async function importFileAtPath(
  path: string,
  dependencies: Pick<
    FileImportDependencies,
    'fileSize' | 'readFile' | 'importDocument' | 'importDocumentFile'
  >
): Promise<FileImportOutcome> {
  const fileName = basename(path)
  try {
    const size = dependencies.fileSize(path)
    if (size > maxImportBytes) return { ok: false, message: tooLargeMessage(size) }
    const bytes = dependencies.readFile(path)
    const fromBytes = [
      isPdfFileName(fileName),
      isEpubFileName(fileName),
      hasPdfSignature(bytes),
      hasEpubSignature(bytes)
    ]
    if (fromBytes.some(Boolean)) {
      const read = await dependencies.importDocumentFile({ fileName, bytes })
      return read.ok
        ? { ok: true, documentId: read.value.document.id }
        : { ok: false, message: read.error.message }
    }
    const prepared = prepareImport(bytes, fileName)
    if (!prepared.ok) return { ok: false, message: prepared.message }
    const response = await dependencies.importDocument({ fileName, text: prepared.text })
    if (!response.ok) return { ok: false, message: response.error.message }
    return { ok: true, documentId: response.value.document.id }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'the file is no longer there.'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Scholia may not read it; check its permissions.'
          : code === 'EISDIR'
            ? 'it is a folder, not a file.'
            : 'it could not be read.'
    return { ok: false, message: `${fileName}: ${reason}` }
  }
}

export interface FileOpener {
  /** Imports the files in order and shows the last one imported; the others are in the library. */
  open: (paths: readonly string[]) => Promise<void>
}

export function createFileOpener(dependencies: FileImportDependencies): FileOpener {
  return {
    async open(paths) {
      let shown: string | null = null
      for (const path of paths) {
        const outcome = await importFileAtPath(path, dependencies)
        if (outcome.ok) shown = outcome.documentId
        else dependencies.showProblem(`Scholia could not import ${basename(path)}`, outcome.message)
      }
      if (shown !== null) dependencies.showDocument(shown)
    }
  }
}

/**
 * Listens for files from the system from the start (macOS may send 'open-file' before the app is
 * ready); they wait until `ready()` is called with the opener, together with the files this
 * process was started with. A second instance's files come with its arguments.
 */
export function registerFileOpening(
  app: Pick<App, 'on'>,
  initial: { argv: readonly string[]; workingDirectory: string },
  isFile: (path: string) => boolean
): { ready: (opener: FileOpener) => void } {
  let opener: FileOpener | null = null
  const waiting: string[] = []
  const open = (paths: string[]): void => {
    if (paths.length === 0) return
    if (opener === null) {
      waiting.push(...paths)
      return
    }
    opener.open(paths).catch((error: unknown) => console.error('Scholia: files could not be opened:', error))
  }
  app.on('open-file', (event, path) => {
    event.preventDefault()
    open([path])
  })
  app.on('second-instance', (_event, argv, workingDirectory) => {
    open(filesInArguments(argv, workingDirectory, isFile))
  })
  return {
    ready(value) {
      opener = value
      open([...waiting.splice(0), ...filesInArguments(initial.argv, initial.workingDirectory, isFile)])
    }
  }
}
