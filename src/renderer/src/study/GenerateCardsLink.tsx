// "Generate cards" where there are none to study: a link to the study page of the document read
// last (where its suggestions are generated), or to the library when there is no document yet.
import { useEffect, useState } from 'react'
import type { DocumentSummary } from '../../../shared/types'
import { api } from '../api/client'
import { deckHref } from './routes'

/** The document read most recently (or added, if none was read), for "Generate cards". */
export function latestDocument(documents: readonly DocumentSummary[]): DocumentSummary | null {
  let best: DocumentSummary | null = null
  const when = (document: DocumentSummary): number => document.lastOpenedAt ?? document.createdAt
  for (const document of documents) if (!best || when(document) > when(best)) best = document
  return best
}

export function GenerateCardsLink() {
  const [target, setTarget] = useState<DocumentSummary | null | undefined>(undefined)
  useEffect(() => {
    api
      .listDocuments({})
      .then((documents) => setTarget(latestDocument(documents)))
      .catch(() => setTarget(null))
  }, [])
  if (target === undefined) return null
  if (target === null)
    return (
      <a className="primary-link" href="#/library">
        Import a document to generate cards
      </a>
    )
  return (
    <a className="primary-link" href={deckHref(target.id)}>
      Generate cards from “{target.title}”
    </a>
  )
}
