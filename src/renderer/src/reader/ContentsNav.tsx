// The table of contents: links to the abstract, each section and the footnotes, with the section
// being read marked (aria-current), and "Go to page" for a text with pages (a PDF). On narrow
// windows the reader shows it behind a button.
import { GoToPage } from './GoToPage'

export interface ContentsEntry {
  id: string
  label: string
}

export function ContentsNav({
  entries,
  current,
  onNavigate,
  onGoToPage
}: {
  entries: ContentsEntry[]
  current: string | null
  onNavigate: (id: string) => void
  /** Given for a text with pages: goes to the printed page, or says why it cannot. */
  onGoToPage?: (label: string) => string | null
}) {
  return (
    <nav aria-label="Contents" className="contents-nav">
      <h2 className="panel-heading">Contents</h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              aria-current={current === entry.id ? 'location' : undefined}
              onClick={(event) => {
                event.preventDefault()
                onNavigate(entry.id)
              }}
            >
              {entry.label}
            </a>
          </li>
        ))}
      </ol>
      {onGoToPage && <GoToPage onGo={onGoToPage} />}
    </nav>
  )
}
