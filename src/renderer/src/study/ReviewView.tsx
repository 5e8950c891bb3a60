// The review screen, keyboard first: Space shows the answer, 1–4 grade it (Again, Hard, Good,
// Easy, each labelled with the interval it would give), Ctrl/Cmd+Z takes the last answer back
// (through the app's one undo history). The queue is asked for again after every answer, so that
// learning cards come back when due and siblings stay buried. The keyboard's focus follows: to the
// grades when the answer shows (announced through a live region), to the next card's "Show answer".
import { useCallback, useEffect, useRef, useState } from 'react'
import { formatInterval } from '../../../shared/study/scheduling'
import { gradeNames, type Grade, type ReviewQueue } from '../../../shared/study/types'
import { api } from '../api/client'
import { focusIsLost, focusPlace } from '../app/focus'
import { TopBar } from '../app/TopBar'
import { pushUndo } from '../app/undo'
import { answerText, CardFace } from './CardFace'
import { DeckList } from './DeckView'
import { GenerateCardsLink } from './GenerateCardsLink'
import { passageHref } from './routes'
import { StudyNav } from './StudyNav'
import { notifyStudyChanged } from './studyEvents'
import './study.css'

const grades: Grade[] = [1, 2, 3, 4]

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'INPUT' ||
      target.tagName === 'SELECT')
  )
}

export function ReviewView({ documentId }: { documentId: string | null }) {
  const [queue, setQueue] = useState<ReviewQueue | null>(null)
  const [revealed, setRevealed] = useState(false)
  const [answered, setAnswered] = useState(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const shownAt = useRef(0)
  const mounted = useRef(true)
  const showAnswerButton = useRef<HTMLButtonElement>(null)
  const gradeGroup = useRef<HTMLDivElement>(null)
  const doneHeading = useRef<HTMLHeadingElement>(null)
  /** Set once an answer showed: the next card (or the end) takes the focus the grade buttons had. */
  const answeredHere = useRef(false)

  const load = useCallback(
    async (preferCardId?: string) => {
      const next = await api.getReviewQueue(documentId ? { documentId } : {})
      if (!mounted.current) return
      if (preferCardId) {
        const index = next.cards.findIndex((entry) => entry.card.id === preferCardId)
        if (index > 0) next.cards.unshift(...next.cards.splice(index, 1))
      }
      setQueue(next)
      setRevealed(false)
      shownAt.current = Date.now()
    },
    [documentId]
  )

  useEffect(() => {
    mounted.current = true
    load().catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
    return () => {
      mounted.current = false
    }
  }, [load])

  const current = queue?.cards[0] ?? null

  // Not on opening the screen: only once the person has shown an answer (and answered, or undone).
  useEffect(() => {
    if (revealed) {
      answeredHere.current = true
      focusPlace(gradeGroup.current)
    } else if (answeredHere.current && focusIsLost()) {
      answeredHere.current = false
      focusPlace(showAnswerButton.current ?? doneHeading.current)
    }
  }, [revealed, queue])

  const grade = useCallback(
    async (value: Grade) => {
      if (!current || busy) return
      setBusy(true)
      try {
        await api.answerCard({
          cardId: current.card.id,
          grade: value,
          durationMs: Math.min(Date.now() - shownAt.current, 3_600_000)
        })
        setAnswered((count) => count + 1)
        pushUndo({
          label: `Answer “${gradeNames[value]}”`,
          undo: async () => {
            const result = await api.undoLastAnswer({})
            notifyStudyChanged()
            if (!mounted.current) return
            setAnswered((count) => Math.max(0, count - 1))
            await load(result?.card.id)
          }
        })
        notifyStudyChanged()
        await load()
      } catch (cause) {
        setError(cause instanceof Error ? cause.message : String(cause))
      } finally {
        setBusy(false)
      }
    },
    [busy, current, load]
  )

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || !current) return
      if (event.key === ' ' && !revealed) {
        event.preventDefault()
        setRevealed(true)
      } else if (revealed && ['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault()
        void grade(Number(event.key) as Grade)
      } else if (event.key === ' ') {
        // Space on a focused button would press it: once the answer shows, grades are 1–4 only.
        event.preventDefault()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [current, grade, revealed])

  const remaining = queue ? queue.remaining.new + queue.remaining.learning + queue.remaining.review : 0
  const total = answered + remaining
  // Nothing to study is not "all done": the bar stays empty, and the screen says where cards come from.
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100)

  return (
    <>
      <TopBar title={documentId && current ? current.card.deckTitle : undefined} />
      <main className="study-page" aria-labelledby="review-heading">
        <StudyNav current="study" />
        <h1 id="review-heading">Review</h1>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {queue && (
          <>
            <div
              className="review-progress"
              role="progressbar"
              aria-label="Session progress"
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={answered}
              aria-valuetext={total === 0 ? 'No cards to study' : `${answered} of ${total} answered`}
            >
              <div style={{ width: `${percent}%` }} />
            </div>
            <p className="review-counts">
              <span>New {queue.remaining.new}</span>
              <span>Learning {queue.remaining.learning}</span>
              <span>Review {queue.remaining.review}</span>
              <span>Answered this session {answered}</span>
            </p>
          </>
        )}
        {queue && !current && (
          <div className="done-panel">
            <h2 ref={doneHeading}>Nothing more to study now</h2>
            <p className="muted">
              {answered > 0 ? `You answered ${answered} card${answered === 1 ? '' : 's'} this session. ` : ''}
              New cards come from a document’s suggestions: open a document’s study page to generate them.
            </p>
            <p>
              <GenerateCardsLink />
            </p>
            <p>
              <a href="#/library">Library</a> · <a href="#/cards">All cards</a> ·{' '}
              <a href="#/stats">Statistics</a>
            </p>
          </div>
        )}
        {current && (
          <section className="review-card" aria-label="Card">
            <div className="review-card-meta">
              <span>
                {current.card.deckTitle} · {current.card.kind}
                {current.card.schedule.state === 'new' ? ' · new' : ''}
              </span>
              {current.card.source && (
                <a
                  href={passageHref(current.card.documentId, current.card.source.position.start)}
                  title={
                    current.card.sourceAnchor?.state === 'orphaned'
                      ? 'The text changed and this passage was not found again: this is where it was.'
                      : undefined
                  }
                >
                  {current.card.sourceAnchor?.state === 'orphaned'
                    ? 'Show where it was (passage changed)'
                    : 'Show in text'}
                </a>
              )}
            </div>
            <CardFace card={current.card} revealed={revealed} />
            <div className="review-actions">
              {!revealed ? (
                <button
                  type="button"
                  ref={showAnswerButton}
                  className="primary-button"
                  onClick={() => setRevealed(true)}
                >
                  Show answer <span className="kbd">Space</span>
                </button>
              ) : (
                <div
                  className="grade-buttons"
                  role="group"
                  aria-label="How well did you remember?"
                  ref={gradeGroup}
                >
                  {grades.map((value) => (
                    <button
                      key={value}
                      type="button"
                      className="grade-button"
                      data-grade={value}
                      disabled={busy}
                      aria-keyshortcuts={String(value)}
                      onClick={() => void grade(value)}
                    >
                      <span className="grade-name">{gradeNames[value]}</span>
                      <span className="grade-interval">{formatInterval(current.intervals[value])}</span>
                      <span className="kbd" aria-hidden="true">
                        {value}
                      </span>
                    </button>
                  ))}
                </div>
              )}
            </div>
          </section>
        )}
        {/* Mounted before the answer shows, so that screen readers announce the change. */}
        <p className="visually-hidden" aria-live="polite">
          {revealed && current ? answerText(current.card) : ''}
        </p>
        {!documentId && <DeckList />}
      </main>
    </>
  )
}
