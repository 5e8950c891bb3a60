// Dates as older prose and histories of antiquity write them: years with an era ("490 BC",
// "AD 800", "c. AD 150", "September 480 BC", "the 450s BC", "499–404 BC"), centuries ("the
// twelfth century", "the fifth century BC", "the middle of the eighteenth century"), and the
// day forms of nineteenth-century official prose ("the 29th day of December, 1845", "the 3d of
// March, 1845", "the 13th day of May last").
//
// Years BC are negative (calendar.ts). A century is a hundred years counted from its year 1: the
// twelfth century is 1101–1200, the fifth century BC 500–401 BC. Its parts are thirds, as for a
// decade (early = its first 33 years, mid = the next 33, late = the last 34), or halves.

import {
  addYears,
  day,
  isPlausibleBareYear,
  isPlausibleYear,
  monthNames,
  monthNumber,
  monthsInterval,
  yearsInterval
} from './calendar'
import type { NormalisedDate } from './types'

export interface OlderDate {
  start: number
  end: number
  date: NormalisedDate
  note?: string
}

export interface OlderDateOptions {
  /** The latest year the document names: "the 13th day of May last" is read in it. */
  latestYear?: number
}

const eraBefore = 'BCE|BC|B\\.C\\.E\\.|B\\.C\\.'
const eraAfter = 'AD|A\\.D\\.|CE|C\\.E\\.'
/** "c. AD 150", "around 484 BC": the qualifier stays in the expression, as "late" does in "late 1980s". */
const approximately = '(?:(?:[Cc]\\.|[Cc]a\\.|[Cc]irca|[Aa]round|[Aa]bout)\\s+)'
const eraPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${approximately})?(?:(\\d{1,2})\\s+)?(?:(${monthNames})\\.?,?\\s+)?(?:(AD|A\\.D\\.)\\s+)?` +
    `(\\d{1,4})(?:\\s*[–-]\\s*(\\d{1,4}))?(['’]?s)?(?:\\s*(${eraBefore}|${eraAfter}))?(?![\\p{L}\\p{N}])`,
  'gu'
)

const ordinals = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first'
]
const centuryPattern = new RegExp(
  // Only after "the": "the twelfth century" is a time; "twelfth century manuscripts" describes things.
  `(?<=\\b[Tt]he\\s+)(?:([Ee]arly|[Mm]id|[Ll]ate)(?:-|\\s+)|([Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd|` +
    `[Ff]irst half|[Ss]econd half)\\s+of\\s+the\\s+)?(${ordinals.join('|')}|\\d{1,2}(?:st|nd|rd|th))\\s+` +
    `century(?:\\s+(${eraBefore}|${eraAfter}))?(?![\\p{L}\\p{N}-])`,
  'gu'
)

const dayFormPattern = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|d)\\s+(?:day\\s+of\\s+|of\\s+)?(${monthNames})\\.?,?\\s+(?:(\\d{4})\\b|(last)\\b)`,
  'g'
)

function isBeforeChrist(era: string | undefined): boolean {
  return era !== undefined && /^B/.test(era)
}

/** Years "490 BC", "AD 800", "September 480 BC", "the 450s BC", "499–404 BC": only with an era. */
function eraDates(text: string): OlderDate[] {
  const found: OlderDate[] = []
  for (const match of text.matchAll(eraPattern)) {
    const [, , dayText, monthText, anno, firstText, secondText, plural, era] = match
    if (!anno && !era) continue
    // "AD 150 BC" cannot be; "AD" written before and "AD" after is no better.
    if (anno && era) continue
    const sign = isBeforeChrist(era) ? -1 : 1
    const first = sign * Number(firstText)
    const second = secondText === undefined ? null : sign * Number(secondText)
    if (!isPlausibleYear(first) || (second !== null && !isPlausibleYear(second))) continue
    let date: NormalisedDate
    if (plural) {
      if (second !== null || monthText || Number(firstText) % 10 !== 0) continue
      // "the 450s BC" runs from 459 BC down to 450 BC; "the AD 870s" from 870 to 879.
      date = sign < 0 ? yearsInterval(first - 9, first, 'decade') : yearsInterval(first, first + 9, 'decade')
    } else if (second !== null) {
      if (monthText || second <= first) continue
      date = yearsInterval(first, second, 'year')
    } else if (monthText) {
      const month = monthNumber(monthText)
      if (dayText) {
        const dayOfMonth = Number(dayText)
        date = { start: day(first, month, dayOfMonth), end: day(first, month, dayOfMonth), precision: 'day' }
      } else date = monthsInterval(first, month, month, 'month')
    } else {
      if (dayText) continue
      date = yearsInterval(first, first, 'year')
    }
    found.push({ start: match.index, end: match.index + match[0].length, date })
  }
  return found
}

function centuryNumber(written: string): number {
  const index = ordinals.indexOf(written.toLowerCase())
  return index >= 0 ? index + 1 : Number.parseInt(written, 10)
}

/** "the twelfth century", "the fifth century BC", "the middle of the eighteenth century". */
function centuries(text: string): OlderDate[] {
  const found: OlderDate[] = []
  for (const match of text.matchAll(centuryPattern)) {
    const [, third, part, ordinal, era] = match
    const number = centuryNumber(ordinal as string)
    if (number < 1 || number > 30) continue
    const beforeChrist = isBeforeChrist(era)
    if (!beforeChrist && number > 21) continue
    // Years counted from the century's start: the first year of the fifth century BC is 500 BC.
    const firstYear = beforeChrist ? -number * 100 : (number - 1) * 100 + 1
    const qualifier = (third ?? part ?? '').toLowerCase()
    const [from, to] =
      qualifier === 'early' || qualifier === 'beginning' || qualifier === 'start'
        ? [0, 32]
        : qualifier === 'mid' || qualifier === 'middle'
          ? [33, 65]
          : qualifier === 'late' || qualifier === 'end'
            ? [66, 99]
            : qualifier === 'first half'
              ? [0, 49]
              : qualifier === 'second half'
                ? [50, 99]
                : [0, 99]
    const precision = qualifier === '' ? 'century' : 'part-of-century'
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      date: yearsInterval(addYears(firstYear, from), addYears(firstYear, to), precision)
    })
  }
  return found
}

/** "the 29th day of December, 1845", "the 3d of March, 1845", "the 13th day of May last". */
function dayForms(text: string, options: OlderDateOptions): OlderDate[] {
  const found: OlderDate[] = []
  for (const match of text.matchAll(dayFormPattern)) {
    const [, dayText, monthText, yearText, last] = match
    const year = last ? options.latestYear : Number(yearText)
    if (year === undefined || !isPlausibleBareYear(year)) continue
    const month = monthNumber(monthText as string)
    const dayOfMonth = Number(dayText)
    if (dayOfMonth < 1 || dayOfMonth > 31) continue
    const date: NormalisedDate = {
      start: day(year, month, dayOfMonth),
      end: day(year, month, dayOfMonth),
      precision: 'day'
    }
    const older: OlderDate = { start: match.index, end: match.index + match[0].length, date }
    if (last) older.note = `"${match[0]}" names no year; read in ${year}, the latest year the text names`
    found.push(older)
  }
  return found
}

/** The dates of older prose in `text`, in text order (they may overlap; the caller keeps the first). */
export function findOlderDates(text: string, options: OlderDateOptions = {}): OlderDate[] {
  return [...dayForms(text, options), ...eraDates(text), ...centuries(text)].sort(
    (left, right) => left.start - right.start
  )
}
