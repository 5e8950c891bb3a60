// Placing dated events on a time axis: a normalised date (an interval of days) as fractional
// years, the whole-year bounds of a set of events, and the axis's ticks and labels.
//
// The axis counts years astronomically (1 BC is 0, 490 BC is -489), so that the years before and
// after Christ follow one another without the gap of the missing year 0; the labels say "490 BC".

import { astronomicalYear, formatYear, isLeapYear, nextDay, parseDay } from '../extraction/calendar'
import type { NormalisedDate } from '../extraction/types'

const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

/** A day (`YYYY-MM-DD`, negative BC) as a fractional year on the axis: the start of that day. */
export function fractionalYear(day: string): number {
  const { year, month, day: date } = parseDay(day)
  const leap = isLeapYear(year)
  const dayOfYear = (daysBeforeMonth[month - 1] ?? 0) + (month > 2 && leap ? 1 : 0) + date - 1
  return astronomicalYear(year) + dayOfYear / (leap ? 366 : 365)
}

/** The interval a date covers on the axis, end exclusive (a year covers [1966, 1967)). */
export function dateSpan(date: NormalisedDate): { from: number; to: number } {
  return { from: fractionalYear(date.start), to: fractionalYear(nextDay(date.end)) }
}

/** Whole years around every span: the axis's ends (astronomical years, as on the axis). */
export function axisBounds(spans: readonly { from: number; to: number }[]): {
  firstYear: number
  lastYear: number
} {
  if (spans.length === 0) return { firstYear: 0, lastYear: 0 }
  const firstYear = Math.floor(Math.min(...spans.map((span) => span.from)))
  const lastYear = Math.ceil(Math.max(...spans.map((span) => span.to)))
  return { firstYear, lastYear: lastYear > firstYear ? lastYear : firstYear + 1 }
}

/** The year an axis position falls in, as a reader writes it: -489 → "490 BC", 1948 → "1948". */
export function axisYearLabel(axisYear: number): string {
  const whole = Math.floor(axisYear)
  return formatYear(whole <= 0 ? whole - 1 : whole)
}

function tickStep(span: number): number {
  for (const step of [1, 5, 10, 50, 100, 500, 1000]) if (span / step <= 12) return step
  return 1000
}

/**
 * Ticks for an axis from `firstYear` to `lastYear` (astronomical): round years as a reader counts
 * them ("500 BC", "450 BC", "1950"), each placed at the start of its year.
 */
export function axisTicks(firstYear: number, lastYear: number): { at: number; label: string }[] {
  const step = tickStep(Math.max(1, lastYear - firstYear))
  const ticks: { at: number; label: string }[] = []
  // Historical years (negative BC) that are multiples of the step, within the axis.
  const firstHistorical = firstYear <= 0 ? firstYear - 1 : firstYear
  for (let year = Math.ceil(firstHistorical / step) * step; ; year += step) {
    if (year === 0) continue
    const at = astronomicalYear(year)
    if (at > lastYear) break
    if (at >= firstYear) ticks.push({ at, label: formatYear(year) })
  }
  return ticks
}
