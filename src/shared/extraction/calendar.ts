// Calendar arithmetic shared by the date finders: month names and numbers, days written
// `YYYY-MM-DD`, and the intervals of whole months and years.

import type { NormalisedDate } from './types'

/** Month names as written in prose, full or abbreviated, for use inside a RegExp. */
export const monthNames =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?'

const monthIndex: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12
}

/** 1–12 for a month name matched by `monthNames`. */
export function monthNumber(name: string): number {
  return monthIndex[name.slice(0, 3).toLowerCase()] as number
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** A day written `YYYY-MM-DD`, so that days sort as strings. */
export function day(year: number, month: number, dayOfMonth: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`
}

export function isPlausibleYear(year: number): boolean {
  return year >= 1000 && year <= 2099
}

/** The interval of whole years [from, to]. */
export function yearsInterval(
  from: number,
  to: number,
  precision: NormalisedDate['precision']
): NormalisedDate {
  return { start: day(from, 1, 1), end: day(to, 12, 31), precision }
}

/**
 * The interval from the first day of month `from` to the last day of month `to`, both counted
 * from January of `year` (so 14 is February of the next year: winters straddle two years).
 */
export function monthsInterval(
  year: number,
  from: number,
  to: number,
  precision: NormalisedDate['precision']
): NormalisedDate {
  const endYear = year + Math.floor((to - 1) / 12)
  const endMonth = ((to - 1) % 12) + 1
  return {
    start: day(year + Math.floor((from - 1) / 12), ((from - 1) % 12) + 1, 1),
    end: day(endYear, endMonth, lastDayOfMonth(endYear, endMonth)),
    precision
  }
}
