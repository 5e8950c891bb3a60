// "Generate cards" for the reader's toolbar: opens the document's suggestions in a dialog.
import { useEffect, useRef, useState } from 'react'
import { Modal } from './Modal'
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
        <Modal
          title="Generate cards"
          closeOnBackdrop
          onClose={() => setOpen(false)}
          head={
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
          }
        >
          <SuggestionsPanel documentId={documentId} autoStart />
        </Modal>
      )}
    </>
  )
}
