// The extraction runner and cache without a bundled worker file (as in unit tests and tsx): the
// extraction runs in-thread on a later turn, concurrent requests for one text share one job, a
// thread that cannot start falls back in-thread, and a closed runner stores nothing.
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as extraction from '../../src/shared/extraction'
import { layoutBlocks } from '../../src/shared/document/layout'
import type { ParsedBlock } from '../../src/shared/types'
import { createExtractionCache } from '../../src/main/services/study/extractionCache'
import {
  createExtractionRunner,
  stoppedByPersonMessage,
  type ExtractionRunner
} from '../../src/main/services/study/extractionRunner'
import {
  parseExtraction,
  runExtraction,
  type ExtractionProgress
} from '../../src/main/services/study/extractionWorker'
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
    const result = parseExtraction(await pending)
    expect(extractDatedEvents).toHaveBeenCalledTimes(1)
    expect(result.events.map((event) => event.expression)).toEqual(
      expect.arrayContaining(['1961', 'April 1970'])
    )
    expect(result.suggestions.length).toBeGreaterThan(0)
  })

  it('reports progress through each stage by passage, ending at the whole, with the heap then', async () => {
    const reports: ExtractionProgress[] = []
    await runner(null).run('hash-progress', blocks, (progress) => reports.push(progress))
    expect([...new Set(reports.map((report) => report.stage))]).toEqual(['dates', 'actors', 'cards'])
    const fractions = reports.map((report) => report.fraction)
    expect(fractions).toEqual([...fractions].sort((left, right) => left - right))
    expect(fractions.at(-1)).toBe(1)
    for (const report of reports) {
      expect(report.heapUsedBytes).toBeGreaterThan(0)
      expect(report.passagesRead).toBeLessThanOrEqual(report.passageCount)
    }
    expect(reports.at(-1)).toMatchObject({ stage: 'cards', passagesRead: 2, passageCount: 2 })
  })

  it("hears a book's passages as they are read, not only at the end of each stage", () => {
    const book = layoutBlocks(
      Array.from({ length: 400 }, (_, index) =>
        paragraph(`In ${1900 + (index % 90)} Zhou Enlai met the delegation of part ${index + 1}.`)
      )
    )
    const reports: ExtractionProgress[] = []
    // Reports are at most one per 100 ms of a stage: a clock that moves 1 s per look lets each through.
    let clock = 0
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1000))
    try {
      runExtraction(book, (progress) => reports.push(progress))
    } finally {
      now.mockRestore()
    }
    const actors = reports.filter((report) => report.stage === 'actors')
    expect(actors.length).toBeGreaterThan(100)
    expect(actors.map((report) => report.passagesRead).slice(0, 3)).toEqual([0, 1, 2])
    expect(actors[0]?.passageCount).toBe(400)
  })

  it('stops a job waiting its turn before it reads anything, and runs the others', async () => {
    const inThread = runner(null)
    const first = inThread.run('hash-first', blocks)
    const waiting = inThread.run('hash-waiting', blocks)
    expect(inThread.stop('hash-waiting')).toBe(true)
    expect(inThread.stop('hash-unknown')).toBe(false)
    await expect(waiting).rejects.toThrow(stoppedByPersonMessage)
    await first
    expect(extractDatedEvents).toHaveBeenCalledTimes(1)
  })

  it('falls back in-thread when the thread cannot run', async () => {
    const broken = runner('/nonexistent/extractionWorker.js')
    const result = parseExtraction(await broken.run('hash-b', blocks))
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

  it('tells how far a running extraction has got, and nothing once it is done', async () => {
    const service = createExtractionCache({
      cache: memoryRepository().repository,
      extractorVersion: 'test/1',
      now: () => 0,
      runner: runner(null)
    })
    const seen: Array<ReturnType<typeof service.progress>> = []
    // What the dates stage reported is seen from outside, as the renderer's poll sees it.
    extractDatedEvents.mockImplementationOnce((read, onPassage) => {
      const events = extraction.extractDatedEvents(read, onPassage)
      seen.push(service.progress('hash-g'))
      return events
    })
    expect(service.progress('hash-g')).toBeNull()
    await service.get('hash-g', blocks)
    expect(seen[0]).toMatchObject({ stage: 'dates', passagesRead: 0, passageCount: 1 })
    expect(service.progress('hash-g')).toBeNull()
  })

  it("stores the thread's JSON as it came, and reads a book's events and actors only when asked", async () => {
    const { repository, set } = memoryRepository()
    const json = {
      eventsJson: JSON.stringify([{ id: 'ev-1', expression: '1961' }]),
      actorsJson: JSON.stringify([{ id: 'actor-1', name: 'Zhou Enlai' }]),
      suggestionsJson: JSON.stringify([{ key: 'date:1961' }])
    }
    const thread: ExtractionRunner = {
      run: () => Promise.resolve(json),
      stop: () => false,
      mode: () => 'worker',
      close: async () => {}
    }
    const service = createExtractionCache({
      cache: repository,
      extractorVersion: 'test/1',
      now: () => 0,
      runner: thread
    })
    const parse = vi.spyOn(JSON, 'parse')
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      const extraction = await service.get('hash-h', blocks)
      expect(set.mock.calls[0]?.[2]).toBe(json)
      expect(stringify).not.toHaveBeenCalled()
      expect(extraction.suggestions).toEqual([{ key: 'date:1961' }])
      expect(parse).toHaveBeenCalledTimes(1)
      expect(extraction.events.map((event) => event.expression)).toEqual(['1961'])
      expect(extraction.actors.map((actor) => actor.name)).toEqual(['Zhou Enlai'])
      expect(parse).toHaveBeenCalledTimes(3)
    } finally {
      parse.mockRestore()
      stringify.mockRestore()
    }
  })

  it('reads a stored extraction from SQLite without extracting again', async () => {
    const options = { cache: memoryRepository().repository, extractorVersion: 'test/1', now: () => 0 }
    const stored = await createExtractionCache({ ...options, runner: runner(null) }).get('hash-f', blocks)
    const reopened = createExtractionCache({ ...options, runner: runner(null) })
    expect(await reopened.get('hash-f', blocks)).toEqual(stored)
    expect(extractDatedEvents).toHaveBeenCalledTimes(1)
  })
})
