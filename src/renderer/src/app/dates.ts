// One way to write a date on every screen: the system's locale through Intl ("30 Nov 2026",
// "Nov 30, 2026"), never a hand-made "30/11", a numeric "11/30/2026" or an ISO "2026-11-30".

const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
const dayTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit'
})
const shortDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })

/** A moment's day (milliseconds since 1970), with its year. */
export function formatDay(time: number): string {
  return dayFormat.format(new Date(time))
}

/** A moment with its day and time of day, for backups made several times a day. */
export function formatDayTime(time: number): string {
  return dayTimeFormat.format(new Date(time))
}

/** A local calendar day (YYYY-MM-DD) without its year, for a chart's axis: "30 Nov". */
export function formatShortDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  return shortDayFormat.format(new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1))
}
