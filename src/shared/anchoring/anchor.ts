// Re-anchoring: finds where a stored annotation target now lies in a document's (possibly
// changed) full text, or says it is orphaned. Never moves a note to a passage that merely looks
// like its own: every candidate is scored on the quote, the context either side and the distance
// from the old position, and below a threshold the target is orphaned.

import type { AnchorStatus, AnnotationTarget, TextQuoteSelector } from '../types'
import { normalizeText } from '../text/normalize'
import { approximateMatches, type Candidate } from './approximate'
import { prefixBefore, suffixAfter } from './describe'
import { positionSimilarity, prefixSimilarity, suffixSimilarity } from './similarity'

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

export type AnchorResult =
  | { state: 'anchored'; start: number; end: number; score: number; method: AnchorMethod }
  | { state: 'orphaned'; score: number }

export interface AnchorOptions {
  /** Lowest weighted score (0..1) that still anchors; below it the target is orphaned. */
  threshold?: number
  /** Most candidates scored per search, nearest the old position first (bounds short quotes). */
  maxCandidates?: number
}

/**
 * Weights of the score, as in Hypothesis's quote matcher: the quote matters most, context a lot,
 * the old position only enough to break ties between otherwise equal candidates.
 */
export const anchorScoreWeights = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const
const totalWeight =
  anchorScoreWeights.quote +
  anchorScoreWeights.prefix +
  anchorScoreWeights.suffix +
  anchorScoreWeights.position

/**
 * 0.75 anchors the quote with a word or two changed while its context still agrees, or the exact
 * quote with one side of its context intact; it orphans the exact quote when both sides of its
 * context have changed (a short quote such as a name occurs in many places), and any look-alike
 * whose context differs.
 */
export const defaultAnchorThreshold = 0.75
const defaultMaxCandidates = 1000
/** A local candidate this good is kept without searching the whole text (saves a full scan). */
const goodEnoughLocally = 0.9
/** Bounds the cost of a whole-text search for long quotes: O(text × errors / 32). */
const maxGlobalErrors = 256
/** Context locators shorter than this occur too often to say where a passage went. */
const minLocatorLength = 8
const locatorLength = 16
const maxLocatorHits = 8
/** Reach of the first, local search for the exact quote with its context (UTF-16 units). */
const nearbyExact = 16_384

interface Scored extends Candidate {
  score: number
  distance: number
}

/** The stored quote in the document's form (NFC, LF), whatever form it was captured or imported in. */
function normalizedQuote(quote: TextQuoteSelector): TextQuoteSelector {
  return {
    ...quote,
    exact: normalizeText(quote.exact),
    prefix: normalizeText(quote.prefix),
    suffix: normalizeText(quote.suffix)
  }
}

function scoreOf(text: string, quote: TextQuoteSelector, oldStart: number, candidate: Candidate): Scored {
  const quoteScore = 1 - candidate.errors / quote.exact.length
  const score =
    (anchorScoreWeights.quote * quoteScore +
      anchorScoreWeights.prefix * prefixSimilarity(text, candidate.start, quote.prefix) +
      anchorScoreWeights.suffix * suffixSimilarity(text, candidate.end, quote.suffix) +
      anchorScoreWeights.position * positionSimilarity(text.length, candidate.start, oldStart)) /
    totalWeight
  return { ...candidate, score, distance: Math.abs(candidate.start - oldStart) }
}

function better(a: Scored | undefined, b: Scored): Scored {
  if (a === undefined) return b
  if (b.score !== a.score) return b.score > a.score ? b : a
  return b.distance < a.distance ? b : a
}

function nearest<T extends { start: number }>(items: T[], oldStart: number, limit: number): T[] {
  if (items.length <= limit) return items
  return [...items]
    .sort((a, b) => Math.abs(a.start - oldStart) - Math.abs(b.start - oldStart))
    .slice(0, limit)
}

function allOccurrences(text: string, pattern: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) found.push(at)
  return found
}

/**
 * The cheap path: the quote and its whole stored context are still at the stored offset, which is
 * how every annotation of an unchanged document resolves (three slice comparisons, no search).
 * Null when anything there differs. Expects the quote already in NFC/LF form.
 */
export function anchorByPosition(fullText: string, target: AnnotationTarget): AnchorResult | null {
  const { exact, prefix, suffix } = target.quote
  const start = target.position.start
  const end = start + exact.length
  if (
    exact.length > 0 &&
    start >= 0 &&
    fullText.startsWith(exact, start) &&
    prefixBefore(fullText, start) === prefix &&
    suffixAfter(fullText, end) === suffix
  ) {
    return { state: 'anchored', start, end, score: 1, method: 'position' }
  }
  return null
}

/**
 * Finds the target in `fullText`:
 * 1. position — the quote and its context are still at the stored offset: score 1;
 * 2. quote — every exact occurrence, scored on context and distance (duplicates are told apart
 *    by their context, then by nearness to the old position);
 * 3. fuzzy — approximate matches near the old position and near where the context now is, then
 *    (unless one of those is already good) in the whole text; scored the same way.
 * The best candidate anchors if its score reaches the threshold; otherwise the target is orphaned
 * with the best score seen.
 */
export function anchor(
  fullText: string,
  target: AnnotationTarget,
  options: AnchorOptions = {}
): AnchorResult {
  const threshold = options.threshold ?? defaultAnchorThreshold
  const maxCandidates = options.maxCandidates ?? defaultMaxCandidates
  const quote = normalizedQuote(target.quote)
  const { exact } = quote
  if (exact.length === 0) return { state: 'orphaned', score: 0 }
  const oldStart = target.position.start

  // 1. Position.
  const unchanged = anchorByPosition(fullText, { ...target, quote })
  if (unchanged !== null) return unchanged

  const anchored = (best: Scored): AnchorResult => {
    const method: AnchorMethod = best.errors > 0 ? 'fuzzy' : best.start === oldStart ? 'position' : 'quote'
    return { state: 'anchored', start: best.start, end: best.end, score: best.score, method }
  }
  const settle = (best: Scored | undefined): AnchorResult =>
    best !== undefined && best.score >= threshold
      ? anchored(best)
      : { state: 'orphaned', score: best?.score ?? 0 }
  const consider = (best: Scored | undefined, candidates: Candidate[]): Scored | undefined => {
    for (const candidate of nearest(candidates, oldStart, maxCandidates)) {
      best = better(best, scoreOf(fullText, quote, oldStart, candidate))
    }
    return best
  }

  // 2. Exact occurrences. Those whose whole context still matches are always scored, so that a
  // cap on how many are scored never drops the right one for a frequent short quote.
  const hasContext = (at: number): boolean =>
    prefixBefore(fullText, at) === quote.prefix && suffixAfter(fullText, at + exact.length) === quote.suffix
  const toCandidate = (at: number): Candidate => ({ start: at, end: at + exact.length, errors: 0 })
  // Shortcut for the usual edit (text added or removed somewhere else): an occurrence with its
  // whole context within `nearbyExact` of the old offset is taken without scanning the whole text
  // (a scan per annotation made 10^4 re-anchorings of a 5 MB text take 18 s instead of 0.5 s).
  // The quote with all 64 units of its context is the strongest evidence there is, and the nearest
  // such occurrence is also what the full comparison prefers among them.
  const windowStart = Math.max(0, oldStart - nearbyExact)
  const nearby = allOccurrences(fullText.slice(windowStart, oldStart + exact.length + nearbyExact), exact)
    .map((at) => at + windowStart)
    .filter(hasContext)
  if (nearby.length > 0) return settle(consider(undefined, nearby.map(toCandidate)))
  const occurrences = allOccurrences(fullText, exact)
  const withContext = occurrences.filter(hasContext)
  let best = consider(undefined, withContext.map(toCandidate))
  best = consider(best, occurrences.map(toCandidate))
  // An exact copy with only half its context is not final: the passage itself may still be where
  // its context is, with a word changed, and that fuzzy candidate would score higher.
  if (best !== undefined && best.score >= Math.max(threshold, goodEnoughLocally)) return anchored(best)

  // 3. Approximate matches. Allow as many errors as could still reach the threshold with perfect
  // context and position.
  const otherWeights = anchorScoreWeights.prefix + anchorScoreWeights.suffix + anchorScoreWeights.position
  const minQuoteScore = Math.max(0, (threshold * totalWeight - otherWeights) / anchorScoreWeights.quote)
  const maxErrors = Math.min(exact.length, Math.floor(exact.length * (1 - minQuoteScore)))
  if (maxErrors === 0) return settle(best)
  const reach = exact.length + maxErrors

  const local: Candidate[] = []
  const slack = 4096 + 2 * exact.length
  local.push(
    ...approximateMatches(fullText, exact, oldStart - slack, oldStart + exact.length + slack, maxErrors)
  )
  // Where the context went: the end of the prefix and the start of the suffix locate the passage
  // even after it moved far from its old offset.
  const prefixLocator = quote.prefix.slice(-locatorLength)
  if (prefixLocator.length >= minLocatorLength) {
    for (const at of nearest(
      allOccurrences(fullText, prefixLocator).map((start) => ({ start })),
      oldStart,
      maxLocatorHits
    )) {
      const after = at.start + prefixLocator.length
      local.push(...approximateMatches(fullText, exact, after - 64, after + reach + 64, maxErrors))
    }
  }
  const suffixLocator = quote.suffix.slice(0, locatorLength)
  if (suffixLocator.length >= minLocatorLength) {
    for (const at of nearest(
      allOccurrences(fullText, suffixLocator).map((start) => ({ start })),
      oldStart,
      maxLocatorHits
    )) {
      local.push(...approximateMatches(fullText, exact, at.start - reach - 64, at.start + 64, maxErrors))
    }
  }
  best = consider(best, local)
  if (best === undefined || best.score < goodEnoughLocally) {
    best = consider(
      best,
      approximateMatches(fullText, exact, 0, fullText.length, Math.min(maxErrors, maxGlobalErrors))
    )
  }

  return settle(best)
}

/** The part of a result that is stored with an annotation. */
export function anchorStatusOf(result: AnchorResult): AnchorStatus {
  return { state: result.state, score: result.score }
}
