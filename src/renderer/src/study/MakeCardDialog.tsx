// "Make card" from a selection in the reader: proposes a cloze of the selected words in their
// sentence, editable before saving; the card keeps the selection as its source passage.
import { useEffect, useRef, useState } from 'react'
import { clozeIndices, renderCloze } from '../../../shared/study/cloze'
import { proposeCloze } from '../../../shared/study/proposeCloze'
import { api } from '../api/client'
import { notifyStudyChanged } from './studyEvents'
import { Modal } from './Modal'
import './study.css'

export interface MakeCardDialogProps {
  documentId: string
  /** The selection, as offsets in the document's full text. */
  start: number
  end: number
  selectedText: string
  /** The sentence the selection stands in. */
  sentence: string
  onClose: (saved: boolean) => void
  /** Where focus goes when the dialog closes (the passage it was made from). */
  returnFocus?: () => HTMLElement | null
}

export function MakeCardDialog({
  documentId,
  start,
  end,
  selectedText,
  sentence,
  onClose,
  returnFocus
}: MakeCardDialogProps) {
  const [text, setText] = useState(() => proposeCloze(sentence, selectedText))
  const [extra, setExtra] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  useEffect(() => field.current?.focus(), [])
  const numbers = clozeIndices(text)

  const save = (): void => {
    setSaving(true)
    api
      .createCard({ documentId, kind: 'cloze', front: text, back: extra, source: { start, end } })
      .then(() => {
        notifyStudyChanged()
        onClose(true)
      })
      .catch((cause: unknown) => {
        setError(cause instanceof Error ? cause.message : String(cause))
        setSaving(false)
      })
  }

  return (
    <Modal title="Make card" onClose={() => onClose(false)} returnFocus={returnFocus}>
      <form
        className="edit-form"
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
      >
        <label>
          Cloze text — the words in {'{{c1::…}}'} are hidden; add {'{{c2::…}}'} for a second card
          <textarea ref={field} rows={4} value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <div>
          <div className="muted" style={{ fontSize: 14 }}>
            Preview ({numbers.length} card{numbers.length === 1 ? '' : 's'})
          </div>
          {numbers.map((number) => (
            <p key={number} className="cloze-preview">
              {renderCloze(text, number, 'front')}
            </p>
          ))}
        </div>
        <label>
          Extra (shown with the answer)
          <textarea rows={2} value={extra} onChange={(event) => setExtra(event.target.value)} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary-button" disabled={saving || numbers.length === 0}>
            Save card{numbers.length > 1 ? 's' : ''}
          </button>
          <button type="button" className="tool-button" onClick={() => onClose(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  )
}
