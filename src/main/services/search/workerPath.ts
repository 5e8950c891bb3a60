// Where the bundled builder thread's file is. electron-vite's `?modulePath` import emits
// buildWorker.ts as its own chunk and gives its path; where the sources run unbundled (unit tests,
// tsx) it is not a path, and the builder runs in-thread instead.
/// <reference types="electron-vite/node" />
import path from './buildWorker?modulePath'

export const buildWorkerPath: string | null = typeof path === 'string' && path.endsWith('.js') ? path : null
