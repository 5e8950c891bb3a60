// Generated card suggestions for one document: each can be accepted, edited then accepted, or
// rejected, or all accepted at once (all, or all of one kind: dates, people, states, organisations). Nothing reaches the review queue without one of these.
// The keyboard keeps its place: a decided suggestion hands focus to the one that takes its place.
// They come most salient first; the "Top 20" are shown until the person asks for "All". A suspect
// suggestion (one the app flags) is accepted by "Accept all" only once the person ticks it.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ActorKind, CardSuggestion } from '../../../shared/extraction/types'
import { clozeIndices, renderCloze } from '../../../shared/study/cloze'
import { api } from '../api/client'
import { focusIsLost, focusPlace } from '../app/focus'
import { ConfirmSuspects } from './ConfirmSuspects'
import { GenerationProgressBar, progressText, useSuggestionProgress } from './GenerationProgress'
import { notifyStudyChanged } from './studyEvents'
import './study.css'

function initialFront(suggestion: CardSuggestion): string {
  return suggestion.kind === 'date' && suggestion.clozeText ? suggestion.clozeText : suggestion.front
}

function SuggestionItem({
  suggestion,
  onAccept,
  onReject
}: {
  suggestion: CardSuggestion
  onAccept: (edit?: { front: string; back: string }) => Promise<void>
  onReject: () => Promise<void>
}) {
  const [editing, setEditing] = useState(false)
  const [front, setFront] = useState(initialFront(suggestion))
  const [back, setBack] = useState(suggestion.back)
  const question = useRef<HTMLTextAreaElement>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const toggled = useRef(false)
  // Edit opens the form at its first field; Cancel comes back to Edit (the buttons come and go).
  useEffect(() => {
    if (!toggled.current) return
    if (editing) question.current?.focus()
    else editButton.current?.focus()
  }, [editing])
  const edit = (value: boolean): void => {
    toggled.current = true
    setEditing(value)
  }
  const label = suggestion.front.length > 80 ? `${suggestion.front.slice(0, 80)}…` : suggestion.front
  return (
    <li className="suggestion" aria-label={label}>
      {editing ? (
        <form
          className="edit-form"
          onSubmit={(event) => {
            event.preventDefault()
            void onAccept({ front, back })
          }}
        >
          <label>
            Question (use {'{{c1::…}}'} to hide words)
            <textarea
              ref={question}
              value={front}
              rows={3}
              onChange={(event) => setFront(event.target.value)}
            />
          </label>
          <label>
            Answer
            <textarea value={back} rows={2} onChange={(event) => setBack(event.target.value)} />
          </label>
          <div className="button-row">
            <button type="submit" className="primary-button" disabled={!front.trim()}>
              Save and accept
            </button>
            <button type="button" className="tool-button" onClick={() => edit(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div>
          <div className="suggestion-kind">{suggestion.kind === 'date' ? 'Date' : 'Actor'}</div>
          <div className="suggestion-front">
            {clozeIndices(suggestion.front).length > 0
              ? renderCloze(suggestion.front, 1, 'front')
              : suggestion.front}
          </div>
          <div className="suggestion-back">→ {suggestion.back}</div>
          {suggestion.warning && <div className="suggestion-warning">Check: {suggestion.warning}</div>}
        </div>
      )}
      {!editing && (
        <div className="button-row" style={{ alignSelf: 'start' }}>
          <button type="button" className="tool-button" onClick={() => void onAccept()}>
            Accept
          </button>
          <button type="button" ref={editButton} className="tool-button" onClick={() => edit(true)}>
            Edit
          </button>
          <button type="button" className="tool-button" onClick={() => void onReject()}>
            Reject
          </button>
        </div>
      )}
    </li>
  )
}

/** How many suggestions the panel shows before the person asks for all of them. */
export const topCount = 20

/** What a suggestion is about, for the filters: a date, or the kind of its actor. */
type SuggestionFilter = 'date' | ActorKind

const filterLabels: Record<SuggestionFilter, string> = {
  date: 'Dates',
  person: 'People',
  state: 'States',
  organisation: 'Organisations'
}

export function SuggestionsPanel({
  documentId,
  autoStart = false,
  inDialog = false
}: {
  documentId: string
  autoStart?: boolean
  /** In the "Generate cards" dialog, whose title is the one heading. */
  inDialog?: boolean
}) {
  const [suggestions, setSuggestions] = useState<CardSuggestion[] | null>(null)
  const [filter, setFilter] = useState<SuggestionFilter | null>(null)
  /** The kind of each actor of the text (from its who's-who), to filter actor suggestions by. */
  const [actorKinds, setActorKinds] = useState<Map<string, ActorKind>>(new Map())
  const [decided, setDecided] = useState(0)
  const [accepted, setAccepted] = useState(0)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [showAll, setShowAll] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const progress = useSuggestionProgress(documentId, loading)
  /** Set by "Stop": the run's failure that follows is the stop, not an error. */
  const stopping = useRef(false)
  const [stopped, setStopped] = useState(false)
  const started = useRef(false)
  const list = useRef<HTMLUListElement>(null)
  const status = useRef<HTMLParagraphElement>(null)
  /** The place of a suggestion just decided from inside it, whose successor should take focus. */
  const refocusAt = useRef<number | null>(null)
  const generateButton = useRef<HTMLButtonElement>(null)
  // Disabled while the text is read, the button loses focus; it gets it back when it is ready again.
  const generatingFromButton = useRef(false)
  useEffect(() => {
    if (loading || !generatingFromButton.current) return
    generatingFromButton.current = false
    if (focusIsLost()) generateButton.current?.focus()
  }, [loading])

  useLayoutEffect(() => {
    const index = refocusAt.current
    if (index === null) return
    refocusAt.current = null
    const items = list.current?.children
    const next = items?.[Math.min(index, items.length - 1)]
    // The next suggestion's first button; with none left, the line that says what was done.
    if (!focusPlace(next?.querySelector('button'))) focusPlace(status.current)
  }, [suggestions])

  useEffect(() => {
    if (!suggestions?.some((suggestion) => suggestion.kind === 'actor') || actorKinds.size > 0) return
    api
      .getWhosWho({ documentId })
      .then((who) => setActorKinds(new Map(who.actors.map((actor) => [actor.id, actor.kind]))))
      .catch(() => undefined)
  }, [suggestions, actorKinds, documentId])

  const filterOf = (suggestion: CardSuggestion): SuggestionFilter | undefined =>
    suggestion.kind === 'date' ? 'date' : actorKinds.get(suggestion.actorId ?? '')
  /** Those the filter lets through, most salient first; the first `topCount` unless "All" is on. */
  const filtered =
    suggestions?.filter((suggestion) => filter === null || filterOf(suggestion) === filter) ?? []
  // The Top 20 rank the whole mix; a filter shows every suggestion of its kind.
  const shown = showAll || filter !== null ? filtered : filtered.slice(0, topCount)
  const counts = new Map<SuggestionFilter, number>()
  for (const suggestion of suggestions ?? []) {
    const of = filterOf(suggestion)
    if (of) counts.set(of, (counts.get(of) ?? 0) + 1)
  }

  const fail = (cause: unknown): void => setError(cause instanceof Error ? cause.message : String(cause))

  const generate = (): void => {
    generatingFromButton.current = document.activeElement === generateButton.current
    stopping.current = false
    setStopped(false)
    setLoading(true)
    setError(null)
    api
      .generateSuggestions({ documentId })
      .then((result) => {
        setSuggestions(result.suggestions)
        setDecided(result.decided)
      })
      // Stopped by the person: said in the status line, not as an error.
      .catch((cause: unknown) => (stopping.current ? setStopped(true) : fail(cause)))
      .finally(() => setLoading(false))
  }

  const stop = (): void => {
    stopping.current = true
    // The focus goes back to the Generate button once the run has ended.
    generatingFromButton.current = true
    api.stopSuggestions({ documentId }).catch(fail)
  }

  useEffect(() => {
    if (!autoStart || started.current) return
    started.current = true
    generate()
    // Runs once when opened with autoStart: `generate` is recreated on each render on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStart])

  const remove = (key: string): void => {
    const index = shown.findIndex((suggestion) => suggestion.key === key)
    const item = list.current?.children[index]
    if (item?.contains(document.activeElement)) refocusAt.current = index
    setSuggestions((current) => current?.filter((suggestion) => suggestion.key !== key) ?? null)
  }

  const suspects = shown.filter((suggestion) => suggestion.warning)

  const acceptAll = async (confirmed: string[]): Promise<void> => {
    setConfirming(false)
    const keys = shown.map((suggestion) => suggestion.key)
    try {
      const result = await api.acceptAllSuggestions({ documentId, keys, confirmed })
      setAccepted((count) => count + result.accepted)
      refocusAt.current = 0
      // What was held back (suspect, not ticked) stays in the list.
      const heldBack = new Set(
        suspects.filter((suspect) => !confirmed.includes(suspect.key)).map((suspect) => suspect.key)
      )
      const gone = new Set(keys.filter((key) => !heldBack.has(key)))
      setSuggestions((current) => current?.filter((suggestion) => !gone.has(suggestion.key)) ?? null)
      notifyStudyChanged()
    } catch (cause) {
      fail(cause)
    }
  }

  return (
    <section
      aria-labelledby={inDialog ? undefined : 'suggestions-heading'}
      aria-label={inDialog ? 'Suggested cards' : undefined}
    >
      <div className="button-row">
        {inDialog ? (
          <span className="suggestions-spacer" />
        ) : (
          <h2 id="suggestions-heading" className="suggestions-heading">
            Suggested cards
          </h2>
        )}
        {/* Once there are suggestions, accepting them is the next step; generating again is not. */}
        <button
          type="button"
          ref={generateButton}
          className={suggestions && suggestions.length > 0 ? 'tool-button' : 'primary-button'}
          onClick={generate}
          disabled={loading}
        >
          {loading ? 'Reading the text…' : suggestions ? 'Generate again' : 'Generate cards'}
        </button>
        {loading && (
          <button type="button" className="tool-button" onClick={stop}>
            Stop
          </button>
        )}
        {shown.length > 0 && (
          <button
            type="button"
            className="primary-button"
            onClick={() => (suspects.length > 0 ? setConfirming(true) : void acceptAll([]))}
          >
            {filter === null ? 'Accept all' : `Accept all ${filterLabels[filter].toLowerCase()}`} (
            {shown.length})
          </button>
        )}
      </div>
      {suggestions && filter === null && suggestions.length > topCount && (
        <div className="segmented" role="group" aria-label="Suggestions to show">
          <button type="button" aria-pressed={!showAll} onClick={() => setShowAll(false)}>
            Top {topCount}
          </button>
          <button type="button" aria-pressed={showAll} onClick={() => setShowAll(true)}>
            All ({suggestions.length})
          </button>
        </div>
      )}
      <p className="muted" role="status" ref={status}>
        {loading
          ? progressText(progress)
          : stopped && !suggestions
            ? 'Stopped: nothing was suggested. Generate cards starts again from the beginning.'
            : suggestions
              ? `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} to review` +
                (decided > 0 ? ` · ${decided} decided before` : '') +
                (accepted > 0 ? ` · ${accepted} accepted now` : '')
              : 'Cards are suggested from the dates and actors of the text; you choose which to keep.'}
      </p>
      {loading && <GenerationProgressBar progress={progress} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {confirming && suspects.length > 0 && (
        <ConfirmSuspects
          suspects={suspects}
          others={shown.length - suspects.length}
          onAccept={(confirmed) => void acceptAll(confirmed)}
          onCancel={() => setConfirming(false)}
        />
      )}
      {suggestions && suggestions.length > 0 && counts.size > 1 && (
        <div className="filter-chips" role="group" aria-label="Show">
          <button type="button" aria-pressed={filter === null} onClick={() => setFilter(null)}>
            Every kind ({suggestions.length})
          </button>
          {(Object.keys(filterLabels) as SuggestionFilter[])
            .filter((value) => counts.has(value))
            .map((value) => (
              <button
                key={value}
                type="button"
                aria-pressed={filter === value}
                onClick={() => setFilter(value)}
              >
                {filterLabels[value]} ({counts.get(value)})
              </button>
            ))}
        </div>
      )}
      {suggestions && (
        <ul className="suggestion-list" aria-label="Suggestions" ref={list}>
          {shown.map((suggestion) => (
            <SuggestionItem
              key={suggestion.key}
              suggestion={suggestion}
              onAccept={async (edit) => {
                try {
                  await api.acceptSuggestion({ documentId, key: suggestion.key, ...(edit ?? {}) })
                  remove(suggestion.key)
                  setAccepted((count) => count + 1)
                  notifyStudyChanged()
                } catch (cause) {
                  fail(cause)
                }
              }}
              onReject={async () => {
                try {
                  await api.rejectSuggestion({ documentId, key: suggestion.key })
                  remove(suggestion.key)
                } catch (cause) {
                  fail(cause)
                }
              }}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
