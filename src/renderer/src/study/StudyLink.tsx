// The top bar's way to the study screens: "Study" with today's due count ("Study, 12 due").
import { useStudySummary } from './studyEvents'
import './study.css'

export function StudyLink() {
  const summary = useStudySummary()
  const due = summary?.due ?? 0
  return (
    <a className="top-link study-link" href="#/study" aria-label={summary ? `Study, ${due} due` : 'Study'}>
      Study
      {summary && due > 0 && (
        <span className="count-badge" aria-hidden="true">
          {due}
        </span>
      )}
    </a>
  )
}
