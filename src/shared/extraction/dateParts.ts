// Parts of months and years, and seasons: "late July 1948", "the end of May 1949", "mid-1949",
// "the spring of 1949", "winter 1946–47". The expression is what a historian would write on
// the card's back, so it keeps the qualifier ("late July 1948", never just "July 1948") but not
// the article in front ("spring of 1949", like "late 1980s").
//
// Ranges, chosen so the written words always fall inside them:
// - a part of a month: early / beginning / start = days 1–10, mid / middle = 11–20, late / end =
//   21 to the month's last day;
// - a part of a year: thirds of the year, early = January–April, mid = May–August, late =
//   September–December (the same words, the same thirds, as for a month);
// - a season: the meteorological seasons of the northern hemisphere, where most history in
//   English is set: spring = March–May, summer = June–August, autumn/fall = September–November,
//   winter = December to February of the next year; "early/mid/late summer" is one of its months.
//   A lone "winter of 1947" is ambiguous (the winter opening 1947 or the one closing it): it is
//   read as the one that begins in December 1947, the usual way ("winter of 1941–42"), with a
//   note for the card to carry as a warning. "winter 1946–47" names both years and needs none.

import { isPlausibleBareYear, lastDayOfMonth, day, monthNames, monthNumber, monthsInterval } from './calendar'
import type { NormalisedDate } from './types'

export interface DatePart {
  start: number
  end: number
  date: NormalisedDate
  note?: string
}

/** Either case of a word's first letter: "Late July" opens a sentence, "late July" does not. */
const word = (words: string): string =>
  words
    .split('|')
    .map((item) => `[${item.charAt(0).toUpperCase()}${item.charAt(0)}]${item.slice(1)}`)
    .join('|')

const qualifier = `(?:(${word('early|mid|late')})(?:-|–|\\s+)|(${word('beginning|start|middle|end')})\\s+of\\s+)`
const notDecade = `(?!['’]?s\\b)`
const partOfMonthPattern = new RegExp(`\\b${qualifier}(${monthNames})\\.?,?\\s+(\\d{4})\\b${notDecade}`, 'g')
const partOfYearPattern = new RegExp(`\\b${qualifier}(\\d{4})\\b${notDecade}(?![–-]\\d)`, 'g')
const seasonPattern = new RegExp(
  `\\b(?:(${word('early|mid|late')})(?:-|–|\\s+))?(${word('spring|summer|autumn|fall|winter')})` +
    `(?:\\s+of)?\\s+(\\d{4})(?:(\\s*[–/-]\\s*)(\\d{4}|\\d{2}))?\\b${notDecade}`,
  'g'
)

/** Capitalised words that open a phrase without being a name: "In Spring 1968" is a season. */
const openingWords =
  /^(?:In|By|The|During|From|Until|Till|Since|Before|After|Of|That|This|Last|Next|Each|Every|Through|Throughout|Around|About)$/

/** True when `before` ends with a capitalised word that belongs to a name ("the Prague "). */
function namePrecedes(before: string): boolean {
  const previous = /(\p{Lu}\p{L}*)\s+$/u.exec(before)?.[1]
  return previous !== undefined && !openingWords.test(previous)
}

/** 0 = the first part (early, beginning, start), 1 = the middle, 2 = the last (late, end). */
function third(qualifierWord: string): 0 | 1 | 2 {
  const lower = qualifierWord.toLowerCase()
  if (lower === 'mid' || lower === 'middle') return 1
  return lower === 'late' || lower === 'end' ? 2 : 0
}

const seasonStart: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 }

/** The parts of months, parts of years and seasons written in `text`, in text order. */
export function findDateParts(text: string): DatePart[] {
  const found: DatePart[] = []

  for (const match of text.matchAll(partOfMonthPattern)) {
    const year = Number(match[4])
    if (!isPlausibleBareYear(year)) continue
    const month = monthNumber(match[3] as string)
    const part = third((match[1] ?? match[2]) as string)
    const first = [1, 11, 21][part] as number
    const last = part === 2 ? lastDayOfMonth(year, month) : first + 9
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      date: { start: day(year, month, first), end: day(year, month, last), precision: 'part-of-month' }
    })
  }

  for (const match of text.matchAll(partOfYearPattern)) {
    const year = Number(match[3])
    if (!isPlausibleBareYear(year)) continue
    const from = third((match[1] ?? match[2]) as string) * 4 + 1
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      date: monthsInterval(year, from, from + 3, 'part-of-year')
    })
  }

  for (const match of text.matchAll(seasonPattern)) {
    const year = Number(match[3])
    if (!isPlausibleBareYear(year)) continue
    // "the Prague Spring of 1968", "the Arab Spring": a capitalised season after a name is an event.
    if (/^\p{Lu}/u.test(match[1] ?? (match[2] as string)) && namePrecedes(text.slice(0, match.index)))
      continue
    const season = (match[2] as string).toLowerCase()
    const tail = match[5]
    const nextYear =
      tail === undefined ? null : Number(tail.length === 2 ? String(year).slice(0, 2) + tail : tail)
    // "winter 1946–47" names the two years a winter straddles; any other range is not a season's.
    const straddles = season === 'winter' && nextYear === year + 1
    const end =
      match.index +
      match[0].length -
      (tail !== undefined && !straddles ? (match[4] as string).length + tail.length : 0)
    const from = (seasonStart[season] as number) + (match[1] ? third(match[1]) : 0)
    const date = monthsInterval(year, from, match[1] ? from : from + 2, 'part-of-year')
    const part: DatePart = { start: match.index, end, date }
    if (season === 'winter' && !straddles) {
      part.note = `"${text.slice(match.index, end)}" may mean the winter at the start of ${year}; read as the one from December ${year}`
    }
    found.push(part)
  }

  return found.sort((left, right) => left.start - right.start)
}
