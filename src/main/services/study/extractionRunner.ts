// Runs document extractions on the extraction thread, one at a time, so the main process keeps
// answering the reader while compromise loads and reads a text. Requests for a text already being
// extracted share that job. Where no bundled worker file exists (unit tests, tsx scripts) or the
// thread fails, extraction runs in-thread on a later turn of the event loop.
import type { Block } from '../../../shared/types'
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
  /** 'worker' or 'in-thread', for status and figures. */
  readonly mode: () => 'worker' | 'in-thread'
  /** Stops the thread; jobs not finished yet are refused, so nothing is stored in a closed library. */
  close(): Promise<void>
}

const closedMessage = 'The study services were closed before the extraction finished.'

export function createExtractionRunner(options: { workerPath?: string | null } = {}): ExtractionRunner {
  const runner = createWorkerWithFallback<ExtractionJob, ExtractionJson, ExtractionProgress>({
    name: extractionThreadName,
    workerPath: options.workerPath === undefined ? extractionWorkerPath : options.workerPath,
    runInThread: (job, progress) => ({ result: extractionJson(runExtraction(job.blocks, progress)) }),
    closedMessage,
    stoppedMessage: 'The extraction thread stopped.'
  })
  let closed = false
  const jobs = new Map<string, Promise<ExtractionJson>>()
  // One job at a time, each reading its blocks only when the one before it is done.
  let queue: Promise<unknown> = Promise.resolve()

  async function execute(
    blocks: () => Block[],
    onProgress?: (progress: ExtractionProgress) => void
  ): Promise<ExtractionJson> {
    if (closed) throw new Error(closedMessage)
    const extraction = await runner.run({ blocks: blocks() }, onProgress ? { onProgress } : {})
    if (closed) throw new Error(closedMessage)
    return extraction
  }

  return {
    run(contentHash, blocks, onProgress) {
      const running = jobs.get(contentHash)
      if (running) return running
      if (closed) return Promise.reject(new Error(closedMessage))
      const job = queue.then(() => execute(blocks, onProgress))
      queue = job.catch(() => undefined)
      jobs.set(contentHash, job)
      const forget = () => {
        jobs.delete(contentHash)
      }
      void job.then(forget, forget)
      return job
    },
    mode: runner.mode,
    async close() {
      closed = true
      await runner.close()
    }
  }
}
