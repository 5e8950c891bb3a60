// A panel that opens under a button in the top bar (Export, Reader settings, Contents): Escape
// closes it, and whenever it closes with the keyboard's focus inside it, focus goes back to its
// button instead of being dropped on the page body with the panel.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

export interface Popover {
  open: boolean
  toggle: () => void
  close: () => void
  /** The element holding both the button and its panel. */
  host: RefObject<HTMLDivElement | null>
  button: RefObject<HTMLButtonElement | null>
}

export function usePopover({ closeOnOutsidePress = true }: { closeOnOutsidePress?: boolean } = {}): Popover {
  const [open, setOpen] = useState(false)
  const host = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  const close = useCallback(() => {
    if (host.current?.contains(document.activeElement)) button.current?.focus()
    setOpen(false)
  }, [])
  const toggle = useCallback(() => setOpen((value) => !value), [])

  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      // Wherever focus is: the panel was opened last, so it is what Escape closes.
      event.preventDefault()
      button.current?.focus()
      setOpen(false)
    }
    const onPointer = (event: PointerEvent): void => {
      if (host.current && !host.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    if (closeOnOutsidePress) document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open, closeOnOutsidePress])

  return { open, toggle, close, host, button }
}
