// Search on the real article in a real SQLite library: the examples of the issue, the index life
// cycle (built once, loaded afterwards, never rebuilt when nothing changed), and notes found the
// moment they are saved.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { migrate } from '../../src/main/db/migrations'
import { createAnnotationRepository } from '../../src/main/db/repositories/annotationRepository'
import { createDocumentRepository } from '../../src/main/db/repositories/documentRepository'
import {
  createBundledImportRepository,
  createSettingsRepository
} from '../../src/main/db/repositories/settingsRepository'
import { createAnnotationService } from '../../src/main/services/annotationService'
import { createDocumentService } from '../../src/main/services/documentService'
import { createInThreadBuilder, type SegmentBuilder } from '../../src/main/services/search/builder'
import { createSearchService, type SearchService } from '../../src/main/services/search/searchService'
import { createDocumentsSource, createNotesSource } from '../../src/main/services/search/sources'
import type { SearchHit, SearchResults } from '../../src/shared/search/types'
import { makeTempDir } from '../support/tempDir'

const articlePath = join(__dirname, '../../resources/kim-2018-sino-dprk-split.md')
const otherText = `# Partition Papers

## The Boundary Award

Sir Cyril Radcliffe's commission drew the line in five weeks. The award was published on 17 August 1947.

## Refugees

Millions crossed the new border; the Punjab and Bengal were divided.
`

let folder: ReturnType<typeof makeTempDir>
let db: Db
let clock = 1_700_000_000_000
const now = (): number => clock

function openLibrary() {
  db = openDatabase(join(folder.path, 'library.sqlite3'))
  migrate(db)
  const documentRepository = createDocumentRepository(db)
  const documents = createDocumentService({
    db,
    documents: documentRepository,
    bundledImports: createBundledImportRepository(db),
    now
  })
  const annotations = createAnnotationService({
    annotations: createAnnotationRepository(db),
    settings: createSettingsRepository(db),
    documentText: (documentId) => documents.documentText(documentId),
    now
  })
  return { documentRepository, documents, annotations }
}

function countingBuilder(): SegmentBuilder & { built: string[] } {
  const inner = createInThreadBuilder()
  const built: string[] = []
  return {
    built,
    build: (job) => {
      built.push(job.key)
      return inner.build(job)
    },
    mode: () => inner.mode(),
    close: () => inner.close()
  }
}

function openSearch(library: ReturnType<typeof openLibrary>, builder: SegmentBuilder): SearchService {
  return createSearchService({
    db,
    sources: [
      createDocumentsSource(db, library.documentRepository),
      createNotesSource(
        db,
        (id) => library.annotations.colours().find((colour) => colour.id === id)?.meaning ?? ''
      )
    ],
    titleOf: (documentId) => library.documentRepository.findById(documentId)?.metadata.title ?? '',
    now,
    builder
  })
}

const hitsOf = (results: SearchResults, kind?: SearchHit['kind']): SearchHit[] =>
  results.groups.filter((group) => !kind || group.kind === kind).flatMap((group) => group.hits)
const marked = (hit: SearchHit): string[] => hit.snippet.ranges.map(([a, b]) => hit.snippet.text.slice(a, b))

beforeEach(() => {
  folder = makeTempDir()
})

afterEach(() => {
  db.close()
  folder.remove()
})

describe('search on the bundled article', () => {
  let search: SearchService
  let library: ReturnType<typeof openLibrary>
  beforeEach(async () => {
    library = openLibrary()
    library.documents.importBundled('kim-2018-sino-dprk-split.md', readFileSync(articlePath, 'utf8'))
    await library.documents.importDocument('partition.md', otherText)
    search = openSearch(library, createInThreadBuilder())
    await search.refresh()
  })
  afterEach(() => search.close())

  it.each(['sokryul', 'Sökryul', 'Sŏkryul', 'SOKRYUL ', '홍석률'])(
    '%s finds "Hong Sökryul" in the footnotes',
    (query) => {
      const results = search.search({ query })
      const footnotes = hitsOf(results, 'footnote')
      expect(footnotes.length).toBeGreaterThan(0)
      expect(footnotes.every((hit) => hit.snippet.text.includes('Hong Sökryul (홍석률)'))).toBe(true)
      expect(footnotes[0]?.section).toMatch(/^Footnote \d+$/)
    }
  )

  it('Il-song finds "Kim Il-sŏng"', () => {
    const [hit] = hitsOf(search.search({ query: 'Il-song' }))
    expect(hit?.snippet.text).toContain('Kim Il-sŏng')
    // The two words of the hyphenated name are marked as one stretch.
    expect(marked(hit as SearchHit)).toContain('Il-sŏng')
  })

  it("choe and Ch'oe both find Ch'oe", () => {
    for (const query of ['choe ', "Ch'oe ", 'Ch’oe ']) {
      const hits = hitsOf(search.search({ query }))
      expect(hits.length).toBeGreaterThan(0)
      expect(hits.every((hit) => marked(hit).includes("Ch'oe"))).toBe(true)
    }
  })

  it("korea finds Korea's", () => {
    const hits = hitsOf(search.search({ query: 'korea ' }))
    expect(hits.some((hit) => marked(hit).includes("Korea's"))).toBe(true)
  })

  it('two words must both appear, in any order', () => {
    const results = search.search({ query: 'nixon beijing ' })
    const hits = hitsOf(results)
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      const words = marked(hit).map((word) => word.toLowerCase())
      expect(words.some((word) => word.startsWith('nixon'))).toBe(true)
      expect(words).toContain('beijing')
    }
    expect(search.search({ query: 'beijing nixon ' }).total).toBe(results.total)
  })

  it('a prefix finds the words it starts, and the word being typed counts as one', () => {
    expect(hitsOf(search.search({ query: 'bilat* ' })).some((hit) => marked(hit).includes('bilateral'))).toBe(
      true
    )
    expect(hitsOf(search.search({ query: 'Radcl' }))[0]?.snippet.text).toContain("Radcliffe's")
    expect(search.search({ query: 'Radcl ' }).total).toBe(0)
  })

  it('operators typed as text never fail, and symbols alone are reported', () => {
    for (const query of [
      "'); DROP TABLE cards;--",
      '%',
      '_',
      'a\u0000b',
      '+',
      '-',
      '~1',
      '^',
      '*',
      ':',
      'text:',
      '-korea'
    ]) {
      const results = search.search({ query })
      expect(results.groups.map((group) => group.kind)).toEqual(['text', 'footnote', 'note', 'card'])
    }
    const symbols = search.search({ query: '%' })
    expect(symbols.total).toBe(0)
    expect(symbols.ignored).toEqual(['%'])
    expect(symbols.notice).toMatch(/type a word/)
    expect(search.search({ query: '-korea' }).notice).toMatch(/Add a word/)
    // LIKE wildcards are not wildcards here: "_" and "%" match nothing rather than everything.
    expect(search.search({ query: '_' }).total).toBe(0)
  })

  it('groups text and footnotes with complete counts, and opens hits at the matched word', () => {
    const results = search.search({ query: 'korea ', limit: 2 })
    const text = results.groups.find((group) => group.kind === 'text')
    expect(text?.count).toBeGreaterThan(2)
    expect(text?.hits).toHaveLength(2)
    const hit = text?.hits[0] as SearchHit
    const view = library.documents.getDocument(hit.documentId)
    const block = view.blocks.find((candidate) => candidate.id === hit.blockId)
    expect(block).toBeDefined()
    const offset = hit.at - (block?.start ?? 0)
    expect(block?.text.slice(offset, offset + 5).toLowerCase()).toBe('korea')
    expect(hit.documentTitle).toBe(view.metadata.title)
  })

  it('filters by document and by kind', () => {
    const documents = library.documents.listDocuments()
    const partition = documents.find((document) => document.title.includes('Partition'))
    expect(search.search({ query: 'the ', filters: { documentId: partition?.id } }).total).toBe(
      hitsOf(search.search({ query: 'the ', filters: { documentId: partition?.id }, limit: 100 })).length
    )
    const onlyPartition = hitsOf(search.search({ query: 'the ', filters: { documentId: partition?.id } }))
    expect(onlyPartition.length).toBeGreaterThan(0)
    expect(onlyPartition.every((hit) => hit.documentId === partition?.id)).toBe(true)
    const footnotesOnly = search.search({ query: 'korea ', filters: { kinds: ['footnote'] } })
    expect(footnotesOnly.groups.find((group) => group.kind === 'text')?.count).toBe(0)
    expect(footnotesOnly.groups.find((group) => group.kind === 'footnote')?.count).toBeGreaterThan(0)
  })

  it('a removed document leaves the results', async () => {
    const partition = library.documents
      .listDocuments()
      .find((document) => document.title.includes('Partition'))
    expect(search.search({ query: 'radcliffe ' }).total).toBe(1)
    library.documents.removeDocument(partition?.id as string)
    await search.refresh()
    expect(search.search({ query: 'radcliffe ' }).total).toBe(0)
  })
})

describe('fuzzy words', () => {
  it('searches a fuzzy word longer than 20 letters exactly (BAD_INPUTS 28)', async () => {
    const library = openLibrary()
    const long = 'quasi' + 'a'.repeat(25)
    const nearLong = 'quasi' + 'a'.repeat(24) + 'b'
    await library.documents.importDocument('long.md', `# Long words\n\nThe word ${long} stands here.\n`)
    await library.documents.importDocument('near.md', `# Near words\n\nThe word ${nearLong} stands here.\n`)
    await library.documents.importDocument('short.md', `# Short words\n\nPresident Nixon went.\n`)
    const search = openSearch(library, createInThreadBuilder())
    await search.refresh()
    const titles = (query: string) => [
      ...new Set(hitsOf(search.search({ query })).map((hit) => hit.documentTitle))
    ]
    // One edit apart, but a 30-letter word is not expanded: only the word itself is found.
    expect(titles(`${long}~2 `)).toEqual(['Long Words'])
    expect(titles(`${'a'.repeat(300)}~2 `)).toEqual([])
    // A short fuzzy word still finds its neighbours.
    expect(titles('nixn~1 ')).toEqual(['Short Words'])
    await search.close()
  })
})

describe('index life cycle', () => {
  it('is built once, then loaded at start-up without a rebuild', async () => {
    let library = openLibrary()
    library.documents.importBundled('kim-2018-sino-dprk-split.md', readFileSync(articlePath, 'utf8'))
    const first = countingBuilder()
    let search = openSearch(library, first)
    await search.refresh()
    expect(first.built.length).toBeGreaterThan(0)
    expect(search.status()).toMatchObject({ building: false })
    await search.close()
    db.close()

    library = openLibrary()
    const second = countingBuilder()
    search = openSearch(library, second)
    search.start()
    await new Promise((resolve) => setImmediate(resolve))
    await search.whenIdle()
    expect(second.built).toEqual([])
    expect(search.status().ready).toBe(search.status().total)
    expect(search.search({ query: 'sokryul' }).total).toBeGreaterThan(0)
    await search.close()
  })

  it('keeps row texts out of the segments, reads them for the hits, and rebuilds an older format', async () => {
    let library = openLibrary()
    library.documents.importBundled('kim-2018-sino-dprk-split.md', readFileSync(articlePath, 'utf8'))
    let search = openSearch(library, createInThreadBuilder())
    await search.refresh()
    await search.close()
    const texts = () => db.prepare('SELECT count(*) FROM search_texts').pluck().get() as number
    expect(texts()).toBeGreaterThan(0)
    // Segments of format 2 held their rows' texts and had none beside them.
    const stored = db
      .prepare<[], { key: string; data: Buffer }>('SELECT key, data FROM search_segments')
      .all()
    for (const { key, data } of stored) {
      const length = data.readUInt32LE(0)
      const header = data
        .subarray(4, 4 + length)
        .toString('utf8')
        .replace('{"v":3', '{"v":2')
      data.write(header, 4, 'utf8')
      db.prepare('UPDATE search_segments SET data = ? WHERE key = ?').run(data, key)
    }
    db.prepare('DELETE FROM search_texts').run()
    db.close()

    library = openLibrary()
    const rebuilt = countingBuilder()
    search = openSearch(library, rebuilt)
    await search.refresh()
    expect(rebuilt.built.sort()).toEqual(stored.map(({ key }) => key).sort())
    expect(texts()).toBeGreaterThan(0)
    await search.close()
    db.close()

    // After a restart the snippets come from the stored texts.
    library = openLibrary()
    search = openSearch(library, countingBuilder())
    await search.refresh()
    const footnotes = hitsOf(search.search({ query: 'sokryul ' }), 'footnote')
    expect(footnotes.length).toBeGreaterThan(0)
    expect(footnotes.every((hit) => hit.snippet.text.includes('Hong Sökryul (홍석률)'))).toBe(true)
    const [document] = library.documents.listDocuments()
    library.documents.removeDocument(document?.id as string)
    await search.refresh()
    expect(texts()).toBe(0)
    await search.close()
  })

  it('finds a note the moment it is saved, and after an edit or a delete stops finding the old words', async () => {
    const library = openLibrary()
    const imported = library.documents.importBundled(
      'kim-2018-sino-dprk-split.md',
      readFileSync(articlePath, 'utf8')
    )
    const documentId = imported?.document.id as string
    const search = openSearch(library, countingBuilder())
    await search.refresh()

    clock += 1000
    const note = library.annotations.create({
      documentId,
      start: 100,
      end: 140,
      colour: 'blue',
      note: 'Compare with the Juche speeches of 1955',
      tags: ['juche', 'ideology']
    })
    // No refresh: the row is newer than the notes segment and is searched directly.
    const found = search.search({ query: 'juche' })
    const notes = found.groups.find((group) => group.kind === 'note')
    expect(notes?.count).toBe(1)
    expect(notes?.hits[0]).toMatchObject({ documentId, colour: 'blue', tags: ['juche', 'ideology'] })
    expect(search.search({ query: 'tags:ideology' }).total).toBe(1)
    expect(search.search({ query: 'juche', filters: { colour: 'green' } }).total).toBe(0)
    expect(search.search({ query: 'juche', filters: { tag: 'ideology' } }).total).toBe(1)

    await search.refresh()
    expect(search.search({ query: 'juche' }).total).toBe(1)
    expect(search.facets().tags).toEqual(['ideology', 'juche'])

    // A colour's meaning is searchable, and renaming it updates the index.
    expect(search.search({ query: 'colour:actor' }).total).toBe(1)
    library.annotations.renameColours([{ id: 'blue', meaning: 'Protagonist' }])
    await search.refresh()
    expect(search.search({ query: 'colour:protagonist' }).total).toBe(1)
    expect(search.search({ query: 'colour:actor ' }).total).toBe(0)

    clock += 1000
    library.annotations.update({ id: note.id, note: 'Compare with the Chollima movement' })
    expect(search.search({ query: 'chollima' }).total).toBe(1)
    expect(search.search({ query: 'speeches ' }).total).toBe(0)

    clock += 1000
    library.annotations.delete(note.id)
    expect(search.search({ query: 'chollima' }).total).toBe(0)
    await search.refresh()
    expect(search.search({ query: 'chollima' }).total).toBe(0)
    await search.close()
  })
})
