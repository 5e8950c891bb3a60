// Runs jobs on a worker thread (worker_threads) so that the main process keeps answering requests,
// and in-thread on a later turn of the event loop where no worker can run: no bundled worker file
// (unit tests, tsx scripts), a thread that fails to start or dies of an error. The search index
// builder, the extraction runner and the importer all use it, with a thread entry built on
// serveJobs (jobThread.ts).
import { Worker } from 'node:worker_threads'
import { threadMarker, type JobMessage, type JobOutput, type ThreadMessage } from './jobThread'

export interface RunOptions<Progress> {
  /** Called with each progress report of the job (in-thread too). */
  onProgress?: (progress: Progress) => void
}

export interface WorkerWithFallback<Job, Result, Progress = never> {
  /** Runs one job; jobs run one after another, in the order given. */
  readonly run: (job: Job, options?: RunOptions<Progress>) => Promise<Result>
  /** 'worker' or 'in-thread', for status and figures. */
  readonly mode: () => 'worker' | 'in-thread'
  /** Stops the thread; jobs not finished yet are refused with `closedMessage`. */
  readonly close: () => Promise<void>
}

export interface WorkerWithFallbackOptions<Job, Result, Progress> {
  /** The name the thread entry serves under (`serveJobs(name, …)`). */
  name: string
  /** The bundled thread file, or null where there is none (then every job runs in-thread). */
  workerPath: string | null
  /** The job function itself: what the thread runs, and what runs here when it cannot. */
  runInThread: (
    job: Job,
    progress: (progress: Progress) => void
  ) => JobOutput<Result> | Promise<JobOutput<Result>>
  /** Said when a job is refused or cut short because the runner was closed. */
  closedMessage: string
  /** Said when the thread stopped on its own with a job unfinished. */
  stoppedMessage: string
}

interface Pending<Job, Result, Progress> {
  job: Job
  options: RunOptions<Progress>
  resolve: (result: Result) => void
  reject: (error: Error) => void
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

export function createWorkerWithFallback<Job, Result, Progress = never>(
  options: WorkerWithFallbackOptions<Job, Result, Progress>
): WorkerWithFallback<Job, Result, Progress> {
  const { name, workerPath, runInThread, closedMessage, stoppedMessage } = options
  let worker: Worker | null = null
  let failed = workerPath === null
  let closed = false
  let next = 0
  const pending = new Map<number, Pending<Job, Result, Progress>>()
  // In-thread jobs wait for each other too, so that they keep the order they were given in.
  let inThreadQueue: Promise<unknown> = Promise.resolve()

  function inThread(job: Job, runOptions: RunOptions<Progress>): Promise<Result> {
    const result = inThreadQueue.then(
      () =>
        new Promise<Result>((resolve, reject) =>
          setImmediate(() => {
            if (closed) return reject(new Error(closedMessage))
            try {
              const output = runInThread(job, (progress) => runOptions.onProgress?.(progress))
              if (output instanceof Promise)
                output.then(
                  (settled) => resolve(settled.result),
                  (error: unknown) => reject(asError(error))
                )
              else resolve(output.result)
            } catch (error) {
              reject(asError(error))
            }
          })
        )
    )
    inThreadQueue = result.catch(() => undefined)
    return result
  }

  function settle(id: number): Pending<Job, Result, Progress> | undefined {
    const entry = pending.get(id)
    pending.delete(id)
    if (pending.size === 0) worker?.unref()
    return entry
  }

  function start(file: string): Worker {
    const thread = new Worker(file, { workerData: threadMarker(name) })
    thread.on('message', (message: ThreadMessage<Result, Progress>) => {
      if (message.kind === 'progress') {
        pending.get(message.id)?.options.onProgress?.(message.progress)
        return
      }
      const entry = settle(message.id)
      if (message.kind === 'done') entry?.resolve(message.result)
      else entry?.reject(new Error(message.message))
    })
    thread.on('error', () => {
      // The thread could not run (its file missing, out of memory…): run in-thread from now on,
      // beginning with the jobs it had not answered.
      failed = true
      if (worker === thread) worker = null
      const unanswered = [...pending.values()]
      pending.clear()
      for (const entry of unanswered) inThread(entry.job, entry.options).then(entry.resolve, entry.reject)
    })
    thread.on('exit', () => {
      if (worker === thread) worker = null
      const unanswered = [...pending.values()]
      pending.clear()
      for (const entry of unanswered) entry.reject(new Error(closed ? closedMessage : stoppedMessage))
    })
    // An idle thread must not keep the process alive.
    thread.unref()
    return thread
  }

  return {
    run: (job, runOptions = {}) => {
      if (closed) return Promise.reject(new Error(closedMessage))
      if (failed || workerPath === null) return inThread(job, runOptions)
      let thread: Worker
      try {
        thread = worker ??= start(workerPath)
      } catch {
        failed = true
        return inThread(job, runOptions)
      }
      const id = next++
      return new Promise<Result>((resolve, reject) => {
        pending.set(id, { job, options: runOptions, resolve, reject })
        thread.ref()
        thread.postMessage({ id, job } satisfies JobMessage<Job>)
      })
    },
    mode: () => (failed ? 'in-thread' : 'worker'),
    close: async () => {
      closed = true
      const thread = worker
      worker = null
      if (thread) await thread.terminate()
    }
  }
}
