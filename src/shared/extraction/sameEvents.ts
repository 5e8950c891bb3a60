// One card per event: the abstract's "February 1956" and the body's "25 February 1956", told in
// sentences that say the same thing, are one event. Of such a group the card keeps the plain
// reading over one read with a correction, then the most precise date, then the body's sentence
// (the abstract and captions restate the body).

import { parseDay, yearOf } from './calendar'
import { contentTerms } from './salience'
import type { DatedEvent, ExtractionBlock } from './types'

/** Dates wider than this (a millennium, an era) are not compared: they tell no single event. */
const maximumYears = 200

/** Words two sentences must share, at least, to tell the same event. */
const minimumShared = 3
/** And the share of the shorter sentence's words they must make up. */
const minimumOverlap = 0.5

/** A day as a number that sorts as the days do (months as 31 days: only order and size matter). */
function dayNumber(day: string): number {
  const { year, month, day: date } = parseDay(day)
  return (year * 12 + month) * 31 + date
}

type Preference = [number, number, number]

function preference(event: DatedEvent, span: number, kind: string | undefined): Preference {
  return [event.note === undefined ? 0 : 1, span, kind === 'paragraph' ? 0 : 1]
}

function better(left: Preference, right: Preference): boolean {
  for (let index = 0; index < left.length; index++) {
    if ((left[index] ?? 0) !== (right[index] ?? 0)) return (left[index] ?? 0) < (right[index] ?? 0)
  }
  return false
}

/** The events with each group that tells one event kept once; in text order. */
export function mergeSameEvents(
  events: readonly DatedEvent[],
  blocks: readonly ExtractionBlock[]
): DatedEvent[] {
  const kinds = new Map(blocks.map((block) => [block.id, block.kind]))
  const words = events.map((event) => {
    const sentence = event.sentence.replace(event.expression, ' ')
    return new Set(contentTerms(sentence))
  })
  const days = events.map((event) => ({ start: dayNumber(event.date.start), end: dayNumber(event.date.end) }))
  const contains = (outer: number, inner: number): boolean => {
    const [a, b] = [days[outer], days[inner]]
    return a !== undefined && b !== undefined && a.start <= b.start && b.end <= a.end
  }
  const same = (left: number, right: number): boolean => {
    if (events[left]?.sentenceStart === events[right]?.sentenceStart) return false
    const first = words[left] as Set<string>
    const second = words[right] as Set<string>
    let shared = 0
    for (const word of first) if (second.has(word)) shared++
    return shared >= minimumShared && shared / Math.min(first.size, second.size) >= minimumOverlap
  }
  const rank = events.map((event, index) =>
    preference(event, (days[index]?.end ?? 0) - (days[index]?.start ?? 0), kinds.get(event.blockId))
  )
  // Only nested dates can tell one event, and the inner one starts within the outer's years:
  // index the events by start year so a book's thousands of dates are not compared pairwise.
  const byStartYear = new Map<number, number[]>()
  events.forEach((event, index) => {
    const year = yearOf(event.date.start)
    byStartYear.set(year, [...(byStartYear.get(year) ?? []), index])
  })
  const dropped = new Set<number>()
  events.forEach((event, outer) => {
    const from = yearOf(event.date.start)
    const to = Math.min(yearOf(event.date.end), from + maximumYears)
    for (let year = from; year <= to; year++) {
      for (const inner of byStartYear.get(year) ?? []) {
        if (inner === outer || !contains(outer, inner) || !same(outer, inner)) continue
        // Of the two, the worse gives way (on a tie, the later one); pairs, not chains, so that
        // "the 1960s" never swallows "the late 1960s" through a third sentence like both.
        const [left, right] = [rank[outer] as Preference, rank[inner] as Preference]
        if (better(left, right)) dropped.add(inner)
        else if (better(right, left)) dropped.add(outer)
        else dropped.add(Math.max(outer, inner))
      }
    }
  })
  return events.filter((_, index) => !dropped.has(index))
}
