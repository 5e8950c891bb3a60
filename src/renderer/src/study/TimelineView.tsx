// The timeline of a document: every dated event on a time axis, one lane per precision (days,
// months, years, decades), each opening its passage; the chronological list; a chronology quiz.
import { useEffect, useState } from 'react'
import { formatYears, yearOf } from '../../../shared/extraction/calendar'
import type { DatePrecision } from '../../../shared/extraction/types'
import { axisTicks, axisYearLabel } from '../../../shared/study/timeline'
import type { Timeline, TimelineEvent } from '../../../shared/study/types'
import { api } from '../api/client'
import { TopBar } from '../app/TopBar'
import { ChronologyQuiz } from './ChronologyQuiz'
import { deckHref, passageHref } from './routes'
import './study.css'

const lanes: { label: string; precisions: DatePrecision[] }[] = [
  { label: 'Days', precisions: ['day'] },
  { label: 'Months', precisions: ['month', 'part-of-month'] },
  { label: 'Years', precisions: ['year', 'part-of-year'] },
  { label: 'Decades', precisions: ['decade', 'part-of-decade'] },
  { label: 'Centuries', precisions: ['century', 'part-of-century'] }
]

const width = 920
const left = 78
const right = 20
const laneHeight = 56
const top = 16

function eventHref(documentId: string, event: TimelineEvent): string | undefined {
  return event.at === null ? undefined : passageHref(documentId, event.at)
}

function describe(event: TimelineEvent): string {
  return `${event.expression}: ${event.sentence}`
}

function TimelineAxis({ timeline }: { timeline: Timeline }) {
  const { firstYear, lastYear, documentId } = timeline
  const span = Math.max(1, lastYear - firstYear)
  const x = (year: number): number => left + ((year - firstYear) / span) * (width - left - right)
  const height = top + lanes.length * laneHeight + 28
  const ticks = axisTicks(firstYear, lastYear)
  return (
    <svg
      className="timeline-svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="timeline-svg-title"
    >
      <title id="timeline-svg-title">{`Time axis from ${axisYearLabel(firstYear)} to ${axisYearLabel(lastYear - 1)}, ${timeline.events.length} events`}</title>
      {ticks.map((tick) => (
        <g key={tick.at}>
          <line x1={x(tick.at)} x2={x(tick.at)} y1={top - 6} y2={height - 24} stroke="var(--rule)" />
          <text x={x(tick.at)} y={height - 8} textAnchor="middle" className="chart-axis">
            {tick.label}
          </text>
        </g>
      ))}
      {lanes.map((lane, laneIndex) => {
        const y0 = top + laneIndex * laneHeight
        const events = timeline.events.filter((event) => lane.precisions.includes(event.precision))
        return (
          <g key={lane.label}>
            <text x={8} y={y0 + laneHeight / 2 + 4} className="chart-axis">
              {lane.label}
            </text>
            <line
              x1={left}
              x2={width - right}
              y1={y0 + laneHeight}
              y2={y0 + laneHeight}
              stroke="var(--rule)"
            />
            {events.map((event, index) => {
              const y = y0 + 10 + (index % 4) * 10
              const fill = event.origin === 'card' ? '#c86f5e' : 'var(--accent)'
              const spanWidth = x(event.to) - x(event.from)
              const shape =
                spanWidth < 6 ? (
                  <circle cx={x(event.from) + spanWidth / 2} cy={y + 4} r={4} fill={fill} opacity={0.85} />
                ) : (
                  <rect
                    x={x(event.from)}
                    y={y}
                    width={spanWidth}
                    height={8}
                    rx={3}
                    fill={fill}
                    opacity={0.55}
                  />
                )
              const href = eventHref(documentId, event)
              // A click opens the passage, for the pointer only: the same passages are links in the
              // Events list, so the picture stays one image, not dozens of Tab stops inside an image.
              return (
                <g
                  key={event.id}
                  className={href ? 'timeline-point' : undefined}
                  onClick={
                    href
                      ? () => {
                          window.location.hash = href
                        }
                      : undefined
                  }
                >
                  <title>{describe(event)}</title>
                  {shape}
                </g>
              )
            })}
          </g>
        )
      })}
    </svg>
  )
}

function dateRange(event: TimelineEvent): string {
  return formatYears(yearOf(event.date.start), yearOf(event.date.end))
}

export function TimelineView({ documentId }: { documentId: string }) {
  const [timeline, setTimeline] = useState<Timeline | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api
      .getTimeline({ documentId })
      .then(setTimeline)
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
  }, [documentId])
  return (
    <>
      <TopBar title={timeline?.title} />
      <main className="study-page" aria-labelledby="timeline-heading">
        <p>
          <a href={deckHref(documentId)}>← Study page</a>
        </p>
        <h1 id="timeline-heading">Timeline</h1>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {!timeline && !error && <p className="muted">Reading the dates of the text…</p>}
        {timeline && timeline.events.length === 0 && (
          <p className="empty-state">No dated events found in this text.</p>
        )}
        {timeline && timeline.events.length > 0 && (
          <>
            <p className="muted">
              {timeline.events.length} dated events, {axisYearLabel(timeline.firstYear)} to{' '}
              {axisYearLabel(timeline.lastYear - 1)}. Teal: stated in the text; red: your own cards. Each
              opens its passage.
            </p>
            <TimelineAxis timeline={timeline} />
            <h2>Chronology quiz</h2>
            <ChronologyQuiz events={timeline.events} />
            <h2>Events</h2>
            <ol className="timeline-list" aria-label="Events">
              {timeline.events.map((event) => {
                const href = eventHref(documentId, event)
                return (
                  <li key={event.id}>
                    <span className="timeline-date">
                      {event.expression}
                      <small>
                        {dateRange(event)} · {event.precision.replace(/-/g, ' ')}
                        {event.origin === 'card' ? ' · your card' : ''}
                      </small>
                    </span>
                    {href ? (
                      <a className="timeline-sentence" href={href}>
                        {event.sentence}
                      </a>
                    ) : (
                      <span className="timeline-sentence">{event.sentence}</span>
                    )}
                  </li>
                )
              })}
            </ol>
          </>
        )}
      </main>
    </>
  )
}
