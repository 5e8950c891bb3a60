// Statistics as charts: answers per day (Again in red), cards due over the next 30 days, and the
// share of reviews remembered per week against the desired retention; "to study today" is the top
// bar's count (new cards included), said in words beside the reviews-only chart.
import { useEffect, useState } from 'react'
import type { StudyStats } from '../../../shared/study/types'
import { api } from '../api/client'
import { TopBar } from '../app/TopBar'
import { formatShortDay } from '../app/dates'
import { BarChart } from './BarChart'
import { StudyNav } from './StudyNav'
import { StudySettingsPanel } from './StudySettingsPanel'
import { useStudySummary } from './studyEvents'
import './study.css'

const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`)

export function StatsView() {
  const [stats, setStats] = useState<StudyStats | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api
      .getStudyStats({})
      .then(setStats)
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
  }, [])
  // The same count as the top bar's badge: what review offers today, new cards included.
  const summary = useStudySummary()
  const totalReviews = stats?.reviewsPerDay.reduce((sum, day) => sum + day.count, 0) ?? 0
  const anyDue = stats?.duePerDay.some((day) => day.count > 0) ?? false
  const anyRetention = stats?.retentionPerWeek.some((week) => week.retention !== null) ?? false
  return (
    <>
      <TopBar />
      <main className="study-page" aria-labelledby="stats-heading">
        <StudyNav current="stats" />
        <h1 id="stats-heading">Statistics</h1>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {stats && (
          <>
            <div className="stat-tiles">
              <div className="stat-tile">
                <strong>{stats.cardCounts.total}</strong>
                <span>
                  cards ({stats.cardCounts.new} new, {stats.cardCounts.suspended} suspended)
                </span>
              </div>
              <div className="stat-tile">
                <strong>{totalReviews}</strong>
                <span>answers in 30 days</span>
              </div>
              <div className="stat-tile">
                <strong>{percent(stats.retention)}</strong>
                <span>retention in 30 days (aim {percent(stats.desiredRetention)})</span>
              </div>
              <div className="stat-tile" data-testid="due-today">
                <strong>{summary?.due ?? '…'}</strong>
                <span>
                  to study today
                  {summary
                    ? ` (${summary.remaining.new} new, ${summary.remaining.learning + summary.remaining.review} to review)`
                    : ''}
                </span>
              </div>
            </div>
            <p className="muted stats-note">
              “To study today” is the number on the top bar’s Study link: cards due for review and new cards
              up to your daily limit. The chart of reviews due counts only cards you have studied before.
            </p>
            <div className="chart-grid">
              <BarChart
                title="Reviews per day"
                description={`Answers given on each of the last 30 days; ${totalReviews} in all. The red part is answers “Again”.`}
                unit="answers"
                bars={stats.reviewsPerDay.map((day) => ({
                  label: formatShortDay(day.day),
                  value: day.count,
                  part: day.again
                }))}
                empty={totalReviews === 0 ? 'No reviews yet' : null}
              />
              <BarChart
                title="Reviews due in the next 30 days"
                description="Cards in learning or review that fall due on each day from today (today includes overdue cards). New cards are not due on a day: they come in up to the daily limit for new cards."
                unit="cards due"
                bars={stats.duePerDay.map((day) => ({ label: formatShortDay(day.day), value: day.count }))}
                empty={anyDue ? null : stats.cardCounts.total === 0 ? 'No cards yet' : 'No reviews due'}
              />
              <BarChart
                title="Retention per week"
                description={`Share of reviews remembered (not “Again”) each week for 8 weeks; desired retention ${percent(stats.desiredRetention)}.`}
                unit="remembered"
                maxValue={1}
                bars={stats.retentionPerWeek.map((week) => ({
                  label: formatShortDay(week.weekStart),
                  value: week.retention ?? 0
                }))}
                empty={anyRetention ? null : 'No reviews yet'}
              />
            </div>
          </>
        )}
        <StudySettingsPanel />
      </main>
    </>
  )
}
