// The library: every document with its counts and reading progress; importing texts (button or
// drag and drop, with progress), corrections, "Update from file…", removal with Undo, exports of
// everything, and the backups and library-file tools.
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import type { LibraryEntry } from '../../../shared/library/types'
import { api } from '../api/client'
import { plural } from '../app/plural'
import { TopBar } from '../app/TopBar'
import { useToast } from '../app/toast'
import { pushUndo } from '../app/undo'
import { documentHref } from '../app/useHashRoute'
import { ExportMenu } from '../export/ExportMenu'
import { DocumentRow } from './DocumentRow'
import { importAccept, importFile, updateFromFile, type ImportProgress } from './importFiles'
import { LibraryTools } from './LibraryTools'
import './library.css'

interface Notice {
  message: string
  openId?: string
  tone: 'info' | 'error'
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

export function LibraryView() {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [notices, setNotices] = useState<Notice[]>([])
  const [dragging, setDragging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const toast = useToast()

  const reload = useCallback(async () => {
    try {
      setEntries(await api.listLibrary({}))
      setError(null)
    } catch (cause) {
      setError(messageOf(cause))
    }
  }, [])

  useEffect(() => {
    api
      .listLibrary({})
      .then(setEntries)
      .catch((cause: unknown) => setError(messageOf(cause)))
  }, [])

  async function importAll(files: File[]): Promise<void> {
    const results: Notice[] = []
    for (const file of files) {
      try {
        const result = await importFile(file, setProgress)
        if (result.existing) {
          results.push({
            tone: 'info',
            message: `“${result.document.title}” is already in your library.`,
            openId: result.document.id
          })
        } else {
          const extra = [...result.notes, ...result.warnings]
          results.push({
            tone: 'info',
            message: `Imported “${result.document.title}”.${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`,
            openId: result.document.id
          })
        }
      } catch (cause) {
        results.push({ tone: 'error', message: messageOf(cause) })
      }
    }
    setProgress(null)
    setNotices(results)
    await reload()
  }

  function onDrop(event: DragEvent): void {
    event.preventDefault()
    setDragging(false)
    const files = [...event.dataTransfer.files]
    if (files.length > 0) void importAll(files)
  }

  const actions = {
    onRemove(entry: LibraryEntry): void {
      api
        .removeDocument({ documentId: entry.id })
        .then(async () => {
          await reload()
          const label = `Removed “${entry.title}”`
          const undoEntry = pushUndo({
            label,
            undo: async () => {
              await api.restoreDocument({ documentId: entry.id })
              await reload()
            }
          })
          toast({ message: label, undoEntry })
        })
        .catch((cause: unknown) => toast({ message: messageOf(cause), tone: 'error' }))
    },
    async onSaveDetails(entry: LibraryEntry, title: string, authors: string[]): Promise<void> {
      const before = { title: entry.title, authors: entry.authors }
      await api.updateDocumentDetails({ documentId: entry.id, title, authors })
      await reload()
      const undoEntry = pushUndo({
        label: 'Details changed',
        undo: async () => {
          await api.updateDocumentDetails({ documentId: entry.id, ...before })
          await reload()
        }
      })
      toast({ message: 'Details saved', undoEntry })
    },
    onUpdateFromFile(entry: LibraryEntry, file: File): void {
      updateFromFile(entry.id, file, setProgress)
        .then(async (result) => {
          setProgress(null)
          await reload()
          const message = result.unchanged
            ? `${file.name} holds the same text: nothing changed.`
            : `Updated “${entry.title}” from ${file.name}: ` +
              `${plural(result.anchored, 'note or card', 'notes and cards')} found again` +
              (result.orphaned > 0
                ? `, ${result.orphaned.toLocaleString('en')} not found (listed as orphaned in the reader).`
                : '.')
          setNotices([{ tone: result.orphaned > 0 ? 'error' : 'info', message, openId: entry.id }])
        })
        .catch((cause: unknown) => {
          setProgress(null)
          setNotices([{ tone: 'error', message: messageOf(cause) }])
        })
    }
  }

  return (
    <>
      <TopBar />
      <main
        className={`library${dragging ? ' library-dragging' : ''}`}
        aria-labelledby="library-heading"
        onDragOver={(event) => {
          if (![...event.dataTransfer.types].includes('Files')) return
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={(event) => {
          if (event.currentTarget === event.target) setDragging(false)
        }}
        onDrop={onDrop}
      >
        <div className="library-head">
          <h1 id="library-heading">Library</h1>
          <div className="library-head-tools">
            <ExportMenu documentId={null} label="Export all" openOnCommand />
            <button
              type="button"
              className="tool-button primary-button"
              onClick={() => fileInput.current?.click()}
            >
              Import…
            </button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              accept={importAccept}
              aria-label="Import files"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])]
                event.target.value = ''
                if (files.length > 0) void importAll(files)
              }}
            />
          </div>
        </div>
        <p className="muted library-hint">
          Import PDF, EPUB, Markdown, plain text or HTML files (up to 50 MB) — or drop them anywhere on this
          page.
        </p>
        {progress && (
          <div className="import-progress" role="status" aria-live="polite">
            <span>
              {progress.phase === 'reading'
                ? 'Reading'
                : progress.phase === 'decoding'
                  ? 'Decoding'
                  : progress.phase === 'pages'
                    ? 'Reading the pages of'
                    : progress.phase === 'chapters'
                      ? 'Reading the chapters of'
                      : 'Storing'}{' '}
              {progress.fileName}…
            </span>
            {progress.fraction === null ? (
              <progress aria-label="Import progress" />
            ) : (
              <progress aria-label="Import progress" max={1} value={progress.fraction} />
            )}
          </div>
        )}
        {notices.map((notice, index) => (
          <p
            key={index}
            role={notice.tone === 'error' ? 'alert' : 'status'}
            className={`library-notice ${notice.tone}`}
          >
            {notice.message} {notice.openId && <a href={documentHref(notice.openId)}>Open it</a>}
          </p>
        ))}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {entries === null && !error && <p className="muted">Opening your library…</p>}
        {entries && entries.length === 0 && (
          <p className="empty-state">Your library is empty. Import a text to start studying it.</p>
        )}
        {entries && entries.length > 0 && (
          <ul className="document-list">
            {entries.map((entry) => (
              <DocumentRow
                key={`${entry.id}:${entry.title}:${entry.authors.join(';')}`}
                entry={entry}
                actions={actions}
              />
            ))}
          </ul>
        )}
        <LibraryTools onLibraryReplaced={() => void reload()} />
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            Drop to import
          </div>
        )}
      </main>
    </>
  )
}
