// Calendar arithmetic shared by the date finders: month names and numbers, days written
// `YYYY-MM-DD`, and the intervals of whole months and years.
//
// Years are numbered as historians number them: 490 BC is -490, AD 1 is 1, and there is no year
// 0. A day before AD 1 is written with a minus sign ("-0490-09-12"), so days must be compared with
// `compareDays` (as numbers), never as strings. Arithmetic across the BC/AD boundary goes
// through the astronomical year (1 BC = 0), and the calendar is the proleptic Gregorian one, as
// in ISO 8601.

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

/** The earliest and latest years a text's date is read as: 3000 BC to AD 2100. */
export const earliestYear = -3000
export const latestYear = 2100

/** 1 BC is 0, 2 BC is -1: the numbering in which years can be added and subtracted. */
export function astronomicalYear(year: number): number {
  return year < 0 ? year + 1 : year
}

/** `count` years after `year` (before it when negative), skipping the year 0 that does not exist. */
export function addYears(year: number, count: number): number {
  const astronomical = astronomicalYear(year) + count
  return astronomical <= 0 ? astronomical - 1 : astronomical
}

export function isLeapYear(year: number): boolean {
  const astronomical = astronomicalYear(year)
  return (astronomical % 4 === 0 && astronomical % 100 !== 0) || astronomical % 400 === 0
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function lastDayOfMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (monthLengths[month - 1] as number)
}

/** A day written `YYYY-MM-DD`, with a minus sign before a year BC: "-0490-09-12" is 12 September 490 BC. */
export function day(year: number, month: number, dayOfMonth: number): string {
  return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`
}

export interface CalendarDay {
  /** Negative before AD 1; never 0. */
  year: number
  month: number
  day: number
}

/** The parts of a day written by `day` (or a plain `YYYY-MM-DD`), as numbers. */
export function parseDay(text: string): CalendarDay {
  const match = /^(-?)(\d+)-(\d{1,2})-(\d{1,2})$/.exec(text)
  if (!match) return { year: 0, month: 1, day: 1 }
  const year = Number(match[2]) * (match[1] === '-' ? -1 : 1)
  return { year, month: Number(match[3]), day: Number(match[4]) }
}

export function yearOf(text: string): number {
  return parseDay(text).year
}

/** Orders two days as numbers: negative when `left` is earlier. */
export function compareDays(left: string, right: string): number {
  const a = parseDay(left)
  const b = parseDay(right)
  return a.year - b.year || a.month - b.month || a.day - b.day
}

/** The day after `text`, as `day` writes it. */
export function nextDay(text: string): string {
  const { year, month, day: date } = parseDay(text)
  if (date < lastDayOfMonth(year, month)) return day(year, month, date + 1)
  return month < 12 ? day(year, month + 1, 1) : day(addYears(year, 1), 1, 1)
}

/** A year as a reader writes it: "490 BC", "AD 150", "1948". */
export function formatYear(year: number): string {
  if (year < 0) return `${-year} BC`
  return year < 1000 ? `AD ${year}` : String(year)
}

/** The years from `from` to `to` as a reader writes them: "1966–1972", "459–450 BC", "31 BC–AD 14". */
export function formatYears(from: number, to: number): string {
  if (from === to) return formatYear(from)
  if (from < 0 && to < 0) return `${-from}–${-to} BC`
  if (from > 0 && to > 0 && to < 1000) return `AD ${from}–${to}`
  return `${formatYear(from)}–${formatYear(to)}`
}

/** A year a text may name: 3000 BC to AD 2100 (there is no year 0). */
export function isPlausibleYear(year: number): boolean {
  return year >= earliestYear && year <= latestYear && year !== 0
}

/**
 * A four-digit number read as a year without an era ("1948", "the 1960s"): AD 1000 to 2100.
 * Earlier years are read only with an era ("AD 800", "490 BC") or a century.
 */
export function isPlausibleBareYear(year: number): boolean {
  return year >= 1000 && year <= latestYear
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
  const endYear = addYears(year, Math.floor((to - 1) / 12))
  const endMonth = ((to - 1) % 12) + 1
  return {
    start: day(addYears(year, Math.floor((from - 1) / 12)), ((from - 1) % 12) + 1, 1),
    end: day(endYear, endMonth, lastDayOfMonth(endYear, endMonth)),
    precision
  }
}
