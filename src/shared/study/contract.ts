// The study feature's part of the one API (cards, suggestions, reviews, statistics, timeline and
// who's-who). `ApiMethods` in ../contract.ts extends this map, so every transport serves it.

import type { CardSuggestion } from '../extraction/types'
import type {
  AnswerResult,
  CardDraft,
  CardListPage,
  CardListQuery,
  Grade,
  ReviewQueue,
  StudyCard,
  StudySettings,
  StudyStats,
  StudySummary,
  Timeline,
  WhosWho
} from './types'

export interface StudyApiMethods {
  listCards: { args: CardListQuery; result: CardListPage }
  getCard: { args: { cardId: string }; result: StudyCard }
  /** A cloze note makes one card per deletion number: all of them are returned. */
  createCard: { args: CardDraft; result: StudyCard[] }
  /** Editing a cloze card edits its note: sibling cards follow, new deletion numbers add cards. */
  updateCard: {
    args: { cardId: string; front?: string; back?: string; tags?: string[] }
    result: StudyCard[]
  }
  /** Soft delete: `restoreCard` brings the card back (Undo). */
  deleteCard: { args: { cardId: string }; result: { deleted: true } }
  restoreCard: { args: { cardId: string }; result: StudyCard }
  setCardSuspended: { args: { cardId: string; suspended: boolean }; result: StudyCard }
  /** Forget the card's history: it becomes new again. */
  resetCard: { args: { cardId: string }; result: StudyCard }
  /** Suggestions for the document that were neither accepted nor rejected yet. */
  generateSuggestions: {
    args: { documentId: string }
    result: { suggestions: CardSuggestion[]; decided: number }
  }
  /**
   * How far a running generateSuggestions has read the document (a book takes seconds), or null
   * when none is running for it.
   */
  getSuggestionProgress: { args: { documentId: string }; result: SuggestionProgress | null }
  /**
   * Stops a running generateSuggestions for the document, which then fails with a message saying
   * so; nothing is kept. `stopped` is false when none was running.
   */
  stopSuggestions: { args: { documentId: string }; result: { stopped: boolean } }
  acceptSuggestion: {
    args: { documentId: string; key: string; front?: string; back?: string }
    result: StudyCard[]
  }
  rejectSuggestion: { args: { documentId: string; key: string }; result: { rejected: true } }
  /**
   * Accepts the pending suggestions (only those of `keys` when given). A suspect one (with a
   * warning) is accepted only when its key is in `confirmed`; the others stay pending and are
   * counted in `heldBack`, so "Accept all" never turns an unchecked reading into a card.
   */
  acceptAllSuggestions: {
    args: { documentId: string; keys?: string[]; confirmed?: string[] }
    result: { accepted: number; heldBack: number }
  }
  getReviewQueue: { args: { documentId?: string }; result: ReviewQueue }
  answerCard: { args: { cardId: string; grade: Grade; durationMs?: number }; result: AnswerResult }
  /** Takes back the last answer given: the card returns to its exact previous state. */
  undoLastAnswer: { args: Record<string, never>; result: { card: StudyCard } | null }
  getStudySummary: { args: Record<string, never>; result: StudySummary }
  getStudyStats: { args: Record<string, never>; result: StudyStats }
  getStudySettings: { args: Record<string, never>; result: StudySettings }
  updateStudySettings: { args: Partial<StudySettings>; result: StudySettings }
  getTimeline: { args: { documentId: string }; result: Timeline }
  getWhosWho: { args: { documentId: string }; result: WhosWho }
}

/** A suggestion run's progress: its stage, the passages of prose read of all, the share done. */
export interface SuggestionProgress {
  stage: 'dates' | 'actors' | 'cards'
  passagesRead: number
  passageCount: number
  /** 0 to 1, the stages weighted by their usual share of the time. */
  fraction: number
}

export const studyMethodNameRecord: { [K in keyof StudyApiMethods]: true } = {
  listCards: true,
  getCard: true,
  createCard: true,
  updateCard: true,
  deleteCard: true,
  restoreCard: true,
  setCardSuspended: true,
  resetCard: true,
  generateSuggestions: true,
  getSuggestionProgress: true,
  stopSuggestions: true,
  acceptSuggestion: true,
  rejectSuggestion: true,
  acceptAllSuggestions: true,
  getReviewQueue: true,
  answerCard: true,
  undoLastAnswer: true,
  getStudySummary: true,
  getStudyStats: true,
  getStudySettings: true,
  updateStudySettings: true,
  getTimeline: true,
  getWhosWho: true
}
