// Runs segment builds on the builder thread, one at a time, so the main process keeps answering
// the reader. Where no bundled worker file exists (unit tests, tsx scripts) or the thread fails,
// builds run in-thread, one segment per turn of the event loop.
import { createWorkerWithFallback } from '../workers/workerWithFallback'
import { builderThreadName, runBuildJob, type BuildDone, type BuildJob } from './buildWorker'
import { buildWorkerPath } from './workerPath'

export interface SegmentBuilder {
  build(job: BuildJob): Promise<BuildDone>
  /** 'worker' or 'in-thread', for status and figures. */
  readonly mode: () => 'worker' | 'in-thread'
  close(): Promise<void>
}

export function createInThreadBuilder(): SegmentBuilder {
  return createSegmentBuilder({ workerPath: null })
}

export function createSegmentBuilder(options: { workerPath?: string | null } = {}): SegmentBuilder {
  const runner = createWorkerWithFallback<BuildJob, BuildDone>({
    name: builderThreadName,
    workerPath: options.workerPath === undefined ? buildWorkerPath : options.workerPath,
    runInThread: runBuildJob,
    closedMessage: 'The search index builder was closed.',
    stoppedMessage: 'The search index builder stopped.'
  })
  return {
    // A transferred buffer arrives as a plain Uint8Array view of it.
    build: async (job) => {
      const done = await runner.run(job)
      return { ...done, bytes: new Uint8Array(done.bytes) }
    },
    mode: runner.mode,
    close: runner.close
  }
}
