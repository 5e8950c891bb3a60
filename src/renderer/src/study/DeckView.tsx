// A document's study page: its suggestions, and the ways into its timeline, its who's-who, its
// cards and a review of its cards alone.
import { useEffect, useState } from 'react'
import type { DocumentSummary } from '../../../shared/types'
import { api } from '../api/client'
import { TopBar } from '../app/TopBar'
import { peopleHref, studyHref, timelineHref } from './routes'
import { StudyNav } from './StudyNav'
import { SuggestionsPanel } from './SuggestionsPanel'
import './study.css'

export function DeckView({ documentId }: { documentId: string }) {
  const [document, setDocument] = useState<DocumentSummary | null>(null)
  const [cardCount, setCardCount] = useState<number | null>(null)
  useEffect(() => {
    api
      .listDocuments({})
      .then((documents) => setDocument(documents.find((candidate) => candidate.id === documentId) ?? null))
      .catch(() => undefined)
    api
      .listCards({ documentId, limit: 1 })
      .then((page) => setCardCount(page.total))
      .catch(() => undefined)
  }, [documentId])
  return (
    <>
      <TopBar title={document?.title} />
      <main className="study-page" aria-labelledby="deck-heading">
        <StudyNav current={null} />
        <h1 id="deck-heading">Study: {document?.title ?? '…'}</h1>
        <div className="deck-links">
          <a className="deck-link" href={studyHref(documentId)}>
            <strong>Review this document</strong>
            <span>{cardCount === null ? '…' : `${cardCount} card${cardCount === 1 ? '' : 's'}`}</span>
          </a>
          <a className="deck-link" href={timelineHref(documentId)}>
            <strong>Timeline</strong>
            <span>Dated events, and a chronology quiz</span>
          </a>
          <a className="deck-link" href={peopleHref(documentId)}>
            <strong>Who’s who</strong>
            <span>People, states and organisations</span>
          </a>
          <a className="deck-link" href={`#/doc/${encodeURIComponent(documentId)}`}>
            <strong>Read</strong>
            <span>Open the text</span>
          </a>
        </div>
        <SuggestionsPanel documentId={documentId} />
      </main>
    </>
  )
}

/** Every document with a link to its study page, for the review screen. */
export function DeckList() {
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  useEffect(() => {
    api
      .listDocuments({})
      .then(setDocuments)
      .catch(() => undefined)
  }, [])
  if (documents.length === 0) return null
  return (
    <section aria-labelledby="decks-heading">
      <h2 id="decks-heading">Documents</h2>
      <div className="deck-links">
        {documents.map((document) => (
          <a key={document.id} className="deck-link" href={`#/deck/${encodeURIComponent(document.id)}`}>
            <strong>{document.title}</strong>
            <span>Cards, timeline, who’s who</span>
          </a>
        ))}
      </div>
    </section>
  )
}
