// "Update from file…" is all or nothing: if finding the notes' passages again fails, the document
// keeps its old text, so no note is left marked anchored at offsets of a text that is gone. The
// notes' and cards' places in the new text are planned off the main thread (placePassages: the
// import thread in the app), and the plan is what lands, except for a passage changed meanwhile.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/main/app/compositionRoot'
import { createDocumentRepository } from '../../src/main/db/repositories/documentRepository'
import { createLibraryRepository } from '../../src/main/db/repositories/libraryRepository'
import { createBundledImportRepository } from '../../src/main/db/repositories/settingsRepository'
import { createDocumentService } from '../../src/main/services/documentService'
import { createAnnotationRepository } from '../../src/main/db/repositories/annotationRepository'
import { createSettingsRepository } from '../../src/main/db/repositories/settingsRepository'
import { createAnnotationService } from '../../src/main/services/annotationService'
import { createLibraryService, type LibraryServiceDependencies } from '../../src/main/services/libraryService'
import { createCardAnchoring } from '../../src/main/services/study/cardAnchoring'
import { placeTargets, type PlacementJob } from '../../src/shared/anchoring'
import { resourcesDir, useTestBackend } from '../support/testBackend'

const article = readFileSync(join(resourcesDir, 'kim-2018-sino-dprk-split.md'), 'utf8')
let backend: Backend
let documentId = ''

const context = useTestBackend()
beforeEach(() => {
  ;({ backend, documentId } = context.current)
})

function libraryWith(
  overrides: Partial<Pick<LibraryServiceDependencies, 'placePassages' | 'reanchorDocument'>> = {}
) {
  const documents = createDocumentRepository(backend.db)
  const documentService = createDocumentService({
    db: backend.db,
    documents,
    bundledImports: createBundledImportRepository(backend.db),
    now: () => 1
  })
  const annotationService = createAnnotationService({
    annotations: createAnnotationRepository(backend.db),
    settings: createSettingsRepository(backend.db),
    documentText: (id) => documentService.documentText(id),
    now: () => 1
  })
  const cardAnchoring = createCardAnchoring(backend.db)
  return createLibraryService({
    documents,
    documentService,
    library: createLibraryRepository(backend.db),
    placementItems: (id) => ({
      notes: annotationService.placementItems(id),
      cards: cardAnchoring.placementItems(id)
    }),
    placePassages: (job) => Promise.resolve(placeTargets(job)),
    reanchorDocument: (id, planned) => {
      const notes = annotationService.reanchorDocument(id, planned.notes)
      const { fullText, blocks } = documentService.documentText(id)
      const cards = cardAnchoring.reanchorDocument(id, fullText, blocks, 1, planned.cards)
      return { anchored: notes.anchored + cards.anchored, orphaned: notes.orphaned + cards.orphaned }
    },
    inTransaction: (work) => backend.db.transaction(work)(),
    now: () => 1,
    ...overrides
  })
}

async function rangeOf(quote: string): Promise<{ start: number; end: number }> {
  const view = await backend.handlers.getDocument({ documentId })
  const fullText = view.blocks.map((block) => block.text).join('\n\n')
  const start = fullText.indexOf(quote)
  expect(start).toBeGreaterThan(-1)
  return { start, end: start + quote.length }
}

const moved = 'Kim removed both pro-Chinese'
const edited = article.replace('## Abstract', '## Abstract\n\nAn editor added this paragraph first.\n')

describe('update from file', () => {
  it('rolls the new text back when re-anchoring fails', async () => {
    const before = await backend.handlers.getDocument({ documentId })
    const library = libraryWith({
      reanchorDocument: () => {
        throw new Error('disk failure while re-anchoring')
      }
    })
    await expect(
      library.updateFromFile(documentId, 'edited.md', `${article}\n\nA new closing paragraph.`)
    ).rejects.toThrow(/disk failure/)
    const after = await backend.handlers.getDocument({ documentId })
    expect(after.contentHash).toBe(before.contentHash)
    expect(after.blocks).toEqual(before.blocks)
  })

  it("plans every note's and card's place off the main thread and stores that plan", async () => {
    const note = await backend.handlers.createAnnotation({
      documentId,
      ...(await rangeOf(moved)),
      colour: 'yellow'
    })
    const [card] = await backend.handlers.createCard({
      documentId,
      kind: 'basic',
      front: 'Whom did Kim remove?',
      back: 'Both pro-Chinese and pro-Soviet factions',
      source: await rangeOf(moved)
    })
    const jobs: PlacementJob[] = []
    // The plan says the note is orphaned with a score of 0.42, which placing it again here never
    // would: stored as planned proves the search was not run a second time on the main thread.
    const library = libraryWith({
      placePassages: (job) => {
        jobs.push(job)
        return Promise.resolve(
          placeTargets(job).map((entry) =>
            entry.id === note.id
              ? { ...entry, placement: { state: 'orphaned', score: 0.42, reason: 'no-match' } }
              : entry
          )
        )
      }
    })
    const result = await library.updateFromFile(documentId, 'edited.md', edited)
    expect(result).toMatchObject({ unchanged: false, anchored: 1, orphaned: 1 })
    expect(jobs).toHaveLength(1)
    expect(jobs[0]?.items.map((item) => item.id).sort()).toEqual([note.id, card?.id].sort())
    const view = await backend.handlers.getDocument({ documentId })
    expect(jobs[0]?.fullText).toBe(view.blocks.map((block) => block.text).join('\n\n'))

    const [stored] = await backend.handlers.listAnnotations({ documentId })
    expect(stored?.anchor).toEqual({ state: 'orphaned', score: 0.42 })
    const { source } = await backend.handlers.getCard({ cardId: card?.id ?? '' })
    expect(source?.position.start).toBe((await rangeOf(moved)).start)
    expect(source?.quote.exact).toBe(moved)
  })

  it('places a note changed while the plan was made by where it is now', async () => {
    const note = await backend.handlers.createAnnotation({
      documentId,
      ...(await rangeOf(moved)),
      colour: 'yellow'
    })
    const elsewhere = 'Six-Party Talks'
    const library = libraryWith({
      placePassages: async (job) => {
        const plan = placeTargets(job)
        // The person re-attaches the note before the plan comes back.
        await backend.handlers.reattachAnnotation({ id: note.id, ...(await rangeOf(elsewhere)) })
        return plan
      }
    })
    await library.updateFromFile(documentId, 'edited.md', edited)
    const [stored] = await backend.handlers.listAnnotations({ documentId })
    expect(stored?.anchor.state).toBe('anchored')
    expect(stored?.target.quote.exact).toBe(elsewhere)
    expect(stored?.target.position.start).toBe((await rangeOf(elsewhere)).start)
  })

  it('refuses, changing nothing, when another update replaced the text while it planned', async () => {
    await backend.handlers.createAnnotation({ documentId, ...(await rangeOf(moved)), colour: 'yellow' })
    const other = `${article}\n\nA paragraph from the other update.`
    const library = libraryWith({
      placePassages: async (job) => {
        await libraryWith().updateFromFile(documentId, 'other.md', other)
        return placeTargets(job)
      }
    })
    await expect(library.updateFromFile(documentId, 'edited.md', edited)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/changed by another update/) as unknown
    })
    const view = await backend.handlers.getDocument({ documentId })
    const texts = view.blocks.map((block) => block.text).join('\n\n')
    expect(texts).toContain('A paragraph from the other update.')
    expect(texts).not.toContain('An editor added this paragraph first.')
  })
})
