// Where the bundled import thread's file is. electron-vite's `?modulePath` import emits
// importWorker.ts as its own chunk and gives its path; where the sources run unbundled (unit
// tests, tsx) it is not a path, and imports are parsed in-thread instead.
/// <reference types="electron-vite/node" />
import path from './importWorker?modulePath'

export const importWorkerPath: string | null = typeof path === 'string' && path.endsWith('.js') ? path : null
