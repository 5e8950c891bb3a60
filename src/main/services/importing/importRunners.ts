// The import jobs on threads of the import worker: parsing a text, reading a PDF or EPUB with
// progress, reading a W3C annotation file with progress, and placing a changed document's notes and
// cards. Each has its own thread, so that one long import
// never waits for another.
import type { PlacementJob, PlacementProgress, PlannedPlacement } from '../../../shared/anchoring'
import type { ReadAnnotations, ReadAnnotationsJob, ReadProgress } from '../annotationImport'
import { createWorkerWithFallback } from '../workers/workerWithFallback'
import type { FileJob, FileProgress } from './prepareFile'
import type { PreparedDocument } from './prepareDocument'
import {
  annotationThreadName,
  documentThreadName,
  fileThreadName,
  placementThreadName,
  runParseJob,
  runFileJob,
  runPlacementJob,
  runReadJob,
  valueOf,
  type ParseJob,
  type Refusable
} from './importWorker'
import { importWorkerPath } from './importWorkerPath'

export interface ImportRunners {
  parse(fileName: string, text: string): Promise<PreparedDocument>
  /** A PDF's or EPUB's text read and prepared; refusals (password, DRM, damage…) raised as UserError. */
  parseFile(job: FileJob, onProgress: (progress: FileProgress) => void): Promise<PreparedDocument>
  read(job: ReadAnnotationsJob, onProgress: (progress: ReadProgress) => void): Promise<ReadAnnotations>
  /** Each passage of a changed document found again (or orphaned), in the job's order. */
  place(job: PlacementJob, onProgress?: (progress: PlacementProgress) => void): Promise<PlannedPlacement[]>
  mode(): 'worker' | 'in-thread'
  close(): Promise<void>
}

export function createImportRunners(options: { workerPath?: string | null } = {}): ImportRunners {
  const workerPath = options.workerPath === undefined ? importWorkerPath : options.workerPath
  const closedMessage = 'The library was closed before the import finished. Nothing was imported.'
  const stoppedMessage = 'The import stopped unexpectedly. Nothing was imported: try again.'
  const documents = createWorkerWithFallback<ParseJob, PreparedDocument>({
    name: documentThreadName,
    workerPath,
    runInThread: runParseJob,
    closedMessage,
    stoppedMessage
  })
  const annotations = createWorkerWithFallback<ReadAnnotationsJob, Refusable<ReadAnnotations>, ReadProgress>({
    name: annotationThreadName,
    workerPath,
    runInThread: runReadJob,
    closedMessage,
    stoppedMessage
  })
  const files = createWorkerWithFallback<FileJob, Refusable<PreparedDocument>, FileProgress>({
    name: fileThreadName,
    workerPath,
    runInThread: runFileJob,
    closedMessage,
    stoppedMessage
  })
  const placements = createWorkerWithFallback<PlacementJob, PlannedPlacement[], PlacementProgress>({
    name: placementThreadName,
    workerPath,
    runInThread: runPlacementJob,
    closedMessage: 'The library was closed before the update finished. The document keeps its old text.',
    stoppedMessage: 'The update stopped unexpectedly. The document keeps its old text: try again.'
  })
  const all = [documents, annotations, files, placements]
  return {
    parse: (fileName, text) => documents.run({ fileName, text }),
    parseFile: async (job, onProgress) => valueOf(await files.run(job, { onProgress })),
    read: async (job, onProgress) => valueOf(await annotations.run(job, { onProgress })),
    place: (job, onProgress) => placements.run(job, { onProgress }),
    mode: () => (all.every((runner) => runner.mode() === 'worker') ? 'worker' : 'in-thread'),
    async close() {
      await Promise.all(all.map((runner) => runner.close()))
    }
  }
}
