// The W3C Web Annotation export. Every run checks it against the model's MUSTs as written out in
// tests/support/w3cModelMusts.ts; where the W3C's own test suite is found (SCHOLIA_W3C_SUITE, set
// by .ci/run), its conformance assertions check the same exports again, and the suite's samples
// check the runner. Without the suite those tests are skipped, and one line says so.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCodePointConverter } from '../../src/shared/anchoring/codePoints'
import { describeRange } from '../../src/shared/anchoring/describe'
import { fullTextOf as articleFullText, layoutBlocks } from '../../src/shared/document/layout'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'
import {
  annoContext,
  documentIri,
  pdfFragmentSpecification,
  toW3cCollection,
  type W3cAnnotation
} from '../../src/shared/export/w3c'
import { fromW3cCollection, W3cImportError } from '../../src/shared/export/w3cImport'
import type { Annotation } from '../../src/shared/types'
import { annotationProblems, collectionProblems } from '../support/w3cModelMusts'
import { failures, findW3cSuite, readJson } from '../support/w3cSuite'
import {
  annotate,
  annotations,
  blocks,
  colours,
  contentHash,
  documentId,
  exportedAt,
  fullText,
  metadata
} from '../fixtures/export/sample'
import { pagedAnnotations, pagedDocument } from '../fixtures/export/pagedSample'

const lookup = findW3cSuite()
if (!lookup.found) console.warn(`W3C Web Annotation test suite skipped: ${lookup.reason}.`)
const suite = lookup.found ? lookup.suite : undefined
// Composite, List and Independents targets: a strict `uri` check flags them; Scholia makes none.
const knownFlaggedCorrect = ['anno11.json', 'anno12.json', 'anno13.json']

function exportSample(list: readonly Annotation[] = annotations): ReturnType<typeof toW3cCollection> {
  return toW3cCollection({
    document: { id: documentId, metadata, fullText },
    annotations: list,
    colours,
    exportedAt,
    sourceIri: documentIri(contentHash)
  })
}

const importOptions = { documentId, blocks, now: 0 }

/** Each exported annotation as a document of its own (with @context), then the collection around them. */
function exportedObjects(collection: ReturnType<typeof toW3cCollection>): {
  annotations: unknown[]
  collection: unknown
} {
  return {
    annotations: collection.first.items.map((item) => ({ '@context': annoContext, ...item })),
    collection
  }
}

/** What Scholia exports, from the smallest to the real article. */
const scholiaExports: [string, () => ReturnType<typeof toW3cCollection>][] = [
  ['the sample export', () => exportSample()],
  ['an empty export', () => exportSample([])],
  ['the bundled article, a passage of every block', () => bundledArticle().collection],
  [
    "a PDF's passages, each naming its page (FragmentSelector refined by the quote)",
    () =>
      toW3cCollection({
        document: pagedDocument,
        annotations: pagedAnnotations,
        colours,
        exportedAt
      })
  ]
]

describe.skipIf(!suite)('the W3C test suite', () => {
  // Only read inside the tests: a skipped describe still runs this callback to list them.
  const w3c = () => suite!
  const sample = (...parts: string[]) => path.join(w3c().root, 'tools/samples', ...parts)

  it('loads every MUST assertion of the suite', () => {
    expect(w3c().annotationMusts).toHaveLength(54)
    expect(w3c().collectionMusts).toHaveLength(10)
  })

  it('passes the correct sample annotations, except the three Composite/List/Independents ones', () => {
    const files = fs.readdirSync(sample('correct')).filter((name) => name.startsWith('anno'))
    expect(files.length).toBeGreaterThan(30)
    const flagged = files.filter(
      (file) => failures(w3c().annotationMusts, readJson(sample('correct', file))).length > 0
    )
    expect(flagged.sort()).toEqual(knownFlaggedCorrect)
  })

  it('passes the correct sample collections against the collection MUSTs', () => {
    for (const file of ['collection1.json', 'example41.json']) {
      expect(failures(w3c().collectionMusts, readJson(sample('correct', file)))).toEqual([])
    }
  })

  it('fails every incorrect sample on at least one assertion (or as unreadable JSON)', () => {
    const files = fs.readdirSync(sample('incorrect')).filter((name) => name.endsWith('.json'))
    expect(files.length).toBeGreaterThan(30)
    for (const file of files) {
      let parsed: unknown
      try {
        parsed = readJson(sample('incorrect', file))
      } catch {
        continue // not JSON at all: no conforming reader accepts it
      }
      expect(failures(w3c().annotationMusts, parsed), file).not.toEqual([])
    }
  })

  it('agrees with the checks written here: every correct sample meets them, every incorrect one fails them', () => {
    const readable = (kind: string) =>
      fs
        .readdirSync(sample(kind))
        .filter((name) => name.endsWith('.json') && (kind === 'incorrect' || name.startsWith('anno')))
        .flatMap((file) => {
          try {
            return [[file, readJson(sample(kind, file))] as const]
          } catch {
            return []
          }
        })
    for (const [file, annotation] of readable('correct'))
      expect(annotationProblems(annotation), file).toEqual([])
    for (const [file, annotation] of readable('incorrect'))
      expect(annotationProblems(annotation), file).not.toEqual([])
  })

  it.each(scholiaExports)(
    'makes %s pass all 54 annotation and 10 collection MUST assertions',
    (_name, build) => {
      const exported = exportedObjects(build())
      expect(failures(w3c().collectionMusts, exported.collection)).toEqual([])
      for (const annotation of exported.annotations) {
        expect(failures(w3c().annotationMusts, annotation)).toEqual([])
      }
    }
  )
})

describe("the model's MUSTs, checked on every machine", () => {
  it.each(scholiaExports)(
    '%s meets them, each annotation on its own and the collection with its page',
    (_name, build) => {
      const exported = exportedObjects(build())
      expect(collectionProblems(exported.collection)).toEqual([])
      for (const annotation of exported.annotations) expect(annotationProblems(annotation)).toEqual([])
    }
  )

  // Each MUST the checks hold, broken once in a real export: the checks can fail.
  const exported = () => exportedObjects(exportSample()).annotations[0] as Record<string, unknown>
  const withTarget = (change: (target: Record<string, unknown>) => void) => {
    const annotation = structuredClone(exported())
    change(annotation.target as Record<string, unknown>)
    return annotation
  }
  const selectorOf = (target: Record<string, unknown>, type: string) =>
    (target.selector as Record<string, unknown>[]).find((selector) => selector.type === type)!
  it.each([
    ['no @context', () => ({ ...exported(), '@context': undefined }), /@context/],
    ['another @context', () => ({ ...exported(), '@context': 'http://schema.org/' }), /@context/],
    ['a lone @context in a list', () => ({ ...exported(), '@context': [annoContext] }), /as a string/],
    ['an id that is not an IRI', () => ({ ...exported(), id: 'note 1' }), /id must be exactly one IRI/],
    ['two ids', () => ({ ...exported(), id: ['urn:a', 'urn:b'] }), /id must be exactly one IRI/],
    ['another type', () => ({ ...exported(), type: 'Note' }), /type must be, or include, Annotation/],
    ['no target', () => ({ ...exported(), target: undefined }), /at least one target/],
    ['an empty list of targets', () => ({ ...exported(), target: [] }), /at least one target/],
    ['a target without source', () => withTarget((target) => delete target.source), /source must be/],
    [
      'a created time without "Z"',
      () => ({ ...exported(), created: '2024-01-02T03:04:05+01:00' }),
      /created/
    ],
    [
      'a modified time that is no date',
      () => ({ ...exported(), modified: '2024-02-30T00:00:00Z' }),
      /modified/
    ],
    ['an unknown motivation', () => ({ ...exported(), motivation: 'liking' }), /not a motivation/],
    ['a body without value', () => ({ ...exported(), body: [{ type: 'TextualBody' }] }), /value must be/],
    ['bodyValue beside body', () => ({ ...exported(), bodyValue: 'x', body: [] }), /must not both/],
    [
      'a page selector without value',
      () =>
        withTarget((target) =>
          (target.selector as unknown[]).push({
            type: 'FragmentSelector',
            conformsTo: pdfFragmentSpecification
          })
        ),
      /value must be exactly one string/
    ],
    [
      'a page refined by a quote without exact',
      () =>
        withTarget((target) =>
          (target.selector as unknown[]).push({
            type: 'FragmentSelector',
            value: 'page=2',
            refinedBy: { type: 'TextQuoteSelector' }
          })
        ),
      /refinedBy: exact must be/
    ],
    [
      'a quote selector without exact',
      () => withTarget((target) => delete selectorOf(target, 'TextQuoteSelector').exact),
      /exact must be/
    ],
    [
      'a negative start',
      () => withTarget((target) => (selectorOf(target, 'TextPositionSelector').start = -1)),
      /start must be exactly one non-negative integer/
    ],
    [
      'a fractional end',
      () => withTarget((target) => (selectorOf(target, 'TextPositionSelector').end = 2.5)),
      /end must be exactly one non-negative integer/
    ],
    [
      'an end before the start',
      () =>
        withTarget((target) => {
          const position = selectorOf(target, 'TextPositionSelector')
          position.start = (position.end as number) + 1
        }),
      /end must not come before start/
    ]
  ])('an annotation with %s is refused', (_name, build, message) => {
    expect(annotationProblems(build()).join('\n')).toMatch(message)
  })

  const collection = () => exportSample() as unknown as Record<string, unknown>
  const page = () => collection().first as Record<string, unknown>
  it.each([
    ['another type', () => ({ ...collection(), type: 'Collection' }), /AnnotationCollection/],
    ['an id that is not an IRI', () => ({ ...collection(), id: 'my notes' }), /id must be/],
    ['a negative total', () => ({ ...collection(), total: -1 }), /total must be a non-negative integer/],
    ['annotations but no first page', () => ({ ...collection(), first: undefined }), /first page/],
    [
      'a page of another type',
      () => ({ ...collection(), first: { ...page(), type: 'Page' } }),
      /AnnotationPage/
    ],
    ['a page without items', () => ({ ...collection(), first: { ...page(), items: undefined } }), /items/],
    [
      'a page holding a broken annotation',
      () => ({ ...collection(), first: { ...page(), items: [{ ...exported(), target: undefined }] } }),
      /at least one target/
    ]
  ])('a collection with %s is refused', (_name, build, message) => {
    const value = JSON.parse(JSON.stringify(build())) as unknown
    expect(collectionProblems(value).join('\n')).toMatch(message)
  })
})

describe('toW3cCollection', () => {
  const collection = exportSample()
  const items = collection.first.items

  it('exports every annotation, in reading order, inside one collection page', () => {
    expect(collection['@context']).toBe(annoContext)
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.total).toBe(annotations.length)
    expect(items).toHaveLength(annotations.length)
    const starts = items.map((item) => positionOf(item)?.start ?? Infinity).filter(Number.isFinite)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('positions count code points: each quote is the full text at its code-point range', () => {
    const codePoints = Array.from(fullText)
    let positioned = 0
    for (const item of items) {
      const position = positionOf(item)
      if (!position) continue
      positioned += 1
      expect(codePoints.slice(position.start, position.end).join('')).toBe(quoteOf(item).exact)
    }
    expect(positioned).toBe(annotations.filter((annotation) => annotation.anchor.state === 'anchored').length)
    // The astral characters before this passage make UTF-16 and code-point offsets differ.
    const astral = items.find((item) => quoteOf(item).exact.startsWith('=SUM'))
    const original = annotations.find((annotation) => annotation.target.quote.exact.startsWith('=SUM'))
    expect(positionOf(astral!)!.start).toBeLessThan(original!.target.position.start)
  })

  it('uses urn:uuid ids, the document IRI as source, motivations and body purposes', () => {
    const byId = new Map(items.map((item) => [item.id, item]))
    for (const annotation of annotations) {
      const item = byId.get(`urn:uuid:${annotation.id}`)!
      expect(item.target.source).toBe(`urn:scholia:document:${contentHash}`)
      expect(item.motivation).toBe(annotation.note === '' ? 'highlighting' : 'commenting')
      const bodies = item.body ?? []
      expect(bodies.filter((body) => body.purpose === 'tagging').map((body) => body.value)).toEqual(
        annotation.tags
      )
      const meaning = colours.find((colour) => colour.id === annotation.colour)?.meaning
      expect(bodies.filter((body) => body.purpose === 'classifying').map((body) => body.value)).toEqual(
        meaning === undefined ? [] : [meaning]
      )
      expect(item.created).toBe(new Date(annotation.createdAt).toISOString())
    }
  })

  it('leaves the position out for an orphaned annotation', () => {
    const orphan = annotations.find((annotation) => annotation.anchor.state === 'orphaned')!
    const item = items.find((candidate) => candidate.id === `urn:uuid:${orphan.id}`)!
    expect(positionOf(item)).toBeUndefined()
    expect(quoteOf(item).exact).toBe(orphan.target.quote.exact)
  })
})

describe('fromW3cCollection', () => {
  it('restores exactly what was exported (ids, notes, tags, colours, selectors, times)', () => {
    const json = JSON.stringify(exportSample())
    const restored = fromW3cCollection(json, fullText, importOptions)
    const byId = new Map(restored.map((annotation) => [annotation.id, annotation]))
    expect(restored).toHaveLength(annotations.length)
    for (const annotation of annotations) {
      const back = byId.get(annotation.id)
      if (annotation.anchor.state === 'anchored') {
        expect(back).toEqual(annotation)
      } else {
        // No position was exported, and the quote is not in the text: it stays orphaned, unmoved.
        expect(back).toMatchObject({
          note: annotation.note,
          tags: annotation.tags,
          colour: annotation.colour
        })
        expect(back?.target.quote).toEqual(annotation.target.quote)
        expect(back?.anchor.state).toBe('orphaned')
      }
    }
  })

  it('finds a passage by its quote when the position no longer points at it', () => {
    const annotation = annotate('Washington and Pyongyang', { note: 'n' })
    const collection = exportSample([annotation])
    const shifted = `Inserted text at the start. ${fullText}`
    const [back] = fromW3cCollection(collection, shifted, importOptions)
    expect(back?.anchor).toEqual({ state: 'anchored', score: 1 })
    expect(shifted.slice(back!.target.position.start, back!.target.position.end)).toBe(
      'Washington and Pyongyang'
    )
  })

  it('reads a single annotation from another tool, with a position selector only', () => {
    const converter = createCodePointConverter(fullText)
    const start = fullText.indexOf('홍석률')
    const foreign = {
      '@context': annoContext,
      id: 'http://example.org/anno1',
      type: 'Annotation',
      bodyValue: 'A comment',
      target: {
        source: 'http://example.org/doc',
        selector: {
          type: 'TextPositionSelector',
          start: converter.toCodePoint(start),
          end: converter.toCodePoint(start + 3)
        }
      }
    }
    const [back] = fromW3cCollection(foreign, fullText, { ...importOptions, now: 42 })
    expect(back).toMatchObject({
      id: 'http://example.org/anno1',
      note: 'A comment',
      colour: null,
      createdAt: 42
    })
    expect(back?.target.quote.exact).toBe('홍석률')
    expect(back?.target.blockId).toBe(blocks.find((block) => block.text.includes('홍석률'))?.id)
  })

  it.each([
    ['text that is not JSON', 'not json {', /not valid JSON/],
    ['an array', [], /not a JSON object/],
    ['an object of unknown type', { type: 'Book' }, /not an AnnotationCollection/],
    [
      'a collection whose pages are links',
      { type: 'AnnotationCollection', total: 3, first: 'http://x/p1' },
      /links to its pages/
    ],
    ['a page without items', { type: 'AnnotationPage' }, /has no "items"/],
    [
      'an annotation without id',
      { type: 'AnnotationPage', items: [{ type: 'Annotation' }] },
      /annotation 1 has no "id"/
    ],
    [
      'an annotation without target',
      { type: 'AnnotationPage', items: [{ type: 'Annotation', id: 'urn:uuid:1' }] },
      /\(urn:uuid:1\) has no "target"/
    ],
    [
      'a negative position',
      {
        type: 'Annotation',
        id: 'urn:uuid:1',
        target: { source: 'x', selector: { type: 'TextPositionSelector', start: -1, end: 2 } }
      },
      /selector 1 needs whole numbers/
    ],
    [
      'a body without value',
      {
        type: 'Annotation',
        id: 'urn:uuid:1',
        body: { type: 'TextualBody' },
        target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'x' } }
      },
      /body 1 has no text "value"/
    ],
    [
      'a bad date',
      {
        type: 'Annotation',
        id: 'urn:uuid:1',
        created: 'yesterday',
        target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'x' } }
      },
      /"created" is not a date and time/
    ]
  ])('refuses %s with a message saying what is wrong', (_name, input, message) => {
    expect(() => fromW3cCollection(input, fullText, importOptions)).toThrow(W3cImportError)
    expect(() => fromW3cCollection(input, fullText, importOptions)).toThrow(message)
  })
})

function positionOf(item: W3cAnnotation): { start: number; end: number } | undefined {
  const selector = item.target.selector.find((candidate) => candidate.type === 'TextPositionSelector')
  return selector?.type === 'TextPositionSelector' ? selector : undefined
}

function quoteOf(item: W3cAnnotation): { exact: string } {
  const selector = item.target.selector.find((candidate) => candidate.type === 'TextQuoteSelector')
  if (selector?.type !== 'TextQuoteSelector') throw new Error('no quote selector')
  return selector
}

/** The real document, imported and laid out as the app does, with a passage from every block. */
function bundledArticle() {
  const raw = fs.readFileSync(path.resolve(__dirname, '../../resources/kim-2018-sino-dprk-split.md'), 'utf8')
  const parsed = parseDocument(raw, { fileName: 'kim-2018-sino-dprk-split.md' })
  if (!parsed.ok) throw new Error(parsed.message)
  const articleBlocks = layoutBlocks(parsed.document.blocks)
  const articleText = articleFullText(articleBlocks)
  const articleAnnotations: Annotation[] = articleBlocks
    .filter((block) => block.text.length > 10)
    .map((block, index) => {
      const target = describeRange(
        articleText,
        articleBlocks,
        block.start + 2,
        block.start + Math.min(40, block.text.length)
      )
      if (!target) throw new Error('empty range')
      return {
        id: `00000000-0000-4000-9000-${index.toString(16).padStart(12, '0')}`,
        documentId: 'kim',
        target,
        colour: index % 2 === 0 ? 'yellow' : null,
        note: index % 3 === 0 ? '' : `Note ${index}`,
        tags: index % 4 === 0 ? ['Kim Il Sung'] : [],
        createdAt: 1_700_000_000_000 + index,
        updatedAt: 1_700_000_100_000 + index,
        anchor: { state: 'anchored', score: 1 }
      }
    })
  const collection = toW3cCollection({
    document: { id: 'kim', metadata: parsed.document, fullText: articleText },
    annotations: articleAnnotations,
    colours,
    exportedAt
  })
  return { articleBlocks, articleText, articleAnnotations, collection }
}

describe('the bundled article', () => {
  it('exports a passage of every block as annotations that round-trip', () => {
    const { articleBlocks, articleText, articleAnnotations, collection } = bundledArticle()
    expect(articleAnnotations.length).toBeGreaterThan(20)
    const back = fromW3cCollection(collection, articleText, {
      documentId: 'kim',
      blocks: articleBlocks,
      now: 0
    })
    expect([...back].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(articleAnnotations)
  })
})
