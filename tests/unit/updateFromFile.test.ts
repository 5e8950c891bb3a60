// "Update from file…" is all or nothing: if finding the notes' passages again fails, the document
// keeps its old text, so no note is left marked anchored at offsets of a text that is gone.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/main/app/compositionRoot'
import { createDocumentRepository } from '../../src/main/db/repositories/documentRepository'
import { createLibraryRepository } from '../../src/main/db/repositories/libraryRepository'
import { createBundledImportRepository } from '../../src/main/db/repositories/settingsRepository'
import { createDocumentService } from '../../src/main/services/documentService'
import { createLibraryService } from '../../src/main/services/libraryService'
import { resourcesDir, useTestBackend } from '../support/testBackend'

const article = readFileSync(join(resourcesDir, 'kim-2018-sino-dprk-split.md'), 'utf8')
let backend: Backend
let documentId = ''

const context = useTestBackend()
beforeEach(() => {
  ;({ backend, documentId } = context.current)
})

describe('update from file', () => {
  it('rolls the new text back when re-anchoring fails', async () => {
    const before = await backend.handlers.getDocument({ documentId })
    const documents = createDocumentRepository(backend.db)
    const library = createLibraryService({
      documents,
      documentService: createDocumentService({
        db: backend.db,
        documents,
        bundledImports: createBundledImportRepository(backend.db),
        now: () => 1
      }),
      library: createLibraryRepository(backend.db),
      reanchorDocument: () => {
        throw new Error('disk failure while re-anchoring')
      },
      inTransaction: (work) => backend.db.transaction(work)(),
      now: () => 1
    })
    await expect(
      library.updateFromFile(documentId, 'edited.md', `${article}\n\nA new closing paragraph.`)
    ).rejects.toThrow(/disk failure/)
    const after = await backend.handlers.getDocument({ documentId })
    expect(after.contentHash).toBe(before.contentHash)
    expect(after.blocks).toEqual(before.blocks)
  })
})
