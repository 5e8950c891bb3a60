// The API handlers of the library screen: the list with counts, corrections, Undo of a removal,
// "Update from file…", exports (returned to the renderer, or saved through the desktop app's
// dialogs; the study sheet also as PDF there), "Import annotations (W3C)…", backups, "Restore from
// backup", whole-library export and import, start-up notices.
// Built by the composition root from the shared services it already opened; builds the rest.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiHandlers } from '../../../shared/contract'
import type { ExportFile, SaveExportResult, StartupNotice } from '../../../shared/library/types'
import type { Card } from '../../../shared/types'
import type { Db } from '../../db/connection'
import { createCardAnchoring } from '../../services/study/cardAnchoring'
import { createAnnotationRepository } from '../../db/repositories/annotationRepository'
import { createCardRepository } from '../../db/repositories/cardRepository'
import { createLibraryRepository } from '../../db/repositories/libraryRepository'
import type { DocumentRepository } from '../../db/repositories/documentRepository'
import { createAnnotationImport, type AnnotationImportDependencies } from '../../services/annotationImport'
import type { AnnotationService } from '../../services/annotationService'
import {
  backupFolderName,
  backupStamp,
  checkDatabaseFile,
  createBackupService,
  listBackupFiles
} from '../../services/backupService'
import type { DocumentService } from '../../services/documentService'
import { createExportService } from '../../services/exportService'
import { FileWriteError, writeFileAtomic, writeFileBesideOthers } from '../../services/fileWriter'
import { createLibraryService, type LibraryServiceDependencies } from '../../services/libraryService'
import { libraryFileProblem, putDatabaseBack, replaceDatabase } from '../../services/libraryFiles'
import type { LibraryControl } from '../restartableBackend'
import type { FeatureHandlers } from './feature'
import { UserError } from '../../../shared/userError'

/** The desktop app's file dialogs; absent in the browser mode, which downloads instead. */
export interface FileDialogs {
  /** A path to save one file to, or null when the person cancelled. */
  chooseSavePath(suggestedName: string, extension: string): Promise<string | null>
  /** A folder to save several files into, or null when the person cancelled. */
  chooseFolder(title: string): Promise<string | null>
}

/** The desktop app's print-to-PDF (a hidden window); absent in the browser mode, whose browser prints. */
export interface PdfPrinter {
  /** The PDF bytes of a standalone HTML page. */
  htmlToPdf(html: string): Promise<Uint8Array>
}

export type LibraryHandlerName =
  | 'listLibrary'
  | 'restoreDocument'
  | 'updateDocumentDetails'
  | 'updateDocumentFromFile'
  | 'updateDocumentFromFileBytes'
  | 'exportFiles'
  | 'saveExport'
  | 'saveStudySheetPdf'
  | 'importAnnotations'
  | 'getAnnotationImportProgress'
  | 'listBackups'
  | 'backupNow'
  | 'restoreBackup'
  | 'importLibrary'
  | 'getStartupNotices'

export interface LibraryHandlerDependencies {
  db: Db
  dataDir: string
  databaseFile: string
  documents: DocumentRepository
  documentService: DocumentService
  annotationService: AnnotationService
  cardsOf?: (documentId: string) => Card[]
  control: LibraryControl
  dialogs?: FileDialogs
  printer?: PdfPrinter
  /** Tells derived data (the search index) that annotations were added outside the annotation service. */
  annotationsChanged?: () => void
  startupNotices: StartupNotice[]
  now: () => number
  /** Reads a W3C annotation file off the main thread (services/importing/importRunners.ts). */
  readAnnotations: AnnotationImportDependencies['read']
  /** Plans a changed document's notes' and cards' places off the main thread (importRunners.place). */
  placePassages: LibraryServiceDependencies['placePassages']
  nativeBinding?: string
}

const hourMs = 60 * 60 * 1000
const firstBackupDelayMs = 60 * 1000

function fileBytes(file: ExportFile): Uint8Array {
  return Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8')
}

/** "Title study sheet.html" → "Title study sheet.pdf". */
function pdfFileName(fileName: string): string {
  return `${fileName.replace(/\.html$/i, '')}.pdf`
}

async function printOrExplain(printer: PdfPrinter, html: string): Promise<Uint8Array> {
  try {
    return await printer.htmlToPdf(html)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserError(
      'refused',
      `The study sheet could not be printed to PDF (${reason}). Export it as HTML, open it and print it instead.`
    )
  }
}

/** A failed write becomes a message the person can act on. */
async function explainWriteError<T>(writing: Promise<T>): Promise<T> {
  try {
    return await writing
  } catch (error) {
    if (error instanceof FileWriteError) throw new UserError('refused', error.message)
    throw error
  }
}

export function createLibraryHandlers(
  dependencies: LibraryHandlerDependencies
): FeatureHandlers<LibraryHandlerName> {
  const { db, dataDir, databaseFile, documents, documentService, annotationService, control, now } =
    dependencies
  const backups = createBackupService({
    db,
    dataDir,
    databaseFile,
    now,
    nativeBinding: dependencies.nativeBinding
  })
  const cards = createCardRepository(db)
  const cardAnchoring = createCardAnchoring(db)
  const library = createLibraryService({
    documents,
    documentService,
    library: createLibraryRepository(db),
    inTransaction: (work) => db.transaction(work)(),
    // Notes and cards keep their passages the same way: both are found again, or orphaned.
    placementItems: (documentId) => ({
      notes: annotationService.placementItems(documentId),
      cards: cardAnchoring.placementItems(documentId)
    }),
    placePassages: dependencies.placePassages,
    reanchorDocument: (documentId, planned) => {
      const notes = annotationService.reanchorDocument(documentId, planned.notes)
      const { fullText, blocks } = documentService.documentText(documentId)
      const cardResult = cardAnchoring.reanchorDocument(documentId, fullText, blocks, now(), planned.cards)
      return {
        anchored: notes.anchored + cardResult.anchored,
        orphaned: notes.orphaned + cardResult.orphaned
      }
    },
    now
  })
  const exports = createExportService({
    documentIds: () => documentService.listDocuments().map((document) => document.id),
    documentOf: (documentId) => {
      const stored = documentService.requirePresent(documentId)
      const { blocks, fullText } = documentService.documentText(documentId)
      return {
        id: stored.id,
        metadata: stored.metadata,
        contentHash: stored.contentHash,
        sourceFormat: stored.sourceFormat,
        blocks,
        fullText
      }
    },
    annotationsOf: (documentId) => annotationService.list(documentId),
    cardsOf: dependencies.cardsOf ?? ((documentId) => cards.forDocument(documentId)),
    colours: () => annotationService.colours(),
    libraryCopy: () => backups.libraryCopy(),
    now
  })
  const annotationImport = createAnnotationImport({
    db,
    annotations: createAnnotationRepository(db),
    documentText: (documentId) => documentService.documentText(documentId),
    colours: () => annotationService.colours(),
    now,
    read: dependencies.readAnnotations
  })
  let noticesShown = false

  function requireDialogs(): FileDialogs {
    if (!dependencies.dialogs) {
      throw new UserError(
        'refused',
        'Saving through a dialog is only in the desktop app; the browser mode downloads the file.'
      )
    }
    return dependencies.dialogs
  }

  /** One file through a save dialog, several into a chosen folder; written atomically. */
  async function saveFiles(
    dialogs: FileDialogs,
    files: { fileName: string; bytes: () => Promise<Uint8Array> | Uint8Array }[]
  ): Promise<SaveExportResult> {
    const [only] = files
    if (only && files.length === 1) {
      const path = await dialogs.chooseSavePath(only.fileName, only.fileName.split('.').pop() ?? '')
      if (path === null) return { saved: false }
      await explainWriteError(writeFileAtomic(path, await only.bytes()))
      return { saved: true, paths: [path] }
    }
    const folder = await dialogs.chooseFolder(`Choose a folder for the ${files.length} exported files`)
    if (folder === null) return { saved: false }
    const paths: string[] = []
    // The person chose the folder, not the files in it: a name already there gets " (2)".
    for (const file of files) {
      paths.push(await explainWriteError(writeFileBesideOthers(folder, file.fileName, await file.bytes())))
    }
    return { saved: true, paths }
  }

  const runDailyBackup = (): void => {
    backups
      .maybeDailyBackup()
      .catch((error: unknown) => console.error('Scholia: the daily backup failed:', error))
  }
  // Not at start-up itself: opening the library stays fast, and a window closed at once loses nothing.
  const firstRun = setTimeout(runDailyBackup, firstBackupDelayMs)
  firstRun.unref()
  const timer = setInterval(runDailyBackup, hourMs)
  timer.unref()

  /** Backs up the current library, then swaps in `source` with the services closed. */
  async function swapLibrary(source: string): Promise<void> {
    await backups.backupNow('before-restore')
    await backups.idle()
    let aside = ''
    control.reopenAfter(
      () => {
        aside = replaceDatabase(databaseFile, source, now())
      },
      () => putDatabaseBack(databaseFile, aside, now())
    )
  }

  const handlers: Pick<ApiHandlers, LibraryHandlerName> = {
    listLibrary: () => library.listLibrary(),
    restoreDocument: ({ documentId }) => library.restoreDocument(documentId),
    updateDocumentDetails: ({ documentId, title, authors }) =>
      library.updateDocumentDetails(documentId, title, authors),
    updateDocumentFromFile: ({ documentId, fileName, text }) =>
      library.updateFromFile(documentId, fileName, text),
    updateDocumentFromFileBytes: ({ documentId, fileName, bytes, importId }) =>
      library.updateFromFileBytes(documentId, fileName, bytes, importId),
    exportFiles: async (request) => ({ files: await exports.exportFiles(request) }),
    saveExport: async (request) => {
      const dialogs = requireDialogs()
      const files = await exports.exportFiles(request)
      return saveFiles(
        dialogs,
        files.map((file) => ({ fileName: file.fileName, bytes: () => fileBytes(file) }))
      )
    },
    saveStudySheetPdf: async (request) => {
      const printer = dependencies.printer
      if (!printer) {
        throw new UserError(
          'refused',
          "PDF is made by the desktop app. Here, export the study sheet as HTML, open it and use the browser's Print → Save as PDF."
        )
      }
      const dialogs = requireDialogs()
      const files = await exports.exportFiles({ ...request, format: 'studySheet' })
      // Printed only once a place is chosen, one sheet at a time: a cancelled dialog prints nothing.
      return saveFiles(
        dialogs,
        files.map((file) => ({
          fileName: pdfFileName(file.fileName),
          bytes: () => printOrExplain(printer, file.content)
        }))
      )
    },
    importAnnotations: async (input) => {
      const result = await annotationImport.importAnnotations(input)
      if (result.imported > 0) dependencies.annotationsChanged?.()
      return result
    },
    getAnnotationImportProgress: ({ documentId }) => annotationImport.progress(documentId),
    listBackups: () => backups.list(),
    backupNow: async () => {
      const made = await backups.backupNow('manual')
      if (!made)
        throw new UserError(
          'refused',
          'The backup did not pass its integrity check and was not kept. Try again.'
        )
      return made
    },
    restoreBackup: async ({ fileName }) => {
      const backup = listBackupFiles(dataDir).find((candidate) => candidate.fileName === fileName)
      if (!backup) throw new UserError('not-found', 'That backup no longer exists. Choose another one.')
      const path = join(dataDir, backupFolderName, backup.fileName)
      const problem = checkDatabaseFile(path, dependencies.nativeBinding)
      if (problem !== null)
        throw new UserError('refused', `That backup is damaged (${problem}). Choose another one.`)
      await swapLibrary(path)
      return {
        message: `The library was restored from the backup of ${new Date(backup.createdAt).toLocaleString()}. The library as it was before is kept as a backup too.`
      }
    },
    importLibrary: async ({ fileName, bytes }) => {
      const folder = join(dataDir, backupFolderName)
      mkdirSync(folder, { recursive: true })
      const incoming = join(folder, `.import-${backupStamp(now())}.partial`)
      try {
        writeFileSync(incoming, bytes)
        const problem = libraryFileProblem(incoming, dependencies.nativeBinding)
        if (problem !== null) throw new UserError('refused', `${fileName} was not imported: ${problem}`)
        await swapLibrary(incoming)
      } finally {
        rmSync(incoming, { force: true })
      }
      return {
        message: `The library from ${fileName} replaced this one. The previous library is kept as a backup (Restore from backup brings it back).`
      }
    },
    getStartupNotices: () => {
      if (noticesShown) return []
      noticesShown = true
      return dependencies.startupNotices
    }
  }

  return {
    handlers,
    close(): void {
      clearTimeout(firstRun)
      clearInterval(timer)
    }
  }
}
