// Runs document extractions on the extraction thread (worker_threads), one at a time, so the main
// process keeps answering the reader while compromise loads and reads a text. Requests for a text
// already being extracted share that job. Where no bundled worker file exists (unit tests, tsx
// scripts) or the thread fails, extraction runs in-thread on a later turn of the event loop.
import { Worker } from 'node:worker_threads'
import type { Block } from '../../../shared/types'
import {
  extractionWorkerData,
  runExtraction,
  type Extraction,
  type ExtractionDone,
  type ExtractionJob
} from './extractionWorker'
import { extractionWorkerPath } from './extractionWorkerPath'

export interface ExtractionRunner {
  /** The extraction of the text whose hash is `contentHash`; `blocks` is read when its turn comes. */
  run(contentHash: string, blocks: () => Block[]): Promise<Extraction>
  /** 'worker' or 'in-thread', for status and figures. */
  readonly mode: () => 'worker' | 'in-thread'
  /** Stops the thread; jobs not finished yet are refused, so nothing is stored in a closed library. */
  close(): Promise<void>
}

interface Waiting {
  id: number
  resolve: (extraction: Extraction) => void
  reject: (error: Error) => void
  retry: () => void
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

function closedError(): Error {
  return new Error('The study services were closed before the extraction finished.')
}

function runInThread(blocks: readonly Block[]): Promise<Extraction> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(runExtraction(blocks))
      } catch (error) {
        reject(asError(error))
      }
    })
  )
}

export function createExtractionRunner(options: { workerPath?: string | null } = {}): ExtractionRunner {
  const path = options.workerPath === undefined ? extractionWorkerPath : options.workerPath
  let worker: Worker | null = null
  let failed = !path
  let closed = false
  let next = 0
  let current: Waiting | null = null
  const jobs = new Map<string, Promise<Extraction>>()
  // One job at a time: each waits for the one before it, whatever that one's outcome.
  let queue: Promise<unknown> = Promise.resolve()

  function start(file: string): Worker {
    const thread = new Worker(file, { workerData: extractionWorkerData })
    thread.on('message', (done: ExtractionDone) => {
      const job = current
      if (!job || job.id !== done.id) return
      current = null
      if (done.error === undefined) job.resolve(done.extraction)
      else job.reject(new Error(done.error))
      thread.unref()
    })
    thread.on('error', () => {
      // The thread could not run (its file missing, out of memory…): extract in-thread from now on.
      failed = true
      if (worker === thread) worker = null
      const job = current
      current = null
      job?.retry()
    })
    thread.on('exit', () => {
      if (worker === thread) worker = null
      const job = current
      current = null
      job?.reject(closed ? closedError() : new Error('The extraction thread stopped.'))
    })
    // An idle extractor must not keep the process alive.
    thread.unref()
    return thread
  }

  function extract(blocks: Block[]): Promise<Extraction> {
    if (failed || !path) return runInThread(blocks)
    let thread: Worker
    try {
      thread = worker ??= start(path)
    } catch {
      failed = true
      return runInThread(blocks)
    }
    const id = next++
    return new Promise((resolve, reject) => {
      current = { id, resolve, reject, retry: () => void runInThread(blocks).then(resolve, reject) }
      thread.ref()
      const job: ExtractionJob = { id, blocks }
      thread.postMessage(job)
    })
  }

  async function execute(blocks: () => Block[]): Promise<Extraction> {
    if (closed) throw closedError()
    const extraction = await extract(blocks())
    if (closed) throw closedError()
    return extraction
  }

  return {
    run(contentHash, blocks) {
      const running = jobs.get(contentHash)
      if (running) return running
      if (closed) return Promise.reject(closedError())
      const job = queue.then(() => execute(blocks))
      queue = job.catch(() => undefined)
      jobs.set(contentHash, job)
      const forget = () => {
        jobs.delete(contentHash)
      }
      void job.then(forget, forget)
      return job
    },
    mode: () => (failed ? 'in-thread' : 'worker'),
    async close() {
      closed = true
      const thread = worker
      worker = null
      if (thread) await thread.terminate()
    }
  }
}
