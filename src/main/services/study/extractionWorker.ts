// The extraction thread: computes a document's dated events, actors and card suggestions off the
// main process, which meanwhile keeps answering the reader (search, saving notes). compromise is
// loaded once per thread, so the thread stays up between documents.
import { parentPort, workerData } from 'node:worker_threads'
import { extractActors, extractDatedEvents, suggestCards } from '../../../shared/extraction'
import type { Actor, CardSuggestion, DatedEvent } from '../../../shared/extraction/types'
import type { Block } from '../../../shared/types'

export interface Extraction {
  events: DatedEvent[]
  actors: Actor[]
  /** Every suggestion, decided or not (the service filters out the decided ones). */
  suggestions: CardSuggestion[]
}

export interface ExtractionJob {
  id: number
  blocks: Block[]
}

/** The thread's answer: the extraction, or the message of the error it raised. */
export type ExtractionDone =
  | { id: number; extraction: Extraction; error?: undefined }
  | { id: number; extraction?: undefined; error: string }

/** What the thread does with one document; also used in-thread where no worker can be started. */
export function runExtraction(blocks: readonly Block[]): Extraction {
  return {
    events: extractDatedEvents(blocks),
    actors: extractActors(blocks),
    suggestions: suggestCards(blocks, new Set())
  }
}

/** Marks the thread as the extractor (so that importing this file elsewhere never listens on a port). */
export const extractionWorkerData = { scholiaExtractor: true }

const port = parentPort
if (port && (workerData as typeof extractionWorkerData | undefined)?.scholiaExtractor === true) {
  port.on('message', (job: ExtractionJob) => {
    let done: ExtractionDone
    try {
      done = { id: job.id, extraction: runExtraction(job.blocks) }
    } catch (error) {
      // A text the extractor cannot handle fails that request only; the thread stays usable.
      done = { id: job.id, error: error instanceof Error ? error.message : String(error) }
    }
    port.postMessage(done)
  })
}
