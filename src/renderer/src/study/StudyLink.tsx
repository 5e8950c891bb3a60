// The top bar's way to the study screens: "Study" with today's due count ("Study 12 due").
import { useStudySummary } from './studyEvents'
import './study.css'

export function StudyLink() {
  const summary = useStudySummary()
  const due = summary?.due ?? 0
  // Named by what it shows ("Study", the badge's number) followed by the word a listener needs,
  // so that the name contains the visible text: "Study 12 due". (Each part is a flex item, so the
  // browser puts spaces between them in the name; no punctuation would survive that.)
  return (
    <a className="top-link study-link" href="#/study">
      Study
      {summary && due > 0 && <span className="count-badge">{due}</span>}
      {summary && <span className="visually-hidden">{due > 0 ? 'due' : '0 due'}</span>}
    </a>
  )
}
