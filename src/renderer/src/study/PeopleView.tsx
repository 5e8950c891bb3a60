// The who's-who of a document: each actor with aliases, the role the text gives, mention count and
// every mention in context (each opening its passage), filterable by kind; and a "who is this?" quiz.
import { useEffect, useState } from 'react'
import type { ActorKind } from '../../../shared/extraction/types'
import type { WhoActor, WhosWho } from '../../../shared/study/types'
import { api } from '../api/client'
import { TopBar } from '../app/TopBar'
import { deckHref, passageHref } from './routes'
import { WhoQuiz } from './WhoQuiz'
import './study.css'

const kindLabels: Record<ActorKind, string> = {
  person: 'People',
  state: 'States',
  organisation: 'Organisations'
}
/** Mentions listed before "Show all": enough to see how the text uses the name. */
const mentionPreview = 4

function Person({ actor, documentId }: { actor: WhoActor; documentId: string }) {
  const [all, setAll] = useState(false)
  const shown = all ? actor.mentions : actor.mentions.slice(0, mentionPreview)
  const headingId = `actor-${actor.id}`
  return (
    <li className="person" aria-labelledby={headingId}>
      <div className="person-head">
        <h3 className="person-name" id={headingId}>
          {actor.name}
        </h3>
        <span className="badge">{actor.kind}</span>
        <span className="muted">
          {actor.mentionCount} mention{actor.mentionCount === 1 ? '' : 's'}
        </span>
      </div>
      {actor.role && <p className="person-role">{actor.role}</p>}
      {(actor.aliases.length > 0 || actor.acronym) && (
        <ul className="alias-list" aria-label={`Also called (${actor.name})`}>
          {actor.acronym && !actor.aliases.includes(actor.acronym) && <li>{actor.acronym}</li>}
          {actor.aliases.map((alias) => (
            <li key={alias}>{alias}</li>
          ))}
        </ul>
      )}
      <ol className="mention-list" aria-label={`Mentions of ${actor.name}`}>
        {shown.map((mention) => (
          <li key={mention.start}>
            <a href={passageHref(documentId, mention.start)}>
              {mention.before}
              <mark>{mention.text}</mark>
              {mention.after}
            </a>
          </li>
        ))}
      </ol>
      {actor.mentions.length > mentionPreview && (
        <button type="button" className="tool-button" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show all ${actor.mentions.length} mentions`}
        </button>
      )}
    </li>
  )
}

export function PeopleView({ documentId }: { documentId: string }) {
  const [who, setWho] = useState<WhosWho | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [kind, setKind] = useState<ActorKind | null>(null)
  useEffect(() => {
    api
      .getWhosWho({ documentId })
      .then(setWho)
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
  }, [documentId])
  const actors = who?.actors.filter((actor) => kind === null || actor.kind === kind) ?? []
  return (
    <>
      <TopBar title={who?.title} />
      <main className="study-page" aria-labelledby="people-heading">
        <p>
          <a href={deckHref(documentId)}>← Study page</a>
        </p>
        <h1 id="people-heading">Who’s who</h1>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {!who && !error && <p className="muted">Finding the people, states and organisations of the text…</p>}
        {who && (
          <>
            <h2>Who is this?</h2>
            <WhoQuiz actors={who.actors} />
            <h2>Actors</h2>
            <div className="filter-chips" role="group" aria-label="Show">
              <button type="button" aria-pressed={kind === null} onClick={() => setKind(null)}>
                All ({who.actors.length})
              </button>
              {(Object.keys(kindLabels) as ActorKind[]).map((value) => (
                <button
                  key={value}
                  type="button"
                  aria-pressed={kind === value}
                  onClick={() => setKind(value)}
                >
                  {kindLabels[value]} ({who.actors.filter((actor) => actor.kind === value).length})
                </button>
              ))}
            </div>
            <ul className="people-list" aria-label="Actors">
              {actors.map((actor) => (
                <Person key={actor.id} actor={actor} documentId={documentId} />
              ))}
            </ul>
          </>
        )}
      </main>
    </>
  )
}
