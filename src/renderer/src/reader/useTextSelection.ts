// The reader's current text selection as full-text offsets, kept up to date as it changes and as
// the page scrolls (so a toolbar placed beside it follows it).
import { useEffect, useState, type RefObject } from 'react'
import { selectionOffsets, type TextSelection } from './textOffsets'

export function useTextSelection(
  root: RefObject<HTMLElement | null>,
  enabled: boolean
): [TextSelection | null, () => void] {
  const [selection, setSelection] = useState<TextSelection | null>(null)
  useEffect(() => {
    if (!enabled) return
    let frame = 0
    const update = (): void => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const element = root.current
        setSelection(element ? selectionOffsets(element, document.getSelection()) : null)
      })
    }
    document.addEventListener('selectionchange', update)
    window.addEventListener('scroll', update, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', update)
      window.removeEventListener('scroll', update)
    }
  }, [root, enabled])
  const clear = (): void => {
    document.getSelection()?.removeAllRanges()
    setSelection(null)
  }
  return [selection, clear]
}
