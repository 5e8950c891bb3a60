// Hash routes, so that one static index.html serves every screen in Electron and the browser mode:
// #/library is the library, #/doc/ID the reader, #/doc/ID?at=OFFSET a passage in it; an empty
// hash is "home": the document read last (or the only one), like a reader reopening its book.
// A hash that cannot be read (a malformed escape in a pasted link) is "home" too, not a blank app.
import { useEffect, useState } from 'react'
import { decodeRouteSegment, parseStudyRoute, type StudyRoute } from '../study/routes'

export type Route =
  | { name: 'home' }
  | { name: 'library' }
  | { name: 'document'; documentId: string; at: number | null }
  // #/study, #/cards, #/stats, #/deck/ID, #/timeline/ID, #/people/ID
  | StudyRoute

export function parseRoute(hash: string): Route {
  if (hash === '#/library') return { name: 'library' }
  const study = parseStudyRoute(hash)
  if (study) return study
  const match = /^#\/doc\/([^?]+)(?:\?(.*))?$/.exec(hash)
  const documentId = match ? decodeRouteSegment(match[1] ?? '') : null
  if (!match || documentId === null) return { name: 'home' }
  const params = new URLSearchParams(match[2] ?? '')
  const at = params.get('at')
  const offset = at !== null && /^\d+$/.test(at) ? Number(at) : null
  return { name: 'document', documentId, at: offset }
}

export function documentHref(documentId: string, at?: number): string {
  return `#/doc/${encodeURIComponent(documentId)}${at === undefined ? '' : `?at=${at}`}`
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return route
}
