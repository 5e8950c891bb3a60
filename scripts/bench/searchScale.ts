// The ten-million-word search run (issue 17, group `search-scale`): the State of the Union
// addresses six times over, each copy after the first with a seeded tenth of its words given a
// made-up ending, so that the vocabulary grows as a real library's would. It reports the build,
// the restart to a first answer, query p50/p95 and resident memory, the last three measured in a
// process of their own that holds nothing but the index. SQLite FTS5 on the same rows is the
// same-run baseline; stock lunr is left out here (on the 1.8M words alone it takes 25–35 s to
// build and 3 s to load).
import { fork } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInThreadBuilder, createSegmentBuilder } from '../../src/main/services/search/builder'
import { createSearchService } from '../../src/main/services/search/searchService'
import type { IndexRow } from '../../src/shared/search/segment'
import { makeTempDir } from '../../tests/support/tempDir'
import { repoRoot } from '../../tests/support/webServer'
import { heading } from './harness'
import { benchSource, openBenchDb, persistedSizes, random, workerFile } from './search'
import { describe, fts5Baseline, timeRuns } from './searchReal'
import type { ScaleChildReport } from './searchScaleChild'
import { asParagraphs, loadAddresses, realQueries, type BenchDocument } from './sotu'

const copies = 6
const variedShare = 0.1
const endings = ['ax', 'el', 'ov', 'ith', 'ura', 'esk', 'ond', 'ique', 'ari', 'umb', 'ett', 'oza']

/** Copy `copy` of the documents: the same paragraphs, a seeded tenth of the words varied. */
export function variedCopy(documents: readonly BenchDocument[], copy: number): BenchDocument[] {
  const next = random(9_000_017 + copy)
  const vary = (text: string): string =>
    text.replace(/\p{L}+/gu, (word) => {
      if (next() >= variedShare) return word
      const a = endings[Math.floor(next() * endings.length)] as string
      const b = endings[Math.floor(next() * endings.length)] as string
      return `${word}${a}${'bcdfgh'[copy] ?? ''}${b}`
    })
  return documents.map((document) => ({
    id: `${document.id}-${copy}`,
    rows: document.rows.map((row): IndexRow => ({
      ...row,
      documentId: `${document.id}-${copy}`,
      text: copy === 0 ? row.text : vary(row.text)
    }))
  }))
}

function inChild(folder: string): Promise<ScaleChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(join(repoRoot, 'scripts', 'bench', 'searchScaleChild.ts'), [folder], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    let report: ScaleChildReport | null = null
    child.on('message', (message) => (report = message as ScaleChildReport))
    child.on('error', reject)
    child.on('exit', (code) =>
      report ? resolve(report) : reject(new Error(`the index process ended with code ${code} and no figures`))
    )
  })
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`
const ms = (value: number): string => `${value.toFixed(value >= 100 ? 0 : 1)} ms`

function line(text: string): void {
  console.log(`  ${text}`)
}

export async function runScaleSearchBench(): Promise<void> {
  const base = asParagraphs(loadAddresses())
  const documents = Array.from({ length: copies }, (_, copy) => variedCopy(base, copy)).flat()
  const rows = documents.flatMap((document) => document.rows)
  const words = rows.reduce((sum, row) => sum + row.text.split(/\s+/).filter(Boolean).length, 0)
  heading(`Search at scale: the addresses ${copies} times, a tenth of each copy's words varied`)
  line(
    `${words.toLocaleString('en')} words, ${documents.length} documents, ${rows.length.toLocaleString('en')} paragraphs`
  )
  const folder = makeTempDir('scholia-search-scale-')
  try {
    const db = openBenchDb(join(folder.path, 'library'))
    const path = workerFile()
    const service = createSearchService({
      db,
      sources: [benchSource({ documents })],
      titleOf: (id) => id,
      now: () => Date.now(),
      builder: path ? createSegmentBuilder({ workerPath: path }) : createInThreadBuilder()
    })
    const start = performance.now()
    await service.refresh()
    const build = performance.now() - start
    const persisted = persistedSizes(db)
    await service.close()
    db.close()
    line(
      `build through the service on ${path ? 'the builder thread' : 'the main thread (run npm run build for the worker)'}: ${ms(build)} (${ms((build * 1e6) / words)} per 1M words); persisted ${persisted}`
    )

    const child = await inChild(join(folder.path, 'library'))
    const fts = fts5Baseline(folder.path, rows)
    const ftsFigures = timeRuns('SQLite FTS5, bm25 top 20 + snippet()', realQueries, fts.search)
    fts.db.close()

    heading('At scale: figures')
    line(
      `restart to first answer: ${ms(child.restart)} (${child.rebuilt} segments rebuilt); target ≤ 500 ms — ${child.restart <= 500 && child.rebuilt === 0 ? 'met' : 'NOT met'}`
    )
    line(`${describe(child.figures)}; target p95 ≤ 16 ms — ${child.figures.p95 <= 16 ? 'met' : 'NOT met'}`)
    line(
      `${describe(ftsFigures)}; Scholia p50 ×${(child.figures.p50 / ftsFigures.p50).toFixed(2)}, p95 ×${(child.figures.p95 / ftsFigures.p95).toFixed(2)} of it`
    )
    line(
      `resident memory of the process holding the index: ${mb(child.rss)} (${mb(child.rssBefore)} before opening it; heap ${mb(child.heapUsed)} used, young generation ${mb(child.youngGeneration)} reserved, array buffers ${mb(child.arrayBuffers)}); target ≤ 400 MB — ${child.rss <= 400e6 ? 'met' : 'NOT met'}`
    )
  } finally {
    folder.remove()
  }
}
