// How a group of results is laid out: each document's passages together under its title, shown
// once, documents in the order of their best passage (hits arrive best first).
import type { SearchHit } from '../../../shared/search/types'

export interface DocumentPassages {
  documentId: string
  title: string
  hits: SearchHit[]
}

export function passagesByDocument(hits: readonly SearchHit[]): DocumentPassages[] {
  const byDocument = new Map<string, DocumentPassages>()
  for (const hit of hits) {
    let entry = byDocument.get(hit.documentId)
    if (!entry) {
      entry = { documentId: hit.documentId, title: hit.documentTitle, hits: [] }
      byDocument.set(hit.documentId, entry)
    }
    entry.hits.push(hit)
  }
  return [...byDocument.values()]
}
