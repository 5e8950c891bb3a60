// Editing a card's question and answer (for a cloze card: its note, which its siblings share).
import { useEffect, useRef, useState } from 'react'
import { clozeIndices } from '../../../shared/study/cloze'
import type { CardListRow } from '../../../shared/study/types'
import { api } from '../api/client'
import { Modal } from './Modal'
import './study.css'

export function CardEditDialog({ row, onClose }: { row: CardListRow; onClose: (saved: boolean) => void }) {
  const [front, setFront] = useState(row.front)
  const [back, setBack] = useState(row.back)
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLTextAreaElement>(null)
  useEffect(() => first.current?.focus(), [])
  const isCloze = row.clozeIndex !== null
  const invalid = !front.trim() || (isCloze && clozeIndices(front).length === 0)
  return (
    <Modal title="Edit card" onClose={() => onClose(false)}>
      <form
        className="edit-form"
        onSubmit={(event) => {
          event.preventDefault()
          api
            .updateCard({ cardId: row.id, front, back })
            .then(() => onClose(true))
            .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
        }}
      >
        <label>
          {isCloze ? 'Text with deletions ({{c1::…}}; shared by the cards of this note)' : 'Question'}
          <textarea ref={first} rows={4} value={front} onChange={(event) => setFront(event.target.value)} />
        </label>
        <label>
          {isCloze ? 'Extra (shown on the back)' : 'Answer'}
          <textarea rows={2} value={back} onChange={(event) => setBack(event.target.value)} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary-button" disabled={invalid}>
            Save
          </button>
          <button type="button" className="tool-button" onClick={() => onClose(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  )
}
