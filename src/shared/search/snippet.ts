// Snippets: the part of a row's text around its matches, with the matched words as ranges (the
// renderer turns ranges into <mark> elements; no HTML is ever built from text).
import { eachWord, stemWord } from './tokenize'
import type { Snippet } from './types'

export interface SnippetOptions {
  /** Longest snippet, in UTF-16 code units (a little more when a word would be cut). */
  maxLength?: number
}

/** Matches words whose index term (or folded word) is in `terms`. */
export function matchRanges(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  if (terms.size === 0) return ranges
  // Each window of each hit is read word by word: no token object per word.
  eachWord(text, (word, start, end) => {
    if (terms.has(word) || terms.has(stemWord(word))) ranges.push([start, end])
  })
  return ranges
}

/** How far past a window's edge a word boundary is looked for. */
const edgeSearch = 48

/**
 * The snippet for a match that starts at `first` in `text`: only a window around it is read, so
 * the cost is the same for a sentence and for a whole book in one block.
 */
export function snippetAround(
  text: string,
  first: number,
  terms: ReadonlySet<string>,
  options: SnippetOptions = {}
): { snippet: Snippet; firstMatch: number | null } {
  const maxLength = options.maxLength ?? 220
  let from = Math.max(0, first - Math.round(maxLength / 2))
  let to = Math.min(text.length, first + 2 * maxLength)
  // Start and end the window between words, so that no half word is read as a match.
  if (from > 0) {
    const space = text.slice(Math.max(0, from - edgeSearch), from).search(/\s\S*$/)
    from = space >= 0 ? Math.max(0, from - edgeSearch) + space + 1 : from
  }
  if (to < text.length) {
    const space = text.slice(to, to + edgeSearch).search(/\s/)
    to = space >= 0 ? to + space : to
  }
  const window = text.slice(from, to)
  const ranges = matchRanges(window, terms)
  const inner = makeSnippet(window, ranges, options)
  const firstRange = ranges[0]
  return {
    snippet: { ...inner, cutStart: inner.cutStart || from > 0, cutEnd: inner.cutEnd || to < text.length },
    firstMatch: firstRange ? from + firstRange[0] : null
  }
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
    return { text, ranges: joinAdjacent(text, ranges), cutStart: false, cutEnd: false }
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
  const cut = text.slice(start, end)
  return { text: cut, ranges: joinAdjacent(cut, inside), cutStart: start > 0, cutEnd: end < text.length }
}

/** Matched words next to each other ("Kim Il Sung", "Il-sŏng") become one marked stretch. */
export function joinAdjacent(text: string, ranges: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const joined: Array<[number, number]> = []
  for (const [start, end] of ranges) {
    const last = joined[joined.length - 1]
    if (last && /^[\s\-\u2010\u2011]*$/.test(text.slice(last[1], start))) last[1] = end
    else joined.push([start, end])
  }
  return joined
}
