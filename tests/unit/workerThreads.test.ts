// Jobs on real worker threads (bundled by tests/support/buildWorkers.ts, as the app's build does):
// the search builder, the extractor and the importer answer from their threads; a job's refusal or
// error fails that job only; progress comes through; and the browser mode answers a small request
// while a long import or annotation import is still running (ordering, never a time).
import { mkdirSync, readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { createImportRunners } from '../../src/main/services/importing/importRunners'
import { createSegmentBuilder } from '../../src/main/services/search/builder'
import { createExtractionRunner } from '../../src/main/services/study/extractionRunner'
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/httpBridge'
import type { ApiHandlers, ApiMethodName } from '../../src/shared/contract'
import { layoutBlocks } from '../../src/shared/document/layout'
import type { IndexRow } from '../../src/shared/search/segment'
import { makeTempDir } from '../support/tempDir'
import { resourcesDir } from '../support/testBackend'

const workerPaths = inject('workerPaths')
const cleanUps: (() => unknown)[] = []

afterEach(async () => {
  while (cleanUps.length > 0) await cleanUps.pop()?.()
})

const row: IndexRow = {
  id: 'b0',
  kind: 'text',
  documentId: 'x',
  blockId: 'b0',
  at: 0,
  section: '',
  text: 'Hong Sökryul wrote',
  tags: [],
  colour: null,
  colourMeaning: '',
  updatedAt: 0
}

describe('the worker threads', () => {
  it('builds in-thread when its worker cannot start, rather than failing the index', async () => {
    const dir = makeTempDir()
    cleanUps.push(() => dir.remove())
    const builder = createSegmentBuilder({ workerPath: join(dir.path, 'missing-worker.js') })
    cleanUps.push(() => builder.close())
    const done = await builder.build({ key: 'doc:x', stamp: 's', rows: [row] })
    expect(done.words).toBe(3)
    expect(builder.mode()).toBe('in-thread')
  })

  it('builds a search segment on the builder thread', async () => {
    const builder = createSegmentBuilder({ workerPath: workerPaths.buildWorker })
    cleanUps.push(() => builder.close())
    const done = await builder.build({ key: 'doc:x', stamp: 's', rows: [row] })
    expect(done.words).toBe(3)
    expect(done.bytes).toBeInstanceOf(Uint8Array)
    expect(done.bytes.length).toBeGreaterThan(0)
    expect(builder.mode()).toBe('worker')
  })

  it('extracts dated events on the extraction thread', async () => {
    const runner = createExtractionRunner({ workerPath: workerPaths.extractionWorker })
    cleanUps.push(() => runner.close())
    const blocks = layoutBlocks([
      { kind: 'heading', text: 'Small History', number: null, refs: [], marks: [], pages: null },
      {
        kind: 'paragraph',
        text: 'In 1961 the two states signed a treaty of friendship.',
        number: null,
        refs: [],
        marks: [],
        pages: null
      }
    ])
    const extraction = await runner.run('hash', () => blocks)
    expect(extraction.events.map((event) => event.expression)).toContain('1961')
    expect(runner.mode()).toBe('worker')
  })

  it('parses on the import thread, refuses a bad file there, and keeps serving after it', async () => {
    const runners = createImportRunners({ workerPath: workerPaths.importWorker })
    cleanUps.push(() => runners.close())
    const job = { documentId: 'd', fileName: 'bad.jsonld', text: '{ not json', fullText: 'x', blocks: [] }
    await expect(runners.read({ ...job, colours: [], now: 0 }, () => undefined)).rejects.toMatchObject({
      name: 'UserError',
      code: 'invalid-input',
      message: expect.stringMatching(/bad\.jsonld is not valid JSON/) as unknown
    })
    const prepared = await runners.parse('a.md', '# A Title\n\nSome text with *emphasis*.\n')
    expect(prepared.parsed).toMatchObject({ ok: true, metadata: { title: 'A Title' } })
    expect(runners.mode()).toBe('worker')
  })

  it('reports progress from the import thread', async () => {
    const runners = createImportRunners({ workerPath: workerPaths.importWorker })
    cleanUps.push(() => runners.close())
    const fullText = 'one two three four five six seven eight nine ten'
    const blocks = layoutBlocks([
      { kind: 'paragraph', text: fullText, number: null, refs: [], marks: [], pages: null }
    ])
    const items = Array.from({ length: 450 }, (_, index) => ({
      id: `urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      type: 'Annotation',
      target: { selector: { type: 'TextQuoteSelector', exact: 'three', prefix: 'two ', suffix: ' four' } }
    }))
    const text = JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } })
    const reports: { done: number; total: number }[] = []
    const read = await runners.read(
      { documentId: 'd', fileName: 'many.jsonld', text, fullText, blocks, colours: [], now: 0 },
      (progress) => reports.push(progress)
    )
    expect(read.annotations).toHaveLength(450)
    expect(reports.length).toBeGreaterThan(1)
    expect(reports.at(-1)).toEqual({ done: 450, total: 450 })
  })
})

/** POSTs one API call to the bridge; resolves with its value when its answer has arrived. */
function call(bridge: HttpBridge, method: ApiMethodName, args: unknown): Promise<unknown> {
  const body = JSON.stringify(args)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${bridge.port}`,
          'Content-Type': 'application/json',
          'X-Scholia-Token': bridge.token
        }
      },
      (res) => {
        let reply = ''
        res.on('data', (chunk: Buffer) => (reply += chunk.toString()))
        res.on('end', () => {
          const answer = JSON.parse(reply) as { ok: boolean; value?: unknown }
          if (res.statusCode === 200 && answer.ok) resolve(answer.value)
          else reject(new Error(`${method}: ${res.statusCode} ${reply.slice(0, 300)}`))
        })
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * A real back end behind the browser-mode bridge, with the import thread bundled for the test.
 * `started(method)` resolves when that method's handler has been called (its request is in).
 */
async function servedBackend(importWorkerPath: string | null) {
  const dir = makeTempDir()
  const backend: Backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir, importWorkerPath })
  const waiting = new Map<string, () => void>()
  const handlers: ApiHandlers = new Proxy(backend.handlers, {
    get: (target, name: string) => {
      const handler = target[name as ApiMethodName] as (args: unknown) => unknown
      return (args: unknown) => {
        waiting.get(name)?.()
        return handler(args)
      }
    }
  })
  const renderer = join(dir.path, 'renderer')
  mkdirSync(renderer)
  const bridge = await startHttpBridge({ handlers, rendererDir: renderer })
  cleanUps.push(() => dir.remove())
  cleanUps.push(() => backend.close())
  cleanUps.push(() => bridge.close())
  const started = (method: ApiMethodName) => new Promise<void>((resolve) => waiting.set(method, resolve))
  const documentId = (await backend.handlers.listDocuments({}))[0]?.id ?? ''
  return { bridge, started, documentId }
}

/**
 * Sends `long`, then `short` once `long` is being handled: the methods in the order they were
 * answered, and the short one's value.
 */
async function answerOrder(
  served: Awaited<ReturnType<typeof servedBackend>>,
  long: [ApiMethodName, unknown],
  short: [ApiMethodName, unknown]
): Promise<{ order: string[]; shortValue: unknown; longValue: unknown }> {
  const order: string[] = []
  const inLong = served.started(long[0])
  const longCall = call(served.bridge, ...long).then((value) => {
    order.push(long[0])
    return value
  })
  await inLong
  const shortValue = await call(served.bridge, ...short)
  order.push(short[0])
  const longValue = await longCall
  return { order, shortValue, longValue }
}

describe('the browser mode during a long import (BAD_INPUTS 26, 27)', () => {
  it('answers a small request before a large text has finished importing', async () => {
    const served = await servedBackend(workerPaths.importWorker)
    const paragraph = `${readFileSync(join(resourcesDir, 'kim-2018-sino-dprk-split.md'), 'utf8').slice(0, 4000)}\n\n`
    const text = `# A Long Text\n\n${paragraph.repeat(1000)}${'<b>'.repeat(80_000)}${'</i>'.repeat(80_000)}\n`
    const { order } = await answerOrder(
      served,
      ['importDocument', { fileName: 'long.md', text }],
      ['listDocuments', {}]
    )
    expect(order).toEqual(['listDocuments', 'importDocument'])
  })

  it('answers a small request before an annotation file has been read', async () => {
    const served = await servedBackend(workerPaths.importWorker)
    // Quotes found nowhere: each is looked for in the whole text, until the file's budget is spent.
    const items = Array.from({ length: 400 }, (_, index) => ({
      id: `urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      type: 'Annotation',
      target: {
        selector: {
          type: 'TextQuoteSelector',
          exact: `nowhere in this article ${index} `.repeat(8),
          prefix: 'qqq',
          suffix: 'zzz'
        }
      }
    }))
    const text = JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } })
    const { documentId } = served
    const { order, shortValue, longValue } = await answerOrder(
      served,
      ['importAnnotations', { documentId, fileName: 'notes.jsonld', text }],
      ['getAnnotationImportProgress', { documentId }]
    )
    expect(order).toEqual(['getAnnotationImportProgress', 'importAnnotations'])
    // Asked while the file was being read: how far it had got.
    expect(shortValue).toMatchObject({ total: expect.any(Number) as unknown })
    expect(await call(served.bridge, 'getAnnotationImportProgress', { documentId })).toBeNull()
    // Past the file's work budget, passages are imported as orphaned without a search, and said so.
    expect(longValue).toMatchObject({
      imported: 400,
      orphaned: 400,
      message: expect.stringMatching(
        /of them were not looked for, because the file asks for more matching/
      ) as unknown
    })
  })
})
