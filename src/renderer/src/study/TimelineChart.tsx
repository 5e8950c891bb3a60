// The timeline's chart: one row per precision (days, months, years, decades, centuries), every
// event's mark labelled beside it without hovering, dense stretches grouped ("+3", a click zooms
// in on them), zoom buttons that widen the chart inside a sideways-scrolling frame, and a legend
// that says what the rows, colours and shapes mean. Label placement is src/shared/study/timelineLayout.
import { useLayoutEffect, useRef, useState } from 'react'
import type { DatePrecision } from '../../../shared/extraction/types'
import { axisTicks, axisYearLabel } from '../../../shared/study/timeline'
import { groupLabel, layoutLane, stepZoom, zoomLevels } from '../../../shared/study/timelineLayout'
import type { Timeline, TimelineEvent } from '../../../shared/study/types'
import { passageHref } from './routes'

export const timelineRows: { label: string; meaning: string; precisions: DatePrecision[] }[] = [
  { label: 'Days', meaning: 'dated to the day', precisions: ['day'] },
  { label: 'Months', meaning: 'to a month or part of one', precisions: ['month', 'part-of-month'] },
  { label: 'Years', meaning: 'to a year or part of one', precisions: ['year', 'part-of-year'] },
  { label: 'Decades', meaning: 'to a decade ("the 1950s")', precisions: ['decade', 'part-of-decade'] },
  { label: 'Centuries', meaning: 'to a century', precisions: ['century', 'part-of-century'] }
]

const lineHeight = 22
const rowPadding = 8
const axisHeight = 30
const edge = 14
/** Room after the last event for a group's "+N" or a label written to its left. */
const rightRoom = 36

/**
 * Events said the same way of the same date ("1972" in three sentences) as one mark: the first
 * with how many there are. The Events list below keeps every sentence.
 */
function sameMoments(events: readonly TimelineEvent[]): [TimelineEvent, number][] {
  const byMoment = new Map<string, [TimelineEvent, number]>()
  for (const event of events) {
    const key = `${event.from}|${event.to}|${event.expression}|${event.origin}`
    const seen = byMoment.get(key)
    if (seen) seen[1]++
    else byMoment.set(key, [event, 1])
  }
  return [...byMoment.values()]
}

const countedLabel = (event: TimelineEvent, count: number): string =>
  count > 1 ? `${event.expression} ×${count}` : event.expression

function openEvent(documentId: string, event: TimelineEvent): void {
  if (event.at !== null) window.location.hash = passageHref(documentId, event.at)
}

export function TimelineChart({ timeline }: { timeline: Timeline }) {
  const { firstYear, lastYear, documentId } = timeline
  const [zoom, setZoom] = useState(1)
  const [fitWidth, setFitWidth] = useState(860)
  const frame = useRef<HTMLDivElement>(null)
  /** The year to keep in the middle of the frame after a zoom. */
  const keepCentred = useRef<number | null>(null)
  const rows = timelineRows
    .map((row) => ({
      ...row,
      events: timeline.events.filter((event) => row.precisions.includes(event.precision))
    }))
    .filter((row) => row.events.length > 0)

  useLayoutEffect(() => {
    const element = frame.current
    if (!element) return
    const measure = (): void => setFitWidth(Math.max(320, element.clientWidth))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const width = Math.round(fitWidth * zoom)
  const span = Math.max(1, lastYear - firstYear)
  const x = (year: number): number => edge + ((year - firstYear) / span) * (width - edge - rightRoom)
  const yearAt = (pixel: number): number => firstYear + ((pixel - edge) / (width - edge - rightRoom)) * span

  useLayoutEffect(() => {
    const element = frame.current
    if (!element || keepCentred.current === null) return
    element.scrollLeft = x(keepCentred.current) - element.clientWidth / 2
    keepCentred.current = null
  })

  const zoomTo = (next: number, aroundYear?: number): void => {
    const element = frame.current
    keepCentred.current =
      aroundYear ??
      (element ? yearAt(element.scrollLeft + element.clientWidth / 2) : (firstYear + lastYear) / 2)
    setZoom(next)
  }

  const byId = new Map(timeline.events.map((event) => [event.id, event]))
  /** Each mark's label, by the id of its (first) event. */
  const labelOf = new Map<string, string>()
  const laidOut = rows.map((row) => {
    const layout = layoutLane(
      sameMoments(row.events).map(([event, count]) => {
        labelOf.set(event.id, countedLabel(event, count))
        return {
          id: event.id,
          x0: x(event.from),
          x1: Math.max(x(event.from), x(event.to)),
          label: labelOf.get(event.id) ?? event.expression
        }
      }),
      undefined,
      width - 4
    )
    return { ...row, layout, height: layout.lineCount * lineHeight + rowPadding * 2 }
  })
  const rowTops = laidOut.map((_, index) => laidOut.slice(0, index).reduce((sum, row) => sum + row.height, 0))
  const height = laidOut.reduce((sum, row) => sum + row.height, 0) + axisHeight
  const ticks = axisTicks(firstYear, lastYear)

  return (
    <div className="timeline-chart">
      <div className="timeline-tools" role="group" aria-label="Zoom the timeline">
        <button
          type="button"
          className="tool-button"
          disabled={zoom <= zoomLevels[0]}
          onClick={() => zoomTo(stepZoom(zoom, -1))}
        >
          Zoom out
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={zoom >= (zoomLevels.at(-1) ?? 1)}
          onClick={() => zoomTo(stepZoom(zoom, 1))}
        >
          Zoom in
        </button>
        <button type="button" className="tool-button" disabled={zoom === 1} onClick={() => zoomTo(1)}>
          Fit
        </button>
        <span className="muted" role="status">
          {zoom === 1 ? 'Whole span shown' : `Zoomed ${zoom}×: scroll sideways`}
        </span>
      </div>
      <div className="timeline-body">
        <ul className="timeline-row-names" aria-hidden="true">
          {/* As tall as the row beside it, which depends on how many lines its labels take. */}
          {laidOut.map((row) => (
            <li key={row.label} style={{ height: row.height }}>
              {row.label}
            </li>
          ))}
        </ul>
        {/* Focusable so that the keyboard scrolls it when zoomed (arrow keys). */}
        <div className="timeline-frame" ref={frame} tabIndex={0} role="region" aria-label="Time axis">
          <svg
            className="timeline-svg"
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby="timeline-svg-title"
          >
            <title id="timeline-svg-title">{`Time axis from ${axisYearLabel(firstYear)} to ${axisYearLabel(lastYear - 1)}, ${timeline.events.length} events`}</title>
            {ticks.map((tick) => (
              <g key={tick.at}>
                <line
                  className="timeline-tick"
                  x1={x(tick.at)}
                  x2={x(tick.at)}
                  y1={0}
                  y2={height - axisHeight + 4}
                />
                <text x={x(tick.at)} y={height - 10} textAnchor="middle" className="timeline-axis-label">
                  {tick.label}
                </text>
              </g>
            ))}
            {laidOut.map((row, rowIndex) => {
              const y0 = rowTops[rowIndex] ?? 0
              const { layout } = row
              const lineY = (line: number): number => y0 + rowPadding + line * lineHeight + lineHeight / 2
              return (
                <g key={row.label}>
                  <line
                    className="timeline-row-rule"
                    x1={0}
                    x2={width}
                    y1={y0 + row.height}
                    y2={y0 + row.height}
                  />
                  {layout.placed.map((placed) => {
                    const event = byId.get(placed.id)
                    if (!event) return null
                    const from = x(event.from)
                    const spanWidth = Math.max(0, x(event.to) - from)
                    const y = lineY(placed.line)
                    const kind = event.origin === 'card' ? 'timeline-mark mine' : 'timeline-mark'
                    return (
                      // A click opens the passage, for the pointer only: the same passages are links
                      // in the Events list, so the picture stays one image, not dozens of Tab stops.
                      <g
                        key={event.id}
                        className={event.at === null ? undefined : 'timeline-point'}
                        data-event-id={event.id}
                        onClick={() => openEvent(documentId, event)}
                      >
                        <title>{`${event.expression}: ${event.sentence}`}</title>
                        {spanWidth < 8 ? (
                          <circle className={kind} cx={from + spanWidth / 2} cy={y} r={5} />
                        ) : (
                          <rect className={kind} x={from} y={y - 5} width={spanWidth} height={10} rx={3} />
                        )}
                        <text
                          className="timeline-label"
                          x={placed.labelX}
                          y={y + 4}
                          textAnchor={placed.anchor}
                        >
                          {labelOf.get(event.id)}
                        </text>
                      </g>
                    )
                  })}
                  {layout.groups.map((group) => {
                    const y = lineY(layout.lineCount - 1)
                    const names = group.ids.map((id) => labelOf.get(id) ?? '').join(', ')
                    const middle = yearAt((group.x0 + group.x1) / 2)
                    return (
                      <g
                        key={group.ids[0]}
                        className="timeline-group"
                        onClick={() => zoomTo(stepZoom(zoom, 1), middle)}
                      >
                        <title>{`${group.ids.length} more: ${names}. Zoom in to see them apart.`}</title>
                        <rect
                          className="timeline-group-mark"
                          x={group.x0 - 3}
                          y={y - 5}
                          width={Math.max(6, group.x1 - group.x0 + 6)}
                          height={10}
                          rx={5}
                        />
                        <text className="timeline-label" x={group.x1 + 7} y={y + 4}>
                          {groupLabel(group.ids.length)}
                        </text>
                      </g>
                    )
                  })}
                </g>
              )
            })}
          </svg>
        </div>
      </div>
      <TimelineLegend rows={rows} />
    </div>
  )
}

/** What the chart's marks mean, each drawn as on the chart. */
const markMeanings: { term: string; meaning: string; mark?: 'text' | 'mine' | 'group' }[] = [
  { term: 'Teal', meaning: 'stated in the text', mark: 'text' },
  { term: 'Purple', meaning: 'from your own cards', mark: 'mine' },
  { term: 'Dot or bar', meaning: 'a moment, or a span as long as the bar' },
  { term: '×2', meaning: 'the same date in several sentences (each in the Events list)' },
  { term: '+3', meaning: 'events too close to label apart: zoom in (or click it)', mark: 'group' }
]

function LegendMark({ mark }: { mark: 'text' | 'mine' | 'group' }) {
  return (
    <svg width={mark === 'group' ? 20 : 14} height="14" aria-hidden="true">
      {mark === 'group' ? (
        <rect className="timeline-group-mark" x="1" y="2" width="18" height="10" rx="5" />
      ) : (
        <circle className={mark === 'mine' ? 'timeline-mark mine' : 'timeline-mark'} cx="7" cy="7" r="5" />
      )}
    </svg>
  )
}

function TimelineLegend({ rows }: { rows: { label: string; meaning: string }[] }) {
  const entries = [
    ...rows.map((row) => ({ term: row.label, meaning: `events ${row.meaning}`, mark: undefined })),
    ...markMeanings
  ]
  return (
    <dl className="timeline-legend">
      {entries.map((entry) => (
        <div key={entry.term}>
          <dt>
            {entry.mark && <LegendMark mark={entry.mark} />}
            {entry.term}
          </dt>
          <dd>{entry.meaning}</dd>
        </div>
      ))}
    </dl>
  )
}
