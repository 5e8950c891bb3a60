// Dated events, actors and card suggestions of a document, computed once per text. Extraction
// loads compromise (~3 s the first time) and reads the whole text (~1 s for actors), so it runs on
// the extraction thread; a document's text never changes under one content hash, so results are
// kept in memory and in SQLite.
import type { Block } from '../../../shared/types'
import type { ExtractionCacheRepository } from '../../db/repositories/reviewRepository'
import type { ExtractionRunner } from './extractionRunner'
import {
  parseExtraction,
  type Extraction,
  type ExtractionJson,
  type ExtractionProgress
} from './extractionWorker'

export type { Extraction }

export interface ExtractionCacheDependencies {
  cache: ExtractionCacheRepository
  /** Changes whenever the extraction code may produce something else (the app version). */
  extractorVersion: string
  now: () => number
  /** Computes what neither memory nor SQLite holds. */
  runner: ExtractionRunner
}

/** Documents whose extraction is kept in memory at once: a few, since each holds every mention. */
const memoryLimit = 8

export function createExtractionCache({ cache, extractorVersion, now, runner }: ExtractionCacheDependencies) {
  const memory = new Map<string, Extraction>()
  /** The latest progress of each extraction running now, by content hash. */
  const running = new Map<string, ExtractionProgress>()

  function remember(contentHash: string, extraction: Extraction): Extraction {
    memory.delete(contentHash)
    memory.set(contentHash, extraction)
    while (memory.size > memoryLimit) memory.delete(memory.keys().next().value as string)
    return extraction
  }

  return {
    /** The extraction of a document whose text has `contentHash`. */
    async get(contentHash: string, blocks: () => Block[]): Promise<Extraction> {
      const inMemory = memory.get(contentHash)
      if (inMemory) return remember(contentHash, inMemory)
      const stored = cache.get(contentHash, extractorVersion)
      if (stored) {
        return remember(contentHash, parseExtraction(stored))
      }
      let json: ExtractionJson
      try {
        json = await runner.run(contentHash, blocks, (progress) => running.set(contentHash, progress))
      } finally {
        running.delete(contentHash)
      }
      // Requests that shared one job resume one after another: the first stores it, the rest find it.
      const known = memory.get(contentHash)
      if (known) return remember(contentHash, known)
      // Stored as the thread wrote it: nothing to stringify here, on the thread that answers searches.
      cache.set(contentHash, extractorVersion, json, now())
      return remember(contentHash, parseExtraction(json))
    },

    /** Stops the extraction of `contentHash` (see ExtractionRunner.stop); false when none runs. */
    stop(contentHash: string): boolean {
      return runner.stop(contentHash)
    },

    /** How far the extraction of `contentHash` has got, or null when none is running. */
    progress(contentHash: string): ExtractionProgress | null {
      return running.get(contentHash) ?? null
    }
  }
}

export type ExtractionCacheService = ReturnType<typeof createExtractionCache>
