// Reviewing: the queue of cards due today (daily limits for new cards and reviews, siblings of one
// note never on the same day), answers scheduled by FSRS-6 and logged, undo of the last answer,
// the study settings, and the statistics. Every time comes from the injected clock.
import { addDays, dayKey, startOfDay } from '../../../shared/study/days'
import { answer, createScheduler, nextIntervals, type Scheduler } from '../../../shared/study/scheduling'
import {
  CardState,
  defaultStudySettings,
  type AnswerResult,
  type Grade,
  type QueueCounts,
  type ReviewQueue,
  type StudyCard,
  type StudySettings,
  type StudyStats,
  type StudySummary
} from '../../../shared/study/types'
import { UserError } from '../../../shared/userError'
import type { Db } from '../../db/connection'
import type { CardRepository, StoredCard } from '../../db/repositories/cardRepository'
import type { ReviewLogRepository } from '../../db/repositories/reviewRepository'

interface SettingsStore {
  get<T>(key: string): T | null
  set(key: string, value: unknown): void
}

export interface ReviewServiceDependencies {
  db: Db
  cards: CardRepository
  logs: ReviewLogRepository
  settings: SettingsStore
  now: () => number
}

/** A learning card due this soon is shown now rather than leaving the person waiting for it. */
export const learnAheadMs = 20 * 60_000
/** Cards sent with the queue: the screen needs the head; the counts say how many are left. */
const queueHeadLength = 20
/** Most due cards read per queue: more than any day's limit, bounded for very large collections. */
const dueReadLimit = 10_000
const settingsKey = 'study'

function toPublic(card: StoredCard): StudyCard {
  const { suggestionKey: _key, deletedAt: _deleted, ...rest } = card
  return rest
}

export function createReviewService({ db, cards, logs, settings, now }: ReviewServiceDependencies) {
  let scheduler: Scheduler | null = null
  let schedulerRetention = 0

  function getSettings(): StudySettings {
    return { ...defaultStudySettings, ...(settings.get<Partial<StudySettings>>(settingsKey) ?? {}) }
  }

  function currentScheduler(): Scheduler {
    const retention = getSettings().desiredRetention
    if (!scheduler || schedulerRetention !== retention) {
      scheduler = createScheduler(retention)
      schedulerRetention = retention
    }
    return scheduler
  }

  /** Today's cards in the order they are to be shown, and how many of each kind. */
  function plan(
    documentId: string | undefined,
    time: number
  ): { cards: StoredCard[]; remaining: QueueCounts } {
    const { newCardsPerDay, maxReviewsPerDay } = getSettings()
    const answeredToday = logs.answeredSince(startOfDay(time))
    const newLeft = Math.max(0, newCardsPerDay - answeredToday.filter((entry) => entry.wasNew).length)
    const reviewedCards = new Set(answeredToday.filter((entry) => !entry.wasNew).map((entry) => entry.cardId))
    let reviewsLeft = Math.max(0, maxReviewsPerDay - reviewedCards.size)
    const cardsToday = new Set(answeredToday.map((entry) => entry.cardId))
    // A note studied today through one card keeps its other cards for another day (Anki's burying).
    const notesToday = new Set(answeredToday.map((entry) => entry.noteId))
    const notesQueued = new Set<string>()
    const inDeck = (card: StoredCard): boolean => documentId === undefined || card.documentId === documentId
    const allowed = (card: StoredCard): boolean => {
      if (!inDeck(card)) return false
      if (cardsToday.has(card.id)) return true
      return !notesToday.has(card.noteId) && !notesQueued.has(card.noteId)
    }

    const learning: StoredCard[] = []
    const review: StoredCard[] = []
    for (const card of cards.due(time + learnAheadMs)) {
      if (!allowed(card)) continue
      if (card.schedule.state === 'review') {
        if (card.due > time || reviewsLeft === 0) continue
        reviewsLeft--
        review.push(card)
      } else {
        learning.push(card)
      }
      notesQueued.add(card.noteId)
    }
    const fresh: StoredCard[] = []
    if (newLeft > 0) {
      for (const card of cards.fresh(documentId === undefined ? newLeft * 4 + 50 : dueReadLimit)) {
        if (fresh.length >= newLeft) break
        if (!allowed(card)) continue
        fresh.push(card)
        notesQueued.add(card.noteId)
      }
    }
    // Learning cards not yet due wait until nothing else is left (learn-ahead).
    const dueLearning = learning.filter((card) => card.due <= time)
    const aheadLearning = learning.filter((card) => card.due > time)
    return {
      cards: [...dueLearning, ...review, ...fresh, ...aheadLearning],
      remaining: { new: fresh.length, learning: learning.length, review: review.length }
    }
  }

  function requireCard(cardId: string): StoredCard {
    const card = cards.find(cardId)
    if (!card || card.deletedAt !== null) throw new UserError('not-found', 'That card no longer exists.')
    return card
  }

  return {
    getSettings,

    updateSettings(change: Partial<StudySettings>): StudySettings {
      const next = { ...getSettings(), ...change }
      settings.set(settingsKey, next)
      return next
    },

    getReviewQueue(documentId?: string): ReviewQueue {
      const time = now()
      const { cards: ordered, remaining } = plan(documentId, time)
      const fsrs = currentScheduler()
      return {
        cards: ordered.slice(0, queueHeadLength).map((card) => ({
          card: toPublic(card),
          intervals: nextIntervals(fsrs, card.schedule, time)
        })),
        remaining,
        reviewedToday: logs.answeredSince(startOfDay(time)).length
      }
    },

    getSummary(): StudySummary {
      const { remaining } = plan(undefined, now())
      return { due: remaining.new + remaining.learning + remaining.review, remaining }
    },

    answerCard(cardId: string, grade: Grade, durationMs?: number): AnswerResult {
      const card = requireCard(cardId)
      const time = now()
      const fsrs = currentScheduler()
      const after = answer(fsrs, card.schedule, time, grade)
      db.transaction(() => {
        cards.updateSchedule(card.id, after, time)
        logs.insert(
          { cardId: card.id, noteId: card.noteId, grade, reviewedAt: time, before: card.schedule, after },
          durationMs ?? null
        )
      })()
      return { card: toPublic(requireCard(cardId)), intervals: nextIntervals(fsrs, after, time) }
    },

    /** Restores the card of the last answer to its state before it, and forgets the answer. */
    undoLastAnswer(): { card: StudyCard } | null {
      const last = logs.last()
      if (!last) return null
      const card = cards.find(last.cardId)
      if (!card) return null
      db.transaction(() => {
        cards.updateSchedule(card.id, last.before, now())
        logs.remove(last.id)
      })()
      return { card: toPublic(cards.find(last.cardId) ?? card) }
    },

    getStats(): StudyStats {
      const time = now()
      const today = startOfDay(time)
      const reviewsPerDay = Array.from({ length: 30 }, (_, index) => ({
        day: dayKey(addDays(today, index - 29)),
        count: 0,
        again: 0
      }))
      const byDay = new Map(reviewsPerDay.map((entry) => [entry.day, entry]))
      const weeks = Array.from({ length: 8 }, (_, index) => ({
        weekStart: dayKey(addDays(today, (index - 7) * 7 - 6)),
        from: addDays(today, (index - 7) * 7 - 6),
        passed: 0,
        reviews: 0
      }))
      let passed = 0
      let reviewed = 0
      for (const entry of logs.answersSince(Math.min(addDays(today, -29), weeks[0]?.from ?? today))) {
        const day = byDay.get(dayKey(entry.reviewedAt))
        if (day) {
          day.count++
          if (entry.grade === 1) day.again++
        }
        if (entry.stateBefore !== CardState.review) continue
        const week = [...weeks].reverse().find((candidate) => entry.reviewedAt >= candidate.from)
        if (week) {
          week.reviews++
          if (entry.grade > 1) week.passed++
        }
        if (entry.reviewedAt >= addDays(today, -29)) {
          reviewed++
          if (entry.grade > 1) passed++
        }
      }
      const duePerDay = Array.from({ length: 30 }, (_, index) => ({
        day: dayKey(addDays(today, index)),
        count: 0
      }))
      const tomorrow = addDays(today, 1)
      const dueIndex = new Map(duePerDay.map((entry, index) => [entry.day, index]))
      const cardCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 }
      for (const card of cards.schedules()) {
        cardCounts.total++
        if (card.suspended) {
          cardCounts.suspended++
          continue
        }
        cardCounts[card.state]++
        if (card.state === 'new') continue
        const index = card.due < tomorrow ? 0 : dueIndex.get(dayKey(card.due))
        const slot = index === undefined ? undefined : duePerDay[index]
        if (slot) slot.count++
      }
      return {
        reviewsPerDay,
        duePerDay,
        retention: reviewed === 0 ? null : passed / reviewed,
        retentionPerWeek: weeks.map((week) => ({
          weekStart: week.weekStart,
          retention: week.reviews === 0 ? null : week.passed / week.reviews,
          reviews: week.reviews
        })),
        cardCounts,
        desiredRetention: getSettings().desiredRetention
      }
    }
  }
}

export type ReviewService = ReturnType<typeof createReviewService>
