// How well a candidate place in a changed text agrees with what was stored for an annotation:
// similarity of the context either side and closeness to the old position, each in 0..1.
//
// The context strings are at most 32 units long, so a plain two-row Levenshtein distance (at most
// 32 × 32 steps) is cheaper than calling a general matcher for each of many candidates.

/** Edit distance (insertions, deletions, substitutions of UTF-16 units) between two short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = new Uint16Array(b.length + 1)
  let current = new Uint16Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    const code = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (code === b.charCodeAt(j - 1) ? 0 : 1)
      const deletion = (previous[j] as number) + 1
      const insertion = (current[j - 1] as number) + 1
      current[j] = Math.min(substitution, deletion, insertion)
    }
    const swap = previous
    previous = current
    current = swap
  }
  return previous[b.length] as number
}

/** Similarity given for a context side that was empty when stored and still is not at an edge. */
const unknownContext = 0.5

/**
 * Agreement between the stored prefix and the text just before `start`. A stored prefix shorter
 * than 32 means the passage was near the start of the document; an empty one says nothing about
 * the words before, only that there were none, so a candidate not at the start gets a neutral
 * half rather than a full mark that would flatter look-alikes elsewhere.
 */
export function prefixSimilarity(text: string, start: number, storedPrefix: string): number {
  if (storedPrefix.length === 0) return start === 0 ? 1 : unknownContext
  const actual = text.slice(Math.max(0, start - storedPrefix.length), start)
  return 1 - editDistance(storedPrefix, actual) / storedPrefix.length
}

/** Agreement between the stored suffix and the text just after `end` (see `prefixSimilarity`). */
export function suffixSimilarity(text: string, end: number, storedSuffix: string): number {
  if (storedSuffix.length === 0) return end === text.length ? 1 : unknownContext
  const actual = text.slice(end, end + storedSuffix.length)
  return 1 - editDistance(storedSuffix, actual) / storedSuffix.length
}

/** 1 at the old position, falling linearly to 0 a whole text's length away. */
export function positionSimilarity(textLength: number, start: number, oldStart: number): number {
  return Math.max(0, 1 - Math.abs(start - oldStart) / Math.max(1, textLength))
}
