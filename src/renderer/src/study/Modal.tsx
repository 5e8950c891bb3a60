// The one modal frame of the study screens: a backdrop, a labelled dialog with its heading, and
// Escape to close (a click on the backdrop too, where nothing typed would be lost). Rendered into
// <body>: opened from the top bar, whose backdrop blur would otherwise confine a fixed element.
import { useId, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

export function Modal({
  title,
  onClose,
  closeOnBackdrop = false,
  head,
  children
}: {
  title: string
  onClose: () => void
  closeOnBackdrop?: boolean
  /** Shown in the heading row after the title (e.g. a Close button). */
  head?: ReactNode
  children: ReactNode
}) {
  const headingId = useId()
  return createPortal(
    <div
      className="modal-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) onClose()
      }}
    >
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={headingId}>
        <div className="modal-head">
          <h2 id={headingId}>{title}</h2>
          {head}
        </div>
        {children}
      </div>
    </div>,
    document.body
  )
}
