// The composition root: lock the data folder → open the database → migrate → the services several
// features share → one handlers module per feature (app/handlers/) → the API both transports
// serve. Nothing else wires services together.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiHandlers } from '../../shared/contract'
import { openDatabase, type Db } from '../db/connection'
import { migrate } from '../db/migrations'
import { createAnnotationRepository } from '../db/repositories/annotationRepository'
import { createDocumentRepository } from '../db/repositories/documentRepository'
import {
  createBundledImportRepository,
  createSettingsRepository
} from '../db/repositories/settingsRepository'
import { createAnnotationService } from '../services/annotationService'
import { createDocumentService } from '../services/documentService'
import { preparePrivateDataDir } from './paths'
import { recoverIfDamaged } from '../services/libraryFiles'
import { createImportRunners } from '../services/importing/importRunners'
import { createSearchService } from '../services/search/searchService'
import type { ActorNames } from '../../shared/search/aliases'
import { createCardsSource, createDocumentsSource, createNotesSource } from '../services/search/sources'
import { createAnnotationHandlers } from './handlers/annotationHandlers'
import { createAppInfoHandlers } from './handlers/appInfoHandlers'
import { createDocumentHandlers } from './handlers/documentHandlers'
import { createLibraryHandlers, type FileDialogs, type PdfPrinter } from './handlers/libraryHandlers'
import { createReaderHandlers } from './handlers/readerHandlers'
import { createSearchHandlers } from './handlers/searchHandlers'
import { createStudyHandlers } from './handlers/studyHandlers'
import { acquireLibraryLock } from './libraryLock'
import { createRestartableBackend, type LibraryControl } from './restartableBackend'

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
  /** The import thread's file; by default the bundled one (none where the sources run unbundled). */
  importWorkerPath?: string | null
  /** The extraction thread's bundled file; by default the one the build emits (none under tsx). */
  extractionWorkerPath?: string | null
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
    // Imported texts, PDFs, EPUBs and annotation files are parsed and placed on the import thread.
    const importRunners = createImportRunners({ workerPath: options.importWorkerPath })
    const documents = createDocumentService({
      db: database,
      documents: documentRepository,
      bundledImports: createBundledImportRepository(database),
      now,
      parse: (fileName, text) => importRunners.parse(fileName, text),
      parseFile: (job, onProgress) => importRunners.parseFile(job, onProgress)
    })
    const annotationService = createAnnotationService({
      annotations: createAnnotationRepository(database),
      settings: createSettingsRepository(database),
      documentText: (documentId) => documents.documentText(documentId),
      now
    })

    const version = options.version ?? '0.0.0'
    const study = createStudyHandlers({
      db: database,
      documents: documentRepository,
      version,
      now,
      ...(options.extractionWorkerPath === undefined
        ? {}
        : { extractionWorkerPath: options.extractionWorkerPath })
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
      now,
      // The who's-who of each document (read from the extraction cache, or extracted on the
      // extraction thread once) gives every spelling of an actor.
      actorNames: async () => {
        const names: ActorNames[] = []
        for (const document of documentRepository.listPresent())
          names.push(...(await study.handlers.getWhosWho({ documentId: document.id })).actors)
        return names
      }
    })

    for (const name of readdirSync(options.resourcesDir)
      .filter((file) => file.endsWith('.md'))
      .sort()) {
      documents.importBundled(name, readFileSync(join(options.resourcesDir, name), 'utf8'))
    }
    search.start()

    const features = {
      appInfo: createAppInfoHandlers({ version, mode: options.mode, dataDir: options.dataDir }),
      documents: createDocumentHandlers(documents),
      reader: createReaderHandlers({
        db: database,
        blockCountOf: (documentId) => documents.requirePresent(documentId).blockCount,
        now
      }),
      annotations: createAnnotationHandlers(annotationService),
      search: createSearchHandlers(search),
      library: createLibraryHandlers({
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
        readAnnotations: (job, onProgress) => importRunners.read(job, onProgress),
        placePassages: (job) => importRunners.place(job),
        nativeBinding: options.sqliteNativeBinding
      }),
      study
    }
    // Spelled out rather than looped over, so that the compiler checks every method has a handler.
    const handlers: ApiHandlers = {
      ...features.appInfo.handlers,
      ...features.documents.handlers,
      ...features.reader.handlers,
      ...features.annotations.handlers,
      ...features.search.handlers,
      ...features.library.handlers,
      ...features.study.handlers
    }

    return {
      handlers,
      db: database,
      close() {
        for (const feature of Object.values(features)) void feature.close?.()
        void importRunners.close()
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
