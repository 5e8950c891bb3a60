// "Generate cards" for the reader's toolbar: opens the document's suggestions in a dialog (which
// closes with Escape and gives focus back to this button).
import { useState } from 'react'
import { Modal } from './Modal'
import { SuggestionsPanel } from './SuggestionsPanel'
import './study.css'

export function GenerateCardsButton({ documentId }: { documentId: string }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="tool-button" onClick={() => setOpen(true)}>
        Generate cards
      </button>
      {open && (
        <Modal
          title="Generate cards"
          closeOnBackdrop
          onClose={() => setOpen(false)}
          head={
            <button type="button" className="tool-button" onClick={() => setOpen(false)}>
              Close
            </button>
          }
        >
          <SuggestionsPanel documentId={documentId} autoStart inDialog />
        </Modal>
      )}
    </>
  )
}
