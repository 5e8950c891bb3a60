// The step "Accept all" takes when suspect suggestions (those the app flags) are among those shown:
// each is listed with its warning and an unticked box; only the ticked ones are accepted.
import { useState } from 'react'
import type { CardSuggestion } from '../../../shared/extraction/types'
import { clozeIndices, renderCloze } from '../../../shared/study/cloze'

/** The step "Accept all" takes when suspect suggestions are among those shown: tick the ones to keep. */
export function ConfirmSuspects({
  suspects,
  others,
  onAccept,
  onCancel
}: {
  suspects: CardSuggestion[]
  others: number
  onAccept: (confirmed: string[]) => void
  onCancel: () => void
}) {
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set())
  const toggle = (key: string, checked: boolean): void =>
    setConfirmed((current) => {
      const next = new Set(current)
      if (checked) next.add(key)
      else next.delete(key)
      return next
    })
  return (
    <section className="confirm-suspects" aria-labelledby="confirm-suspects-heading">
      <h3 id="confirm-suspects-heading">
        Check {suspects.length === 1 ? 'this suggestion' : `these ${suspects.length} suggestions`} first
      </h3>
      <p className="muted">
        The app read {suspects.length === 1 ? 'it' : 'them'} with a correction. Tick the ones that are right;
        the others stay in the list, not accepted.
      </p>
      <ul className="confirm-suspects-list">
        {suspects.map((suspect) => (
          <li key={suspect.key}>
            <label>
              <input
                type="checkbox"
                checked={confirmed.has(suspect.key)}
                onChange={(event) => toggle(suspect.key, event.target.checked)}
              />{' '}
              <span className="suggestion-front">
                {clozeIndices(suspect.front).length > 0
                  ? renderCloze(suspect.front, 1, 'front')
                  : suspect.front}
              </span>{' '}
              → {suspect.back}
              <span className="suggestion-warning"> Check: {suspect.warning}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="primary-button" onClick={() => onAccept([...confirmed])}>
          Accept {others + confirmed.size}
          {confirmed.size < suspects.length ? `, leave ${suspects.length - confirmed.size} unticked` : ''}
        </button>
        <button type="button" className="tool-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  )
}
