// The extraction thread: computes a document's dated events, actors and card suggestions off the
// main process, which meanwhile keeps answering the reader (search, saving notes). compromise is
// loaded once per thread, so the thread stays up between documents.
import { extractActors, extractDatedEvents, suggestCards } from '../../../shared/extraction'
import type { Actor, CardSuggestion, DatedEvent } from '../../../shared/extraction/types'
import type { Block } from '../../../shared/types'
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

/** The name the extraction thread serves under. */
export const extractionThreadName = 'extractor'

/** What the thread does with one document; also used in-thread where no worker can be started. */
export function runExtraction(blocks: readonly Block[]): Extraction {
  const events = extractDatedEvents(blocks)
  const actors = extractActors(blocks)
  return { events, actors, suggestions: suggestCards(blocks, new Set(), { events, actors }) }
}

serveJobs(extractionThreadName, (job: ExtractionJob) => ({ result: runExtraction(job.blocks) }))
