// The two quizzes of the timeline and the who's-who, as pure functions of their material and a
// random source (so tests pass a seeded one): put events in order; name the actor a clue describes.

import { blank, whoQuestionWord } from './cloze'
import type { TimelineEvent, WhoActor } from './types'

export type Random = () => number

/** A small seeded generator (mulberry32), for tests and reproducible quizzes. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other] as T, copy[index] as T]
  }
  return copy
}

/**
 * Up to `count` events with distinct, non-overlapping dates (so that one order is right), in a
 * shuffled order that is not already the right one. Empty when fewer than two such events exist.
 */
export function chronologyQuestion(
  events: readonly TimelineEvent[],
  random: Random,
  count = 5
): TimelineEvent[] {
  const candidates = shuffle(events, random)
  const chosen: TimelineEvent[] = []
  for (const event of candidates) {
    if (chosen.length >= count) break
    if (chosen.some((other) => event.from < other.to && other.from < event.to)) continue
    chosen.push(event)
  }
  if (chosen.length < 2) return []
  const right = correctOrder(chosen)
  let order = shuffle(chosen, random)
  for (let tries = 0; tries < 10 && order.every((event, index) => event.id === right[index]?.id); tries++) {
    order = shuffle(chosen, random)
  }
  if (order.every((event, index) => event.id === right[index]?.id)) order.reverse()
  return order
}

export function correctOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((left, right) => left.from - right.from || left.to - right.to)
}

/** How many events stand in their right place, out of how many. */
export function scoreChronology(answer: readonly TimelineEvent[]): { correct: number; total: number } {
  const right = correctOrder(answer)
  const correct = answer.filter((event, index) => event.id === right[index]?.id).length
  return { correct, total: answer.length }
}

export interface WhoQuestion {
  actorId: string
  /** What the text says of the actor (its role, or a sentence with the name hidden). */
  clue: string
  /** The actor's name and up to three others of the same kind, shuffled. */
  options: { id: string; name: string }[]
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Hides every whole-word occurrence of the names ("UN" is hidden, "UNC" is not touched). */
export function hideNames(text: string, names: readonly string[]): string {
  let result = text
  for (const name of [...names].sort((left, right) => right.length - left.length)) {
    if (name.length < 2) continue
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu')
    result = result.replace(pattern, blank)
  }
  // "Kim Il Sung (Kim)" is one actor: one blank, not "[…] ([…])".
  return result.replaceAll(`${blank} (${blank})`, blank)
}

/**
 * A question about one actor that has at least one other actor of its kind: the role the text
 * gives it when it gives one, else a mention in context with every name of the actor hidden.
 */
export function whoQuestion(actors: readonly WhoActor[], random: Random): WhoQuestion | null {
  const askable = actors.filter(
    (actor) =>
      actors.some((other) => other.id !== actor.id && other.kind === actor.kind) && actor.mentions.length > 0
  )
  const actor = shuffle(askable, random)[0]
  if (!actor) return null
  const names = [actor.name, ...actor.aliases, ...(actor.acronym ? [actor.acronym] : [])]
  let clue: string
  if (actor.role) {
    clue = `${whoQuestionWord(actor.kind, 'was')} ${/^(the|a|an|one)\s/i.test(actor.role) ? '' : 'the '}${actor.role}?`
  } else {
    const mention = shuffle(actor.mentions, random)[0]
    const context = mention ? `${mention.before}${mention.text}${mention.after}` : ''
    clue = `${whoQuestionWord(actor.kind, 'is')} “${blank}” here? ${hideNames(context, names)}`
  }
  const distractors = shuffle(
    actors.filter((other) => other.id !== actor.id && other.kind === actor.kind),
    random
  ).slice(0, 3)
  return {
    actorId: actor.id,
    clue,
    options: shuffle([actor, ...distractors], random).map((option) => ({ id: option.id, name: option.name }))
  }
}
