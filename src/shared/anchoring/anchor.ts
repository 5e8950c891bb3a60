// Re-anchoring: finds where a stored annotation target now lies in a document's (possibly
// changed) full text, or says it is orphaned. Never moves a note to a passage that merely looks
// like its own: every candidate is scored on the quote, the context either side and the distance
// from the old position, and below a threshold the target is orphaned.

import type { AnchorStatus, AnnotationTarget, TextQuoteSelector } from '../types'
import { normalizeText } from '../text/normalize'
import { approximateMatches, type Candidate } from './approximate'
import { contextLength, prefixBefore, suffixAfter } from './describe'
import { positionSimilarity, prefixSimilarity, suffixSimilarity } from './similarity'

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

/** Why a target was orphaned: nothing scored high enough, its quote was too common to place
 * with its context found nowhere, or the work allowed for a batch ran out before it was looked for. */
export type OrphanReason = 'no-match' | 'ambiguous' | 'budget'

export type AnchorResult =
  | { state: 'anchored'; start: number; end: number; score: number; method: AnchorMethod }
  | { state: 'orphaned'; score: number; reason: OrphanReason }

/**
 * Work shared by the targets of one batch (an imported file): a hostile file of many look-alike
 * quotes could otherwise hold the process for minutes. `remaining` counts rough character
 * comparisons; once it is spent, further targets are orphaned without a search.
 */
export interface AnchorWork {
  /** Roughly one unit per character comparison (about 2·10^8 a second on the build machine). */
  remaining: number
  /** Candidates scored so far (what tests and figures read). */
  candidates: number
}

export interface AnchorOptions {
  /** Lowest weighted score (0..1) that still anchors; below it the target is orphaned. */
  threshold?: number
  /** Most candidates scored per target, nearest the old position first (bounds short quotes). */
  maxCandidates?: number
  /** A batch's budget; without one, a target's work is bounded only by `maxCandidates`. */
  work?: AnchorWork
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
export const defaultMaxCandidates = 1000
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
/** The whole-text approximate search goes out from the old position in windows of this size. */
const searchWindow = 65_536
/** Work units per text unit an exact search (indexOf, native) reads: far cheaper than Myers' steps. */
const exactScanCost = 1 / 16

interface Scored extends Candidate {
  score: number
  distance: number
}

/**
 * The stored quote in the document's form (NFC, LF), whatever form it was captured or imported in.
 * Context is compared over at most the 32 units Scholia stores: another tool's longer context
 * would otherwise never equal the text's and cost its length squared to score.
 */
function normalizedQuote(quote: TextQuoteSelector): TextQuoteSelector {
  return {
    ...quote,
    exact: normalizeText(quote.exact),
    prefix: normalizeText(quote.prefix).slice(-contextLength),
    suffix: normalizeText(quote.suffix).slice(0, contextLength)
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

/**
 * Up to `limit` occurrences of `pattern`, nearest `around` first, found going out both ways (never
 * listing every occurrence of a common word); `more` says whether any were left.
 */
export function occurrencesNear(
  text: string,
  pattern: string,
  around: number,
  limit: number
): { found: number[]; more: boolean } {
  const found: number[] = []
  const from = Math.min(Math.max(0, around), text.length)
  let after = text.indexOf(pattern, from)
  let before = from === 0 ? -1 : text.lastIndexOf(pattern, from - 1)
  while (after !== -1 || before !== -1) {
    if (found.length >= limit) return { found, more: true }
    if (before === -1 || (after !== -1 && after - from <= from - before)) {
      found.push(after)
      after = text.indexOf(pattern, after + 1)
    } else {
      found.push(before)
      before = before === 0 ? -1 : text.lastIndexOf(pattern, before - 1)
    }
  }
  return { found, more: false }
}

/**
 * The approximate matches of the quote in the whole text, nearest the old position first: windows
 * are searched going out both ways until `limit` matches are in hand (a four-letter quote with one
 * error allowed matches hundreds of thousands of places in a long text). `spend` is called with
 * each window's cost.
 */
function approximateMatchesNear(
  text: string,
  exact: string,
  around: number,
  maxErrors: number,
  limit: number,
  spend: (units: number) => void
): Candidate[] {
  const overlap = exact.length + maxErrors
  const blocks = Math.ceil(exact.length / 32)
  const found = new Map<string, Candidate>()
  const centre = Math.min(Math.max(0, around), text.length)
  let forward = centre
  let backward = centre
  while ((forward < text.length || backward > 0) && found.size < limit) {
    const windows: [number, number][] = []
    if (forward < text.length) {
      windows.push([Math.max(0, forward - overlap), forward + searchWindow])
      forward += searchWindow
    }
    if (backward > 0) {
      windows.push([backward - searchWindow, Math.min(text.length, backward + overlap)])
      backward -= searchWindow
    }
    for (const [from, to] of windows) {
      spend((Math.min(text.length, to) - Math.max(0, from)) * blocks)
      for (const match of approximateMatches(text, exact, from, to, maxErrors))
        found.set(`${match.start}:${match.end}`, match)
    }
  }
  return nearest([...found.values()], around, limit)
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

/** Rough cost of scoring one candidate: two edit distances over the context. */
function scoringCost(quote: TextQuoteSelector): number {
  return 64 + quote.prefix.length * contextLength + quote.suffix.length * contextLength
}

/**
 * Finds the target in `fullText`:
 * 1. position — the quote and its context are still at the stored offset: score 1;
 * 2. quote — exact occurrences, scored on context and distance (duplicates are told apart by their
 *    context, then by nearness to the old position); occurrences with their whole context are
 *    always scored, others only the nearest `maxCandidates / 2`;
 * 3. fuzzy — approximate matches near the old position and near where the context now is, then
 *    (unless one of those is already good) in the whole text, nearest first; scored the same way.
 * The best candidate anchors if its score reaches the threshold; otherwise the target is orphaned
 * with the best score seen. A quote too common to list whose context occurs nowhere is orphaned at
 * once ('ambiguous'): no candidate could reach the threshold without its context, and scoring
 * thousands of look-alikes is how a crafted file would hold the process.
 */
export function anchor(
  fullText: string,
  target: AnnotationTarget,
  options: AnchorOptions = {}
): AnchorResult {
  const threshold = options.threshold ?? defaultAnchorThreshold
  const maxCandidates = options.maxCandidates ?? defaultMaxCandidates
  const work = options.work ?? { remaining: Number.POSITIVE_INFINITY, candidates: 0 }
  const quote = normalizedQuote(target.quote)
  const { exact } = quote
  if (exact.length === 0) return { state: 'orphaned', score: 0, reason: 'no-match' }
  const oldStart = target.position.start

  // 1. Position.
  const unchanged = anchorByPosition(fullText, { ...target, quote })
  if (unchanged !== null) return unchanged
  if (work.remaining <= 0) return { state: 'orphaned', score: 0, reason: 'budget' }

  const spend = (units: number): void => {
    work.remaining -= units
  }
  const anchored = (best: Scored): AnchorResult => {
    const method: AnchorMethod = best.errors > 0 ? 'fuzzy' : best.start === oldStart ? 'position' : 'quote'
    return { state: 'anchored', start: best.start, end: best.end, score: best.score, method }
  }
  const settle = (best: Scored | undefined): AnchorResult =>
    best !== undefined && best.score >= threshold
      ? anchored(best)
      : { state: 'orphaned', score: best?.score ?? 0, reason: work.remaining > 0 ? 'no-match' : 'budget' }
  let scored = 0
  const cost = scoringCost(quote)
  const consider = (best: Scored | undefined, candidates: Candidate[]): Scored | undefined => {
    for (const candidate of nearest(candidates, oldStart, maxCandidates - scored)) {
      scored++
      work.candidates++
      spend(cost)
      best = better(best, scoreOf(fullText, quote, oldStart, candidate))
    }
    return best
  }

  // 2. Exact occurrences. Those whose whole context still matches are always scored first, so that
  // a cap on how many are scored never drops the right one for a frequent short quote.
  const hasContext = (at: number): boolean =>
    prefixBefore(fullText, at) === quote.prefix && suffixAfter(fullText, at + exact.length) === quote.suffix
  const toCandidate = (at: number): Candidate => ({ start: at, end: at + exact.length, errors: 0 })
  // Shortcut for the usual edit (text added or removed somewhere else): an occurrence with its
  // whole context within `nearbyExact` of the old offset is taken without scanning the whole text
  // (a scan per annotation made 10^4 re-anchorings of a 5 MB text take 18 s instead of 0.5 s).
  // The quote with all 64 units of its context is the strongest evidence there is, and the nearest
  // such occurrence is also what the full comparison prefers among them.
  const withContextText = quote.prefix + exact + quote.suffix
  const windowStart = Math.max(0, oldStart - nearbyExact - quote.prefix.length)
  const nearby = occurrencesNear(
    fullText.slice(windowStart, oldStart + exact.length + nearbyExact + quote.suffix.length),
    withContextText,
    oldStart - windowStart,
    maxCandidates
  )
    .found.map((at) => at + windowStart + quote.prefix.length)
    .filter(hasContext)
  spend(2 * nearbyExact * exactScanCost)
  if (nearby.length > 0) return settle(consider(undefined, nearby.map(toCandidate)))
  spend(fullText.length * exactScanCost)
  const withContext = occurrencesNear(fullText, withContextText, oldStart, maxCandidates)
    .found.map((at) => at + quote.prefix.length)
    .filter(hasContext)
  let best = consider(undefined, withContext.map(toCandidate))
  const occurrences = occurrencesNear(fullText, exact, oldStart, Math.ceil(maxCandidates / 2))
  spend(occurrences.more ? fullText.length * exactScanCost : 0)
  const prefixLocator = quote.prefix.slice(-locatorLength)
  const suffixLocator = quote.suffix.slice(0, locatorLength)
  if (best === undefined && occurrences.more) {
    const contextFound = (locator: string): boolean =>
      locator.length < minLocatorLength || fullText.includes(locator)
    spend(2 * fullText.length * exactScanCost)
    if (!contextFound(prefixLocator) && !contextFound(suffixLocator))
      return { state: 'orphaned', score: 0, reason: 'ambiguous' }
  }
  best = consider(best, occurrences.found.map(toCandidate))
  // An exact copy with only half its context is not final: the passage itself may still be where
  // its context is, with a word changed, and that fuzzy candidate would score higher.
  if (best !== undefined && best.score >= Math.max(threshold, goodEnoughLocally)) return anchored(best)

  // 3. Approximate matches. Allow as many errors as could still reach the threshold with perfect
  // context and position.
  const otherWeights = anchorScoreWeights.prefix + anchorScoreWeights.suffix + anchorScoreWeights.position
  const minQuoteScore = Math.max(0, (threshold * totalWeight - otherWeights) / anchorScoreWeights.quote)
  const maxErrors = Math.min(exact.length, Math.floor(exact.length * (1 - minQuoteScore)))
  if (maxErrors === 0 || work.remaining <= 0) return settle(best)
  const reach = exact.length + maxErrors
  const blocks = Math.ceil(exact.length / 32)
  const near = (from: number, to: number): Candidate[] => {
    spend((to - from) * blocks)
    return approximateMatches(fullText, exact, from, to, maxErrors)
  }

  const local: Candidate[] = []
  const slack = 4096 + 2 * exact.length
  local.push(...near(oldStart - slack, oldStart + exact.length + slack))
  // Where the context went: the end of the prefix and the start of the suffix locate the passage
  // even after it moved far from its old offset.
  if (prefixLocator.length >= minLocatorLength) {
    for (const at of occurrencesNear(fullText, prefixLocator, oldStart, maxLocatorHits).found) {
      const after = at + prefixLocator.length
      local.push(...near(after - 64, after + reach + 64))
    }
  }
  if (suffixLocator.length >= minLocatorLength) {
    for (const at of occurrencesNear(fullText, suffixLocator, oldStart, maxLocatorHits).found) {
      local.push(...near(at - reach - 64, at + 64))
    }
  }
  best = consider(best, local)
  if (
    (best === undefined || best.score < goodEnoughLocally) &&
    work.remaining > 0 &&
    scored < maxCandidates
  ) {
    const errors = Math.min(maxErrors, maxGlobalErrors)
    best = consider(
      best,
      approximateMatchesNear(fullText, exact, oldStart, errors, maxCandidates - scored, spend)
    )
  }

  return settle(best)
}

/** The part of a result that is stored with an annotation. */
export function anchorStatusOf(result: AnchorResult): AnchorStatus {
  return { state: result.state, score: result.score }
}
