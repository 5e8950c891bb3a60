// Annotation benchmarks: saving one annotation with 100,000 already stored (the service call until
// the row is committed), and opening the article with 10,000 highlights in Chromium, then
// scrolling through it while counting long tasks.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright-core'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { createAnnotationRepository } from '../../src/main/db/repositories/annotationRepository'
import { highlightColourIds, type Annotation } from '../../src/shared/types'
import { findChromium } from '../../tests/support/findChromium'
import { makeTempDir } from '../../tests/support/tempDir'
import { repoRoot, startWebServer } from '../../tests/support/webServer'
import { heading, report, summarise } from './harness'

const resourcesDir = join(repoRoot, 'resources')

async function firstDocument(backend: Backend): Promise<{ id: string; fullText: string }> {
  const [document] = await backend.handlers.listDocuments({})
  if (!document) throw new Error('no bundled document')
  const view = await backend.handlers.getDocument({ documentId: document.id })
  return { id: document.id, fullText: view.blocks.map((block) => block.text).join('\n\n') }
}

/** Stores `count` annotations over the document directly through the repository, in one transaction. */
function seedAnnotations(
  backend: Backend,
  documentId: string,
  fullText: string,
  count: number,
  seed = 7
): void {
  const repository = createAnnotationRepository(backend.db)
  let state = seed
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const now = Date.now()
  const annotations: Annotation[] = []
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * (fullText.length - 200))
    const end = start + 5 + Math.floor(random() * 80)
    annotations.push({
      id: randomUUID(),
      documentId,
      target: {
        blockId: 'b0',
        quote: {
          type: 'TextQuoteSelector',
          exact: fullText.slice(start, end),
          prefix: fullText.slice(Math.max(0, start - 32), start),
          suffix: fullText.slice(end, end + 32)
        },
        position: { type: 'TextPositionSelector', start, end }
      },
      colour: highlightColourIds[i % highlightColourIds.length] ?? null,
      note: i % 3 === 0 ? `Note ${i}` : '',
      tags: i % 5 === 0 ? [`tag${i % 50}`] : [],
      createdAt: now,
      updatedAt: now,
      anchor: { state: 'anchored', score: 1 }
    })
  }
  backend.db.transaction(() => {
    for (const annotation of annotations) repository.insert(annotation)
  })()
}

async function saveBench(): Promise<void> {
  heading('Save one annotation with 100,000 stored (service call until committed; WAL, synchronous=NORMAL)')
  const dir = makeTempDir('scholia-bench-')
  const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir })
  try {
    const { id, fullText } = await firstDocument(backend)
    seedAnnotations(backend, id, fullText, 100_000)
    const insertRaw = backend.db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)')
    const raw: number[] = []
    const saves: number[] = []
    for (let i = 0; i < 2_000; i++) {
      const start = (i * 97) % (fullText.length - 100)
      let begin = performance.now()
      insertRaw.run(`bench-${i}`, '"x"')
      raw.push(performance.now() - begin)
      begin = performance.now()
      await backend.handlers.createAnnotation({
        documentId: id,
        start,
        end: start + 40,
        colour: 'yellow',
        note: 'a note',
        tags: ['bench']
      })
      saves.push(performance.now() - begin)
    }
    const baseline = summarise('one-row INSERT, autocommit (baseline)', raw.slice(100))
    console.log(report(baseline))
    console.log(report(summarise('createAnnotation', saves.slice(100)), baseline, { p: 'p99', ms: 2 }))
  } finally {
    backend.close()
    dir.remove()
  }
}

async function openBench(): Promise<void> {
  const executablePath = findChromium()
  if (!executablePath) {
    console.log('  (no Chromium found: the opening and scrolling figures were skipped)')
    return
  }
  heading('Open the article with 10,000 highlights in Chromium (browser mode), then scroll through it')
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
  })
  const results: Record<string, number[]> = {}
  const scrollFigures: Record<string, { longTasks: number; longest: number }> = {}
  try {
    for (const [label, count] of [
      ['no annotations (baseline)', 0],
      ['10,000 annotations', 10_000]
    ] as const) {
      const dir = makeTempDir('scholia-bench-')
      const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir })
      const { id, fullText } = await firstDocument(backend)
      seedAnnotations(backend, id, fullText, count)
      backend.close()
      const server = await startWebServer({ dataDir: dir.path })
      const times: number[] = []
      for (let run = 0; run < 6; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
        const page = await context.newPage()
        const begin = performance.now()
        await page.goto(`${server.url.replace('/?', '/?')}`)
        await page
          .locator(count > 0 ? 'mark.hl' : 'article p.paragraph')
          .first()
          .waitFor({ state: 'visible' })
        if (run > 0) times.push(performance.now() - begin)
        if (run === 5) {
          await page.evaluate(() => {
            const store: number[] = []
            ;(window as unknown as { __long: number[] }).__long = store
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) store.push(entry.duration)
            }).observe({ type: 'longtask', buffered: false })
          })
          const height = await page.evaluate(() => document.documentElement.scrollHeight)
          for (let y = 0; y < height; y += 500) {
            await page.mouse.wheel(0, 500)
            await page.waitForTimeout(30)
          }
          await page.waitForTimeout(300)
          const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long)
          scrollFigures[label] = {
            longTasks: long.filter((duration) => duration > 50).length,
            longest: Math.max(0, ...long)
          }
        }
        await context.close()
      }
      results[label] = times
      await server.stop()
      dir.remove()
    }
  } finally {
    await browser.close()
  }
  const baseline = summarise(
    'URL → text visible, no annotations (baseline)',
    results['no annotations (baseline)'] ?? []
  )
  console.log(report(baseline))
  console.log(
    report(
      summarise(
        'URL → text with highlights visible, 10,000 annotations',
        results['10,000 annotations'] ?? []
      ),
      baseline,
      { p: 'p50', ms: 1000 }
    )
  )
  for (const [label, figures] of Object.entries(scrollFigures)) {
    console.log(
      `  scrolling the whole article, ${label}: ${figures.longTasks} long tasks over 50 ms (longest ${figures.longest.toFixed(0)} ms); target 0: ${figures.longTasks === 0 ? 'met' : 'NOT met'}`
    )
  }
}

export async function runAnnotationBench(): Promise<void> {
  await saveBench()
  await openBench()
}
