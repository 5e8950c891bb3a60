// Placing dated events on a time axis: a normalised date (an interval of days) as fractional
// years, and the whole-year bounds of a set of events.

import type { NormalisedDate } from '../extraction/types'

const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** A `YYYY-MM-DD` day as a fractional year: the start of that day. */
export function fractionalYear(day: string): number {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number)
  const dayOfYear = (daysBeforeMonth[month - 1] ?? 0) + (month > 2 && isLeap(year) ? 1 : 0) + date - 1
  return year + dayOfYear / (isLeap(year) ? 366 : 365)
}

/** The interval a date covers on the axis, end exclusive (a year covers [1966, 1967)). */
export function dateSpan(date: NormalisedDate): { from: number; to: number } {
  const [year = 0, month = 1, day = 1] = date.end.split('-').map(Number)
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
  return { from: fractionalYear(date.start), to: fractionalYear(next) }
}

/** Whole years around every span: the axis's ends. */
export function axisBounds(spans: readonly { from: number; to: number }[]): {
  firstYear: number
  lastYear: number
} {
  if (spans.length === 0) return { firstYear: 0, lastYear: 0 }
  const firstYear = Math.floor(Math.min(...spans.map((span) => span.from)))
  const lastYear = Math.ceil(Math.max(...spans.map((span) => span.to)))
  return { firstYear, lastYear: lastYear > firstYear ? lastYear : firstYear + 1 }
}
