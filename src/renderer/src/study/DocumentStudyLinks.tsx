// The reader's ways to the open document's timeline and who's-who, so that neither is only on the
// study page.
import { peopleHref, timelineHref } from './routes'
import './study.css'

export function DocumentStudyLinks({ documentId }: { documentId: string }) {
  return (
    <>
      <a className="tool-button" href={timelineHref(documentId)}>
        Timeline
      </a>
      <a className="tool-button" href={peopleHref(documentId)}>
        Who’s who
      </a>
    </>
  )
}
