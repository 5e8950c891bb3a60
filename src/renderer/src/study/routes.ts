// Hash routes of the study screens, parsed here so that the app's router needs one line for them.

export type StudyRoute =
  | { name: 'study'; documentId: string | null }
  | { name: 'cards' }
  | { name: 'stats' }
  | { name: 'deck'; documentId: string }
  | { name: 'timeline'; documentId: string }
  | { name: 'people'; documentId: string }

const studyRouteNames = new Set(['study', 'cards', 'stats', 'deck', 'timeline', 'people'])

/** Decodes one id from a hash route; null for a malformed escape (`%E0%A4%A`, `%`), which the router treats as "home". */
export function decodeRouteSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

export function parseStudyRoute(hash: string): StudyRoute | null {
  const match = /^#\/(study|cards|stats|deck|timeline|people)(?:\/([^?]+))?$/.exec(hash)
  if (!match) return null
  const name = match[1] ?? ''
  const documentId = match[2] ? decodeRouteSegment(match[2]) : null
  if (match[2] && documentId === null) return null
  if (name === 'cards' || name === 'stats') return { name }
  if (name === 'study') return { name, documentId }
  if (!documentId) return null
  return { name: name as 'deck' | 'timeline' | 'people', documentId }
}

export function isStudyRoute(route: { name: string }): route is StudyRoute {
  return studyRouteNames.has(route.name)
}

export const studyHref = (documentId?: string): string =>
  documentId ? `#/study/${encodeURIComponent(documentId)}` : '#/study'
export const deckHref = (documentId: string): string => `#/deck/${encodeURIComponent(documentId)}`
export const timelineHref = (documentId: string): string => `#/timeline/${encodeURIComponent(documentId)}`
export const peopleHref = (documentId: string): string => `#/people/${encodeURIComponent(documentId)}`
export const passageHref = (documentId: string, at: number): string =>
  `#/doc/${encodeURIComponent(documentId)}?at=${at}`
