// The extraction thread: computes a document's dated events, actors and card suggestions off the
// main process, which meanwhile keeps answering the reader (search, saving notes). compromise is
// loaded once per thread, so the thread stays up between documents.
import { extractActors, extractDatedEvents, suggestCards } from '../../../shared/extraction'
import type { Actor, CardSuggestion, DatedEvent } from '../../../shared/extraction/types'
import type { Block } from '../../../shared/types'
import { getHeapStatistics } from 'node:v8'
import { serveJobs } from '../workers/jobThread'

export interface Extraction {
  events: DatedEvent[]
  actors: Actor[]
  /** Every suggestion, decided or not (the service filters out the decided ones). */
  suggestions: CardSuggestion[]
}

export interface ExtractionJob {
  blocks: Block[]
}

/**
 * How far an extraction has gone: after each stage, the share of the work done (dates and actors
 * take most of it) and the thread's heap then, so a long book shows progress and its memory.
 */
export interface ExtractionProgress {
  stage: 'dates' | 'actors' | 'cards'
  fraction: number
  heapUsedBytes: number
}

/** The name the extraction thread serves under. */
export const extractionThreadName = 'extractor'

/** What the thread does with one document; also used in-thread where no worker can be started. */
export function runExtraction(
  blocks: readonly Block[],
  progress: (report: ExtractionProgress) => void = () => undefined
): Extraction {
  const report = (stage: ExtractionProgress['stage'], fraction: number): void =>
    progress({ stage, fraction, heapUsedBytes: getHeapStatistics().used_heap_size })
  const events = extractDatedEvents(blocks)
  report('dates', 0.45)
  const actors = extractActors(blocks)
  report('actors', 0.9)
  const suggestions = suggestCards(blocks, new Set(), { events, actors })
  report('cards', 1)
  return { events, actors, suggestions }
}

serveJobs(extractionThreadName, (job: ExtractionJob, progress: (report: ExtractionProgress) => void) => ({
  result: runExtraction(job.blocks, progress)
}))
