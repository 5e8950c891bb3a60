// Crafted input that once froze the app (issue 16, BAD_INPUTS 26–28), through the built browser
// mode: how long each import or query takes, and how long a small request (listDocuments) sent
// every 10 ms meanwhile waits, each beside a normal input of the same size in the same run.
// Targets: the attack files import in ≤ 1 s with other requests answered in ≤ 100 ms; the long
// fuzzy query answers in ≤ 50 ms; "Update from file…" keeps other requests answered in ≤ 100 ms
// while its notes' passages are searched for.
import { performance } from 'node:perf_hooks'
import { prepareImport } from '../../src/shared/import/frontEnds/prepareImport'
import type { ApiMethodName } from '../../src/shared/contract'
import { startWebServer, type RunningServer } from '../../tests/support/webServer'
import { heading, measure, report, summarise } from './harness'
import { longText } from './longText'

async function api<T>(server: RunningServer, method: ApiMethodName, args: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': server.token },
    body: JSON.stringify(args)
  })
  const answer = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } }
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message ?? response.status}`)
  return answer.value as T
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `long` while sending listDocuments every 10 ms; its duration and the small requests' waits. */
async function withSmallRequests<T>(
  server: RunningServer,
  label: string,
  long: () => Promise<T>
): Promise<{ value: T; line: string; waits: number[] }> {
  let done = false
  const waits: number[] = []
  const small = (async () => {
    while (!done) {
      const start = performance.now()
      await api(server, 'listDocuments', {})
      waits.push(performance.now() - start)
      await sleep(10)
    }
  })()
  const start = performance.now()
  const value = await long()
  const ms = performance.now() - start
  done = true
  await small
  const summary = summarise('small request meanwhile', waits)
  const line = `  ${label}: ${ms.toFixed(0)} ms; a small request meanwhile waited p50 ${summary.p50.toFixed(1)} ms, max ${summary.max.toFixed(1)} ms (n=${waits.length})`
  return { value, line, waits }
}

function unbalancedTags(count: number): { markdown: string; html: string } {
  const tags = `${'<b>'.repeat(count)}${'</i>'.repeat(count)}`
  return {
    markdown: `# Unbalanced Tags\n\nSome words before the tags.\n\n${tags}\n`,
    html: `<!doctype html><html><head><title>Unbalanced Tags</title></head><body><h1>Unbalanced Tags</h1><p>Some words before the tags.</p><p>${tags}</p></body></html>`
  }
}

interface W3cItem {
  id: string
  type: 'Annotation'
  target: { selector: Record<string, unknown>[] }
}

function collection(items: W3cItem[]): string {
  return JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } })
}

function item(id: string, exact: string, prefix: string, suffix: string, start: number): W3cItem {
  return {
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start, end: start + exact.length }
      ]
    }
  }
}

const uuid = (group: number, index: number) =>
  `00000000-0000-4000-8000-${String(group).padStart(4, '0')}${String(index).padStart(8, '0')}`

async function unbalancedTagsBench(server: RunningServer): Promise<void> {
  heading(
    'Unbalanced inline tags: 80,000 <b> then 80,000 </i> (BAD_INPUTS 26); target ≤ 1 s, others ≤ 100 ms'
  )
  const attack = unbalancedTags(80_000)
  const normal = longText(attack.markdown.length)
  const baseline = await withSmallRequests(
    server,
    `a normal ${(normal.length / 1e3).toFixed(0)} KB Markdown file (baseline)`,
    () => api(server, 'importDocument', { fileName: 'normal.md', text: normal })
  )
  console.log(baseline.line)
  const markdown = await withSmallRequests(
    server,
    `the ${(attack.markdown.length / 1e3).toFixed(0)} KB Markdown file`,
    () => api(server, 'importDocument', { fileName: 'tags.md', text: attack.markdown })
  )
  console.log(markdown.line)
  // The renderer turns HTML into Markdown-like text before sending it (prepareImport).
  const start = performance.now()
  const prepared = prepareImport(new TextEncoder().encode(attack.html), 'tags.html')
  const prepareMs = performance.now() - start
  if (!prepared.ok) throw new Error(prepared.message)
  const html = await withSmallRequests(
    server,
    `the ${(attack.html.length / 1e3).toFixed(0)} KB HTML file, stored`,
    () => api(server, 'importDocument', { fileName: 'tags.html', text: prepared.text })
  )
  console.log(`${html.line}; read and converted in the renderer first: ${prepareMs.toFixed(0)} ms`)
}

async function w3cBench(server: RunningServer): Promise<void> {
  heading(
    '100 annotations quoting "the " with made-up context on a 1 MB text (BAD_INPUTS 27); target ≤ 1 s, others ≤ 100 ms'
  )
  const text = longText(1_000_000)
  const imported = await api<{ document: { id: string } }>(server, 'importDocument', {
    fileName: 'one-mb.md',
    text
  })
  const documentId = imported.document.id
  const view = await api<{ blocks: { text: string }[] }>(server, 'getDocument', { documentId })
  const fullText = view.blocks.map((block) => block.text).join('\n\n')
  const step = Math.floor(fullText.length / 100)
  const at = (index: number) => {
    const start = fullText.indexOf(' ', index * step) + 1
    return { start, exact: fullText.slice(start, start + 20) }
  }
  const cases: [string, W3cItem[]][] = [
    [
      '100 real passages, placed (baseline)',
      Array.from({ length: 100 }, (_, index) => {
        const { start, exact } = at(index)
        return item(
          uuid(1, index),
          exact,
          fullText.slice(start - 32, start),
          fullText.slice(start + 20, start + 52),
          start
        )
      })
    ],
    [
      '100 × "the " with made-up context',
      Array.from({ length: 100 }, (_, index) =>
        item(
          uuid(2, index),
          'the ',
          `zq made-up words before ${index} xx`,
          `xx made-up words after ${index} qz`,
          index * step
        )
      )
    ],
    [
      '100 × "the " with a real prefix and a made-up suffix (uses up the work budget)',
      Array.from({ length: 100 }, (_, index) => {
        const start = fullText.indexOf('the ', index * step)
        return item(
          uuid(3, index),
          'the ',
          fullText.slice(start - 32, start),
          `xx made-up words after ${index} qz`,
          0
        )
      })
    ]
  ]
  for (const [label, items] of cases) {
    const run = await withSmallRequests(server, label, () =>
      api<{ message: string }>(server, 'importAnnotations', {
        documentId,
        fileName: 'notes.jsonld',
        text: collection(items)
      })
    )
    console.log(`${run.line}\n    → ${run.value.message}`)
  }
}

async function fuzzyBench(server: RunningServer): Promise<void> {
  heading('A fuzzy word of 300 letters (BAD_INPUTS 28); target ≤ 50 ms')
  const search = (query: string) => () => api(server, 'search', { query })
  const normal = await measure('"nixn~1" (baseline)', search('nixn~1 '), 10)
  console.log(report(normal))
  console.log(
    report(await measure('"aaaa…~2", 300 letters', search(`${'a'.repeat(300)}~2 `), 10), normal, {
      p: 'p95',
      ms: 50
    })
  )
  console.log(
    report(
      await measure('a query of 1,000 characters', search(`${'korea '.repeat(167)}`.slice(0, 1000)), 10),
      normal,
      { p: 'p95', ms: 50 }
    )
  )
}

/** Eight made-up words that differ for every `seed`, so that a noted passage has no look-alike. */
function uniqueWords(seed: number): string {
  let state = (seed + 1) * 0x9e3779b1
  const letter = () => {
    state = Math.imul(state ^ (state >>> 13), 0x5bd1e995) + 0x6b43a9b5
    return String.fromCharCode(97 + ((state >>> 8) % 26))
  }
  return Array.from({ length: 8 }, () => Array.from({ length: 6 }, letter).join('')).join(' ')
}

async function updateFromFileBench(server: RunningServer): Promise<void> {
  heading(
    '"Update from file…" of a 5 MB text with 200 notes, 50 of their passages deleted (each searched for approximately); others ≤ 100 ms'
  )
  // Every paragraph made unique, so that a deleted passage is not found again in another copy.
  const paragraphs = longText()
    .split('\n\n')
    .map((paragraph, index) =>
      paragraph.startsWith('#') ? paragraph : `${paragraph} ${uniqueWords(index)} (Passage ${index}.)`
    )
  const text = paragraphs.join('\n\n')
  const imported = await api<{ document: { id: string } }>(server, 'importDocument', {
    fileName: 'update-me.md',
    text
  })
  const documentId = imported.document.id
  const view = await api<{ blocks: { text: string }[] }>(server, 'getDocument', { documentId })
  const fullText = view.blocks.map((block) => block.text).join('\n\n')
  const tagged = view.blocks.filter((block) => /\(Passage \d+\.\)$/.test(block.text))
  const noted = Array.from({ length: 200 }, (_, index) => tagged[Math.floor((index * tagged.length) / 200)])
  for (const block of noted) {
    const quote = block?.text.slice(-60) ?? ''
    const start = fullText.indexOf(quote)
    await api(server, 'createAnnotation', { documentId, start, end: start + quote.length, colour: 'yellow' })
  }
  const passageOf = (block: { text: string } | undefined) => Number(/(\d+)\.\)$/.exec(block?.text ?? '')?.[1])
  const deleted = new Set(noted.filter((_, index) => index % 4 === 0).map(passageOf))
  const shifted = [
    `# A Long Text Made for the Benchmark`,
    'A paragraph added at the top moves every passage.',
    ...paragraphs.slice(1)
  ]
  const cases: [string, string[]][] = [
    ['every passage moved, none deleted (baseline)', shifted],
    ['50 noted passages deleted', shifted.filter((_, index) => !deleted.has(index - 1))]
  ]
  for (const [label, next] of cases) {
    const run = await withSmallRequests(server, label, () =>
      api<{ anchored: number; orphaned: number }>(server, 'updateDocumentFromFile', {
        documentId,
        fileName: 'update-me.md',
        text: next.join('\n\n')
      })
    )
    console.log(`${run.line}\n    → ${run.value.anchored} notes found again, ${run.value.orphaned} orphaned`)
  }
}

export async function runFreezesBench(): Promise<void> {
  const server = await startWebServer()
  try {
    await unbalancedTagsBench(server)
    await w3cBench(server)
    await fuzzyBench(server)
    await updateFromFileBench(server)
  } finally {
    await server.stop()
  }
}
