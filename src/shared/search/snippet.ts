// Snippets: the part of a row's text around its matches, with the matched words as ranges (the
// renderer turns ranges into <mark> elements; no HTML is ever built from text).
import { tokenize } from './tokenize'
import type { Snippet } from './types'

export interface SnippetOptions {
  /** Longest snippet, in UTF-16 code units (a little more when a word would be cut). */
  maxLength?: number
}

/** Matches words whose index term (or folded word) is in `terms`. */
export function matchRanges(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  if (terms.size === 0) return ranges
  for (const token of tokenize(text)) {
    if (terms.has(token.term) || terms.has(token.word)) ranges.push([token.start, token.end])
  }
  return ranges
}

/**
 * Cuts a window of `text` holding as many matched words as fit, starting at a word boundary a
 * little before the first of them.
 */
export function makeSnippet(
  text: string,
  ranges: ReadonlyArray<[number, number]>,
  options: SnippetOptions = {}
): Snippet {
  const maxLength = options.maxLength ?? 220
  if (text.length <= maxLength) {
    return { text, ranges: ranges.map(([a, b]) => [a, b]), cutStart: false, cutEnd: false }
  }
  // The window (start at a match) that covers the most matches.
  let bestStart = 0
  let bestCount = 0
  let right = 0
  for (let left = 0; left < ranges.length; left++) {
    const from = (ranges[left] as [number, number])[0]
    while (right < ranges.length && (ranges[right] as [number, number])[1] - from <= maxLength * 0.8) right++
    if (right - left > bestCount) {
      bestCount = right - left
      bestStart = from
    }
  }
  // Some words of context before the first match, cut at a space.
  let start = Math.max(0, bestStart - Math.round(maxLength * 0.2))
  if (start > 0) {
    const space = text.indexOf(' ', start)
    start = space >= 0 && space < bestStart ? space + 1 : start
  }
  let end = Math.min(text.length, start + maxLength)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > start + maxLength * 0.6) end = space
  }
  // Never cut a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++
  const inside = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): [number, number] => [a - start, b - start])
  return { text: text.slice(start, end), ranges: inside, cutStart: start > 0, cutEnd: end < text.length }
}
