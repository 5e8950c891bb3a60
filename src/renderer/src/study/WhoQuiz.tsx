// "Who is this?": a clue from the text (a role, or a sentence with the name hidden) and four names
// of the same kind of actor to choose from. An answer hands focus to "Next question" (the options
// are disabled under it), and the next question gives it to its first option.
import { useEffect, useRef, useState } from 'react'
import { whoQuestion } from '../../../shared/study/quiz'
import type { WhoActor } from '../../../shared/study/types'
import './study.css'

export function WhoQuiz({ actors }: { actors: WhoActor[] }) {
  const [question, setQuestion] = useState(() => whoQuestion(actors, Math.random))
  const [chosen, setChosen] = useState<string | null>(null)
  const [score, setScore] = useState({ right: 0, asked: 0 })
  const quiz = useRef<HTMLDivElement>(null)
  const next = useRef<HTMLButtonElement>(null)
  const played = useRef(false)
  useEffect(() => {
    if (!played.current) return
    if (chosen === null) quiz.current?.querySelector('button')?.focus()
    else next.current?.focus()
  }, [chosen, question])
  if (!question) return <p className="muted">Too few actors for a quiz.</p>
  const answer = actors.find((actor) => actor.id === question.actorId)
  const verdict = chosen === question.actorId ? 'Right' : `No: it was ${answer?.name ?? ''}`
  return (
    <div className="quiz" role="group" aria-label="Who is this? quiz" ref={quiz}>
      <p>{question.clue}</p>
      <div className="quiz-options">
        {question.options.map((option) => {
          const state =
            chosen === null
              ? ''
              : option.id === question.actorId
                ? 'right'
                : option.id === chosen
                  ? 'wrong'
                  : ''
          return (
            <button
              key={option.id}
              type="button"
              className={state}
              disabled={chosen !== null}
              onClick={() => {
                played.current = true
                setChosen(option.id)
                setScore((current) => ({
                  right: current.right + (option.id === question.actorId ? 1 : 0),
                  asked: current.asked + 1
                }))
              }}
            >
              {option.name}
            </button>
          )
        })}
      </div>
      <div className="button-row">
        {/* Always there (empty before an answer), so that the verdict is announced as it appears. */}
        <p role="status" style={{ flex: 1, margin: 0 }}>
          {chosen !== null && `${verdict} · ${score.right} of ${score.asked} so far`}
        </p>
        {chosen !== null && (
          <button
            type="button"
            ref={next}
            className="primary-button"
            onClick={() => {
              setQuestion(whoQuestion(actors, Math.random))
              setChosen(null)
            }}
          >
            Next question
          </button>
        )}
      </div>
    </div>
  )
}
