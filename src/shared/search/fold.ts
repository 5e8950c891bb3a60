// Folding of text for matching: the article writes one vowel as ŏ and as ö, so search compares
// text with diacritics removed (NFD → drop combining marks → NFC; Hangul syllables decompose to
// jamo, which are letters, and recompose unchanged) and case removed. Romanisation apostrophes
// (Ch'oe, Kukchejöngch'inonch'ong) are dropped so that `choe` and `Ch'oe` are the same word.

/** Characters used as apostrophes in romanised Korean and English possessives. */
export const apostrophes = "'\u2019\u02bc\u2018"
const apostropheClass = /['\u2019\u02bc\u2018]/
const combiningMarks = /\p{M}+/gu
// eslint-disable-next-line no-control-regex -- ASCII fast path: nothing to decompose
const asciiOnly = /^[\u0000-\u007f]*$/

/** Lower case, no diacritics, NFC. Hangul is kept as it is. */
export function foldText(text: string): string {
  if (asciiOnly.test(text)) return text.toLowerCase()
  return text.normalize('NFD').replace(combiningMarks, '').normalize('NFC').toLowerCase()
}

export function isApostrophe(character: string): boolean {
  return apostropheClass.test(character)
}

export interface FoldedText {
  /** The folded text with apostrophes removed. */
  folded: string
  /** For each UTF-16 index of `folded`, where the original character it came from starts… */
  sourceStart: Int32Array
  /** …and ends, in the original text. */
  sourceEnd: Int32Array
}

/**
 * Folds text one character at a time, remembering where each folded character came from, so that a
 * match found in the folded text can be marked in the original (Find in document).
 */
export function foldWithMap(text: string): FoldedText {
  const parts: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let offset = 0
  for (const character of text) {
    const end = offset + character.length
    if (!isApostrophe(character)) {
      const folded = foldText(character)
      for (let i = 0; i < folded.length; i++) {
        starts.push(offset)
        ends.push(end)
      }
      parts.push(folded)
    }
    offset = end
  }
  return { folded: parts.join(''), sourceStart: Int32Array.from(starts), sourceEnd: Int32Array.from(ends) }
}

/** Maps a non-empty [start, end) range of folded text back to the original text. */
export function sourceRange(map: FoldedText, start: number, end: number): [number, number] {
  return [map.sourceStart[start] ?? 0, map.sourceEnd[end - 1] ?? 0]
}

/** Folds a query for Find in document the same way (apostrophes dropped). */
export function foldForFind(query: string): string {
  return foldWithMap(query.trim().replace(/\s+/g, ' ')).folded
}

/** Every non-overlapping match of a folded query in a folded text, as ranges of the original. */
export function findAll(map: FoldedText, foldedQuery: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  if (foldedQuery.length === 0) return ranges
  let from = 0
  for (;;) {
    const index = map.folded.indexOf(foldedQuery, from)
    if (index < 0) break
    ranges.push(sourceRange(map, index, index + foldedQuery.length))
    from = index + foldedQuery.length
  }
  return ranges
}
