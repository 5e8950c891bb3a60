// Foundation benchmarks: importing the bundled article into a fresh store, and the time from
// opening the browser-mode URL until the article's text is visible in Chromium.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright-core'
import { openBackend } from '../../src/main/app/compositionRoot'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'
import { findChromium } from '../../tests/support/findChromium'
import { makeTempDir } from '../../tests/support/tempDir'
import { repoRoot, startWebServer } from '../../tests/support/webServer'
import { heading, measure, report, summarise } from './harness'

const articleFile = join(repoRoot, 'resources', 'kim-2018-sino-dprk-split.md')

export async function runFoundationBench(): Promise<void> {
  heading('Import the bundled article (20 runs each)')
  const text = readFileSync(articleFile, 'utf8')
  const parse = await measure(
    'parse only (baseline)',
    () => parseDocument(text, { fileName: 'article.md' }),
    20,
    3
  )
  const importing = await measure(
    'first start: open store, migrate, import',
    () => {
      const dir = makeTempDir('scholia-bench-')
      const backend = openBackend({
        dataDir: dir.path,
        mode: 'web',
        resourcesDir: join(repoRoot, 'resources')
      })
      backend.close()
      dir.remove()
    },
    20,
    2
  )
  const emptyStart = await measure(
    'open store, migrate, no import (baseline)',
    () => {
      const dir = makeTempDir('scholia-bench-')
      const empty = makeTempDir('scholia-bench-res-')
      const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir: empty.path })
      backend.close()
      dir.remove()
      empty.remove()
    },
    20,
    2
  )
  console.log(report(parse))
  console.log(report(emptyStart))
  console.log(report(importing, emptyStart))

  const executablePath = findChromium()
  if (!executablePath) {
    console.log('  (no Chromium found: time-to-text skipped)')
    return
  }
  heading('Time until the article text is visible in Chromium, browser mode (8 runs)')
  const server = await startWebServer()
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
  })
  try {
    const visible: number[] = []
    const blank: number[] = []
    for (let run = 0; run < 9; run++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      let start = performance.now()
      await page.goto(`${server.origin}/robots-baseline`, { waitUntil: 'load' }).catch(() => undefined)
      const blankTime = performance.now() - start
      start = performance.now()
      await page.goto(server.url)
      await page.locator('article p.paragraph').first().waitFor({ state: 'visible' })
      const visibleTime = performance.now() - start
      if (run > 0) {
        visible.push(visibleTime)
        blank.push(blankTime)
      }
      await context.close()
    }
    const baseline = summarise('a 401 page from the same server (baseline)', blank)
    console.log(report(baseline))
    console.log(report(summarise('URL opened → article paragraph visible', visible), baseline))
  } finally {
    await browser.close()
    await server.stop()
  }
}
