// A long text in the reader (issue 6: "a 5 MB text of about 800,000 words must work, with the
// reader staying responsive"): importing it, opening it in Chromium, and scrolling, against the
// bundled article in the same run.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright-core'
import { openBackend } from '../../src/main/app/compositionRoot'
import { findChromium } from '../../tests/support/findChromium'
import { makeTempDir } from '../../tests/support/tempDir'
import { repoRoot, startWebServer } from '../../tests/support/webServer'
import { heading, report, summarise } from './harness'

/** About 5 MB of Markdown made from the article's body, with a heading per copy. */
export function longText(targetBytes = 5_000_000): string {
  const article = readFileSync(join(repoRoot, 'resources', 'kim-2018-sino-dprk-split.md'), 'utf8')
  const body = (article.split('#### Notes')[0] ?? '').replace(/^#{1,2} .*$/gm, '')
  const parts = ['# A Long Text Made for the Benchmark']
  let size = parts[0]?.length ?? 0
  for (let copy = 1; size < targetBytes; copy++) {
    const part = `## Part ${copy}\n\n${body}`
    parts.push(part)
    size += part.length
  }
  return parts.join('\n\n')
}

export async function runLongTextBench(): Promise<void> {
  heading('A 5 MB text (≈ 800,000 words) in the reader, against the bundled article')
  const dir = makeTempDir('scholia-bench-')
  const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir: join(repoRoot, 'resources') })
  const text = longText()
  const started = performance.now()
  const imported = await backend.handlers.importDocument({ fileName: 'long.md', text })
  const importMs = performance.now() - started
  const [article] = (await backend.handlers.listDocuments({})).filter((document) => document.bundled)
  backend.close()
  console.log(
    `  import: ${(text.length / 1e6).toFixed(1)} MB, ${text.split(/\s+/).length.toLocaleString('en')} words, ${imported.document.blockCount.toLocaleString('en')} blocks in ${importMs.toFixed(0)} ms`
  )

  const executablePath = findChromium()
  if (!executablePath) {
    console.log('  (no Chromium found: opening and scrolling were skipped)')
    dir.remove()
    return
  }
  const server = await startWebServer({ dataDir: dir.path })
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
  })
  try {
    const figures = new Map<string, { open: number[]; longTasks: number; longest: number }>()
    for (const [label, id] of [
      ['the bundled article (baseline)', article?.id ?? ''],
      ['the 5 MB text', imported.document.id]
    ] as const) {
      const entry = { open: [] as number[], longTasks: 0, longest: 0 }
      for (let run = 0; run < 4; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
        const page = await context.newPage()
        await page.goto(server.url)
        await page.waitForLoadState('networkidle')
        const begin = performance.now()
        await page.goto(`${server.origin}/#/doc/${id}`)
        await page.reload()
        await page.locator('article p.paragraph').first().waitFor({ state: 'visible' })
        if (run > 0) entry.open.push(performance.now() - begin)
        if (run === 3) {
          await page.evaluate(() => {
            const store: number[] = []
            ;(window as unknown as { __long: number[] }).__long = store
            new PerformanceObserver((list) => {
              for (const task of list.getEntries()) store.push(task.duration)
            }).observe({ type: 'longtask' })
          })
          for (let step = 0; step < 60; step++) {
            await page.mouse.wheel(0, 900)
            await page.waitForTimeout(25)
          }
          await page.waitForTimeout(300)
          const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long)
          entry.longTasks = long.filter((duration) => duration > 50).length
          entry.longest = Math.max(0, ...long)
        }
        await context.close()
      }
      figures.set(label, entry)
    }
    const baseline = summarise(
      'open the bundled article (baseline)',
      figures.get('the bundled article (baseline)')?.open ?? []
    )
    console.log(report(baseline))
    console.log(report(summarise('open the 5 MB text', figures.get('the 5 MB text')?.open ?? []), baseline))
    for (const [label, entry] of figures) {
      console.log(
        `  scrolling 54,000 px of ${label}: ${entry.longTasks} long tasks over 50 ms (longest ${entry.longest.toFixed(0)} ms)`
      )
    }
  } finally {
    await browser.close()
    await server.stop()
    dir.remove()
  }
}
