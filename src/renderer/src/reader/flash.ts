// Briefly marks a block so the eye finds the passage a link, a note or a search result led to.
export function flashBlock(container: HTMLElement, blockId: string, durationMs = 1600): () => void {
  const element = container.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(blockId)}"]`)
  if (!element) return () => undefined
  element.classList.add('flash')
  const timer = window.setTimeout(() => element.classList.remove('flash'), durationMs)
  return () => {
    window.clearTimeout(timer)
    element.classList.remove('flash')
  }
}
