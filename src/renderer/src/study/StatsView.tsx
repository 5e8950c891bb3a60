// Statistics as charts: answers per day (Again in red), cards due over the next 30 days, and the
// share of reviews remembered per week against the desired retention.
import { useEffect, useState } from 'react'
import type { StudyStats } from '../../../shared/study/types'
import { api } from '../api/client'
import { TopBar } from '../app/TopBar'
import { BarChart } from './BarChart'
import { StudyNav } from './StudyNav'
import { StudySettingsPanel } from './StudySettingsPanel'
import './study.css'

const shortDay = (day: string): string => `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}`
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
  const totalReviews = stats?.reviewsPerDay.reduce((sum, day) => sum + day.count, 0) ?? 0
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
              <div className="stat-tile">
                <strong>{stats.duePerDay[0]?.count ?? 0}</strong>
                <span>reviews due today</span>
              </div>
            </div>
            <div className="chart-grid">
              <BarChart
                title="Reviews per day"
                description={`Answers given on each of the last 30 days; ${totalReviews} in all. The red part is answers “Again”.`}
                unit="answers"
                bars={stats.reviewsPerDay.map((day) => ({
                  label: shortDay(day.day),
                  value: day.count,
                  part: day.again
                }))}
              />
              <BarChart
                title="Due in the next 30 days"
                description="Cards in learning or review that fall due on each day from today (today includes overdue cards)."
                unit="cards due"
                bars={stats.duePerDay.map((day) => ({ label: shortDay(day.day), value: day.count }))}
              />
              <BarChart
                title="Retention per week"
                description={`Share of reviews remembered (not “Again”) each week for 8 weeks; desired retention ${percent(stats.desiredRetention)}.`}
                unit="remembered"
                maxValue={1}
                bars={stats.retentionPerWeek.map((week) => ({
                  label: shortDay(week.weekStart),
                  value: week.retention ?? 0
                }))}
              />
            </div>
          </>
        )}
        <StudySettingsPanel />
      </main>
    </>
  )
}
