// A footnote opened where it is referenced: a small dialog beside its marker. Escape, the close
// button or a click elsewhere closes it and returns focus to the marker. To the keyboard it sits
// right after its marker: Tab past its last control closes it and goes on to what follows the
// marker in the text, Shift+Tab out of it closes it and goes back to the marker.
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import type { Block } from '../../../shared/types'
import { tabbables } from '../app/focus'
import { blockAttributes } from './textOffsets'
import { BlockText } from './BlockText'

export function FootnotePopover({
  footnote,
  anchor,
  onClose
}: {
  footnote: Block
  anchor: HTMLElement
  onClose: () => void
}) {
  const dialog = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    // Placed from the marker's measured box, before paint: no state round trip needed. Placed
    // again whenever the page's layout moves (the reading face arriving, a resize), so it stays
    // beside its marker.
    const place = (): void => {
      const element = dialog.current
      if (!element || !anchor.isConnected) return
      const rect = anchor.getBoundingClientRect()
      const width = Math.min(420, window.innerWidth - 24)
      const left = Math.max(
        12,
        Math.min(rect.left + window.scrollX - width / 2, window.scrollX + window.innerWidth - width - 12)
      )
      element.style.top = `${rect.bottom + window.scrollY + 8}px`
      element.style.left = `${left}px`
    }
    place()
    dialog.current?.focus({ preventScroll: true })
    const observer = new ResizeObserver(place)
    observer.observe(document.body)
    window.addEventListener('resize', place)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', place)
    }
  }, [anchor])

  useEffect(() => {
    const close = (): void => {
      onClose()
      anchor.focus()
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault()
        close()
      }
    }
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!dialog.current?.contains(target) && !anchor.contains(target)) onClose()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [anchor, onClose])

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Tab') return
    const stops = tabbables(event.currentTarget)
    const active = document.activeElement
    const leaving = event.shiftKey
      ? active === event.currentTarget || active === stops[0]
      : stops.length === 0 || active === stops[stops.length - 1]
    if (!leaving) return
    event.preventDefault()
    const popover = event.currentTarget
    const page = tabbables(document.body).filter((element) => !popover.contains(element))
    const next = event.shiftKey ? anchor : (page[page.indexOf(anchor) + 1] ?? anchor)
    onClose()
    next.focus()
  }

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-label={`Footnote ${footnote.number ?? ''}`}
      className="footnote-popover"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="footnote-popover-head">
        <span className="footnote-popover-number">Note {footnote.number}</span>
        <button
          type="button"
          className="icon-button"
          aria-label="Close footnote"
          onClick={() => {
            onClose()
            anchor.focus()
          }}
        >
          ×
        </button>
      </div>
      <p className="footnote-popover-text" {...blockAttributes(footnote)}>
        <BlockText block={footnote} />
      </p>
    </div>
  )
}
