// The thread side of a worker with fallback (workerWithFallback.ts): answers each job message with
// its result, or with the message of the error it raised, and forwards progress. Only a thread
// started with the entry's marker listens, so importing an entry elsewhere (for its in-thread
// function) never answers messages.
import { parentPort, workerData } from 'node:worker_threads'

/** Main thread → worker. */
export interface JobMessage<Job> {
  id: number
  job: Job
}

/** Worker → main thread. */
export type ThreadMessage<Result, Progress> =
  | { id: number; kind: 'progress'; progress: Progress }
  | { id: number; kind: 'done'; result: Result }
  | { id: number; kind: 'failed'; message: string }

/** What a job function may hand back: its result, and buffers to move rather than copy. */
export interface JobOutput<Result> {
  result: Result
  transfer?: ArrayBuffer[]
}

/** The marker a worker with fallback starts its thread with (see `serveJobs`). */
export function threadMarker(name: string): Record<string, true> {
  return { [`scholia:${name}`]: true }
}

/** Serves jobs on this thread when it was started with `threadMarker(name)`; otherwise does nothing. */
export function serveJobs<Job, Result, Progress = never>(
  name: string,
  run: (job: Job, progress: (progress: Progress) => void) => JobOutput<Result> | Promise<JobOutput<Result>>
): void {
  const port = parentPort
  const data = workerData as Record<string, unknown> | null | undefined
  if (!port || data?.[`scholia:${name}`] !== true) return
  port.on('message', ({ id, job }: JobMessage<Job>) => {
    const report = (progress: Progress): void =>
      port.postMessage({ id, kind: 'progress', progress } satisfies ThreadMessage<Result, Progress>)
    // A job the code cannot handle fails that request only; the thread stays usable.
    const fail = (error: unknown): void => {
      const message = error instanceof Error ? error.message : String(error)
      port.postMessage({ id, kind: 'failed', message } satisfies ThreadMessage<Result, Progress>)
    }
    const answer = (output: JobOutput<Result>): void =>
      port.postMessage(
        { id, kind: 'done', result: output.result } satisfies ThreadMessage<Result, Progress>,
        output.transfer ?? []
      )
    let output: JobOutput<Result> | Promise<JobOutput<Result>>
    try {
      output = run(job, report)
    } catch (error) {
      fail(error)
      return
    }
    // Asynchronous jobs (PDF.js reads a PDF page by page) answer when they settle.
    if (output instanceof Promise) output.then(answer, fail)
    else answer(output)
  })
}
