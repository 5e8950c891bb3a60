// Calendar days in local time, for daily limits and per-day statistics. Arithmetic goes through
// Date so that a day with a daylight-saving change is still one day.

/** Epoch ms of the local midnight that starts the day holding `time`. */
export function startOfDay(time: number): number {
  const date = new Date(time)
  date.setHours(0, 0, 0, 0)
  return date.getTime()
}

/** The local midnight `days` days after the day holding `time` (negative goes back). */
export function addDays(time: number, days: number): number {
  const date = new Date(startOfDay(time))
  date.setDate(date.getDate() + days)
  return date.getTime()
}

/** The local calendar day holding `time`, as YYYY-MM-DD. */
export function dayKey(time: number): string {
  const date = new Date(time)
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}
