// The extraction thread: computes a document's dated events, actors and card suggestions off the
// main process, which meanwhile keeps answering the reader (search, saving notes). compromise is
// loaded once per thread, so the thread stays up between documents.
import { extractActors, extractDatedEvents, suggestCards } from '../../../shared/extraction'
import type { Actor, CardSuggestion, DatedEvent } from '../../../shared/extraction/types'
import type { SuggestionProgress } from '../../../shared/study/contract'
import type { Block } from '../../../shared/types'
import { performance } from 'node:perf_hooks'
import { getHeapStatistics } from 'node:v8'
import type { CachedExtraction } from '../../db/repositories/reviewRepository'
import { serveJobs } from '../workers/jobThread'

export interface Extraction {
  events: DatedEvent[]
  actors: Actor[]
  /** Every suggestion, decided or not (the service filters out the decided ones). */
  suggestions: CardSuggestion[]
}

/**
 * An extraction as the thread sends it and SQLite keeps it: JSON text. A string crosses to the
 * main thread as one copy, where a book's events and actors as objects held the main thread (and
 * its searches) for a tenth of a second or more to receive, and as long again to stringify.
 */
export type ExtractionJson = CachedExtraction

export function extractionJson(extraction: Extraction): ExtractionJson {
  return {
    eventsJson: JSON.stringify(extraction.events),
    actorsJson: JSON.stringify(extraction.actors),
    suggestionsJson: JSON.stringify(extraction.suggestions)
  }
}

/**
 * The extraction of `json`: the suggestions (every request wants them) read at once, the events
 * and actors (a book's largest part, wanted only by the timeline and the who's-who) when first asked.
 */
export function parseExtraction(json: ExtractionJson): Extraction {
  let events: DatedEvent[] | undefined
  let actors: Actor[] | undefined
  return {
    get events() {
      return (events ??= JSON.parse(json.eventsJson) as DatedEvent[])
    },
    get actors() {
      return (actors ??= JSON.parse(json.actorsJson) as Actor[])
    },
    suggestions: JSON.parse(json.suggestionsJson) as CardSuggestion[]
  }
}

export interface ExtractionJob {
  blocks: Block[]
  /** Set to 1 (from the main thread, through shared memory) to stop the job at its next passage. */
  stop?: Int32Array
}

/**
 * How far an extraction has gone (what the person sees: stage, passages read, share done) and the
 * thread's heap then, so a long book shows its progress and its memory.
 */
export interface ExtractionProgress extends SuggestionProgress {
  heapUsedBytes: number
}

/** The name the extraction thread serves under. */
export const extractionThreadName = 'extractor'

/** Each stage's share of the work, from a profile of a 200,000-word book. */
const stageShares = { dates: [0, 0.15], actors: [0.15, 0.95], cards: [0.95, 1] } as const
/** Passage reports are sent at most this often (a book has thousands of passages). */
const reportEveryMs = 100

/** What the thread does with one document; also used in-thread where no worker can be started. */
export function runExtraction(
  blocks: readonly Block[],
  progress: (report: ExtractionProgress) => void = () => undefined,
  stop?: Int32Array
): Extraction {
  let lastReport = -Infinity
  let lastStage: ExtractionProgress['stage'] | null = null
  const report = (stage: ExtractionProgress['stage'], read: number, total: number, always = false): void => {
    if (stop && Atomics.load(stop, 0) === 1) throw new Error('The extraction was stopped.')
    const now = performance.now()
    if (!always && stage === lastStage && now - lastReport < reportEveryMs) return
    lastReport = now
    lastStage = stage
    const [from, to] = stageShares[stage]
    progress({
      stage,
      passagesRead: read,
      passageCount: total,
      fraction: from + (to - from) * (total === 0 ? 1 : read / total),
      heapUsedBytes: getHeapStatistics().used_heap_size
    })
  }
  const events = extractDatedEvents(blocks, (read, total) => report('dates', read, total))
  const actors = extractActors(blocks, (read, total) => report('actors', read, total))
  const passages = blocks.length
  report('cards', 0, passages, true)
  const suggestions = suggestCards(blocks, new Set(), { events, actors })
  report('cards', passages, passages, true)
  return { events, actors, suggestions }
}

serveJobs(extractionThreadName, (job: ExtractionJob, progress: (report: ExtractionProgress) => void) => ({
  result: extractionJson(runExtraction(job.blocks, progress, job.stop))
}))
