// vitest globalSetup: bundles the worker thread entries once per run, as electron-vite does for the
// app, so that tests can run jobs on real threads (unit tests run before `npm run build`, and the
// sources cannot be loaded by a worker thread unbundled). Tests read the paths with
// `inject('workerPaths')`.
import { join, resolve } from 'node:path'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'

const repoRoot = resolve(__dirname, '..', '..')

/** Thread entries by name: the same files electron.vite.config.ts's `?modulePath` imports emit. */
export const workerEntries = {
  buildWorker: 'src/main/services/search/buildWorker.ts',
  extractionWorker: 'src/main/services/study/extractionWorker.ts',
  importWorker: 'src/main/services/importing/importWorker.ts'
} as const

export type WorkerPaths = Record<keyof typeof workerEntries, string>

declare module 'vitest' {
  export interface ProvidedContext {
    workerPaths: WorkerPaths
  }
}

export default async function buildWorkers(project: TestProject): Promise<void> {
  // Inside node_modules so that the bundles' external dependencies resolve as the app's do.
  const outDir = join(repoRoot, 'node_modules', '.cache', 'scholia-test-workers')
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(
          Object.entries(workerEntries).map(([name, file]) => [name, join(repoRoot, file)])
        ),
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  })
  const paths = Object.fromEntries(
    Object.keys(workerEntries).map((name) => [name, join(outDir, `${name}.js`)])
  ) as WorkerPaths
  project.provide('workerPaths', paths)
}
