// The extraction runner and cache without a bundled worker file (as in unit tests and tsx): the
// extraction runs in-thread on a later turn, concurrent requests for one text share one job, a
// thread that cannot start falls back in-thread, and a closed runner stores nothing.
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as extraction from '../../src/shared/extraction'
import { layoutBlocks } from '../../src/shared/document/layout'
import type { ParsedBlock } from '../../src/shared/types'
import { createExtractionCache } from '../../src/main/services/study/extractionCache'
import { createExtractionRunner, type ExtractionRunner } from '../../src/main/services/study/extractionRunner'
import type { ExtractionCacheRepository } from '../../src/main/db/repositories/reviewRepository'

// Counts the real extraction's calls (vitest cannot spy on an ES module's export in place).
vi.mock('../../src/shared/extraction', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/shared/extraction')>()
  return { ...actual, extractDatedEvents: vi.fn(actual.extractDatedEvents) }
})

const extractDatedEvents = vi.mocked(extraction.extractDatedEvents)

function paragraph(text: string): ParsedBlock {
  return { kind: 'paragraph', text, number: null, refs: [], marks: [], pages: null }
}

const blocks = () =>
  layoutBlocks([
    { kind: 'heading', text: 'Small History', number: null, refs: [], marks: [], pages: null },
    paragraph('In 1961 the two states signed a treaty of friendship. Zhou Enlai visited in April 1970.')
  ])

const runners: ExtractionRunner[] = []

function runner(workerPath: string | null): ExtractionRunner {
  const made = createExtractionRunner({ workerPath })
  runners.push(made)
  return made
}

/** An in-memory stand-in for the SQLite table, with the writes counted. */
function memoryRepository() {
  type Row = Parameters<ExtractionCacheRepository['set']>[2]
  const rows = new Map<string, Row>()
  const set = vi.fn((hash: string, version: string, value: Row) => {
    rows.set(`${hash}/${version}`, value)
  })
  const repository: ExtractionCacheRepository = {
    get: (hash, version) => rows.get(`${hash}/${version}`) ?? null,
    set
  }
  return { repository, set }
}

afterEach(async () => {
  extractDatedEvents.mockClear()
  while (runners.length) await runners.pop()?.close()
})

describe('extraction runner', () => {
  it('runs in-thread, on a later turn of the event loop, when no worker path is given', async () => {
    const inThread = runner(null)
    expect(inThread.mode()).toBe('in-thread')
    const pending = inThread.run('hash-a', blocks)
    // The request that asked is not held up by the extraction itself.
    expect(extractDatedEvents).not.toHaveBeenCalled()
    const result = await pending
    expect(extractDatedEvents).toHaveBeenCalledTimes(1)
    expect(result.events.map((event) => event.expression)).toEqual(
      expect.arrayContaining(['1961', 'April 1970'])
    )
    expect(result.suggestions.length).toBeGreaterThan(0)
  })

  it('reports progress after each stage, ending at the whole, with the heap then', async () => {
    const reports: Array<{ stage: string; fraction: number; heapUsedBytes: number }> = []
    await runner(null).run('hash-progress', blocks, (progress) => reports.push(progress))
    expect(reports.map((report) => report.stage)).toEqual(['dates', 'actors', 'cards'])
    const fractions = reports.map((report) => report.fraction)
    expect(fractions).toEqual([...fractions].sort((left, right) => left - right))
    expect(fractions.at(-1)).toBe(1)
    for (const report of reports) expect(report.heapUsedBytes).toBeGreaterThan(0)
  })

  it('falls back in-thread when the thread cannot run', async () => {
    const broken = runner('/nonexistent/extractionWorker.js')
    const result = await broken.run('hash-b', blocks)
    expect(result.events.length).toBeGreaterThan(0)
    expect(broken.mode()).toBe('in-thread')
  })

  it('refuses jobs once closed', async () => {
    const closed = runner(null)
    await closed.close()
    await expect(closed.run('hash-c', blocks)).rejects.toThrow(/closed/)
    expect(extractDatedEvents).not.toHaveBeenCalled()
  })
})

describe('extraction cache', () => {
  it('extracts a text once for concurrent requests, stores it once, and then answers from memory', async () => {
    const { repository, set } = memoryRepository()
    const service = createExtractionCache({
      cache: repository,
      extractorVersion: 'test/1',
      now: () => 0,
      runner: runner(null)
    })
    const [first, second] = await Promise.all([service.get('hash-d', blocks), service.get('hash-d', blocks)])
    expect(extractDatedEvents).toHaveBeenCalledTimes(1)
    expect(set).toHaveBeenCalledTimes(1)
    expect(second).toEqual(first)
    await service.get('hash-d', blocks)
    expect(extractDatedEvents).toHaveBeenCalledTimes(1)
    // Another text is another job.
    await service.get('hash-e', blocks)
    expect(extractDatedEvents).toHaveBeenCalledTimes(2)
  })

  it('reads a stored extraction from SQLite without extracting again', async () => {
    const options = { cache: memoryRepository().repository, extractorVersion: 'test/1', now: () => 0 }
    const stored = await createExtractionCache({ ...options, runner: runner(null) }).get('hash-f', blocks)
    const reopened = createExtractionCache({ ...options, runner: runner(null) })
    expect(await reopened.get('hash-f', blocks)).toEqual(stored)
    expect(extractDatedEvents).toHaveBeenCalledTimes(1)
  })
})
