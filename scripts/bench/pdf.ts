// PDF import through the built browser mode (the upload endpoint, PDF.js on the import thread):
// a 30-page article and a 400-page book laid out from the bundled article's text, each beside the
// same text imported as Markdown in the same run, and search queries sent every 10 ms during the
// 400-page import (p95). Targets: 30 pages ≤ 2 s, 400 pages ≤ 30 s, searches meanwhile p95 ≤ 50 ms.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ApiMethodName } from '../../src/shared/contract'
import { document } from '../../tests/fixtures/pdf/sourceText'
import { writeBookPdf, type BookSection } from '../../tests/support/simplePdf'
import { startWebServer, type RunningServer } from '../../tests/support/webServer'
import { heading, summarise } from './harness'

export async function answer<T>(response: Response, method: string): Promise<T> {
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? response.status}`)
  return body.value as T
}

export async function api<T>(server: RunningServer, method: ApiMethodName, args: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': server.token },
    body: JSON.stringify(args)
  })
  return answer<T>(response, method)
}

export async function upload(
  server: RunningServer,
  fileName: string,
  bytes: Uint8Array,
  importId: string
): Promise<void> {
  const query = new URLSearchParams({ fileName, importId })
  const response = await fetch(`${server.origin}/api/upload/importDocumentFile?${query.toString()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Scholia-Token': server.token },
    body: bytes as BodyInit
  })
  await answer(response, 'importDocumentFile')
}

/** The bundled article's sections (heading and paragraphs), the text the PDFs are laid out from. */
function sections(): BookSection[] {
  const result: BookSection[] = []
  for (const block of document.blocks) {
    if (block.kind === 'heading') result.push({ heading: block.text, paragraphs: [] })
    else if (block.kind === 'paragraph') result.at(-1)?.paragraphs.push(block.text)
  }
  return result
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `work` while searching every 10 ms; its duration and the searches' times. */
async function whileSearching(server: RunningServer, work: () => Promise<void>) {
  let done = false
  const times: number[] = []
  const searching = (async () => {
    while (!done) {
      const start = performance.now()
      await api(server, 'search', { query: 'Pyongyang negotiations' })
      times.push(performance.now() - start)
      await sleep(10)
    }
  })()
  const start = performance.now()
  await work()
  const ms = performance.now() - start
  done = true
  await searching
  return { ms, searches: summarise('searches', times) }
}

async function importCase(server: RunningServer, pages: number, run: number) {
  const title = `A Book of ${pages} Pages, Run ${run}`
  const { bytes, markdown } = writeBookPdf(title, sections(), pages)
  const words = markdown.split(/\s+/).length
  const asMarkdown = await whileSearching(server, () =>
    api(server, 'importDocument', { fileName: `book-${pages}-${run}.md`, text: markdown })
  )
  const progress: number[] = []
  const importId = `bench-${pages}-${run}`
  const asPdf = await whileSearching(server, async () => {
    let polling = true
    const poll = (async () => {
      while (polling) {
        const report = await api<{ pagesRead: number } | null>(server, 'getImportProgress', { importId })
        if (report && report.pagesRead !== progress.at(-1)) progress.push(report.pagesRead)
        await sleep(250)
      }
    })()
    await upload(server, `book-${pages}-${run}.pdf`, bytes, importId)
    polling = false
    await poll
  })
  return { bytes: bytes.byteLength, words, asMarkdown, asPdf, progressSteps: progress.length }
}

export async function runPdfBench(): Promise<void> {
  heading(
    'PDF import (PDF.js on the import thread) vs the same text as Markdown; targets 30 p ≤ 2 s, 400 p ≤ 30 s'
  )
  const server = await startWebServer()
  try {
    // PDFs from real typesetters (embedded fonts, two columns, CID fonts), the first one cold: the
    // import thread, PDF.js and the word list are loaded by the first PDF after start.
    for (const name of ['latex-two-column.pdf', 'groff-article.pdf', 'chromium-article.pdf']) {
      const bytes = new Uint8Array(
        readFileSync(join(__dirname, '..', '..', 'tests', 'fixtures', 'pdf', name))
      )
      const start = performance.now()
      await upload(server, name, bytes, `bench-${name.replace(/\W/g, '-')}`)
      const first = name.startsWith('latex') ? ', the first PDF after start' : ''
      console.log(
        `  ${name} (${(bytes.byteLength / 1e3).toFixed(0)} KB, 3–4 pages${first}): ${(performance.now() - start).toFixed(0)} ms`
      )
    }
    for (const [pages, runs] of [
      [30, 3],
      [400, 1]
    ] as const) {
      for (let run = 1; run <= runs; run += 1) {
        const result = await importCase(server, pages, run)
        const target = pages === 30 ? 2000 : 30000
        console.log(
          `  ${pages} pages (${(result.bytes / 1e6).toFixed(2)} MB, ${result.words.toLocaleString('en')} words), run ${run}: ` +
            `PDF ${(result.asPdf.ms / 1000).toFixed(2)} s ${result.asPdf.ms <= target ? '(meets' : '(MISSES'} ≤ ${target / 1000} s), ` +
            `Markdown ${(result.asMarkdown.ms / 1000).toFixed(2)} s (×${(result.asPdf.ms / result.asMarkdown.ms).toFixed(1)}); ` +
            `progress moved ${result.progressSteps} times`
        )
        console.log(
          `    searches meanwhile: during the PDF p50 ${result.asPdf.searches.p50.toFixed(1)} ms, p95 ${result.asPdf.searches.p95.toFixed(1)} ms ` +
            `${result.asPdf.searches.p95 <= 50 ? '(meets' : '(MISSES'} ≤ 50 ms, n=${result.asPdf.searches.samples}); ` +
            `during the Markdown p95 ${result.asMarkdown.searches.p95.toFixed(1)} ms (n=${result.asMarkdown.searches.samples})`
        )
      }
    }
  } finally {
    await server.stop()
  }
}
