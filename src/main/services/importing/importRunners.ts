// The import jobs on threads of the import worker: parsing a text, reading a PDF or EPUB with progress, and
// reading a W3C annotation file with progress. Each has its own thread, so that one long import
// never waits for another.
import type { ReadAnnotations, ReadAnnotationsJob, ReadProgress } from '../annotationImport'
import { createWorkerWithFallback } from '../workers/workerWithFallback'
import type { FileJob, FileProgress } from './prepareFile'
import type { PreparedDocument } from './prepareDocument'
import {
  annotationThreadName,
  documentThreadName,
  fileThreadName,
  runParseJob,
  runFileJob,
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
  const all = [documents, annotations, files]
  return {
    parse: (fileName, text) => documents.run({ fileName, text }),
    parseFile: async (job, onProgress) => valueOf(await files.run(job, { onProgress })),
    read: async (job, onProgress) => valueOf(await annotations.run(job, { onProgress })),
    mode: () => (all.every((runner) => runner.mode() === 'worker') ? 'worker' : 'in-thread'),
    async close() {
      await Promise.all(all.map((runner) => runner.close()))
    }
  }
}
