// Annotations on a real SQLite database: made from selections, edited, tagged, deleted and
// restored, refused when they are wrong, and re-anchored (or orphaned) when the text changes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { createAnnotationRepository } from '../../src/main/db/repositories/annotationRepository'
import { createDocumentRepository } from '../../src/main/db/repositories/documentRepository'
import {
  createBundledImportRepository,
  createSettingsRepository
} from '../../src/main/db/repositories/settingsRepository'
import {
  createAnnotationService,
  maxNoteLength,
  normalizeTags
} from '../../src/main/services/annotationService'
import { createDocumentService } from '../../src/main/services/documentService'
import { prepareDocument } from '../../src/main/services/importing/prepareDocument'
import { makeTempDir } from '../support/tempDir'

const resourcesDir = join(__dirname, '..', '..', 'resources')
const articleText = readFileSync(join(resourcesDir, 'kim-2018-sino-dprk-split.md'), 'utf8')

let backend: Backend
let dir: { path: string; remove: () => void }
let clock = 1_800_000_000_000
let documentId = ''
let fullText = ''

function services() {
  const documents = createDocumentService({
    db: backend.db,
    documents: createDocumentRepository(backend.db),
    bundledImports: createBundledImportRepository(backend.db),
    now: () => clock
  })
  const annotations = createAnnotationService({
    annotations: createAnnotationRepository(backend.db),
    settings: createSettingsRepository(backend.db),
    documentText: (id) => documents.documentText(id),
    now: () => clock
  })
  return { documents, annotations }
}

function rangeOf(quote: string, occurrence = 0): { start: number; end: number } {
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = fullText.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`not in text: ${quote}`)
  return { start, end: start + quote.length }
}

beforeEach(async () => {
  dir = makeTempDir()
  backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir, now: () => clock })
  const [document] = await backend.handlers.listDocuments({})
  documentId = document?.id ?? ''
  fullText = services().documents.documentText(documentId).fullText
})

afterEach(() => {
  backend.close()
  dir.remove()
})

describe('making and editing annotations', () => {
  it('stores a highlight with W3C quote and position selectors and the block it starts in', async () => {
    const quote = 'crystallised into a strong sense of self-reliance'
    const annotation = await backend.handlers.createAnnotation({
      documentId,
      ...rangeOf(quote),
      colour: 'yellow'
    })
    expect(annotation.target.quote.exact).toBe(quote)
    expect(annotation.target.quote.prefix).toBe(
      fullText.slice(rangeOf(quote).start - 32, rangeOf(quote).start)
    )
    expect(annotation.target.quote.suffix).toHaveLength(32)
    expect(annotation.target.position).toEqual({ type: 'TextPositionSelector', ...rangeOf(quote) })
    const view = await backend.handlers.getDocument({ documentId })
    const block = view.blocks.find((candidate) => candidate.id === annotation.target.blockId)
    expect(block?.text).toContain('crystallised into a')
    expect(await backend.handlers.listAnnotations({ documentId })).toEqual([annotation])
  })

  it('keeps a selection across several blocks as one annotation', async () => {
    const start = rangeOf('Consequently, its longstanding concerns').start
    const end = rangeOf('In the wake of the worsening').end
    const annotation = await backend.handlers.createAnnotation({ documentId, start, end, colour: 'blue' })
    expect(annotation.target.quote.exact).toBe(fullText.slice(start, end))
    expect(await backend.handlers.listAnnotations({ documentId })).toHaveLength(1)
  })

  it('edits note, tags and colour, and lists tags with counts', async () => {
    const first = await backend.handlers.createAnnotation({
      documentId,
      ...rangeOf('Six-Party Talks'),
      colour: 'pink',
      tags: ['#talks', ' Talks ', 'multilateral']
    })
    expect(first.tags).toEqual(['talks', 'multilateral'])
    clock += 1000
    const edited = await backend.handlers.updateAnnotation({
      id: first.id,
      note: 'Why **six**?',
      tags: ['talks', 'question'],
      colour: 'green'
    })
    expect(edited).toMatchObject({
      note: 'Why **six**?',
      tags: ['talks', 'question'],
      colour: 'green',
      updatedAt: clock
    })
    await backend.handlers.createAnnotation({
      documentId,
      ...rangeOf('Tripartite Talks'),
      colour: null,
      note: 'n',
      tags: ['talks']
    })
    expect(await backend.handlers.listTags({})).toEqual([
      { tag: 'talks', count: 2 },
      { tag: 'question', count: 1 }
    ])
  })

  it('deletes with the means to undo: restore brings back the same annotation', async () => {
    const annotation = await backend.handlers.createAnnotation({
      documentId,
      ...rangeOf('Rodong Sinmun'),
      colour: 'purple',
      note: 'source',
      tags: ['press']
    })
    await backend.handlers.deleteAnnotation({ id: annotation.id })
    expect(await backend.handlers.listAnnotations({ documentId })).toEqual([])
    expect(await backend.handlers.listTags({})).toEqual([])
    const restored = await backend.handlers.restoreAnnotation({ id: annotation.id })
    expect(restored).toMatchObject({
      id: annotation.id,
      note: 'source',
      tags: ['press'],
      target: annotation.target
    })
    expect(await backend.handlers.listAnnotations({ documentId })).toHaveLength(1)
  })

  it('renames colour meanings and keeps the others', async () => {
    const colours = await backend.handlers.updateHighlightColours({
      colours: [{ id: 'green', meaning: '  Turning point ' }]
    })
    expect(colours.find((colour) => colour.id === 'green')?.meaning).toBe('Turning point')
    expect(colours.find((colour) => colour.id === 'yellow')?.meaning).toBe('Key argument')
    expect(await backend.handlers.getHighlightColours({})).toEqual(colours)
  })
})

describe('refusals', () => {
  it('refuses a zero-length selection, an out-of-range one, and a note over 100,000 characters', async () => {
    const { start } = rangeOf('Kim Il Sung')
    await expect(async () =>
      backend.handlers.createAnnotation({ documentId, start, end: start, colour: 'yellow' })
    ).rejects.toThrow(/empty selection/)
    await expect(async () =>
      backend.handlers.createAnnotation({
        documentId,
        start: fullText.length + 5,
        end: fullText.length + 9,
        colour: 'yellow'
      })
    ).rejects.toThrow(/not inside this document/)
    await expect(async () =>
      backend.handlers.createAnnotation({
        documentId,
        start,
        end: start + 3,
        colour: null,
        note: 'x'.repeat(maxNoteLength + 1)
      })
    ).rejects.toThrow(/100,001 characters long.*at most 100,000/)
    expect(await backend.handlers.listAnnotations({ documentId })).toEqual([])
  })

  it('keeps hostile strings as text', async () => {
    const hostile = "<script>alert(1)</script>'); DROP TABLE annotations;-- %_\u0000"
    const annotation = await backend.handlers.createAnnotation({
      documentId,
      ...rangeOf('Kim Il Sung'),
      colour: null,
      note: hostile,
      tags: ['<img src=x onerror=alert(1)>']
    })
    const [stored] = await backend.handlers.listAnnotations({ documentId })
    expect(stored?.note).toBe(hostile)
    expect(stored?.tags).toEqual(['<img src=x onerror=alert(1)>'])
    expect(stored?.id).toBe(annotation.id)
  })

  it('normalises tags', () => {
    expect(normalizeTags(['  a  b ', 'A B', '#x', '', '##'])).toEqual(['a b', 'x'])
    expect(() => normalizeTags(['y'.repeat(65)])).toThrow(/at most 64/)
  })
})

describe('re-anchoring when the text changes', () => {
  it('follows a passage moved by inserted text, and orphans one whose passage was deleted', () => {
    const { documents, annotations } = services()
    const kept = annotations.create({
      documentId,
      ...rangeOf('Kim removed both pro-Chinese'),
      colour: 'yellow'
    })
    const doomedQuote = 'Six-Party Talks'
    const doomed = annotations.create({ documentId, ...rangeOf(doomedQuote), colour: 'pink' })

    const sentence =
      "North Korea's preoccupation with bilateral negotiation has a much longer history than the Six-Party Talks."
    expect(articleText).toContain(sentence)
    const edited = articleText
      .replace('## Abstract', '## Abstract\n\nAn editor added this paragraph before everything else.\n')
      .replace(sentence, 'North Korea had long preferred direct talks.')
    const result = documents.replaceContent(
      documentId,
      'kim-2018-edited.md',
      prepareDocument('kim-2018-edited.md', edited)
    )
    expect(result.unchanged).toBe(false)
    expect(annotations.reanchorDocument(documentId)).toEqual({ anchored: 1, orphaned: 1 })

    const newText = documents.documentText(documentId).fullText
    const [after] = annotations.list(documentId).filter((annotation) => annotation.id === kept.id)
    expect(after?.anchor.state).toBe('anchored')
    expect(after?.target.position.start).not.toBe(kept.target.position.start)
    expect(after?.target.position.start).toBe(newText.indexOf('Kim removed both pro-Chinese'))
    expect(newText.slice(after?.target.position.start, after?.target.position.end)).toBe(
      'Kim removed both pro-Chinese'
    )
    const lost = annotations.list(documentId).find((annotation) => annotation.id === doomed.id)
    expect(lost?.anchor.state).toBe('orphaned')
    // An orphan keeps its old selectors (to show the reader what it was) until re-attached.
    expect(lost?.target.quote.exact).toBe(doomedQuote)

    const reattached = annotations.reattach(
      doomed.id,
      newText.indexOf('direct talks'),
      newText.indexOf('direct talks') + 12
    )
    expect(reattached.anchor).toEqual({ state: 'anchored', score: 1 })
    expect(reattached.target.quote.exact).toBe('direct talks')
  })
})
