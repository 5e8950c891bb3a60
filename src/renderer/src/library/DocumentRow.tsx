// One document in the library: title, author and year, counts, reading progress, last opened, and
// its actions — edit details, update from a changed file, export, remove (with Undo).
import { useRef, useState, type FormEvent } from 'react'
import type { LibraryEntry } from '../../../shared/library/types'
import { formatDay } from '../app/dates'
import { plural } from '../app/plural'
import { documentHref } from '../app/useHashRoute'
import { ExportMenu } from '../export/ExportMenu'
import { importAccept } from './importFiles'

export interface DocumentRowActions {
  onRemove(entry: LibraryEntry): void
  onSaveDetails(entry: LibraryEntry, title: string, authors: string[]): Promise<void>
  onUpdateFromFile(entry: LibraryEntry, file: File): void
}

export function DocumentRow({ entry, actions }: { entry: LibraryEntry; actions: DocumentRowActions }) {
  const [editing, setEditing] = useState(false)
  const [title, setTitle] = useState(entry.title)
  const [authors, setAuthors] = useState(entry.authors.join('; '))
  const [error, setError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const progress = entry.progress === null ? null : Math.round(entry.progress * 100)

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    setError(null)
    try {
      await actions.onSaveDetails(
        entry,
        title,
        authors.split(';').map((author) => author.trim())
      )
      setEditing(false)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <li className="document-card library-row" aria-label={entry.title}>
      {editing ? (
        <form className="details-form" onSubmit={(event) => void save(event)}>
          <label>
            Title
            <input
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              maxLength={500}
              required
            />
          </label>
          <label>
            <span>
              Authors <span className="muted">(separated by ;)</span>
            </span>
            <input value={authors} onChange={(event) => setAuthors(event.target.value)} />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="details-actions">
            <button type="button" className="tool-button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="tool-button primary-button">
              Save details
            </button>
          </div>
        </form>
      ) : (
        <div className="library-row-main">
          <a href={documentHref(entry.id)} className="document-title">
            {entry.title}
          </a>
          <p className="document-meta">
            {[entry.authors.join(', '), entry.year].filter(Boolean).join(' · ')}
            {entry.bundled && <span className="badge">Included with Scholia</span>}
          </p>
          <p className="document-meta muted library-counts">
            <span>{plural(entry.annotationCount, 'note', 'notes')}</span>
            <span>{plural(entry.cardCount, 'card', 'cards')}</span>
            <span>{entry.lastOpenedAt ? `Opened ${formatDay(entry.lastOpenedAt)}` : 'Not opened yet'}</span>
          </p>
          {progress !== null && (
            <div className="reading-progress">
              <progress max={100} value={progress} aria-label={`Reading progress of ${entry.title}`} />
              <span className="muted">{progress}% read</span>
            </div>
          )}
        </div>
      )}
      {!editing && (
        <div className="library-row-actions">
          <a className="tool-button" href={documentHref(entry.id)}>
            {/* "Read", as "Study" beside it: the row says which document (the title's link goes there too). */}
            Read
          </a>
          <ExportMenu documentId={entry.id} align="left" />
          <a className="tool-button study-link" href={`#/deck/${encodeURIComponent(entry.id)}`}>
            Study
          </a>
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit details
          </button>
          <button type="button" className="link-button" onClick={() => fileInput.current?.click()}>
            Update from file…
          </button>
          <button type="button" className="link-button danger" onClick={() => actions.onRemove(entry)}>
            Remove
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={importAccept}
            hidden
            aria-label={`Update ${entry.title} from file`}
            onChange={(event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) actions.onUpdateFromFile(entry, file)
            }}
          />
        </div>
      )}
    </li>
  )
}
