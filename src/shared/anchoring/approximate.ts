// Approximate search for a quote in part of a text, through approx-string-match: Myers'
// bit-parallel algorithm (the library the Hypothesis client anchors with). It takes patterns of
// any length and reports the error count of each match, which the score needs; diff-match-patch's
// match_main, already a dependency, stops at 32-character patterns and returns only a position.

import search from 'approx-string-match'
import { splitsSurrogatePair } from './codePoints'

export interface Candidate {
  start: number
  end: number
  /** Insertions, deletions and substitutions (of UTF-16 units) between the quote and text[start, end). */
  errors: number
}

/**
 * The lowest-error matches of `exact` inside text[from, to) with at most `maxErrors` errors, in
 * whole-text offsets. The library counts UTF-16 units, so a match can begin or end between the
 * halves of an astral character (an emoji swapped for one with the same high surrogate): such
 * edges are widened to the whole character, so that a highlight never shows half an emoji.
 */
export function approximateMatches(
  text: string,
  exact: string,
  from: number,
  to: number,
  maxErrors: number
): Candidate[] {
  const start = Math.max(0, from)
  const end = Math.min(text.length, to)
  if (end - start < 1 || exact.length === 0) return []
  return search(text.slice(start, end), exact, maxErrors).map((match) => {
    let matchStart = start + match.start
    let matchEnd = start + match.end
    if (splitsSurrogatePair(text, matchStart)) matchStart--
    if (splitsSurrogatePair(text, matchEnd)) matchEnd++
    return { start: matchStart, end: matchEnd, errors: match.errors }
  })
}
