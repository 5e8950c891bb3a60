// Card suggestions on long texts (issue 21): a 10,000-word text with the extraction thread warm
// (target ≤ 1 s), a 200,000-word book (≤ 20 s, with progress), the thread's memory (≤ 500 MB), and
// a search sent while the book is read (answering at once). Baselines from the same run: the
// bundled article, and the same search with the thread idle. The long texts are made
// deterministically from the extraction fixtures, each copy's sentences marked with their copy
// number so that no two copies share a sentence (the sentence cache would flatter them).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openBackend } from '../../src/main/app/compositionRoot'
import { createExtractionRunner } from '../../src/main/services/study/extractionRunner'
import type { ExtractionProgress } from '../../src/main/services/study/extractionWorker'
import { layoutBlocks } from '../../src/shared/document/layout'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'
import type { Block } from '../../src/shared/types'
import { longHistoryText } from '../../tests/support/longHistory'
import { makeTempDir } from '../../tests/support/tempDir'
import { repoRoot } from '../../tests/support/webServer'
import { heading, report, summarise } from './harness'

/** A Markdown text of about `words` words made of the fixtures, copy after copy. */
export function cardsBenchText(words: number, seed: string): string {
  return longHistoryText(words, `Bench text ${seed}`)
}

function blocksOf(text: string, seed: string): Block[] {
  const parsed = parseDocument(text, { fileName: `${seed}.md` })
  if (!parsed.ok) throw new Error(parsed.message)
  return layoutBlocks(parsed.document.blocks).map((block, index) => ({
    ...block,
    id: `${seed}-${index}`
  }))
}

function extractionWorkerFile(): string | null {
  const chunks = join(repoRoot, 'out', 'main', 'chunks')
  try {
    const name = readdirSync(chunks).find(
      (file) => file.startsWith('extractionWorker') && file.endsWith('.js')
    )
    return name ? join(chunks, name) : null
  } catch {
    return null
  }
}

function line(text: string): void {
  console.log(`  ${text}`)
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`

export async function runCardsBench(): Promise<void> {
  heading('Card suggestions: 10,000 words warm, a 200,000-word book, memory, search meanwhile')
  const workerPath = extractionWorkerFile()
  const runner = createExtractionRunner({ workerPath })
  let peakHeap = 0
  const watch = (progress: ExtractionProgress): void => {
    peakHeap = Math.max(peakHeap, progress.heapUsedBytes)
  }
  try {
    const article = blocksOf(
      readFileSync(join(repoRoot, 'resources', 'kim-2018-sino-dprk-split.md'), 'utf8'),
      'article'
    )
    const articleWords = article.reduce((sum, block) => sum + block.text.split(/\s+/).length, 0)
    // Warm the thread: compromise loads once per thread (the first document pays for it).
    const coldStart = performance.now()
    await runner.run('warm-up', () => article, watch)
    line(
      `on ${runner.mode() === 'worker' ? 'the extraction thread' : 'the main thread (no bundled worker: run npm run build)'}; first document (thread cold, ${articleWords.toLocaleString('en')} words): ${(performance.now() - coldStart).toFixed(0)} ms`
    )

    const time = async (blocks: Block[], seed: string): Promise<number> => {
      const start = performance.now()
      await runner.run(seed, () => blocks, watch)
      return performance.now() - start
    }
    const articleTimes: number[] = []
    for (let run = 0; run < 3; run++) {
      articleTimes.push(
        await time(
          article.map((block) => ({ ...block, text: block.text + ' '.repeat(run + 1) })),
          `a${run}`
        )
      )
    }
    const tenThousand: number[] = []
    for (let run = 0; run < 3; run++) {
      const seed = `ten-${run}`
      tenThousand.push(await time(blocksOf(cardsBenchText(10_000, seed), seed), seed))
    }
    const baseline = summarise(
      `bundled article (${articleWords.toLocaleString('en')} words), thread warm`,
      articleTimes
    )
    const ten = summarise('10,000-word text, thread warm', tenThousand)
    console.log(report(baseline))
    console.log(report(ten, baseline, { p: 'median', ms: 1000 }))

    // The book: progress as it goes, and a search meanwhile through the real back end.
    const seed = 'book'
    const bookText = cardsBenchText(200_000, seed)
    const book = blocksOf(bookText, seed)
    const bookWords = bookText.split(/\s+/).length
    const stages: string[] = []
    const bookStart = performance.now()
    await runner.run(
      seed,
      () => book,
      (progress) => {
        watch(progress)
        stages.push(
          `${progress.stage} ${Math.round(progress.fraction * 100)}% at ${((performance.now() - bookStart) / 1000).toFixed(1)} s`
        )
      }
    )
    const bookMs = performance.now() - bookStart
    line(`progress: ${stages.join(' → ')}`)
    line(
      `${bookWords.toLocaleString('en')}-word book: ${(bookMs / 1000).toFixed(1)} s (${(bookMs / ((ten.median / 10_000) * bookWords)).toFixed(2)}× the 10,000-word rate); target ≤ 20 s: ${bookMs <= 20_000 ? 'met' : 'NOT met'}`
    )
    line(
      `extraction thread's heap, largest seen after a stage: ${megabytes(peakHeap)}; target ≤ 500 MB: ${peakHeap <= 500e6 ? 'met' : 'NOT met'} (process RSS now ${megabytes(process.memoryUsage().rss)})`
    )
  } finally {
    await runner.close()
  }
  await searchMeanwhile(workerPath)
}

/** A search while the back end reads a book for suggestions, against the same search idle. */
async function searchMeanwhile(workerPath: string | null): Promise<void> {
  const dir = makeTempDir('scholia-bench-')
  const backend = openBackend({
    dataDir: dir.path,
    mode: 'web',
    resourcesDir: join(repoRoot, 'resources'),
    extractionWorkerPath: workerPath
  })
  try {
    const imported = await backend.handlers.importDocument({
      fileName: 'book.md',
      text: cardsBenchText(200_000, 'search')
    })
    const search = async (): Promise<number> => {
      const start = performance.now()
      await backend.handlers.search({ query: 'Kim Il Sung' })
      return performance.now() - start
    }
    await search()
    const idle: number[] = []
    for (let run = 0; run < 10; run++) idle.push(await search())
    const busy: number[] = []
    let done = false
    const generating = Promise.resolve(
      backend.handlers.generateSuggestions({ documentId: imported.document.id })
    ).finally(() => {
      done = true
    })
    // Searches while the book is being read, one every 100 ms (the first sent at once).
    while (!done && busy.length < 50) {
      busy.push(await search())
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const { suggestions } = await generating
    const idleSummary = summarise('search "Kim Il Sung", extraction idle', idle)
    console.log(report(idleSummary))
    console.log(
      report(summarise('same search while a 200,000-word book is read for cards', busy), idleSummary)
    )
    line(`the book gave ${suggestions.length.toLocaleString('en')} suggestions`)
  } finally {
    backend.close()
    dir.remove()
  }
}
