// Runs a parsed query over several segments as if they were one index: document frequencies and
// average field lengths are summed across segments, so a document indexed yesterday and a note
// indexed a second ago rank on one scale. Prefixes are found by binary search over the sorted
// terms; wildcard patterns and fuzzy words are expanded with lunr's TokenSet over the vocabulary.
import lunr from 'lunr'
import type { ParsedQuery, QueryClause } from './query'
import { fieldCodes, fieldCount, findTerm, lowerBound, type Segment, type SegmentRow } from './segment'
import { snippetAround } from './snippet'
import { compareByCodePoint, encodeTerm } from './termTable'
import {
  searchFields,
  searchKindLabels,
  searchKinds,
  type SearchFilters,
  type SearchGroup,
  type SearchHit,
  type SearchKind
} from './types'

/** A segment as a query sees it: rows listed in `hidden` are superseded by a fresher segment. */
export interface SegmentView {
  segment: Segment
  hidden?: ReadonlySet<string>
}

export interface EngineOptions {
  filters?: SearchFilters
  limit?: number
  titleOf?: (documentId: string) => string
  /** Vocabulary cache for pattern and fuzzy queries; pass the same object while segments are unchanged. */
  vocabulary?: VocabularyCache
  /** Other wordings to search with the query: a row matching any of them is a result. */
  alternatives?: readonly QueryAlternative[]
}

export interface EngineResult {
  groups: SearchGroup[]
  total: number
}

const k1 = 1.2
const b = 0.75
/** Tags say what a reader thinks a passage is about: a match there counts more. */
const fieldBoosts = [1, 2, 1]
/** While a word is being typed, longer words it starts count less than the word itself. */
const typingPrefixWeight = 0.5
const maxExpansionsPerClause = 200

// @types/lunr declares TokenSet's builders as instance methods; in lunr 2.3.9 they are static.
const tokenSets = lunr.TokenSet as unknown as {
  fromArray(sorted: string[]): lunr.TokenSet
  fromString(pattern: string): lunr.TokenSet
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet
}

/** The terms of all segments, kept as a lunr TokenSet until the segments change. */
export class VocabularyCache {
  private tokenSet: lunr.TokenSet | null = null

  constructor(private readonly segments: () => readonly SegmentView[]) {}

  invalidate(): void {
    this.tokenSet = null
  }

  /** Terms (field code included) matching a lunr TokenSet built from a pattern or fuzzy word. */
  expand(query: lunr.TokenSet): string[] {
    if (!this.tokenSet) {
      const all = new Set<string>()
      for (const { segment } of this.segments())
        for (let i = 0; i < segment.terms.length; i++) all.add(segment.terms.at(i).slice(1))
      this.tokenSet = tokenSets.fromArray([...all].sort())
    }
    return this.tokenSet.intersect(query).toArray()
  }
}

interface Expansion {
  /** Term without its field code. */
  term: string
  weight: number
}

function expandClause(
  clause: QueryClause,
  views: readonly SegmentView[],
  vocabulary: VocabularyCache | undefined
): Expansion[] {
  switch (clause.match) {
    case 'exact':
      return [{ term: clause.term, weight: 1 }]
    case 'prefix':
    case 'typing': {
      const found = new Map<string, number>()
      if (clause.match === 'typing') found.set(clause.term, 1)
      const prefixWeight = clause.match === 'typing' ? typingPrefixWeight : 1
      // A prefix may also be a stem (bilateralism* → bilater…): look for both.
      const codes = clause.field ? [fieldCodes[clause.field]] : Object.values(fieldCodes)
      const scans = prefixScans(clause, codes) ?? []
      const scanFields = scans.map(fieldIndexOfCode)
      // Segments share most of their terms: a term already met is known by a hash of its bytes
      // and a comparison, and only a new one is decoded.
      const met = new Map<number, Uint8Array>()
      // Indexed loops: over a thousand segments, for…of's iterators were a query's main garbage.
      expanding: for (let v = 0; v < views.length; v++) {
        const segment = (views[v] as SegmentView).segment
        const terms = segment.terms
        for (let s = 0; s < scans.length; s++) {
          const key = scans[s] as string
          // A field this segment holds no words in (tags, colours of a document) has no run.
          if (segment.fieldTotals[scanFields[s] as number] === 0) continue
          for (let i = lowerBound(terms, key); i < terms.length && terms.startsWith(i, key); i++) {
            const hash = terms.hashAt(i, 1)
            const known = met.get(hash)
            if (known && terms.equalsAt(i, 1, known)) continue
            const term = terms.at(i, 1)
            if (!known) met.set(hash, encodeTerm(term))
            if (!found.has(term)) found.set(term, prefixWeight)
            if (found.size >= maxExpansionsPerClause) break expanding
          }
        }
      }
      if (clause.match === 'prefix') found.set(clause.term, 1)
      return [...found].map(([term, weight]) => ({ term, weight }))
    }
    case 'pattern':
    case 'fuzzy': {
      if (!vocabulary) return [{ term: clause.term, weight: 1 }]
      const query =
        clause.match === 'pattern'
          ? tokenSets.fromString(clause.word)
          : tokenSets.fromFuzzyString(clause.term, clause.editDistance)
      return vocabulary
        .expand(query)
        .slice(0, maxExpansionsPerClause)
        .map((term) => ({ term, weight: term === clause.term ? 1 : 0.8 }))
    }
  }
}

/**
 * For a prefix clause, the field-coded prefixes whose runs of sorted terms hold all it reaches
 * (a prefix inside another's run is left out, so no term is met twice); null for other clauses.
 */
function prefixScans(clause: QueryClause, codes: readonly string[]): string[] | null {
  if (clause.match !== 'prefix' && clause.match !== 'typing') return null
  const prefixes = [...new Set([clause.word, clause.term])]
  const kept = prefixes.filter(
    (prefix) => !prefixes.some((other) => other !== prefix && prefix.startsWith(other))
  )
  return codes.flatMap((code) => kept.map((prefix) => code + prefix))
}

/** The field a field-coded term belongs to. */
function fieldIndexOfCode(key: string): number {
  return searchFields.findIndex((field) => fieldCodes[field] === key[0])
}

function passesFilters(row: SegmentRow, filters: SearchFilters | undefined): boolean {
  if (!filters) return true
  if (filters.documentId && row.documentId !== filters.documentId) return false
  if (filters.kinds && filters.kinds.length > 0 && !filters.kinds.includes(row.kind)) return false
  if (filters.colour && row.colour !== filters.colour) return false
  if (filters.tag && !row.tags.includes(filters.tag)) return false
  return true
}

/** Per-row work arrays, kept between queries so that a query allocates none per segment. */
let scratch = {
  scores: new Float64Array(0),
  masks: new Int32Array(0),
  firsts: new Int32Array(0),
  /** Across a query and its alternatives: the best score, its first match, which one matched. */
  bestScores: new Float64Array(0),
  bestFirsts: new Int32Array(0),
  matchedBy: new Int32Array(0)
}

function scratchFor(rows: number): typeof scratch {
  if (scratch.scores.length < rows) {
    const size = Math.max(rows, scratch.scores.length * 2)
    scratch = {
      scores: new Float64Array(size),
      masks: new Int32Array(size),
      firsts: new Int32Array(size),
      bestScores: new Float64Array(size),
      bestFirsts: new Int32Array(size),
      matchedBy: new Int32Array(size)
    }
  }
  scratch.matchedBy.fill(-1, 0, rows)
  return scratch
}

interface Candidate {
  score: number
  view: number
  row: number
  /** Where the earliest matched word starts in the row's text, or -1 (matched in tags only). */
  first: number
  /** 0 for the query itself, k for its k-th alternative. */
  matchedBy: number
}

/** Another wording searched with the query (an actor's other spellings); a hit says which it matched. */
export interface QueryAlternative {
  label: string
  query: ParsedQuery
}

interface CollectionStats {
  rowTotal: number
  averageLength: number[]
}

/**
 * One query made ready to score: its clauses, and per segment the postings each clause touches.
 * Each field-coded term a clause reaches is a slot, with its field, weight and document frequency
 * (summed over the segments before any scoring); what a segment touches is kept as numbers, so
 * that planning a frequent word over a thousand segments makes no object per term.
 */
interface Plan {
  clauses: QueryClause[]
  requiredMask: number
  /**
   * What each segment's clauses touch: term index, slot, term index, slot… in one list, where
   * segment v's clause c runs from `ranges[v * clauses + c]` to the next range's start.
   */
  pairs: IntList
  ranges: Int32Array
  /** 1 for a segment that lacks a required clause's terms: it has no results. */
  skipped: Uint8Array
  slotField: number[]
  slotWeight: number[]
  slotFrequency: number[]
  /** Every term a required clause reached: marked in snippets. */
  marked: string[]
}

/** A growing list of integers, kept between queries: planning allocates no array per query. */
class IntList {
  data = new Int32Array(1024)
  length = 0

  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = a
    this.data[this.length++] = b
  }
}

/** One list per plan of a query (the query itself, then each alternative wording). */
const pairLists: IntList[] = []
function pairListFor(plan: number): IntList {
  const list = (pairLists[plan] ??= new IntList())
  list.length = 0
  return list
}

interface ReachedKey {
  key: string
  bytes: Uint8Array
  slot: number
}

function planQuery(
  query: ParsedQuery,
  views: readonly SegmentView[],
  vocabulary: VocabularyCache | undefined,
  pairs: IntList
): Plan | null {
  const required = query.clauses.filter((clause) => clause.presence === 'required')
  if (required.length === 0) return null
  const clauses = [...required, ...query.clauses.filter((clause) => clause.presence === 'prohibited')]
  const expansions = clauses.map((clause) => expandClause(clause, views, vocabulary))
  const fieldsOf = (clause: QueryClause): number[] =>
    clause.field ? [searchFields.indexOf(clause.field)] : searchFields.map((_, field) => field)
  const codeOf = (field: number): string => fieldCodes[searchFields[field] as keyof typeof fieldCodes]
  const slotField: number[] = []
  const slotWeight: number[] = []
  // Per clause, every field-coded term it reaches as a slot, made once per query rather than once
  // per segment; for a prefix, per run of sorted terms it walks, the keys in that run in order.
  const reached = clauses.map((clause, c) => {
    const byKey = new Map<string, number>()
    for (const expansion of expansions[c] as Expansion[])
      for (const field of fieldsOf(clause)) {
        const key = codeOf(field) + expansion.term
        if (byKey.has(key)) continue
        byKey.set(key, slotField.length)
        slotField.push(field)
        slotWeight.push(expansion.weight)
      }
    const keys = [...byKey.keys()]
    const slots = [...byKey.values()]
    const scan = prefixScans(clause, fieldsOf(clause).map(codeOf))
    const runs = (scan ?? []).map((start) => {
      const inRun: ReachedKey[] = []
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as string
        if (key.startsWith(start)) inRun.push({ key, bytes: encodeTerm(key), slot: slots[k] as number })
      }
      inRun.sort((x, y) => compareByCodePoint(x.key, y.key))
      return { start, field: fieldIndexOfCode(start), keys: inRun }
    })
    return { keys, slots, runs: scan ? runs : null }
  })

  const slotFrequency = new Array<number>(slotField.length).fill(0)
  const clauseCount = clauses.length
  const ranges = new Int32Array(views.length * clauseCount + 1)
  const skipped = new Uint8Array(views.length)
  for (let v = 0; v < views.length; v++) {
    const { segment } = views[v] as SegmentView
    const { terms, offsets, fieldTotals } = segment
    const segmentStart = pairs.length
    for (let c = 0; c < clauseCount; c++) {
      ranges[v * clauseCount + c] = pairs.length
      if (skipped[v]) continue
      const { keys, slots, runs } = reached[c] as (typeof reached)[number]
      const clauseStart = pairs.length
      if (runs) {
        // A prefix's terms sit together in the sorted list: walk that run beside the keys it
        // reaches (sorted alike), comparing bytes, until either ends.
        for (let r = 0; r < runs.length; r++) {
          const run = runs[r] as (typeof runs)[number]
          // A field this segment holds no words in (tags, colours of a document) has no run.
          if (fieldTotals[run.field] === 0 || run.keys.length === 0) continue
          let k = 0
          for (let i = lowerBound(terms, run.start); i < terms.length && k < run.keys.length;) {
            const reachedKey = run.keys[k] as ReachedKey
            const difference = terms.compareBytes(i, reachedKey.bytes)
            if (difference < 0) {
              if (!terms.startsWith(i, run.start)) break
              i++
            } else if (difference > 0) k++
            else {
              pairs.push(i, reachedKey.slot)
              i++
              k++
            }
          }
        }
      } else {
        for (let k = 0; k < keys.length; k++) {
          const slot = slots[k] as number
          if (fieldTotals[slotField[slot] as number] === 0) continue
          const index = findTerm(terms, keys[k] as string)
          if (index >= 0) pairs.push(index, slot)
        }
      }
      // A segment without one of the required words has no result: skip it.
      if (pairs.length === clauseStart && (clauses[c] as QueryClause).presence === 'required') {
        skipped[v] = 1
        pairs.length = segmentStart
        for (let earlier = 0; earlier <= c; earlier++) ranges[v * clauseCount + earlier] = segmentStart
      }
    }
    if (skipped[v]) continue
    // Document frequency of each slot, summed across segments before any scoring.
    for (let j = segmentStart; j < pairs.length; j += 2) {
      const index = pairs.data[j] as number
      const slot = pairs.data[j + 1] as number
      slotFrequency[slot] =
        (slotFrequency[slot] as number) + (offsets[index + 1] as number) - (offsets[index] as number)
    }
  }
  ranges[views.length * clauseCount] = pairs.length

  const marked: string[] = []
  clauses.forEach((clause, c) => {
    if (clause.presence === 'required')
      for (const expansion of expansions[c] as Expansion[]) marked.push(expansion.term)
  })
  return {
    clauses,
    requiredMask: required.length >= 31 ? 0x7fffffff : (1 << required.length) - 1,
    pairs,
    ranges,
    skipped,
    slotField,
    slotWeight,
    slotFrequency,
    marked
  }
}

/** Adds one plan's BM25 scores for one segment into the scratch arrays. */
function scoreSegment(plan: Plan, viewIndex: number, segment: Segment, stats: CollectionStats): boolean {
  if (plan.skipped[viewIndex]) return false
  const rows = segment.rows.length
  const { scores, masks, firsts } = scratch
  scores.fill(0, 0, rows)
  masks.fill(0, 0, rows)
  firsts.fill(-1, 0, rows)
  const { offsets, postingRows, postingFirsts, postingCounts, fieldLengths } = segment
  const { pairs, ranges, clauses } = plan
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c] as QueryClause
    const prohibited = clause.presence === 'prohibited'
    const bit = prohibited ? -1 : 1 << Math.min(c, 30)
    const at = viewIndex * clauses.length + c
    const end = ranges[at + 1] as number
    for (let j = ranges[at] as number; j < end; j += 2) {
      const index = pairs.data[j] as number
      const slot = pairs.data[j + 1] as number
      const field = plan.slotField[slot] as number
      const frequency = plan.slotFrequency[slot] || 1
      const idf = Math.log(1 + Math.abs((stats.rowTotal - frequency + 0.5) / (frequency + 0.5)))
      const factor = idf * (plan.slotWeight[slot] as number) * clause.boost * (fieldBoosts[field] ?? 1)
      const average = stats.averageLength[field] as number
      const last = offsets[index + 1] as number
      for (let p = offsets[index] as number; p < last; p++) {
        const row = postingRows[p] as number
        if (prohibited) {
          masks[row] = -1
          continue
        }
        if (field === 0) {
          const first = postingFirsts[p] as number
          const known = firsts[row] as number
          if (known < 0 || first < known) firsts[row] = first
        }
        const tf = postingCounts[p] as number
        const length = fieldLengths[row * fieldCount + field] as number
        scores[row] =
          (scores[row] as number) + (factor * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / average))
        if ((masks[row] as number) >= 0) masks[row] = (masks[row] as number) | bit
      }
    }
  }
  return true
}

export function searchSegments(
  views: readonly SegmentView[],
  query: ParsedQuery,
  options: EngineOptions = {}
): EngineResult {
  const limit = Math.max(1, Math.min(100, options.limit ?? 20))
  const emptyGroups = (): SearchGroup[] =>
    searchKinds.map((kind) => ({ kind, label: searchKindLabels[kind], count: 0, hits: [] }))
  const main = planQuery(query, views, options.vocabulary, pairListFor(0))
  if (!main) return { groups: emptyGroups(), total: 0 }
  const alternatives = options.alternatives ?? []
  const plans = [
    main,
    ...alternatives.map((alternative, index) =>
      planQuery(alternative.query, views, options.vocabulary, pairListFor(index + 1))
    )
  ]

  // Collection statistics over every segment.
  let rowTotal = 0
  const fieldTotals = new Array<number>(fieldCount).fill(0)
  for (let v = 0; v < views.length; v++) {
    const segment = (views[v] as SegmentView).segment
    rowTotal += segment.rows.length
    segment.fieldTotals.forEach((total, field) => (fieldTotals[field] = (fieldTotals[field] ?? 0) + total))
  }
  const stats: CollectionStats = {
    rowTotal,
    averageLength: fieldTotals.map((total) => (rowTotal > 0 ? Math.max(1, total / rowTotal) : 1))
  }

  // Objects of fixed shape rather than Maps: a frequent word counts tens of thousands of rows.
  const counts: Record<SearchKind, number> = { text: 0, footnote: 0, note: 0, card: 0 }
  const best: Record<SearchKind, Candidate[]> = { text: [], footnote: [], note: [], card: [] }
  for (let viewIndex = 0; viewIndex < views.length; viewIndex++) {
    let wanted = false
    for (let planIndex = 0; planIndex < plans.length; planIndex++)
      if (plans[planIndex]?.skipped[viewIndex] === 0) wanted = true
    // Most segments lack a rare word: they cost no work per row.
    if (!wanted) continue
    const view = views[viewIndex] as SegmentView
    const { segment } = view
    const rows = segment.rows.length
    const { scores, masks, firsts, bestScores, bestFirsts, matchedBy } = scratchFor(rows)
    for (let planIndex = 0; planIndex < plans.length; planIndex++) {
      const plan = plans[planIndex]
      if (!plan || !scoreSegment(plan, viewIndex, segment, stats)) continue
      // A row found by several wordings keeps the best-scoring one.
      for (let row = 0; row < rows; row++) {
        if (masks[row] !== plan.requiredMask) continue
        if ((matchedBy[row] as number) >= 0 && (scores[row] as number) <= (bestScores[row] as number))
          continue
        bestScores[row] = scores[row] as number
        bestFirsts[row] = firsts[row] as number
        matchedBy[row] = planIndex
      }
    }
    for (let row = 0; row < rows; row++) {
      if ((matchedBy[row] as number) < 0) continue
      const indexRow = segment.rows[row] as SegmentRow
      if (view.hidden?.has(indexRow.id) || !passesFilters(indexRow, options.filters)) continue
      counts[indexRow.kind]++
      const top = best[indexRow.kind]
      const score = bestScores[row] as number
      if (top.length === limit && score <= (top[limit - 1] as Candidate).score) continue
      let at = top.length
      while (at > 0 && (top[at - 1] as Candidate).score < score) at--
      top.splice(at, 0, {
        score,
        view: viewIndex,
        row,
        first: bestFirsts[row] as number,
        matchedBy: matchedBy[row] as number
      })
      if (top.length > limit) top.pop()
    }
  }

  const marked = new Set(plans.flatMap((plan) => plan?.marked ?? []))
  let total = 0
  const groups = searchKinds.map((kind): SearchGroup => {
    const count = counts[kind]
    total += count
    const hits = best[kind].map((candidate) =>
      toHit(
        (views[candidate.view] as SegmentView).segment,
        candidate,
        marked,
        candidate.matchedBy > 0 ? (alternatives[candidate.matchedBy - 1]?.label ?? null) : null,
        options
      )
    )
    return { kind, label: searchKindLabels[kind], count, hits }
  })
  return { groups, total }
}

function toHit(
  segment: Segment,
  { score, first, row: rowIndex }: Candidate,
  marked: ReadonlySet<string>,
  matchedAs: string | null,
  options: EngineOptions
): SearchHit {
  const row = segment.rows[rowIndex] as SegmentRow
  // Only a hit's text is read (from storage, for a loaded segment), and only a window of it.
  const { snippet, firstMatch } = snippetAround(segment.textOf(rowIndex), Math.max(0, first), marked)
  const inText = row.kind === 'text' || row.kind === 'footnote'
  return {
    key: `${row.documentId}/${row.id}`,
    kind: row.kind,
    documentId: row.documentId,
    documentTitle: options.titleOf?.(row.documentId) ?? '',
    blockId: row.blockId,
    at: inText && firstMatch !== null ? row.at + firstMatch : row.at,
    section: row.section,
    snippet,
    colour: row.colour,
    tags: row.tags,
    score,
    matchedAs
  }
}
