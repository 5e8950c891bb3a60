// "Import annotations (W3C)…" on a real SQLite library: a W3C export read back restores the same
// annotations (ids, notes, tags, colours, selectors, times); importing it again adds nothing;
// passages are found again approximately or kept orphaned; bad files are refused with a message
// that says why, and nothing of a refused file is written.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import {
  derivedAnnotationId,
  maxAnnotationFileBytes,
  maxImportedAnnotations
} from '../../src/main/services/annotationImport'
import { validateApiArguments } from '../../src/shared/contractSchemas'
import type { Annotation } from '../../src/shared/types'
import { makeTempDir } from '../support/tempDir'

const resourcesDir = join(__dirname, '..', '..', 'resources')

let backend: Backend
let dir: { path: string; remove: () => void }
let clock = 1_800_000_000_000
let documentId = ''
let fullText = ''

type Json = Record<string, unknown>

beforeEach(async () => {
  dir = makeTempDir()
  backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir, now: () => clock })
  const [document] = await backend.handlers.listDocuments({})
  documentId = document?.id ?? ''
  const view = await backend.handlers.getDocument({ documentId })
  fullText = view.blocks.map((block) => block.text).join('\n\n')
})

afterEach(() => {
  backend.close()
  dir.remove()
})

/** A passage of the article by its words: found in the text, so the test follows the article. */
function rangeOf(quote: string): { start: number; end: number } {
  const start = fullText.indexOf(quote)
  if (start < 0) throw new Error(`not in the text: ${quote}`)
  return { start, end: start + quote.length }
}

/** Three annotations with every kind of content, each made at its own time. */
async function annotateSome(): Promise<Annotation[]> {
  const paragraphs = (await backend.handlers.getDocument({ documentId })).blocks.filter(
    (block) => block.kind === 'paragraph' && block.text.length > 80
  )
  const quotes = [0, 1, 2].map((index) => paragraphs[index * 3]?.text.slice(10, 60) ?? '')
  const made: Annotation[] = []
  const inputs = [
    { colour: 'yellow' as const, note: 'First note\nwith two lines', tags: ['alliance', 'China'] },
    { colour: null, note: '', tags: [] },
    { colour: 'green' as const, note: 'Third — “quoted” & <b>', tags: ['treaty'] }
  ]
  for (const [index, input] of inputs.entries()) {
    clock += 60_000
    made.push(
      await backend.handlers.createAnnotation({ documentId, ...rangeOf(quotes[index] ?? ''), ...input })
    )
  }
  return made
}

async function exportW3c(): Promise<string> {
  const { files } = await backend.handlers.exportFiles({ documentId, format: 'w3c' })
  return files[0]?.content ?? ''
}

async function list(id = documentId): Promise<Annotation[]> {
  return backend.handlers.listAnnotations({ documentId: id })
}

async function deleteAll(): Promise<void> {
  for (const annotation of await list()) await backend.handlers.deleteAnnotation({ id: annotation.id })
}

async function importText(text: string, id = documentId) {
  return backend.handlers.importAnnotations({ documentId: id, fileName: 'notes.jsonld', text })
}

/** The result of an import that must be refused, as its error message. */
async function refusal(text: string): Promise<string> {
  try {
    await importText(text)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('the import was not refused')
}

function items(collection: Json): Json[] {
  return (collection.first as { items: Json[] }).items
}

function quoteSelector(item: Json): Json {
  const target = item.target as { selector: Json[] }
  const selector = target.selector.find((candidate) => candidate.type === 'TextQuoteSelector')
  if (!selector) throw new Error('no quote selector')
  return selector
}

describe('importing a W3C export back', () => {
  it('restores the same annotations after they were deleted (ids, notes, tags, colours, selectors, times)', async () => {
    const original = await annotateSome()
    const file = await exportW3c()
    await deleteAll()
    expect(await list()).toEqual([])
    clock += 3_600_000

    const result = await importText(file)

    expect(result).toMatchObject({ imported: 3, skipped: 0, orphaned: 0 })
    expect(result.message).toContain('Imported 3 annotations from notes.jsonld')
    expect(await list()).toEqual(original)
  })

  it('skips every annotation already in the document when the same file is imported again', async () => {
    const original = await annotateSome()
    const file = await exportW3c()
    await deleteAll()
    await importText(file)

    const again = await importText(file)

    expect(again).toMatchObject({ imported: 0, skipped: 3, orphaned: 0 })
    expect(again.message).toMatch(/3 were already in this document/)
    expect(await list()).toEqual(original)
  })

  it('skips only the ones still there and brings back the deleted one', async () => {
    const [first, second] = await annotateSome()
    const file = await exportW3c()
    await backend.handlers.deleteAnnotation({ id: second?.id ?? '' })

    const result = await importText(file)

    expect(result).toMatchObject({ imported: 1, skipped: 2 })
    expect((await list()).map((annotation) => annotation.id)).toContain(second?.id)
    expect((await list()).find((annotation) => annotation.id === first?.id)).toEqual(first)
  })

  it('finds a slightly changed quote approximately, and orphans one that is not in the text', async () => {
    await annotateSome()
    const collection = JSON.parse(await exportW3c()) as Json
    const [changed, missing] = items(collection)
    const changedQuote = quoteSelector(changed ?? {})
    const originalExact = String(changedQuote.exact)
    // One letter different and the position no longer pointing at it: only an approximate match finds it.
    changedQuote.exact = `${originalExact.slice(0, 20)}X${originalExact.slice(21)}`
    const missingTarget = (missing ?? {}).target as { selector: Json[] }
    missingTarget.selector = [
      {
        type: 'TextQuoteSelector',
        exact: 'words that Scholia will never find in this article',
        prefix: 'q',
        suffix: 'z'
      }
    ]
    await deleteAll()

    const result = await importText(JSON.stringify(collection))

    expect(result).toMatchObject({ imported: 3, skipped: 0, orphaned: 1 })
    expect(result.message).toMatch(/1 passage was not found in the current text/)
    const byId = new Map((await list()).map((annotation) => [annotation.id, annotation]))
    const found = byId.get(String((changed ?? {}).id).replace('urn:uuid:', ''))
    expect(found?.anchor.state).toBe('anchored')
    expect(found?.anchor.score).toBeLessThan(1)
    expect(found?.target.quote.exact).toBe(originalExact)
    const orphan = byId.get(String((missing ?? {}).id).replace('urn:uuid:', ''))
    expect(orphan?.anchor.state).toBe('orphaned')
    expect(orphan?.target.quote.exact).toBe('words that Scholia will never find in this article')
  })

  it('gives the notes new, stable ids when the file comes from another document', async () => {
    const original = await annotateSome()
    const file = await exportW3c()
    const other = await backend.handlers.importDocument({
      fileName: 'copy.md',
      text: `${fullText}\n\nA paragraph added to the copy.`
    })
    const otherId = other.document.id

    const first = await importText(file, otherId)
    const second = await importText(file, otherId)

    expect(first).toMatchObject({ imported: 3, skipped: 0, orphaned: 0 })
    expect(second).toMatchObject({ imported: 0, skipped: 3 })
    const copied = await list(otherId)
    expect(copied.map((annotation) => annotation.id).sort()).toEqual(
      original.map((annotation) => derivedAnnotationId(otherId, annotation.id)).sort()
    )
    expect(copied.map((annotation) => annotation.note).sort()).toEqual(
      original.map((annotation) => annotation.note).sort()
    )
    expect(await list()).toEqual(original)
  })
})

describe("other tools' ids", () => {
  it('gives an id with spaces (or other characters outside printable ASCII) a stable safe one', async () => {
    await annotateSome()
    const collection = JSON.parse(await exportW3c()) as Json
    await deleteAll()
    const ids = ['my note 1', 'tab\tid', 'note\u00A0nbsp']
    items(collection).forEach((item, index) => (item.id = ids[index]))
    const file = JSON.stringify(collection)

    expect(await importText(file)).toMatchObject({ imported: 3 })
    const stored = (await list()).map((annotation) => annotation.id).sort()
    expect(stored).toEqual(
      [
        derivedAnnotationId(documentId, 'my note 1'),
        derivedAnnotationId(documentId, 'tab\tid'),
        derivedAnnotationId(documentId, 'note\u00A0nbsp')
      ].sort()
    )
    // The reader lists overlapping highlights' ids with spaces between them: each must be one word.
    for (const id of stored) expect(id).toMatch(/^[\x21-\x7E]+$/)
    expect(await importText(file)).toMatchObject({ imported: 0, skipped: 3 })
  })

  it('keeps a safe id from another tool as it is', async () => {
    await annotateSome()
    const collection = JSON.parse(await exportW3c()) as Json
    await deleteAll()
    const [first] = items(collection)
    if (first) first.id = 'https://hypothes.is/a/AbC-123_x'
    expect(await importText(JSON.stringify(collection))).toMatchObject({ imported: 3 })
    expect((await list()).map((annotation) => annotation.id)).toContain('https://hypothes.is/a/AbC-123_x')
  })

  it.each([
    ['an id', (item: Json) => (item.id = 'abc\ud800')],
    ['a note', (item: Json) => (item.bodyValue = 'half a pair: \udc00 here')],
    ['a key', (item: Json) => (item['\ud83d'] = 1)]
  ])('refuses half a surrogate pair in %s, writing nothing', async (_where, spoil) => {
    await annotateSome()
    const collection = JSON.parse(await exportW3c()) as Json
    await deleteAll()
    spoil(items(collection)[1] ?? {})
    expect(await refusal(JSON.stringify(collection))).toMatch(
      /^notes\.jsonld holds a broken character \(half of a UTF-16 surrogate pair/
    )
    expect(await list()).toEqual([])
  })

  it('refuses half a surrogate pair in any API argument before a service sees it', () => {
    expect(
      validateApiArguments('createAnnotation', {
        documentId: 'd',
        start: 0,
        end: 1,
        colour: null,
        note: 'x\ud800'
      })
    ).toEqual({
      ok: false,
      message:
        'Invalid arguments for createAnnotation (note): the text holds a broken character (half of a UTF-16 surrogate pair)'
    })
    expect(validateApiArguments('updateAnnotation', { id: 'a', tags: ['ok', '\udfff'] })).toMatchObject({
      ok: false
    })
    expect(
      validateApiArguments('updateAnnotation', { id: 'a', note: 'a pair is fine: \ud83d\ude00' })
    ).toMatchObject({ ok: true })
  })
})

describe('refusing files it cannot read, writing nothing', () => {
  it('says when the file is not JSON', async () => {
    expect(await refusal('{"type": "AnnotationCollection", ')).toMatch(
      /^notes\.jsonld is not valid JSON \(.+\), so it cannot be a W3C Web Annotation export\. Nothing was imported\.$/
    )
  })

  it('says when the JSON is not a Web Annotation file', async () => {
    expect(await refusal('{"name": "a shopping list", "items": ["milk"]}')).toMatch(
      /notes\.jsonld: .*is not an AnnotationCollection, AnnotationPage or Annotation/
    )
  })

  it('writes none of a file whose later annotation is broken', async () => {
    await annotateSome()
    const collection = JSON.parse(await exportW3c()) as Json
    await deleteAll()
    delete (items(collection)[2] ?? {}).target

    expect(await refusal(JSON.stringify(collection))).toMatch(/annotation 3 .* has no "target"/)
    expect(await list()).toEqual([])
  })

  it('refuses a file over the size limit, naming the limit', async () => {
    const text = `{"type": "AnnotationPage", "items": []}${' '.repeat(maxAnnotationFileBytes)}`
    expect(await refusal(text)).toMatch(/up to 50 MB/)
  })

  it('refuses more annotations than the limit, naming the limit', async () => {
    const page = {
      type: 'AnnotationPage',
      items: Array.from({ length: maxImportedAnnotations + 1 }, () => ({}))
    }
    expect(await refusal(JSON.stringify(page))).toMatch(/at most 100,000 at a time/)
  })

  it('refuses a note longer than a note can be', async () => {
    await annotateSome()
    const collection = JSON.parse(await exportW3c()) as Json
    await deleteAll()
    const first = items(collection)[0] ?? {}
    first.body = [{ type: 'TextualBody', value: 'x'.repeat(100_001), purpose: 'commenting' }]

    expect(await refusal(JSON.stringify(collection))).toMatch(
      /note of annotation 1 in notes\.jsonld is 100,001 characters/
    )
    expect(await list()).toEqual([])
  })
})
