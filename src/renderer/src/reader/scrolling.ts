// Scrolling the reader to a place. Layout can still move while a smooth scroll runs (the reading
// face loading, a footnote list growing), so the landing is checked once the scroll ends and
// corrected if the target moved.
export const readingTop = 72

function targetTop(element: HTMLElement, fraction: number): number {
  const rect = element.getBoundingClientRect()
  return window.scrollY + rect.top + rect.height * fraction - readingTop
}

export function scrollToElement(
  element: HTMLElement,
  options: { fraction?: number; smooth?: boolean } = {}
): void {
  const fraction = options.fraction ?? 0
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  const smooth = (options.smooth ?? false) && !reduceMotion
  window.scrollTo({ top: targetTop(element, fraction), behavior: smooth ? 'smooth' : 'auto' })
  if (!smooth) return
  let settled = false
  const settle = (): void => {
    if (settled) return
    settled = true
    window.removeEventListener('scrollend', settle)
    const top = targetTop(element, fraction)
    if (Math.abs(top - window.scrollY) > 4) window.scrollTo({ top, behavior: 'auto' })
  }
  window.addEventListener('scrollend', settle)
  window.setTimeout(settle, 1500)
}

export function scrollToBlock(
  container: HTMLElement,
  blockId: string,
  fraction = 0,
  smooth = false
): boolean {
  const element = container.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(blockId)}"]`)
  if (!element) return false
  scrollToElement(element, { fraction, smooth })
  return true
}
