// The process that holds the ten-million-word index in the scale run (issue 17): it opens the
// library the parent built, as after a restart, answers the queries and reports its own resident
// memory, so that the figure is the index's and not the corpus generator's.
import { performance } from 'node:perf_hooks'
import { getHeapSpaceStatistics } from 'node:v8'
import { createInThreadBuilder } from '../../src/main/services/search/builder'
import { createSearchService } from '../../src/main/services/search/searchService'
import { openBenchDb } from './search'
import { timeRuns, type RunFigures } from './searchReal'
import { realQueries } from './sotu'

export interface ScaleChildReport {
  restart: number
  rebuilt: number
  figures: RunFigures
  rssBefore: number
  rss: number
  heapUsed: number
  arrayBuffers: number
  /** V8's young generation (new space) as reserved: it grows with the queries' allocation, not the index. */
  youngGeneration: number
  hits: number
}

async function main(): Promise<void> {
  const folder = process.argv[2]
  if (!folder) throw new Error('usage: searchScaleChild.ts FOLDER')
  const rssBefore = process.memoryUsage().rss
  const start = performance.now()
  const db = openBenchDb(folder)
  // The stored segments are the library: whatever is stored is what the source says it holds.
  const stored = db.prepare<[], { key: string; stamp: string }>('SELECT key, stamp FROM search_segments')
  const rebuilt: string[] = []
  const service = createSearchService({
    db,
    sources: [
      {
        name: 'scale',
        segments: () => stored.all(),
        rows: (key) => {
          rebuilt.push(key)
          return []
        }
      }
    ],
    titleOf: (id) => id,
    now: () => Date.now(),
    builder: createInThreadBuilder()
  })
  service.start()
  await new Promise((resolve) => setImmediate(resolve))
  await service.whenIdle()
  const hits = service.search({ query: 'tripoli', limit: 20 }).total
  const restart = performance.now() - start
  const figures = timeRuns('Scholia, 10M words, top 20 per group with snippets', realQueries, (query) =>
    service.search({ query, limit: 20 })
  )
  const memory = process.memoryUsage()
  const report: ScaleChildReport = {
    restart,
    rebuilt: rebuilt.length,
    figures,
    rssBefore,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    arrayBuffers: memory.arrayBuffers,
    youngGeneration:
      getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0,
    hits
  }
  await service.close()
  db.close()
  process.send?.(report)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
