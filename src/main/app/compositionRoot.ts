// The composition root: lock the data folder → open the database → migrate → repositories →
// services → the API handlers both transports serve. Nothing else wires services together.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiHandlers } from '../../shared/contract'
import { openDatabase, type Db } from '../db/connection'
import { migrate } from '../db/migrations'
import { createDocumentRepository } from '../db/repositories/documentRepository'
import {
  createBundledImportRepository,
  createReadingPositionRepository,
  createSettingsRepository
} from '../db/repositories/settingsRepository'
import { createDocumentService } from '../services/documentService'
import { createAnnotationService } from '../services/annotationService'
import { createAnnotationRepository } from '../db/repositories/annotationRepository'
import { createReaderService } from '../services/readerService'
import { createSearchService } from '../services/search/searchService'
import { createStudyHandlers } from '../services/study/studyHandlers'
import { createCardsSource, createDocumentsSource, createNotesSource } from '../services/search/sources'
import { acquireLibraryLock } from './libraryLock'
import { preparePrivateDataDir } from './paths'
import { createLibraryHandlers, type FileDialogs, type PdfPrinter } from './libraryHandlers'
import { createRestartableBackend, type LibraryControl } from './restartableBackend'
import { recoverIfDamaged } from '../services/libraryFiles'

export interface BackendOptions {
  dataDir: string
  /** The data folder is Scholia's own (the default one), so an existing one may be made private. */
  ownDataDir?: boolean
  mode: 'electron' | 'web'
  /** Folder holding the texts that ship with Scholia (*.md are imported on first start). */
  resourcesDir: string
  version?: string
  now?: () => number
  /** better-sqlite3 native build for the running runtime (Electron's ABI differs from Node's). */
  sqliteNativeBinding?: string
  /** The desktop app's save dialogs (exports); absent in the browser mode, which downloads instead. */
  fileDialogs?: FileDialogs
  /** The desktop app's print-to-PDF (study sheets); absent in the browser mode, whose browser prints. */
  pdfPrinter?: PdfPrinter
}

export interface Backend {
  handlers: ApiHandlers
  db: Db
  close(): void
}

export const databaseFileName = 'scholia.sqlite3'

/** Copies the database aside before a migration changes it (VACUUM INTO writes a consistent copy). */
export function backupBeforeMigration(db: Db, dataDir: string, fromVersion: number, now: number): void {
  const folder = join(dataDir, 'backups')
  mkdirSync(folder, { recursive: true })
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-')
  db.prepare('VACUUM INTO ?').run(join(folder, `before-migration-v${fromVersion}-${stamp}.sqlite3`))
}

/** Opens the library; "Restore from backup" and "Import library" close and reopen it behind the same handlers. */
export function openBackend(options: BackendOptions): Backend {
  return createRestartableBackend((control) => openServices(options, control))
}

function openServices(options: BackendOptions, control: LibraryControl): Backend {
  const now = options.now ?? (() => Date.now())
  preparePrivateDataDir(options.dataDir, options.ownDataDir ?? false)
  const lock = acquireLibraryLock(options.dataDir, { nativeBinding: options.sqliteNativeBinding })
  let db: Db | undefined
  try {
    const databaseFile = join(options.dataDir, databaseFileName)
    // A damaged library is put aside and the newest good backup restored before anything opens it.
    const notice = recoverIfDamaged(options.dataDir, databaseFile, now(), options.sqliteNativeBinding)
    db = openDatabase(databaseFile, { nativeBinding: options.sqliteNativeBinding })
    const database = db
    migrate(database, {
      beforeMigrating: (from) => backupBeforeMigration(database, options.dataDir, from, now())
    })

    const documentRepository = createDocumentRepository(database)
    const documents = createDocumentService({
      db: database,
      documents: documentRepository,
      bundledImports: createBundledImportRepository(database),
      now
    })
    const settingsRepository = createSettingsRepository(database)
    const annotationService = createAnnotationService({
      annotations: createAnnotationRepository(database),
      settings: settingsRepository,
      documentText: (documentId) => documents.documentText(documentId),
      now
    })
    const reader = createReaderService({
      settings: settingsRepository,
      positions: createReadingPositionRepository(database),
      blockCountOf: (documentId) => documents.requirePresent(documentId).blockCount,
      now
    })

    // Search sources: each kind of content (text, notes, cards) registers one here.
    const search = createSearchService({
      db: database,
      sources: [
        createDocumentsSource(database, documentRepository),
        createNotesSource(
          database,
          (colourId) => annotationService.colours().find((colour) => colour.id === colourId)?.meaning ?? ''
        ),
        createCardsSource(database)
      ],
      titleOf: (documentId) => documentRepository.findById(documentId)?.metadata.title ?? '',
      now
    })

    for (const name of readdirSync(options.resourcesDir)
      .filter((file) => file.endsWith('.md'))
      .sort()) {
      documents.importBundled(name, readFileSync(join(options.resourcesDir, name), 'utf8'))
    }
    search.start()

    const library = createLibraryHandlers({
      db: database,
      dataDir: options.dataDir,
      databaseFile,
      documents: documentRepository,
      documentService: documents,
      annotationService,
      control,
      dialogs: options.fileDialogs,
      printer: options.pdfPrinter,
      // Imported notes keep their own (older) modified times, so the index is told rather than left to notice.
      annotationsChanged: () => search.notifyChanged(),
      startupNotices: notice ? [notice] : [],
      now,
      nativeBinding: options.sqliteNativeBinding
    })

    const study = createStudyHandlers({
      db: database,
      documents: documentRepository,
      version: options.version ?? '0.0.0',
      now
    })

    const handlers: ApiHandlers = {
      ...study.handlers,
      getAppInfo: () => ({
        version: options.version ?? '0.0.0',
        mode: options.mode,
        dataDir: options.dataDir
      }),
      listDocuments: () => documents.listDocuments(),
      getDocument: ({ documentId }) => documents.getDocument(documentId),
      importDocument: ({ fileName, text }) => documents.importDocument(fileName, text),
      removeDocument: ({ documentId }) => documents.removeDocument(documentId),
      getSettings: () => reader.getSettings(),
      updateSettings: (change) => reader.updateSettings(change),
      getReadingPosition: ({ documentId }) => reader.getReadingPosition(documentId),
      saveReadingPosition: ({ documentId, blockId, fraction }) =>
        reader.saveReadingPosition(documentId, blockId, fraction),
      listAnnotations: ({ documentId }) => annotationService.list(documentId),
      createAnnotation: (input) => annotationService.create(input),
      updateAnnotation: (input) => annotationService.update(input),
      deleteAnnotation: ({ id }) => annotationService.delete(id),
      restoreAnnotation: ({ id }) => annotationService.restore(id),
      reattachAnnotation: ({ id, start, end }) => annotationService.reattach(id, start, end),
      listTags: () => annotationService.tags(),
      getHighlightColours: () => annotationService.colours(),
      updateHighlightColours: ({ colours }) => annotationService.renameColours(colours),
      search: (request) => search.search(request),
      getSearchStatus: () => search.status(),
      getSearchFacets: () => search.facets(),
      ...library.handlers
    }

    return {
      handlers,
      db: database,
      close() {
        library.close()
        void search.close()
        void study.close()
        database.close()
        lock.release()
      }
    }
  } catch (error) {
    db?.close()
    lock.release()
    throw error
  }
}
