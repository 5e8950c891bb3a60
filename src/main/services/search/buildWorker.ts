// The search index builder's thread: builds and serialises segments so that indexing a large
// library never holds up the main process (which answers the reader's requests).
import { buildSegment, serialiseSegment, type IndexRow } from '../../../shared/search/segment'
import { serveJobs, type JobOutput } from '../workers/jobThread'

export interface BuildJob {
  key: string
  stamp: string
  rows: IndexRow[]
}

export interface BuildDone {
  bytes: Uint8Array
  words: number
}

/** The name the builder thread serves under. */
export const builderThreadName = 'search-builder'

/** What the thread does with one job; also used in-thread where no worker can be started. */
export function runBuildJob(job: BuildJob): JobOutput<BuildDone> {
  const segment = buildSegment(job.key, job.stamp, job.rows)
  const bytes = serialiseSegment(segment)
  return { result: { bytes, words: segment.words }, transfer: [bytes.buffer as ArrayBuffer] }
}

serveJobs(builderThreadName, runBuildJob)
