// The document the reader shows, loaded once per id (a later answer for an id no longer shown is
// dropped), with the window's title set to it; or why it could not be opened.
import { useEffect, useState } from 'react'
import type { DocumentView } from '../../../shared/types'
import { api } from '../api/client'

export function useDocumentView(documentId: string): { view: DocumentView | null; error: string | null } {
  const [view, setView] = useState<DocumentView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    api
      .getDocument({ documentId })
      .then((loaded) => {
        if (cancelled) return
        setView(loaded)
        document.title = `${loaded.metadata.title} — Scholia`
      })
      .catch((cause: unknown) => {
        if (!cancelled) setError(cause instanceof Error ? cause.message : String(cause))
      })
    return () => {
      cancelled = true
    }
  }, [documentId])
  return { view, error }
}
