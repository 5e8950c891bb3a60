// "Who is this?": a clue from the text (a role, or a sentence with the name hidden) and four names
// of the same kind of actor to choose from.
import { useState } from 'react'
import { whoQuestion } from '../../../shared/study/quiz'
import type { WhoActor } from '../../../shared/study/types'
import './study.css'

export function WhoQuiz({ actors }: { actors: WhoActor[] }) {
  const [question, setQuestion] = useState(() => whoQuestion(actors, Math.random))
  const [chosen, setChosen] = useState<string | null>(null)
  const [score, setScore] = useState({ right: 0, asked: 0 })
  if (!question) return <p className="muted">Too few actors for a quiz.</p>
  const answer = actors.find((actor) => actor.id === question.actorId)
  return (
    <div className="quiz" role="group" aria-label="Who is this? quiz">
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
      {chosen !== null && (
        <div className="button-row">
          <p role="status" style={{ flex: 1, margin: 0 }}>
            {chosen === question.actorId ? 'Right' : `No: it was ${answer?.name ?? ''}`} · {score.right} of{' '}
            {score.asked} so far
          </p>
          <button
            type="button"
            className="primary-button"
            onClick={() => {
              setQuestion(whoQuestion(actors, Math.random))
              setChosen(null)
            }}
          >
            Next question
          </button>
        </div>
      )}
    </div>
  )
}
