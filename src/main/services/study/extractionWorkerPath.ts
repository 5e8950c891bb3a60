// Where the bundled extraction thread's file is. electron-vite's `?modulePath` import emits
// extractionWorker.ts as its own chunk and gives its path; where the sources run unbundled (unit
// tests, tsx) it is not a path, and extraction runs in-thread instead.
/// <reference types="electron-vite/node" />
import path from './extractionWorker?modulePath'

export const extractionWorkerPath: string | null =
  typeof path === 'string' && path.endsWith('.js') ? path : null
