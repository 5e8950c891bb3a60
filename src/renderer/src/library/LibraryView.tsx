// The library: every document with its author and year; opening one goes to the reader.
import { useEffect, useState } from 'react'
import type { DocumentSummary } from '../../../shared/types'
import { api } from '../api/client'
import { documentHref } from '../app/useHashRoute'
import { TopBar } from '../app/TopBar'

export function LibraryView() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api
      .listDocuments({})
      .then(setDocuments)
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
  }, [])

  return (
    <>
      <TopBar />
      <main className="library" aria-labelledby="library-heading">
        <h1 id="library-heading">Library</h1>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {documents === null && !error && <p className="muted">Opening your library…</p>}
        {documents && documents.length === 0 && (
          <p className="empty-state">Your library is empty. Import a text to start studying it.</p>
        )}
        {documents && documents.length > 0 && (
          <ul className="document-list">
            {documents.map((document) => (
              <li key={document.id} className="document-card">
                <a href={documentHref(document.id)} className="document-title">
                  {document.title}
                </a>
                <p className="document-meta">
                  {[document.authors.join(', '), document.year].filter(Boolean).join(' · ')}
                  {document.bundled && <span className="badge">Included with Scholia</span>}
                </p>
                <p className="document-meta muted">
                  {document.lastOpenedAt
                    ? `Last opened ${new Date(document.lastOpenedAt).toLocaleDateString()}`
                    : 'Not opened yet'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  )
}
