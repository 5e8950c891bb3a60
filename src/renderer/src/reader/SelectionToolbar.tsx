// The small toolbar that appears over a selection: a highlight button per colour, its meaning
// written beside its swatch (not only in a tooltip), then "Add note", "Copy quote" and "Make card".
import type { ReactNode } from 'react'
import { highlightColourIds, type HighlightColourId } from '../../../shared/types'

export function SelectionToolbar({
  rect,
  meaningOf,
  onHighlight,
  onNote,
  onCopy,
  extra
}: {
  rect: DOMRect
  meaningOf: (colour: HighlightColourId) => string
  onHighlight: (colour: HighlightColourId) => void
  onNote: () => void
  onCopy: () => void
  extra?: ReactNode
}) {
  // Two rows: the colours with their meanings, then the other actions (styles.css).
  const width = 540
  const height = 84
  const left = Math.max(8, Math.min(rect.left + rect.width / 2 - width / 2, window.innerWidth - width - 8))
  const above = rect.top > height + 80
  // Beside the selection, but never outside the window (a long selection, or one scrolled away).
  const top = Math.min(
    Math.max(above ? rect.top - height - 8 : rect.bottom + 10, 64),
    window.innerHeight - height - 4
  )
  return (
    <div
      role="toolbar"
      aria-label="Selection"
      className="selection-toolbar"
      style={{ left, top }}
      // Keep the text selected while a button is pressed.
      onMouseDown={(event) => event.preventDefault()}
    >
      {highlightColourIds.map((colour) => (
        <button
          key={colour}
          type="button"
          className="toolbar-colour"
          aria-label={`Highlight: ${meaningOf(colour)}`}
          title={`Highlight: ${meaningOf(colour)}`}
          onClick={() => onHighlight(colour)}
        >
          <span className={`swatch swatch-${colour}`} aria-hidden="true" />
          <span className="toolbar-colour-meaning">{meaningOf(colour)}</span>
        </button>
      ))}
      <span className="toolbar-break" aria-hidden="true" />
      <button type="button" className="toolbar-button" onClick={onNote} title="Add note (Ctrl+Shift+M)">
        Add note
      </button>
      <button type="button" className="toolbar-button" onClick={onCopy}>
        Copy quote
      </button>
      {extra}
    </div>
  )
}
