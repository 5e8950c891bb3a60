// Card suggestions on long texts (issue 21): a 10,000-word text with the extraction thread warm
// (target ≤ 1 s), a 200,000-word book (≤ 20 s, with progress), the thread's memory (≤ 500 MB), and
// a search sent while the book is read (answering at once). Baselines from the same run: the
// bundled article, and the same search with the thread idle. The long texts are made
// deterministically from the extraction fixtures, each copy's sentences marked with their copy
// number so that no two copies share a sentence (the sentence cache would flatter them).
import nlp from 'compromise'
import { readdirSync, readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks'
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

/** A Markdown text of about `words` words made of the fixtures, copy after copy; no sentence shared between seeds. */
export function cardsBenchText(words: number, seed: string): string {
  return longHistoryText(words, `Bench text ${seed}`, ` of ${seed}`)
}

/**
 * compromise's own work on the blocks' texts, in this thread: a full parse (tagging) of each, as
 * the extraction did before issue 21's speed work (twice: once to split, once for tags), and its
 * tokenizer alone, the least any sentence split with compromise costs.
 */
function compromiseBaselines(blocks: Block[]): { fullParse: Cost; tokenizer: Cost } {
  const texts = blocks.map((block) => block.text)
  const fullParse = costOf(() => {
    for (const text of texts) nlp(text).json({ offset: true, terms: { offset: true } })
  })
  const tokenizer = costOf(() => {
    for (const text of texts) nlp.tokenize(text).sentences().out('array')
  })
  return { fullParse, tokenizer }
}

/**
 * Wall-clock and CPU time (the whole process's, every thread: the work itself, which other
 * programs on a shared machine move far less than the wall clock).
 */
interface Cost {
  wall: number
  cpu: number
}

function costOf(work: () => void): Cost {
  const start = performance.now()
  const cpu = process.cpuUsage()
  work()
  const used = process.cpuUsage(cpu)
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 }
}

async function costOfAsync(work: () => Promise<unknown>): Promise<Cost> {
  const start = performance.now()
  const cpu = process.cpuUsage()
  await work()
  const used = process.cpuUsage(cpu)
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 }
}

const medianOf = (values: number[]): number => summarise('', values).median

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
  line(
    `load average now (1, 5, 15 min) on ${cpus().length} cores: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}`
  )
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

    const time = (blocks: Block[], seed: string): Promise<Cost> =>
      costOfAsync(() => runner.run(seed, () => blocks, watch))
    const articleTimes: number[] = []
    for (let run = 0; run < 3; run++) {
      const blocks = article.map((block) => ({ ...block, text: block.text + ' '.repeat(run + 1) }))
      articleTimes.push((await time(blocks, `a${run}`)).wall)
    }
    const tenThousand: Cost[] = []
    const fullParses: Cost[] = []
    const tokenizers: Cost[] = []
    for (let run = 0; run < 5; run++) {
      const seed = `ten-${run}`
      const blocks = blocksOf(cardsBenchText(10_000, seed), seed)
      tenThousand.push(await time(blocks, seed))
      const { fullParse, tokenizer } = compromiseBaselines(blocks)
      fullParses.push(fullParse)
      tokenizers.push(tokenizer)
    }
    const walls = (costs: Cost[]): number[] => costs.map((cost) => cost.wall)
    const cpus = (costs: Cost[]): number[] => costs.map((cost) => cost.cpu)
    const baseline = summarise(
      `bundled article (${articleWords.toLocaleString('en')} words), thread warm`,
      articleTimes
    )
    const ten = summarise('10,000-word text, thread warm (each run a text of its own)', walls(tenThousand))
    const parsed = summarise(
      'compromise full parse of the same 10,000 words (the old path did it twice)',
      walls(fullParses)
    )
    const tokenized = summarise('compromise tokenizer alone on the same words', walls(tokenizers))
    console.log(report(baseline))
    console.log(report(parsed))
    console.log(report(tokenized))
    console.log(report(ten, baseline, { p: 'median', ms: 1000 }))
    line(
      `10,000 words: ×${(ten.median / parsed.median).toFixed(2)} of one full parse (the old path's compromise work alone was ×2.00), ×${(ten.median / tokenized.median).toFixed(1)} of the tokenizer alone`
    )
    const tenCpu = medianOf(cpus(tenThousand))
    const parsedCpu = medianOf(cpus(fullParses))
    line(
      `CPU time, medians: 10,000 words ${tenCpu.toFixed(0)} ms (×${(tenCpu / parsedCpu).toFixed(2)} of one full parse's ${parsedCpu.toFixed(0)} ms; tokenizer ${medianOf(cpus(tokenizers)).toFixed(0)} ms); wall ÷ CPU ${(ten.median / tenCpu).toFixed(1)}, what the load adds`
    )

    // The book: progress as it goes, and a search meanwhile through the real back end.
    const seed = 'book'
    const bookText = cardsBenchText(200_000, seed)
    const book = blocksOf(bookText, seed)
    const bookWords = bookText.split(/\s+/).length
    const stages: string[] = []
    let reports = 0
    let lastStage = ''
    const bookStart = performance.now()
    const bookCpu = process.cpuUsage()
    await runner.run(
      seed,
      () => book,
      (progress) => {
        watch(progress)
        reports++
        if (progress.stage === lastStage) return
        lastStage = progress.stage
        stages.push(
          `${progress.stage} from ${((performance.now() - bookStart) / 1000).toFixed(1)} s (${Math.round(progress.fraction * 100)}%, passage ${progress.passagesRead} of ${progress.passageCount})`
        )
      }
    )
    const bookMs = performance.now() - bookStart
    const bookCpuUsed = process.cpuUsage(bookCpu)
    const bookCpuMs = (bookCpuUsed.user + bookCpuUsed.system) / 1000
    line(`progress, ${reports} reports: ${stages.join(' → ')}`)
    line(
      `${bookWords.toLocaleString('en')}-word book: ${(bookMs / 1000).toFixed(1)} s (${(bookMs / ((ten.median / 10_000) * bookWords)).toFixed(2)}× the 10,000-word rate); target ≤ 20 s: ${bookMs <= 20_000 ? 'met' : 'NOT met'}; CPU time ${(bookCpuMs / 1000).toFixed(1)} s`
    )
    line(
      `extraction thread's heap, largest seen after a stage: ${megabytes(peakHeap)}; target ≤ 500 MB: ${peakHeap <= 500e6 ? 'met' : 'NOT met'} (process RSS now ${megabytes(process.memoryUsage().rss)})`
    )
  } finally {
    await runner.close()
  }
  await searchMeanwhile(workerPath)
  line(
    `load average at the end: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}`
  )
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
    const stalls = monitorEventLoopDelay({ resolution: 10 })
    stalls.enable()
    // This process's garbage collections meanwhile: a stall they do not explain is the machine's.
    let longestGc = 0
    const gcs = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration)
    })
    gcs.observe({ entryTypes: ['gc'] })
    const start = performance.now()
    const generating = Promise.resolve(
      backend.handlers.generateSuggestions({ documentId: imported.document.id })
    ).finally(() => {
      done = true
    })
    // Searches while the book is read, one due every 50 ms (the first at once), for the whole run:
    // each is timed from when it was due, so a main thread held up delays it and shows.
    let due = performance.now()
    while (!done) {
      await search()
      busy.push(performance.now() - due)
      due = performance.now() + 50
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const { suggestions } = await generating
    const generationMs = performance.now() - start
    stalls.disable()
    gcs.disconnect()
    const idleSummary = summarise('search "Kim Il Sung", extraction idle', idle)
    console.log(report(idleSummary))
    console.log(
      report(
        summarise('same search while a 200,000-word book is read for cards, timed from when due', busy),
        idleSummary
      )
    )
    line(
      `the book gave ${suggestions.length.toLocaleString('en')} suggestions in ${(generationMs / 1000).toFixed(1)} s through the back end; the main thread's longest stall meanwhile ${(stalls.max / 1e6).toFixed(0)} ms (event-loop delay p99 ${(stalls.percentile(99) / 1e6).toFixed(0)} ms; longest garbage collection ${longestGc.toFixed(0)} ms)`
    )
  } finally {
    backend.close()
    dir.remove()
  }
}
