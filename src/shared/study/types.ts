// Types of the study feature (cards with their FSRS state, reviews, statistics, the timeline and
// the who's-who) as they cross the API boundary. Plain data; times are epoch ms.

import type { Actor, ActorKind, CardSuggestion, DatePrecision, NormalisedDate } from '../extraction/types'
import type { Card, CardKind } from '../types'

/** FSRS learning state; the integers are ts-fsrs's State enum and what the database stores. */
export const CardState = { new: 0, learning: 1, review: 2, relearning: 3 } as const
export type CardStateName = keyof typeof CardState

/** An answer's grade, as ts-fsrs's Rating (1 Again … 4 Easy). */
export type Grade = 1 | 2 | 3 | 4
export const gradeNames: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' }

/** The scheduler's memory of one card (FSRS-6 fields). */
export interface CardSchedule {
  due: number
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  lapses: number
  state: CardStateName
  lastReview: number | null
}

/** A card with its schedule and the title of its deck (the document it belongs to). */
export interface StudyCard extends Card {
  schedule: CardSchedule
  deckTitle: string
}

/** Milliseconds until the card is due again after each grade, for the answer buttons. */
export type NextIntervals = Record<Grade, number>

export interface StudySettings {
  /** Probability of recall FSRS aims for at the due date (0.7–0.99). */
  desiredRetention: number
  newCardsPerDay: number
  maxReviewsPerDay: number
}

export const defaultStudySettings: StudySettings = {
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  maxReviewsPerDay: 200
}

export type CardSortKey = 'due' | 'created' | 'deck' | 'kind' | 'state' | 'front'

export interface CardListQuery {
  /** Words to look for in the front or back (case-insensitive); '' for every card. */
  search?: string
  documentId?: string
  sort?: CardSortKey
  descending?: boolean
  offset?: number
  limit?: number
}

/** One row of the card browser: just what the list shows. */
export interface CardListRow {
  id: string
  documentId: string
  deckTitle: string
  kind: CardKind
  front: string
  back: string
  clozeIndex: number | null
  due: number
  state: CardStateName
  suspended: boolean
  reps: number
  lapses: number
}

export interface CardListPage {
  total: number
  offset: number
  rows: CardListRow[]
}

/** A selection of a document a card is made from. */
export interface CardSourceInput {
  start: number
  end: number
}

export interface CardDraft {
  documentId: string
  kind: 'basic' | 'cloze'
  front: string
  back: string
  tags?: string[]
  source?: CardSourceInput
}

export interface QueueCounts {
  new: number
  learning: number
  review: number
}

export interface QueueCard {
  card: StudyCard
  intervals: NextIntervals
}

export interface ReviewQueue {
  /** Cards in the order they are to be shown (the head first). */
  cards: QueueCard[]
  /** How many cards are left today by kind, limits applied (the queue may hold fewer). */
  remaining: QueueCounts
  reviewedToday: number
}

export interface AnswerResult {
  card: StudyCard
  /** Intervals the card would get for each grade from its new state. */
  intervals: NextIntervals
}

export interface DayCount {
  /** Local calendar day, YYYY-MM-DD. */
  day: string
  count: number
}

export interface StudyStats {
  /** The last 30 days, oldest first: answers given, and how many were Again. */
  reviewsPerDay: (DayCount & { again: number })[]
  /** Today (with overdue cards) and the next 29 days. */
  duePerDay: DayCount[]
  /** Share of answers to cards in review that were not Again, over the last 30 days; null with none. */
  retention: number | null
  /** Retention by week for the last 8 weeks, oldest first (null where no reviews). */
  retentionPerWeek: { weekStart: string; retention: number | null; reviews: number }[]
  cardCounts: Record<CardStateName, number> & { suspended: number; total: number }
  desiredRetention: number
}

export interface StudySummary {
  /** Cards to study now, limits applied. */
  due: number
  remaining: QueueCounts
}

/** A suggestion the person has not decided on yet, with the card it would make. */
export type PendingSuggestion = CardSuggestion

export interface TimelineEvent {
  id: string
  origin: 'text' | 'card'
  cardId: string | null
  sentence: string
  expression: string
  date: NormalisedDate
  precision: DatePrecision
  /** Start and end of the date as fractional years, for the axis. */
  from: number
  to: number
  /** Offset of the passage in the document's full text, for "open in text"; null for a card typed by hand. */
  at: number | null
}

export interface Timeline {
  documentId: string
  title: string
  events: TimelineEvent[]
  /** Whole years bounding every event, for the axis. */
  firstYear: number
  lastYear: number
}

export interface PersonMention {
  start: number
  end: number
  text: string
  /** A little of the sentence around the mention, with the mention at [before.length, …). */
  before: string
  after: string
}

export interface WhoActor {
  id: string
  name: string
  kind: ActorKind
  aliases: string[]
  acronym: string | null
  role: string | null
  mentionCount: number
  mentions: PersonMention[]
}

export interface WhosWho {
  documentId: string
  title: string
  actors: WhoActor[]
}

export type { Actor }
