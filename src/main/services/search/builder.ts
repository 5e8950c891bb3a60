// Runs segment builds on the builder thread (worker_threads), one at a time, so the main process
// keeps answering the reader. Where no bundled worker file exists (unit tests, tsx scripts) or the
// thread fails, builds run in-thread, one segment per turn of the event loop.
import { Worker } from 'node:worker_threads'
import { builderWorkerData, runBuildJob, type BuildDone, type BuildJob } from './buildWorker'
import { buildWorkerPath } from './workerPath'

export interface SegmentBuilder {
  build(job: Omit<BuildJob, 'id'>): Promise<BuildDone>
  /** 'worker' or 'in-thread', for status and figures. */
  readonly mode: () => 'worker' | 'in-thread'
  close(): Promise<void>
}

export function createInThreadBuilder(): SegmentBuilder {
  let next = 0
  return {
    build: (job) =>
      new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(runBuildJob({ ...job, id: next++ }))
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        })
      ),
    mode: () => 'in-thread',
    close: () => Promise.resolve()
  }
}

export function createSegmentBuilder(options: { workerPath?: string | null } = {}): SegmentBuilder {
  const path = options.workerPath === undefined ? buildWorkerPath : options.workerPath
  const fallback = createInThreadBuilder()
  if (!path) return fallback
  let worker: Worker | null = null
  let failed = false
  let next = 0
  const waiting = new Map<
    number,
    { resolve: (done: BuildDone) => void; reject: (error: Error) => void; retry: () => void }
  >()

  function start(): Worker {
    const thread = new Worker(path as string, { workerData: builderWorkerData })
    thread.on('message', (done: BuildDone) => {
      const entry = waiting.get(done.id)
      waiting.delete(done.id)
      entry?.resolve({ ...done, bytes: new Uint8Array(done.bytes) })
      if (waiting.size === 0) thread.unref()
    })
    thread.on('error', () => {
      // The thread could not run (its file missing, out of memory…): build in-thread from now on.
      failed = true
      for (const entry of waiting.values()) entry.retry()
      waiting.clear()
    })
    thread.on('exit', () => {
      for (const entry of waiting.values()) entry.reject(new Error('The search index builder stopped.'))
      waiting.clear()
    })
    // An idle builder must not keep the process alive.
    thread.unref()
    return thread
  }

  return {
    build(job) {
      if (failed) return fallback.build(job)
      try {
        worker ??= start()
      } catch {
        failed = true
        return fallback.build(job)
      }
      const id = next++
      const thread = worker
      return new Promise((resolve, reject) => {
        waiting.set(id, {
          resolve,
          reject,
          retry: () => void fallback.build(job).then(resolve, reject)
        })
        thread.ref()
        thread.postMessage({ ...job, id })
      })
    },
    mode: () => (failed ? 'in-thread' : 'worker'),
    async close() {
      const thread = worker
      worker = null
      if (thread) await thread.terminate()
    }
  }
}
