// Search benchmark (issue 4): a 1M-word library generated with a fixed seed from the bundled
// article's sentences, searched with 53 fixed queries through the search service (query text →
// top 20 per group with snippets, no answer cache); the persisted index loaded after a restart;
// the build. Beside each figure, from the same run: stock lunr 2.3.9 and a SQLite LIKE scan.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import lunr from 'lunr'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { migrate } from '../../src/main/db/migrations'
import {
  createInThreadBuilder,
  createSegmentBuilder,
  type SegmentBuilder
} from '../../src/main/services/search/builder'
import { createSearchService } from '../../src/main/services/search/searchService'
import type { SearchSource } from '../../src/main/services/search/sources'
import { layoutBlocks } from '../../src/shared/document/layout'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'
import { rowsOfDocument } from '../../src/shared/search/documentRows'
import { buildSegment, type IndexRow } from '../../src/shared/search/segment'
import type { Block } from '../../src/shared/types'
import { makeTempDir } from '../../tests/support/tempDir'
import { repoRoot } from '../../tests/support/webServer'
import { heading, report, summarise, type Summary } from './harness'

const targetWords = 1_000_000
const wordsPerDocument = 5_000
const seed = 20180271

/** mulberry32: a small fixed-seed generator, so every run indexes the same library. */
export function random(seedValue: number): () => number {
  let state = seedValue >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length

interface Corpus {
  documents: Array<{ id: string; rows: IndexRow[] }>
  words: number
  paragraphs: number
}

/** Documents of ~5,000 words: headings, paragraphs of 150–250 words and footnotes, as the importer makes them. */
export function generateCorpus(): Corpus {
  const parsed = parseDocument(
    readFileSync(join(repoRoot, 'resources', 'kim-2018-sino-dprk-split.md'), 'utf8'),
    { fileName: 'article.md' }
  )
  if (!parsed.ok) throw new Error(parsed.message)
  const article = parsed.document.blocks
  const sentences = article
    .filter((block) => block.kind === 'paragraph' || block.kind === 'abstract')
    .flatMap((block) => block.text.split(/(?<=[.!?])\s+(?=[A-Z‘'"(])/))
    .filter((sentence) => countWords(sentence) >= 4)
  const notes = article.filter((block) => block.kind === 'footnote').map((block) => block.text)
  const headings = article.filter((block) => block.kind === 'heading').map((block) => block.text)
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T

  const documents: Corpus['documents'] = []
  let words = 0
  let paragraphs = 0
  while (words < targetWords) {
    const blocks: Array<Pick<Block, 'kind' | 'text' | 'number' | 'refs' | 'marks' | 'pages'>> = []
    let documentWords = 0
    let footnote = 0
    while (documentWords < wordsPerDocument) {
      if (blocks.length % 6 === 0) {
        const text = pick(headings)
        blocks.push({ kind: 'heading', text, number: null, refs: [], marks: [], pages: null })
        documentWords += countWords(text)
      }
      const length = 150 + Math.floor(next() * 101)
      const parts: string[] = []
      let paragraphWords = 0
      while (paragraphWords < length) {
        const sentence = pick(sentences)
        parts.push(sentence)
        paragraphWords += countWords(sentence)
      }
      blocks.push({
        kind: 'paragraph',
        text: parts.join(' '),
        number: null,
        refs: [],
        marks: [],
        pages: null
      })
      documentWords += paragraphWords
      paragraphs++
    }
    for (let i = 0; i < 8; i++) {
      const text = pick(notes)
      blocks.push({ kind: 'footnote', text, number: ++footnote, refs: [], marks: [], pages: null })
      documentWords += countWords(text)
    }
    const id = `bench-${String(documents.length).padStart(4, '0')}`
    documents.push({ id, rows: rowsOfDocument(id, layoutBlocks(blocks), 0) })
    words += documentWords
  }
  return { documents, words, paragraphs }
}

/** 53 distinct queries: frequent, medium and rare words, two words, prefixes, folded spellings, Hangul. */
export const benchQueries = [
  // frequent
  'korea',
  'north',
  'china',
  'the',
  'us',
  'kim',
  'sung',
  'policy',
  'foreign',
  'soviet',
  // medium
  'nixon',
  'beijing',
  'detente',
  'withdrawal',
  'bilateral',
  'rapprochement',
  'pyongyang',
  'juche',
  'armistice',
  'treaty',
  // rare
  'uncurk',
  'kurbatov',
  'tripartite',
  'hisuteri',
  'brazinsky',
  'schism',
  'adventurism',
  'chauvinism',
  // two words
  'north korea',
  'sino soviet',
  'nixon visit',
  'peace treaty',
  'kim il',
  'self reliance',
  'us troops',
  'un general assembly',
  'chinese comrades',
  'foreign policy',
  // prefixes (typed as in the box: the last word counts as a prefix) and explicit ones
  'kor',
  'bilat',
  'rappro',
  'withdr',
  'negot*',
  'sino-am',
  'uni*',
  // folded spellings and apostrophes
  'sokryul',
  'Sŏkryul',
  'Il-song',
  'choe',
  "Ch'oe",
  "korea's",
  // Hangul
  '홍석률',
  '최명해'
]

function timeQueries(label: string, run: (query: string) => unknown, rounds: number): Summary {
  for (const query of benchQueries) run(query)
  const durations: number[] = []
  for (let round = 0; round < rounds; round++)
    for (const query of benchQueries) {
      const start = performance.now()
      run(query)
      durations.push(performance.now() - start)
    }
  return summarise(label, durations)
}

export function benchSource(corpus: Pick<Corpus, 'documents'>): SearchSource {
  const byKey = new Map(corpus.documents.map((document) => [`doc:${document.id}`, document.rows]))
  return {
    name: 'bench documents',
    segments: () => [...byKey.keys()].map((key) => ({ key, stamp: 'v1' })),
    rows: (key) => byKey.get(key) ?? []
  }
}

/** What the index takes in SQLite: the segments, and the rows' texts stored beside them. */
export function persistedSizes(db: Db): string {
  const { segments, bytes } = db
    .prepare('SELECT count(*) AS segments, total(length(data)) AS bytes FROM search_segments')
    .get() as { segments: number; bytes: number }
  const texts = (
    db.prepare('SELECT total(length(CAST(text AS BLOB))) AS bytes FROM search_texts').get() as {
      bytes: number
    }
  ).bytes
  return `${(bytes / 1e6).toFixed(1)} MB in ${segments} segments, and the rows' texts beside them (${(texts / 1e6).toFixed(1)} MB, read only for the results shown)`
}

export function openBenchDb(folder: string): Db {
  mkdirSync(folder, { recursive: true })
  const db = openDatabase(join(folder, 'bench.sqlite3'))
  migrate(db)
  return db
}

export function workerFile(): string | null {
  const chunks = join(repoRoot, 'out', 'main', 'chunks')
  try {
    const name = readdirSync(chunks).find((file) => file.startsWith('buildWorker') && file.endsWith('.js'))
    return name ? join(chunks, name) : null
  } catch {
    return null
  }
}

function line(text: string): void {
  console.log(`  ${text}`)
}

const ms = (value: number): string => `${value.toFixed(value >= 100 ? 0 : 1)} ms`

export function stockLunr(rows: readonly IndexRow[]): lunr.Index {
  return lunr(function () {
    this.ref('id')
    this.field('text')
    this.metadataWhitelist = ['position']
    for (const row of rows) this.add({ id: `${row.documentId}/${row.id}`, text: row.text })
  })
}

/**
 * Opens a search service on an index already persisted in `db`, as a restart does, and times start
 * to the first answer of `query`; `rebuilt` lists the segments it had to build again (none expected).
 */
export async function restartAndAnswer(db: Db, source: SearchSource, query: string) {
  const rebuilt: string[] = []
  const service = createSearchService({
    db,
    sources: [source],
    titleOf: (id) => id,
    now: () => Date.now(),
    builder: countingInThreadBuilder(rebuilt)
  })
  const start = performance.now()
  service.start()
  await new Promise((resolve) => setImmediate(resolve))
  await service.whenIdle()
  const firstAnswer = service.search({ query, limit: 20 })
  return { service, rebuilt, firstAnswer, loadAndAnswer: performance.now() - start }
}

export function countingInThreadBuilder(rebuilt: string[]): SegmentBuilder {
  const inner = createInThreadBuilder()
  return {
    build: (job) => {
      rebuilt.push(job.key)
      return inner.build(job)
    },
    mode: () => inner.mode(),
    close: () => inner.close()
  }
}

export async function runSearchBench(): Promise<void> {
  if (new Set(benchQueries).size !== benchQueries.length) throw new Error('the bench queries repeat one')
  heading('Search: 1M-word library from the article’s sentences (fixed seed)')
  const corpus = generateCorpus()
  const rows = corpus.documents.flatMap((document) => document.rows)
  const perMillion = (value: number): number => (value * 1_000_000) / corpus.words
  line(
    `${corpus.words.toLocaleString('en')} words, ${corpus.documents.length} documents, ${corpus.paragraphs} paragraphs (+ headings, footnotes: ${rows.length} rows), ${benchQueries.length} queries`
  )
  const folder = makeTempDir('scholia-search-bench-')
  try {
    // Scholia first, then stock lunr, so that neither pays for the other's garbage.
    heading('Scholia')
    let start = performance.now()
    for (const document of corpus.documents) buildSegment(`doc:${document.id}`, 'v1', document.rows)
    const buildInThread = performance.now() - start
    line(
      `build, one thread: ${ms(buildInThread)} (${ms(perMillion(buildInThread))} per 1M words); target ≤ 2000 ms per 1M words: ${perMillion(buildInThread) <= 2000 ? 'met' : 'NOT met'}`
    )
    const path = workerFile()
    let db = openBenchDb(folder.path)
    let service = createSearchService({
      db,
      sources: [benchSource(corpus)],
      titleOf: (id) => id,
      now: () => Date.now(),
      builder: path ? createSegmentBuilder({ workerPath: path }) : createInThreadBuilder()
    })
    start = performance.now()
    await service.refresh()
    const buildService = performance.now() - start
    line(
      `build through the service on ${service.builderMode() === 'worker' ? 'the builder thread' : 'the main thread (no bundled worker: run npm run build)'}, persisted to SQLite: ${ms(buildService)}`
    )
    line(`persisted: ${persistedSizes(db)}`)
    await service.close()
    db.close()

    db = openBenchDb(folder.path)
    const restarted = await restartAndAnswer(db, benchSource(corpus), 'sokryul')
    service = restarted.service
    const { rebuilt, firstAnswer, loadAndAnswer } = restarted
    line(
      `restart: ${ms(loadAndAnswer)} from start to the first answer (${firstAnswer.total} hits), ${rebuilt.length} segments rebuilt; target ≤ 1000 ms with no rebuild: ${loadAndAnswer <= 1000 && rebuilt.length === 0 ? 'met' : 'NOT met'}`
    )
    const scholia = timeQueries(
      'Scholia search service, top 20 per group with snippets',
      (query) => service.search({ query, limit: 20 }),
      10
    )
    const hits = benchQueries.map((query) => `${query} ${service.search({ query, limit: 20 }).total}`)
    const slowest = benchQueries
      .map((query) => {
        const begin = performance.now()
        service.search({ query, limit: 20 })
        return { query, time: performance.now() - begin }
      })
      .sort((a, b) => b.time - a.time)
      .slice(0, 3)
    await service.close()

    heading('Stock lunr 2.3.9 (same rows)')
    start = performance.now()
    let stockIndex: lunr.Index | null = stockLunr(rows)
    const buildLunr = performance.now() - start
    line(
      `build: ${ms(buildLunr)}; Scholia's one-thread build ×${(buildInThread / buildLunr).toFixed(2)} of it`
    )
    const lunrJson = JSON.stringify(stockIndex)
    stockIndex = null
    start = performance.now()
    const loadedLunr = lunr.Index.load(JSON.parse(lunrJson) as object)
    loadedLunr.search('sokryul')
    const lunrLoad = performance.now() - start
    line(
      `restart: ${ms(lunrLoad)} to parse its ${(lunrJson.length / 1e6).toFixed(1)} MB JSON, load and answer; Scholia's restart ×${(loadAndAnswer / lunrLoad).toFixed(2)} of it`
    )
    const lunrQueries = timeQueries(
      'stock lunr 2.3.9, top 20, no snippets',
      (query) => {
        try {
          return loadedLunr.search(query).slice(0, 20)
        } catch {
          return []
        }
      },
      10
    )

    heading("SQLite LIKE '%term%' scan (same rows)")
    db.exec('CREATE TEMP TABLE like_rows (text TEXT NOT NULL)')
    const insert = db.prepare('INSERT INTO like_rows (text) VALUES (?)')
    db.transaction(() => rows.forEach((row) => insert.run(row.text)))()
    const likeStatements = new Map<number, ReturnType<Db['prepare']>>()
    const likeScan = timeQueries(
      "SQLite LIKE '%term%' scan, all matching rows",
      (query) => {
        const words = query.split(/\s+/).filter(Boolean)
        let statement = likeStatements.get(words.length)
        if (!statement) {
          statement = db.prepare(
            `SELECT rowid, text FROM like_rows WHERE ${words.map(() => 'text LIKE ?').join(' AND ')}`
          )
          likeStatements.set(words.length, statement)
        }
        return statement.all(words.map((word) => `%${word.replace(/\*$/, '')}%`))
      },
      3
    )
    db.close()

    heading(`Queries: ${benchQueries.length} fixed queries, query text to results, no answer cache`)
    console.log(report(scholia, lunrQueries, { p: 'p50', ms: 3 }))
    console.log(report(scholia, likeScan, { p: 'p95', ms: 16 }))
    console.log(report(lunrQueries))
    console.log(report(likeScan))
    line(`hits per query: ${hits.join(' · ')}`)
    line(`slowest Scholia queries: ${slowest.map(({ query, time }) => `"${query}" ${ms(time)}`).join(', ')}`)
  } finally {
    folder.remove()
  }
}
