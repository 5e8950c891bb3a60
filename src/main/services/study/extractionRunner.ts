// Runs document extractions on the extraction thread, one at a time, so the main process keeps
// answering the reader while compromise loads and reads a text. Requests for a text already being
// extracted share that job. Where no bundled worker file exists (unit tests, tsx scripts) or the
// thread fails, extraction runs in-thread on a later turn of the event loop.
import type { Block } from '../../../shared/types'
import { UserError } from '../../../shared/userError'
import { createWorkerWithFallback } from '../workers/workerWithFallback'
import {
  extractionJson,
  extractionThreadName,
  runExtraction,
  type ExtractionJob,
  type ExtractionJson,
  type ExtractionProgress
} from './extractionWorker'
import { extractionWorkerPath } from './extractionWorkerPath'

export interface ExtractionRunner {
  /**
   * The extraction of the text whose hash is `contentHash`; `blocks` is read when its turn comes.
   * `onProgress` hears each stage (only the first of requests sharing one job hears it).
   */
  run(
    contentHash: string,
    blocks: () => Block[],
    onProgress?: (progress: ExtractionProgress) => void
  ): Promise<ExtractionJson>
  /**
   * Stops the extraction of `contentHash`, running or waiting its turn: its requests fail with
   * `stoppedByPersonMessage` and nothing is kept. False when there is none.
   */
  stop(contentHash: string): boolean
  /** 'worker' or 'in-thread', for status and figures. */
  readonly mode: () => 'worker' | 'in-thread'
  /** Stops the thread; jobs not finished yet are refused, so nothing is stored in a closed library. */
  close(): Promise<void>
}

/** What a request for an extraction the person stopped is told. */
export const stoppedByPersonMessage = 'Generating cards was stopped; nothing was kept.'

const closedMessage = 'The study services were closed before the extraction finished.'

export function createExtractionRunner(options: { workerPath?: string | null } = {}): ExtractionRunner {
  const runner = createWorkerWithFallback<ExtractionJob, ExtractionJson, ExtractionProgress>({
    name: extractionThreadName,
    workerPath: options.workerPath === undefined ? extractionWorkerPath : options.workerPath,
    runInThread: (job, progress) => ({
      result: extractionJson(runExtraction(job.blocks, progress, job.stop))
    }),
    closedMessage,
    stoppedMessage: 'The extraction thread stopped.'
  })
  let closed = false
  /** Each job, with the flag that stops it (shared with the thread, which reads it per passage). */
  const jobs = new Map<string, { job: Promise<ExtractionJson>; stop: Int32Array }>()
  // One job at a time, each reading its blocks only when the one before it is done.
  let queue: Promise<unknown> = Promise.resolve()

  async function execute(
    blocks: () => Block[],
    stop: Int32Array,
    onProgress?: (progress: ExtractionProgress) => void
  ): Promise<ExtractionJson> {
    const stopped = (): boolean => Atomics.load(stop, 0) === 1
    if (closed) throw new Error(closedMessage)
    if (stopped()) throw new UserError('refused', stoppedByPersonMessage)
    try {
      const extraction = await runner.run({ blocks: blocks(), stop }, onProgress ? { onProgress } : {})
      if (closed) throw new Error(closedMessage)
      return extraction
    } catch (error) {
      throw stopped() ? new UserError('refused', stoppedByPersonMessage) : error
    }
  }

  return {
    run(contentHash, blocks, onProgress) {
      const running = jobs.get(contentHash)
      if (running) return running.job
      if (closed) return Promise.reject(new Error(closedMessage))
      const stop = new Int32Array(new SharedArrayBuffer(4))
      const job = queue.then(() => execute(blocks, stop, onProgress))
      queue = job.catch(() => undefined)
      jobs.set(contentHash, { job, stop })
      const forget = () => {
        jobs.delete(contentHash)
      }
      void job.then(forget, forget)
      return job
    },
    stop(contentHash) {
      const running = jobs.get(contentHash)
      if (!running) return false
      Atomics.store(running.stop, 0, 1)
      return true
    },
    mode: runner.mode,
    async close() {
      closed = true
      await runner.close()
    }
  }
}
