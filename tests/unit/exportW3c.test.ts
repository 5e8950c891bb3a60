// The W3C Web Annotation export, checked with the W3C's own conformance assertions: every MUST of
// the annotation model for each exported annotation and the collection MUSTs for the collection.
// The suite is read from shared/peer beside the repository (as on CI).
import fs from 'node:fs'
import path from 'node:path'
import Ajv, { type ValidateFunction } from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { createCodePointConverter } from '../../src/shared/anchoring/codePoints'
import { describeRange } from '../../src/shared/anchoring/describe'
import { fullTextOf as articleFullText, layoutBlocks } from '../../src/shared/document/layout'
import { parseDocument } from '../../src/shared/import/parseDocument'
import { annoContext, documentIri, toW3cCollection, type W3cAnnotation } from '../../src/shared/export/w3c'
import { fromW3cCollection, W3cImportError } from '../../src/shared/export/w3cImport'
import type { Annotation } from '../../src/shared/types'
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

const suiteRoot = path.resolve(__dirname, '../../../shared/peer/w3c-web-annotation-tests')

interface Assertion {
  file: string
  expected: 'valid' | 'invalid'
  validate: ValidateFunction
}

function loadSuite(): { annotationMusts: Assertion[]; collectionMusts: Assertion[] } {
  // The assertion schemas carry the test harness's own keywords (expectedResult, errorMessage…),
  // so strict mode is off; formats (uri, date-time) come from ajv-formats as the suite expects.
  const ajv = new Ajv({ strict: false })
  addFormats(ajv)
  const definitions = path.join(suiteRoot, 'definitions')
  for (const file of fs.readdirSync(definitions).filter((name) => name.endsWith('.json'))) {
    ajv.addSchema(readJson(path.join(definitions, file)) as object)
  }
  const load = (testFile: string): Assertion[] => {
    const test = readJson(path.join(suiteRoot, testFile)) as { assertions: string[] }
    return test.assertions.map((file) => {
      const schema = readJson(path.join(suiteRoot, file)) as { expectedResult: 'valid' | 'invalid' }
      return { file, expected: schema.expectedResult, validate: ajv.compile(schema) }
    })
  }
  return {
    annotationMusts: load('annotations/annotationMusts.test'),
    collectionMusts: load('collections/collectionMusts.test')
  }
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
}

/** The assertions that did not give their expected result (empty when the object conforms). */
function failures(assertions: readonly Assertion[], value: unknown): string[] {
  return assertions
    .filter((assertion) => (assertion.validate(value) ? 'valid' : 'invalid') !== assertion.expected)
    .map((assertion) => path.basename(assertion.file))
}

const suite = loadSuite()
const sampleDir = path.join(suiteRoot, 'tools/samples')
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

describe('the W3C conformance runner', () => {
  it('loads every MUST assertion of the suite', () => {
    expect(suite.annotationMusts).toHaveLength(54)
    expect(suite.collectionMusts).toHaveLength(10)
  })

  it('passes the correct sample annotations, except the three Composite/List/Independents ones', () => {
    const files = fs.readdirSync(path.join(sampleDir, 'correct')).filter((name) => name.startsWith('anno'))
    expect(files.length).toBeGreaterThan(30)
    const flagged = files.filter(
      (file) => failures(suite.annotationMusts, readJson(path.join(sampleDir, 'correct', file))).length > 0
    )
    expect(flagged.sort()).toEqual(knownFlaggedCorrect)
  })

  it('passes the correct sample collections against the collection MUSTs', () => {
    for (const file of ['collection1.json', 'example41.json']) {
      expect(failures(suite.collectionMusts, readJson(path.join(sampleDir, 'correct', file)))).toEqual([])
    }
  })

  it('fails every incorrect sample on at least one assertion (or as unreadable JSON)', () => {
    const files = fs.readdirSync(path.join(sampleDir, 'incorrect')).filter((name) => name.endsWith('.json'))
    expect(files.length).toBeGreaterThan(30)
    for (const file of files) {
      let sample: unknown
      try {
        sample = readJson(path.join(sampleDir, 'incorrect', file))
      } catch {
        continue // not JSON at all: no conforming reader accepts it
      }
      expect(failures(suite.annotationMusts, sample), file).not.toEqual([])
    }
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

  it('makes every exported annotation pass all 54 MUST assertions', () => {
    for (const item of items) {
      expect(failures(suite.annotationMusts, { '@context': annoContext, ...item }), item.id).toEqual([])
    }
  })

  it('makes the collection pass the collection MUSTs (also when it is empty)', () => {
    expect(failures(suite.collectionMusts, collection)).toEqual([])
    expect(failures(suite.collectionMusts, exportSample([]))).toEqual([])
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

describe('the bundled article', () => {
  // The real document, imported and laid out as the app does, with a passage from every block.
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

  it('exports a passage of every block as conforming annotations that round-trip', () => {
    expect(articleAnnotations.length).toBeGreaterThan(20)
    expect(failures(suite.collectionMusts, collection)).toEqual([])
    for (const item of collection.first.items) {
      expect(failures(suite.annotationMusts, { '@context': annoContext, ...item }), item.id).toEqual([])
    }
    const back = fromW3cCollection(collection, articleText, {
      documentId: 'kim',
      blocks: articleBlocks,
      now: 0
    })
    expect([...back].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(articleAnnotations)
  })
})
