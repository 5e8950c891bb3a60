// Put five events in order, by dragging or with "Move up"/"Move down"; "Check" scores the order
// and shows the right one with the dates. The keyboard's focus travels with the event it moves
// (to its other button at either end), to the score after "Check", to the first event after "New quiz".
import { useEffect, useRef, useState, type DragEvent } from 'react'
import { focusPlace } from '../app/focus'
import { blank } from '../../../shared/study/cloze'
import { chronologyQuestion, correctOrder, scoreChronology } from '../../../shared/study/quiz'
import type { TimelineEvent } from '../../../shared/study/types'
import './study.css'

export function ChronologyQuiz({ events }: { events: TimelineEvent[] }) {
  const [order, setOrder] = useState(() => chronologyQuestion(events, Math.random))
  const [checked, setChecked] = useState(false)
  const [dragged, setDragged] = useState<number | null>(null)
  const items = useRef<HTMLOListElement>(null)
  const result = useRef<HTMLDivElement>(null)
  /** Where focus goes once the list has been drawn again: a moved event's button, or a part. */
  const refocus = useRef<{ index: number; up: boolean } | 'result' | 'first' | null>(null)
  useEffect(() => {
    const target = refocus.current
    refocus.current = null
    if (target === 'result') focusPlace(result.current)
    else if (target === 'first')
      items.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus()
    else if (target) {
      const [up, down] = items.current?.children[target.index]?.querySelectorAll('button') ?? []
      const wanted = target.up ? up : down
      ;(wanted && !wanted.disabled ? wanted : target.up ? down : up)?.focus()
    }
  }, [order, checked])

  if (order.length < 2) return <p className="muted">Too few distinct dates for a quiz.</p>

  const move = (from: number, to: number): void => {
    if (to < 0 || to >= order.length || checked) return
    if (items.current?.contains(document.activeElement)) refocus.current = { index: to, up: to < from }
    const next = [...order]
    const [item] = next.splice(from, 1)
    if (item) next.splice(to, 0, item)
    setOrder(next)
  }
  const right = correctOrder(order)
  const score = scoreChronology(order)

  return (
    <div className="quiz" aria-label="Chronology quiz" role="group">
      <p>Put these events in the order they happened, earliest first.</p>
      <ol className="quiz-items" aria-label="Your order" ref={items}>
        {order.map((event, index) => (
          <li
            key={event.id}
            className={`quiz-item${checked ? (right[index]?.id === event.id ? ' right' : ' wrong') : ''}`}
            draggable={!checked}
            onDragStart={() => setDragged(index)}
            onDragOver={(dragEvent: DragEvent) => dragEvent.preventDefault()}
            onDrop={() => {
              if (dragged !== null) move(dragged, index)
              setDragged(null)
            }}
          >
            <span className="position">{index + 1}</span>
            <span>
              {checked ? event.sentence : event.sentence.replace(event.expression, blank)}
              {checked && <strong> ({event.expression})</strong>}
            </span>
            <span className="button-row">
              <button
                type="button"
                className="tool-button"
                disabled={checked || index === 0}
                aria-label={`Move up: event ${index + 1}`}
                onClick={() => move(index, index - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="tool-button"
                disabled={checked || index === order.length - 1}
                aria-label={`Move down: event ${index + 1}`}
                onClick={() => move(index, index + 1)}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      {!checked ? (
        <button
          type="button"
          className="primary-button"
          onClick={() => {
            refocus.current = 'result'
            setChecked(true)
          }}
        >
          Check order
        </button>
      ) : (
        <div ref={result}>
          <p role="status">
            <strong>
              {score.correct} of {score.total} in the right place.
            </strong>
          </p>
          <p>The right order:</p>
          <ol>
            {right.map((event) => (
              <li key={event.id}>
                <strong>{event.expression}</strong> — {event.sentence}
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="tool-button"
            onClick={() => {
              refocus.current = 'first'
              setOrder(chronologyQuestion(events, Math.random))
              setChecked(false)
            }}
          >
            New quiz
          </button>
        </div>
      )}
    </div>
  )
}
