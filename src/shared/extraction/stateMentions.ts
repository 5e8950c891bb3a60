// Mentions of a state that do not spell its name: its adjective before a noun ("Soviet forces",
// "the American zone") and its name at the head of one of its organisations ("United States Air
// Force", "British Parliament"). A historian reads both as the state acting or being spoken of.

import { functionWords } from './actorCandidates'
import type { GazetteerForm } from './gazetteer'

/** Words after an adjective that show it is not qualifying a noun: "the delegates were Polish and". */
const notNouns = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'had', 'have'])

/**
 * True when the adjective of nationality at [start, end) of `text` qualifies a common noun and so
 * stands for its state: "Soviet forces", "the Soviet representative", "French aircraft".
 * Left out: an adjective inside a name ("Korean War", "Latin American"), in a compound with a
 * hyphen ("Sino-Soviet", "Soviet-backed", which speak of relations and qualities), and one not
 * followed by a noun ("spoke French and German"); a plural or noun use ("the Soviets") too,
 * since "Americans" are as often people as a government.
 */
export function isDemonymMention(text: string, start: number, end: number): boolean {
  if (/[-‐–]$/.test(text.slice(0, start))) return false
  const previous = /(\p{L}[\p{L}’']*)\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1]
  if (
    previous &&
    /^\p{Lu}/u.test(previous) &&
    !/['’]s?$/.test(previous) &&
    !functionWords.has(previous.toLowerCase())
  )
    return false
  const next = /^[ \t]+(\p{Ll}[\p{L}’']*)/u.exec(text.slice(end))?.[1]
  return next !== undefined && !functionWords.has(next) && !notNouns.has(next)
}

/**
 * The state form an organisation's name opens with ("United States" in "United States Air Force",
 * "British" in "British Parliament"), or null. Capitals are left out: "Berlin Wall" and
 * "Moscow Conference" name things and places, not the government.
 */
export function statePrefix(name: string, forms: ReadonlyMap<string, GazetteerForm>): string | null {
  const words = name.split(' ')
  for (let count = words.length - 1; count > 0; count--) {
    const prefix = words.slice(0, count).join(' ')
    const known = forms.get(prefix)
    if (known && !known.isCapital && known.entries.some((entry) => entry.kind === 'state')) return prefix
  }
  return null
}
