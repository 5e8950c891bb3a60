// The one modal frame of the study screens: a backdrop, a labelled dialog with its heading, and
// Escape to close (a click on the backdrop too, where nothing typed would be lost). Rendered into
// <body>: opened from the top bar, whose backdrop blur would otherwise confine a fixed element.
// It keeps the keyboard with it: focus moves in when it opens (unless the content has already put
// it somewhere inside, such as a text field), Tab and Shift+Tab go round inside it, and focus
// goes back where it came from when it closes, however it closes.
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { focusPlace, tabbables } from '../app/focus'

export function Modal({
  title,
  onClose,
  closeOnBackdrop = false,
  head,
  returnFocus,
  children
}: {
  title: string
  onClose: () => void
  closeOnBackdrop?: boolean
  /** Shown in the heading row after the title (e.g. a Close button). */
  head?: ReactNode
  /**
   * Where focus goes on closing, instead of the element it came from (which may be gone, such as
   * a toolbar that closed with its selection).
   */
  returnFocus?: () => HTMLElement | null | undefined
  children: ReactNode
}) {
  const headingId = useId()
  const dialog = useRef<HTMLDivElement>(null)
  // Read while rendering the first time: by the time effects run, the content may have moved focus.
  const opener = useRef<Element | null>(null)
  if (opener.current === null) opener.current = document.activeElement
  const latest = useRef({ onClose, returnFocus })
  useLayoutEffect(() => {
    latest.current = { onClose, returnFocus }
  })

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (!element.contains(document.activeElement)) focusPlace(element)
    const from = opener.current
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault()
        latest.current.onClose()
      } else if (event.key === 'Tab') {
        const stops = tabbables(element)
        const first = stops[0]
        const last = stops[stops.length - 1]
        if (!first || !last) {
          event.preventDefault()
        } else if (
          event.shiftKey &&
          (document.activeElement === first || document.activeElement === element)
        ) {
          event.preventDefault()
          last.focus()
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault()
          first.focus()
        }
      }
    }
    // Focus that gets out anyway (a click on the backdrop, a control removed under it) comes back.
    const onFocusIn = (event: FocusEvent): void => {
      if (!element.contains(event.target as Node)) focusPlace(element)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('focusin', onFocusIn)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('focusin', onFocusIn)
      // After this dialog is gone from the page: back to the opener, or where the owner says.
      const back = from instanceof HTMLElement && from !== document.body ? from : null
      queueMicrotask(() => {
        if (element.isConnected) return // mounted again (React's development double start)
        if (!focusPlace(latest.current.returnFocus?.())) focusPlace(back)
      })
    }
  }, [])

  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(event) => {
        // A press on the backdrop would otherwise take focus out of the dialog.
        if (event.target === event.currentTarget) event.preventDefault()
      }}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
      >
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
