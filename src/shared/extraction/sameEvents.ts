// One card per event: the abstract's "February 1956" and the body's "25 February 1956", told in
// sentences that say the same thing, are one event. Of such a group the card keeps the plain
// reading over one read with a correction, then the most precise date, then the body's sentence
// (the abstract and captions restate the body).

import { compareDays } from './calendar'
import { contentTerms } from './salience'
import type { DatedEvent, ExtractionBlock } from './types'

/** Words two sentences must share, at least, to tell the same event. */
const minimumShared = 3
/** And the share of the shorter sentence's words they must make up. */
const minimumOverlap = 0.5

function contains(outer: DatedEvent, inner: DatedEvent): boolean {
  return (
    compareDays(outer.date.start, inner.date.start) <= 0 && compareDays(inner.date.end, outer.date.end) <= 0
  )
}

function span(event: DatedEvent): number {
  const [start, end] = [event.date.start, event.date.end].map((day) => {
    const [year, month, date] = day.replace(/^-/, 'm').split('-')
    return (Number(year?.replace('m', '-')) * 12 + Number(month)) * 31 + Number(date)
  })
  return (end ?? 0) - (start ?? 0)
}

/** Which event of a group the card is made from: lower is better. */
type Preference = [number, number, number]

function preference(event: DatedEvent, kind: string | undefined): Preference {
  return [event.note === undefined ? 0 : 1, span(event), kind === 'paragraph' ? 0 : 1]
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
  const same = (left: number, right: number): boolean => {
    const a = events[left] as DatedEvent
    const b = events[right] as DatedEvent
    if (a.sentenceStart === b.sentenceStart) return false
    if (!contains(a, b) && !contains(b, a)) return false
    const first = words[left] as Set<string>
    const second = words[right] as Set<string>
    let shared = 0
    for (const word of first) if (second.has(word)) shared++
    return shared >= minimumShared && shared / Math.min(first.size, second.size) >= minimumOverlap
  }
  const rank = events.map((event) => preference(event, kinds.get(event.blockId)))
  // An event gives way to a better telling of itself; pairs, not chains, so that "the 1960s" never
  // swallows "the late 1960s" through a third sentence like both.
  return events.filter(
    (_, index) =>
      !events.some(
        (__, other) =>
          other !== index &&
          same(index, other) &&
          (better(rank[other] as Preference, rank[index] as Preference) ||
            (!better(rank[index] as Preference, rank[other] as Preference) && other < index))
      )
  )
}
