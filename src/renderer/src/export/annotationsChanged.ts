// A DOM event that says a document's annotations changed outside the notes column (an import), so
// whatever shows them loads them again without reloading the page and losing the reader's place.
export const annotationsChangedEvent = 'scholia:annotations-changed'

export interface AnnotationsChangedDetail {
  documentId: string
}

export function announceAnnotationsChanged(documentId: string): void {
  window.dispatchEvent(
    new CustomEvent<AnnotationsChangedDetail>(annotationsChangedEvent, { detail: { documentId } })
  )
}

/** Calls `onChange` when the annotations of `documentId` changed; returns the unsubscribe. */
export function onAnnotationsChanged(documentId: string, onChange: () => void): () => void {
  const listener = (event: Event): void => {
    const detail = (event as CustomEvent<AnnotationsChangedDetail>).detail
    if (detail?.documentId === documentId) onChange()
  }
  window.addEventListener(annotationsChangedEvent, listener)
  return () => window.removeEventListener(annotationsChangedEvent, listener)
}
