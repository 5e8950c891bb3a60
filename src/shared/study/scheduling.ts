// Scheduling with FSRS-6 through ts-fsrs, as pure functions of a card's schedule and the time
// passed in (never read from a clock here), so that tests replay answers with a fixed clock.

import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  State,
  type Card as FsrsCard,
  type FSRS,
  type Grade as FsrsGrade
} from 'ts-fsrs'
import { CardState, type CardSchedule, type CardStateName, type Grade, type NextIntervals } from './types'

const stateNames: Record<State, CardStateName> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning'
}

export const grades: readonly Grade[] = [1, 2, 3, 4]

export type Scheduler = FSRS

/** A scheduler aiming at `desiredRetention`. Fuzz spreads cards learnt together over nearby days. */
export function createScheduler(desiredRetention: number, enableFuzz = true): Scheduler {
  return fsrs(generatorParameters({ request_retention: desiredRetention, enable_fuzz: enableFuzz }))
}

function toFsrs(schedule: CardSchedule): FsrsCard {
  const card: FsrsCard = {
    due: new Date(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: CardState[schedule.state]
  }
  if (schedule.lastReview !== null) card.last_review = new Date(schedule.lastReview)
  return card
}

function fromFsrs(card: FsrsCard): CardSchedule {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateNames[card.state],
    lastReview: card.last_review ? card.last_review.getTime() : null
  }
}

/** The schedule of a card never studied, due at `now`. */
export function newSchedule(now: number): CardSchedule {
  return fromFsrs(createEmptyCard(new Date(now)))
}

/** The card's schedule after answering `grade` at `now`. */
export function answer(
  scheduler: Scheduler,
  schedule: CardSchedule,
  now: number,
  grade: Grade
): CardSchedule {
  return fromFsrs(scheduler.next(toFsrs(schedule), new Date(now), grade).card)
}

/** How long until the card is due again for each grade answered at `now`. */
export function nextIntervals(scheduler: Scheduler, schedule: CardSchedule, now: number): NextIntervals {
  const preview = scheduler.repeat(toFsrs(schedule), new Date(now))
  const interval = (grade: Grade): number => Math.max(0, preview[grade as FsrsGrade].card.due.getTime() - now)
  return { 1: interval(1), 2: interval(2), 3: interval(3), 4: interval(4) }
}

/** Probability of recall now (0..1); 0 for a card never studied. */
export function retrievability(scheduler: Scheduler, schedule: CardSchedule, now: number): number {
  if (schedule.state === 'new') return 0
  return scheduler.get_retrievability(toFsrs(schedule), new Date(now), false)
}

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

/** A short label for an interval, as on the answer buttons: "1m", "10m", "3h", "4d", "2.5mo", "1.1y". */
export function formatInterval(ms: number): string {
  if (ms < hour) return `${Math.max(1, Math.round(ms / minute))}m`
  if (ms < day) return `${Math.round(ms / hour)}h`
  const days = ms / day
  if (days < 30) return `${Math.round(days)}d`
  if (days < 365) return `${trim(days / 30)}mo`
  return `${trim(days / 365)}y`
}

function trim(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10)
}
