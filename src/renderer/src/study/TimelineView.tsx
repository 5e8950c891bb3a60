// The timeline of a document: every dated event on a labelled time axis (TimelineChart), the
// chronological list whose links open each passage, and a chronology quiz.
import { useEffect, useState } from 'react'
import { formatYears, yearOf } from '../../../shared/extraction/calendar'
import { axisYearLabel } from '../../../shared/study/timeline'
import type { Timeline, TimelineEvent } from '../../../shared/study/types'
import { api } from '../api/client'
import { TopBar } from '../app/TopBar'
import { ChronologyQuiz } from './ChronologyQuiz'
import { TimelineChart } from './TimelineChart'
import { deckHref, passageHref } from './routes'
import './study.css'

function eventHref(documentId: string, event: TimelineEvent): string | undefined {
  return event.at === null ? undefined : passageHref(documentId, event.at)
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
              {axisYearLabel(timeline.lastYear - 1)}. Each opens its passage, here or in the Events list.
            </p>
            <TimelineChart timeline={timeline} />
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
