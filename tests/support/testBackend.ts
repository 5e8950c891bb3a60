// A real back end on a fresh data folder for each test (the bundled article imported), closed and
// removed after it: the setup several service tests share.
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { makeTempDir } from './tempDir'

export const resourcesDir = join(__dirname, '..', '..', 'resources')

export interface TestBackend {
  backend: Backend
  /** The bundled article's id. */
  documentId: string
}

/** Registers beforeEach/afterEach hooks; read `.current` inside a test. */
export function useTestBackend(): { current: TestBackend } {
  const state = { current: undefined as unknown as TestBackend }
  let dir: { path: string; remove: () => void } | undefined
  beforeEach(async () => {
    dir = makeTempDir()
    const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir })
    const documentId = (await backend.handlers.listDocuments({}))[0]?.id ?? ''
    state.current = { backend, documentId }
  })
  afterEach(() => {
    state.current.backend.close()
    dir?.remove()
  })
  return state
}
