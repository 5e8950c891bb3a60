// Remembers where the reader is in a document (the block at the top of the reading area and how far
// into it) and returns there when the document is opened again.
import { useEffect, useRef } from 'react'
import { api } from '../api/client'
import { readingTop, scrollToBlock } from './scrolling'

function blockElements(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-block-id]')]
}

export function useReadingPosition(
  documentId: string,
  container: React.RefObject<HTMLElement | null>,
  ready: boolean,
  skipRestore: boolean
): void {
  const restored = useRef(false)

  useEffect(() => {
    if (!ready || restored.current) return
    restored.current = true
    if (skipRestore) return
    // Wait for the reading face: until it is in, blocks have other heights than when the place was saved.
    Promise.all([api.getReadingPosition({ documentId }), document.fonts.ready])
      .then(([position]) => {
        // The reader may already have moved (scrolled, followed a link, selected text): leave them there.
        const moved = window.scrollY > 0 || !(document.getSelection()?.isCollapsed ?? true)
        if (position && container.current && !moved)
          scrollToBlock(container.current, position.blockId, position.fraction)
      })
      .catch(() => undefined)
  }, [documentId, container, ready, skipRestore])

  useEffect(() => {
    if (!ready) return
    let timer: number | undefined
    const save = (): void => {
      const root = container.current
      if (!root) return
      const top = blockElements(root).find((element) => element.getBoundingClientRect().bottom > readingTop)
      if (!top?.dataset.blockId) return
      const rect = top.getBoundingClientRect()
      const fraction = rect.height > 0 ? Math.min(1, Math.max(0, (readingTop - rect.top) / rect.height)) : 0
      void api
        .saveReadingPosition({ documentId, blockId: top.dataset.blockId, fraction })
        .catch(() => undefined)
    }
    const onScroll = (): void => {
      window.clearTimeout(timer)
      timer = window.setTimeout(save, 300)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', onScroll)
      window.clearTimeout(timer)
    }
  }, [documentId, container, ready])
}
