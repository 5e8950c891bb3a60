// "Generate cards" for the reader's toolbar: opens the document's suggestions in a dialog.
import { useEffect, useRef, useState } from 'react'
import { SuggestionsPanel } from './SuggestionsPanel'
import './study.css'

export function GenerateCardsButton({ documentId }: { documentId: string }) {
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open])
  return (
    <>
      <button type="button" ref={opener} className="tool-button" onClick={() => setOpen(true)}>
        Generate cards
      </button>
      {open && (
        <div
          className="modal-backdrop"
          onClick={(event) => event.target === event.currentTarget && setOpen(false)}
        >
          <div className="modal" role="dialog" aria-modal="true" aria-label="Generate cards">
            <div className="modal-head">
              <span className="muted">Cards from this document</span>
              <button
                type="button"
                className="tool-button"
                onClick={() => {
                  setOpen(false)
                  opener.current?.focus()
                }}
              >
                Close
              </button>
            </div>
            <SuggestionsPanel documentId={documentId} autoStart />
          </div>
        </div>
      )}
    </>
  )
}
