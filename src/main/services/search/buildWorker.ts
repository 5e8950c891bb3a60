// The search index builder's thread: builds and serialises segments so that indexing a large
// library never holds up the main process (which answers the reader's requests).
import { parentPort, workerData } from 'node:worker_threads'
import { buildSegment, serialiseSegment, type IndexRow } from '../../../shared/search/segment'

export interface BuildJob {
  id: number
  key: string
  stamp: string
  rows: IndexRow[]
}

export interface BuildDone {
  id: number
  bytes: Uint8Array
  words: number
}

/** What the thread does with one job; also used in-thread where no worker can be started. */
export function runBuildJob(job: BuildJob): BuildDone {
  const segment = buildSegment(job.key, job.stamp, job.rows)
  return { id: job.id, bytes: serialiseSegment(segment), words: segment.words }
}

/** Marks the thread as the builder (so that importing this file elsewhere never listens on a port). */
export const builderWorkerData = { scholiaSearchBuilder: true }

const port = parentPort
if (port && (workerData as typeof builderWorkerData | undefined)?.scholiaSearchBuilder === true) {
  port.on('message', (job: BuildJob) => {
    const done = runBuildJob(job)
    port.postMessage(done, [done.bytes.buffer as ArrayBuffer])
  })
}
