// The import thread: parses imported texts, reads PDFs (PDF.js) and EPUBs, reads W3C annotation
// files (checks, and each passage found again) and finds a changed document's notes and cards again,
// off the main process, which meanwhile keeps answering other requests.
// A file that cannot be imported comes back as a typed refusal, which the main side raises as the
// same UserError it would have raised in-thread.
import type { UserFacingError } from '../../../shared/types'
import { UserError } from '../../../shared/userError'
import {
  readAnnotationFile,
  type ReadAnnotations,
  type ReadAnnotationsJob,
  type ReadProgress
} from '../annotationImport'
import {
  placeTargets,
  type PlacementJob,
  type PlacementProgress,
  type PlannedPlacement
} from '../../../shared/anchoring'
import { serveJobs, type JobOutput } from '../workers/jobThread'
import { prepareFile, type FileJob, type FileProgress } from './prepareFile'
import { prepareDocument, type PreparedDocument } from './prepareDocument'

/** A result, or the refusal a person is told (UserError crosses the thread as plain data). */
export type Refusable<T> =
  { ok: true; value: T } | { ok: false; code: UserFacingError['code']; message: string }

export interface ParseJob {
  fileName: string
  text: string
}

export const documentThreadName = 'document-importer'
export const annotationThreadName = 'annotation-importer'
export const fileThreadName = 'file-importer'
export const placementThreadName = 'passage-finder'

export function runParseJob(job: ParseJob): JobOutput<PreparedDocument> {
  return { result: prepareDocument(job.fileName, job.text) }
}

/** Reads a PDF (PDF.js, page by page) or an EPUB (chapter by chapter) and prepares its text. */
export async function runFileJob(
  job: FileJob,
  progress: (progress: FileProgress) => void
): Promise<JobOutput<Refusable<PreparedDocument>>> {
  try {
    return { result: { ok: true, value: await prepareFile(job, progress) } }
  } catch (error) {
    if (error instanceof UserError) return { result: { ok: false, code: error.code, message: error.message } }
    throw error
  }
}

export function runReadJob(
  job: ReadAnnotationsJob,
  progress: (progress: ReadProgress) => void
): JobOutput<Refusable<ReadAnnotations>> {
  try {
    return { result: { ok: true, value: readAnnotationFile(job, progress) } }
  } catch (error) {
    if (error instanceof UserError) return { result: { ok: false, code: error.code, message: error.message } }
    throw error
  }
}

/** Finds a changed document's notes and cards again ("Update from file…"). */
export function runPlacementJob(
  job: PlacementJob,
  progress: (progress: PlacementProgress) => void
): JobOutput<PlannedPlacement[]> {
  return { result: placeTargets(job, progress) }
}

/** The value of a refusable result, or its refusal raised as a UserError. */
export function valueOf<T>(outcome: Refusable<T>): T {
  if (!outcome.ok) throw new UserError(outcome.code, outcome.message)
  return outcome.value
}

serveJobs(documentThreadName, runParseJob)
serveJobs(annotationThreadName, runReadJob)
serveJobs(fileThreadName, runFileJob)
serveJobs(placementThreadName, runPlacementJob)
