// Find in document (Ctrl/Cmd+F while a document is open): marks every match in the text with the
// CSS Custom Highlight API, shows "3 of 17", and moves between matches with Enter / Shift+Enter.
// The React-rendered DOM is never changed: highlights are Ranges over its text nodes.
// Closing gives focus back to where it was before, or else to the passage of the current match.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { matchesShortcut, modShortcuts } from '../../../shared/shortcuts'
import { useDesktopCommands } from '../app/desktopCommands'
import { focusPlace } from '../app/focus'
import { findRanges } from './findRanges'
import './search.css'

const allName = 'scholia-find'
const currentName = 'scholia-find-current'

function articleElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('article.article')
}

function paint(ranges: Range[], current: number): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return
  CSS.highlights.set(allName, new Highlight(...ranges))
  const chosen = ranges[current]
  if (chosen) CSS.highlights.set(currentName, new Highlight(chosen))
  else CSS.highlights.delete(currentName)
}

function clearPaint(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return
  CSS.highlights.delete(allName)
  CSS.highlights.delete(currentName)
}

/** Brings a match into view below the top bar, centred when it has to move. */
function reveal(range: Range): void {
  const box = range.getBoundingClientRect()
  const top = document.querySelector('.top-bar')?.getBoundingClientRect().bottom ?? 0
  if (box.top >= top + 40 && box.bottom <= window.innerHeight - 40) return
  window.scrollBy({ top: box.top - (top + window.innerHeight) / 2, behavior: 'instant' })
}

export function FindInDocument() {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const [version, setVersion] = useState(0)
  /** What had focus before Ctrl/Cmd+F, to go back to. */
  const returnTo = useRef<Element | null>(null)

  const openBar = useCallback(() => {
    if (!document.querySelector('.find-bar')?.contains(document.activeElement))
      returnTo.current = document.activeElement
    setOpen(true)
    // Already open: back to the box, its text selected (a new bar focuses itself as it mounts).
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (!matchesShortcut(event, modShortcuts.findInDocument)) return
      // Only where there is a document to search; elsewhere the browser's own find stays.
      if (!articleElement()) return
      event.preventDefault()
      openBar()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openBar])
  // Edit › Find in document… in the desktop app.
  useDesktopCommands({ 'find-in-document': () => articleElement() && openBar() })

  // The document re-renders (loaded, highlights added): find again.
  useEffect(() => {
    const article = articleElement()
    if (!open || !article) return
    let timer = 0
    const observer = new MutationObserver(() => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => setVersion((value) => value + 1), 150)
    })
    observer.observe(article, { childList: true, subtree: true, characterData: true })
    return () => {
      observer.disconnect()
      window.clearTimeout(timer)
    }
  }, [open])

  // The matches are read from the rendered document whenever the query or the document changes.
  const ranges = useMemo(() => {
    const article = articleElement()
    return open && article && version >= 0 ? findRanges(article, query) : []
  }, [open, query, version])
  // The current match belongs to one set of matches: a new set starts at its first.
  const [choice, setChoice] = useState<{ ranges: Range[]; index: number }>({ ranges: [], index: 0 })
  const current = choice.ranges === ranges ? choice.index : 0

  useEffect(() => {
    if (ranges[0]) reveal(ranges[0])
  }, [ranges])

  useEffect(() => {
    if (open) paint(ranges, current)
    else clearPaint()
  }, [open, ranges, current])

  useEffect(() => clearPaint, [])

  const move = useCallback(
    (step: number) => {
      if (ranges.length === 0) return
      const next = (current + step + ranges.length) % ranges.length
      setChoice({ ranges, index: next })
      const range = ranges[next]
      if (range) reveal(range)
    },
    [ranges, current]
  )

  const close = (): void => {
    const before = returnTo.current
    const match = ranges[current]?.startContainer.parentElement?.closest<HTMLElement>('[data-block-id]')
    setOpen(false)
    setQuery('')
    if (!(before instanceof HTMLElement && before !== document.body && focusPlace(before)))
      focusPlace(match ?? articleElement())
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      move(event.shiftKey ? -1 : 1)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  }

  if (!open) return null
  const counter =
    query.trim() === '' ? '' : ranges.length === 0 ? 'No matches' : `${current + 1} of ${ranges.length}`
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={inputRef}
        type="search"
        className="find-input"
        aria-label="Find in document"
        placeholder="Find in document"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" role="status" aria-live="polite">
        {counter}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        onClick={() => move(-1)}
        disabled={ranges.length === 0}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        onClick={() => move(1)}
        disabled={ranges.length === 0}
      >
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={close}>
        ×
      </button>
    </div>
  )
}
