// The study feature: cards, suggestions, reviews, timeline and who's-who. Builds its own services
// (only study uses them) and returns their API methods, with the close hook that stops the
// extraction thread with the rest of the back end.
import type { StudyApiMethods } from '../../../shared/study/contract'
import type { Db } from '../../db/connection'
import { createCardRepository } from '../../db/repositories/cardRepository'
import type { DocumentRepository } from '../../db/repositories/documentRepository'
import {
  createExtractionCacheRepository,
  createReviewLogRepository,
  createSuggestionDecisionRepository
} from '../../db/repositories/reviewRepository'
import { createSettingsRepository } from '../../db/repositories/settingsRepository'
import { createCardService } from '../../services/study/cardService'
import { createExtractionCache } from '../../services/study/extractionCache'
import { createExtractionRunner } from '../../services/study/extractionRunner'
import { createInsightService } from '../../services/study/insightService'
import { createReviewService } from '../../services/study/reviewService'
import type { FeatureHandlers } from './feature'

/** The study feature's API methods; its close stops the extraction thread (a running extraction is refused, never stored). */
export type Study = FeatureHandlers<keyof StudyApiMethods>

export interface StudyDependencies {
  db: Db
  documents: DocumentRepository
  /** The app version: cached extraction results of another version are not reused. */
  version: string
  now: () => number
  /** The extraction thread's file, when not the one the build emits (the bench, tests). */
  extractionWorkerPath?: string | null
}

/** Bump when the study code changes what it caches from the extraction (2: years BC, centuries; 3: salience order). */
const extractionCacheFormat = 3

export function createStudyServices({
  db,
  documents,
  version,
  now,
  extractionWorkerPath
}: StudyDependencies) {
  const cards = createCardRepository(db)
  const runner = createExtractionRunner(
    extractionWorkerPath === undefined ? {} : { workerPath: extractionWorkerPath }
  )
  const extraction = createExtractionCache({
    cache: createExtractionCacheRepository(db),
    extractorVersion: `${version}/${extractionCacheFormat}`,
    now,
    runner
  })
  return {
    close: () => runner.close(),
    cards: createCardService({
      db,
      cards,
      documents,
      decisions: createSuggestionDecisionRepository(db),
      extraction,
      now
    }),
    reviews: createReviewService({
      db,
      cards,
      logs: createReviewLogRepository(db),
      settings: createSettingsRepository(db),
      now
    }),
    insights: createInsightService({ cards, documents, extraction })
  }
}

export function createStudyHandlers(dependencies: StudyDependencies): Study {
  const { cards, reviews, insights, close } = createStudyServices(dependencies)
  const handlers: Study['handlers'] = {
    listCards: (query) => cards.listCards(query),
    getCard: ({ cardId }) => cards.getCard(cardId),
    createCard: (draft) => cards.createCard(draft),
    updateCard: ({ cardId, ...change }) => cards.updateCard(cardId, change),
    deleteCard: ({ cardId }) => cards.deleteCard(cardId),
    restoreCard: ({ cardId }) => cards.restoreCard(cardId),
    setCardSuspended: ({ cardId, suspended }) => cards.setSuspended(cardId, suspended),
    resetCard: ({ cardId }) => cards.resetCard(cardId),
    generateSuggestions: ({ documentId }) => cards.generateSuggestions(documentId),
    getSuggestionProgress: ({ documentId }) => cards.suggestionProgress(documentId),
    stopSuggestions: ({ documentId }) => cards.stopSuggestions(documentId),
    acceptSuggestion: ({ documentId, key, ...edit }) => cards.acceptSuggestion(documentId, key, edit),
    rejectSuggestion: ({ documentId, key }) => cards.rejectSuggestion(documentId, key),
    acceptAllSuggestions: ({ documentId, keys, confirmed }) =>
      cards.acceptAllSuggestions(documentId, { keys, confirmed }),
    getReviewQueue: ({ documentId }) => reviews.getReviewQueue(documentId),
    answerCard: ({ cardId, grade, durationMs }) => reviews.answerCard(cardId, grade, durationMs),
    undoLastAnswer: () => reviews.undoLastAnswer(),
    getStudySummary: () => reviews.getSummary(),
    getStudyStats: () => reviews.getStats(),
    getStudySettings: () => reviews.getSettings(),
    updateStudySettings: (change) => reviews.updateSettings(change),
    getTimeline: ({ documentId }) => insights.getTimeline(documentId),
    getWhosWho: ({ documentId }) => insights.getWhosWho(documentId)
  }
  return { handlers, close }
}
