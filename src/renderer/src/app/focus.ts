// Keeping the keyboard's place: what can be tabbed to inside an element, and moving focus to a
// place that is not itself a control (a passage, a heading) without leaving it on the page body.

const candidates = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  '[tabindex]',
  '[contenteditable="true"]'
].join(',')

/** The elements inside `container` that Tab stops at, in document order. */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(candidates)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      !element.closest('[inert], [hidden]') &&
      element.getClientRects().length > 0
  )
}

/**
 * Focuses `element`, making it focusable first if it is not (a paragraph, a section), without
 * scrolling: the caller has put it where it should be seen.
 */
export function focusPlace(element: HTMLElement | null | undefined): boolean {
  if (!element?.isConnected) return false
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1')
  element.focus({ preventScroll: true })
  return document.activeElement === element
}

/** Whether the keyboard's focus is nowhere in particular (the page body, or nothing). */
export function focusIsLost(): boolean {
  const active = document.activeElement
  return active === null || active === document.body || !active.isConnected
}
