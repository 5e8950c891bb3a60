// Finding and normalising date expressions in prose: the dates of older prose (olderDates.ts:
// years with an era, centuries, "the 29th day of December, 1845"), full dates (chrono-node, which
// knows the many ways of writing a day), parts of months and years and seasons (dateParts.ts),
// month–year, year ranges, decades and their parts ("mid-1960s"), and bare years, approximate
// ones ("c. 1200") included. chrono-node has no notion of decades or bare years, so those are
// matched here with anchored patterns that refuse numbers which are quantities ("2000 troops",
// "No. 1972").

import * as chrono from 'chrono-node'
import { day, isPlausibleBareYear, monthNames, monthNumber, monthsInterval, yearsInterval } from './calendar'
import { findDateParts } from './dateParts'
import { findOlderDates } from './olderDates'
import { bibliographicSpans, overlapsAny, type Span } from './sources'
import type { DateMatch, NormalisedDate } from './types'

export interface FindDatesOptions {
  /**
   * Decades the document writes correctly ("1960s"): the evidence that lets a slip such as
   * "1906s" be read as the decade with its last two digits swapped. Without it, "1906s" is read
   * as the decade it falls in, with a note.
   */
  decadesInText?: ReadonlySet<number>
  /** The latest year the document names, for "the 13th day of May last". */
  latestYear?: number
  /** Spans (relative to the text) to leave alone, in addition to bibliographic references. */
  exclude?: Span[]
}

const monthYearPattern = new RegExp(`\\b(${monthNames})\\.?,?\\s+(\\d{4})\\b(?!['’]?s\\b)`, 'g')
const monthRangePattern = new RegExp(
  `\\b(between\\s+)?(${monthNames})\\.?\\s*(?:and|to|–|-)\\s*(${monthNames})\\.?,?\\s+(\\d{4})\\b`,
  'g'
)
const rangePattern =
  /\b(?:([Bb]etween|[Ff]rom)\s+)?(\d{4})(\s*(?:–|—|-|\bto\b|\band\b)\s*)(\d{4}|\d{2})\b(?![–-]\d|['’]?s\b)/g
const partOfDecadePattern = /\b(early|mid|late)(?:-|–|\s+)(\d{4})['’]?s\b/gi
const decadePattern = /\b(\d{4})['’]?s\b/g
const yearPattern = /\b(\d{4})\b/g
const quantityAfter =
  /^\s*(?:troops|people|soldiers|men|women|children|km|kilometres|kilometers|miles|metres|meters|feet|tons|tonnes|dollars|pounds|won|yen|yuan|members|copies|pages|words|households|persons|casualties|deaths|prisoners|votes|units|cases|%|per\s?cent)\b/i
const quantityBefore = /(?:[$£€¥#№]|\bNo\.?|\bpp?\.|\bpage|\bnumber|\bparagraph|\bsection|\barticle)\s*$/i
const leadingWords = /^(?:(?:on|in|at|since|from|by|of|the|until|till|before|after|during)\s+)+/i
/** "c. 1200", "around 1514": the qualifier belongs to the expression. */
const approximatelyBefore = /(?:\b(?:[Cc]|[Cc]a)\.|\b(?:[Cc]irca|[Aa]round|[Aa]bout))\s+$/

export { yearsInterval }

/** Years of a decade part: early = 0–3, mid = 4–6, late = 7–9. */
function decadePart(decade: number, part: string): NormalisedDate {
  const offsets: Record<string, [number, number]> = { early: [0, 3], mid: [4, 6], late: [7, 9] }
  const [from, to] = offsets[part.toLowerCase()] ?? [0, 9]
  return yearsInterval(decade + from, decade + to, 'part-of-decade')
}

/**
 * How to read "NNNNs". A multiple of ten is a decade. Anything else ("1906s") is a slip. It is
 * read as the decade with its last two digits swapped (1960s, the usual typing/OCR transposition)
 * only when the text writes that decade elsewhere; otherwise as the decade it falls in (1900s).
 */
function readDecade(
  written: number,
  decadesInText: ReadonlySet<number> | undefined
): { decade: number; note?: string } {
  if (written % 10 === 0) return { decade: written }
  const digits = String(written).padStart(4, '0')
  const swapped = Number(digits.slice(0, 2) + digits[3] + digits[2])
  const decade = swapped % 10 === 0 && decadesInText?.has(swapped) ? swapped : written - (written % 10)
  return { decade, note: `"${written}s" is not a decade; read as the ${decade}s` }
}

/** Finds the date expressions of `text`, in text order, none overlapping. */
export function findDateExpressions(text: string, options: FindDatesOptions = {}): DateMatch[] {
  const matches: DateMatch[] = []
  const blocked: Span[] = [...bibliographicSpans(text), ...(options.exclude ?? [])]
  const taken = (start: number, end: number): boolean =>
    overlapsAny(blocked, start, end) || matches.some((match) => start < match.end && end > match.start)
  const add = (start: number, end: number, date: NormalisedDate, note?: string): void => {
    if (taken(start, end)) return
    const match: DateMatch = { expression: text.slice(start, end), start, end, date }
    if (note) match.note = note
    matches.push(match)
  }

  // 0. The dates of older prose: "the 29th day of December, 1845" before chrono-node reads only
  // "December, 1845" of it; years with an era, centuries.
  const olderOptions = options.latestYear === undefined ? {} : { latestYear: options.latestYear }
  for (const older of findOlderDates(text, olderOptions)) add(older.start, older.end, older.date, older.note)

  // 1. Full dates, in any of the ways chrono-node knows; only those with a certain year and day.
  for (const result of chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const begin = result.start
    // Relative expressions ("two days later") get a year from the reference date: only a year
    // that is written counts.
    if (!/\b\d{4}\b/.test(result.text)) continue
    if (!begin.isCertain('year') || !begin.isCertain('month') || !begin.isCertain('day')) continue
    const lead = leadingWords.exec(result.text)?.[0].length ?? 0
    const start = result.index + lead
    const year = begin.get('year') as number
    const finish = result.end ?? begin
    const first = day(year, begin.get('month') as number, begin.get('day') as number)
    const last = day(finish.get('year') as number, finish.get('month') as number, finish.get('day') as number)
    add(start, result.index + result.text.length, { start: first, end: last, precision: 'day' })
  }

  // 2. Parts of months and years and seasons ("late July 1948", "the spring of 1949"), before
  // the month or year inside them is taken alone; then months of one year ("between August and
  // November 1947", "March–May 1974"), then a month and year ("August 1956").
  for (const part of findDateParts(text)) add(part.start, part.end, part.date, part.note)
  for (const match of text.matchAll(monthRangePattern)) {
    const year = Number(match[4])
    const first = monthNumber(match[2] as string)
    const last = monthNumber(match[3] as string)
    if (!isPlausibleBareYear(year) || last <= first) continue
    add(match.index, match.index + match[0].length, monthsInterval(year, first, last, 'month'))
  }
  for (const match of text.matchAll(monthYearPattern)) {
    const year = Number(match[2])
    const month = monthNumber(match[1] as string)
    if (isPlausibleBareYear(year))
      add(match.index, match.index + match[0].length, monthsInterval(year, month, month, 'month'))
  }

  // 3. Ranges of years ("1966–1972", "1966–72", "between 1972 and 1987", "from 1966 to 1972").
  for (const match of text.matchAll(rangePattern)) {
    const prefix = match[1]
    const joiner = (match[3] as string).trim()
    // "and" joins two years into a range only after "between"; "1972 and 1987" alone is two years.
    if (joiner === 'and' && prefix?.toLowerCase() !== 'between') continue
    const from = Number(match[2])
    const tail = match[4] as string
    const to = tail.length === 2 ? Math.floor(from / 100) * 100 + Number(tail) : Number(tail)
    if (isPlausibleBareYear(from) && isPlausibleBareYear(to) && to > from && to - from < 200) {
      // "between" belongs to the expression (its "and" needs it); "from" does not.
      const start =
        prefix?.toLowerCase() === 'from' ? match.index + match[0].indexOf(match[2] as string) : match.index
      add(start, match.index + match[0].length, yearsInterval(from, to, 'year'))
    }
  }

  // 4. Parts of decades ("mid-1960s", "the early 1970s") and 5. decades ("the 1960s").
  for (const match of text.matchAll(partOfDecadePattern)) {
    const written = Number(match[2])
    if (!isPlausibleBareYear(written)) continue
    const { decade, note } = readDecade(written, options.decadesInText)
    add(match.index, match.index + match[0].length, decadePart(decade, match[1] as string), note)
  }
  for (const match of text.matchAll(decadePattern)) {
    const written = Number(match[1])
    if (!isPlausibleBareYear(written)) continue
    const { decade, note } = readDecade(written, options.decadesInText)
    add(match.index, match.index + match[0].length, yearsInterval(decade, decade + 9, 'decade'), note)
  }

  // 6. Bare years, unless the number is a quantity, a reference number or part of a larger number.
  for (const match of text.matchAll(yearPattern)) {
    const year = Number(match[1])
    const start = match.index
    const end = start + 4
    if (!isPlausibleBareYear(year)) continue
    const before = text.slice(Math.max(0, start - 12), start)
    const after = text.slice(end, end + 24)
    if (/[\d.,:/]$/.test(before) && /\d[.,:/]$/.test(before)) continue
    if (/^[.,:/]\d/.test(after) || quantityBefore.test(before) || quantityAfter.test(after)) continue
    const approximately = approximatelyBefore.exec(before)?.[0].length ?? 0
    add(start - approximately, end, yearsInterval(year, year, 'year'))
  }

  return matches.sort((left, right) => left.start - right.start)
}

/** Reads one date expression on its own ("mid-1960s" → 1964–1966); null when it is not one. */
export function parseDateExpression(
  expression: string,
  options: FindDatesOptions = {}
): NormalisedDate | null {
  const trimmed = expression.trim()
  const [match] = findDateExpressions(trimmed, options)
  if (!match || match.start > 4 || match.end < trimmed.length) return null
  return match.date
}
