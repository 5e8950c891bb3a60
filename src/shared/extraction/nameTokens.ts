// Word tokens, runs of capitalised words, and the keys used to compare names: the low-level
// pieces of actor extraction, kept apart so they can be tested on their own.

export interface Token {
  text: string
  start: number
  end: number
}

const wordPattern =
  /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*(?:-\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*)*/gu

/** Lower-case words that may stand inside a name ("Academy of Korean Studies"), never at its ends. */
export const connectors = new Set([
  'of',
  'for',
  'the',
  'and',
  'on',
  'de',
  'del',
  'da',
  'von',
  'van',
  'der',
  'du',
  'la',
  'le',
  'al'
])

export function tokenize(text: string, offset = 0): Token[] {
  return [...text.matchAll(wordPattern)].map((match) => ({
    text: match[0],
    start: offset + match.index,
    end: offset + match.index + match[0].length
  }))
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word)
}

/** "al-Tusi", "ibn-Rushd": a name word after a lower-case particle joined by a hyphen. */
const particleName = /^(?:al|el|ad|ud|ibn|bin|bint|abu|ben)-\p{Lu}/u

/** A word that may stand in a run of names: capitalised, or a particle joined to a name. */
export function isNameWord(word: string): boolean {
  return isCapitalised(word) || particleName.test(word)
}

/** A Roman numeral of the size kings and popes carry: "I", "II", "VIII", "XIV", "XXIII". */
export function isRegnalNumeral(word: string): boolean {
  return word !== '' && /^X{0,3}(?:IX|IV|V?I{0,3})$/.test(word)
}

/** All capitals (two letters at least), possibly with dots: "US", "U.S.", "UNCURK". */
export function isAcronym(word: string): boolean {
  const letters = word.replace(/\./g, '')
  return letters.length >= 2 && letters.length <= 8 && /^\p{Lu}+$/u.test(letters)
}

/**
 * Runs of capitalised words in `text` (offsets relative to it): tokens separated by spaces,
 * with connectors inside and initials ("J. R. Smith") allowed. `text` is one sentence.
 */
export function capitalisedRuns(text: string): Token[][] {
  const tokens = tokenize(text)
  const runs: Token[][] = []
  let run: Token[] = []
  const flush = (): void => {
    while (run.length > 0 && !isNameWord((run[run.length - 1] as Token).text)) run.pop()
    if (run.length > 0) runs.push(run)
    run = []
  }
  for (const token of tokens) {
    const previous = run[run.length - 1]
    const gap = previous ? text.slice(previous.end, token.start) : ''
    const joined =
      previous !== undefined && (/^ +$/.test(gap) || (/^\p{Lu}$/u.test(previous.text) && /^\. ?$/.test(gap)))
    if (isNameWord(token.text)) {
      if (!joined) flush()
      run.push(token)
    } else if (joined && connectors.has(token.text)) {
      run.push(token)
    } else {
      flush()
    }
  }
  flush()
  return runs
}

/** Removes diacritics (NFD, drop combining marks) and lower-cases. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * OCR reads a lower-case l as a capital I: "Kim II Sung". A token "II" between two name tokens
 * is read as "Il" (a regnal numeral, "Elizabeth II", ends a name and is left alone). Given the
 * words the text itself writes before "Il" (`ilAfter`), only a name whose other spelling the text
 * holds is mended: "Henry II Plantagenet" stays as it is in a text that never writes "Henry Il".
 */
export function mendOcrName(name: string, ilAfter?: ReadonlySet<string>): string {
  const words = name.split(' ')
  return words
    .map((word, index) =>
      word === 'II' &&
      index > 0 &&
      index < words.length - 1 &&
      (ilAfter === undefined || ilAfter.has(words[index - 1] as string))
        ? 'Il'
        : word
    )
    .join(' ')
}

/** The words `text` writes right before the name word "Il" ("Kim Il Sung", "Kim Il-sŏng"). */
export function wordsBeforeIl(text: string): Set<string> {
  return new Set(
    [...text.matchAll(/(\p{Lu}[\p{L}\p{M}]*)\s+Il(?=[\s-])/gu)].map((match) => match[1] as string)
  )
}

/** The key two spellings of one name share: folded, hyphens, spaces and apostrophes removed. */
export function nameKey(name: string): string {
  return foldDiacritics(mendOcrName(name)).replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * True when two person names are romanisation variants ("Kim Il Sung" / "Kim Il-sŏng"): the
 * same key, or the same consonants with the same opening letters and near the same length.
 */
export function sameName(left: string, right: string): boolean {
  // A book asks about the same few names thousands of times (each mention against each person).
  const pair = `${left}\u0000${right}`
  let same = samePairs.get(pair)
  if (same === undefined) {
    if (samePairs.size >= samePairLimit) samePairs.clear()
    same = compareNames(left, right)
    samePairs.set(pair, same)
  }
  return same
}

const samePairs = new Map<string, boolean>()
const samePairLimit = 200_000

function compareNames(left: string, right: string): boolean {
  const a = nameKey(left)
  const b = nameKey(right)
  if (a === b) return true
  // "Henry VII" and "Henry VIII" are father and son: different numerals, different people.
  const numeral = (name: string): string | undefined => {
    const last = name.trim().split(/\s+/).pop() ?? ''
    return isRegnalNumeral(last) && name.trim().includes(' ') ? last : undefined
  }
  if (numeral(left) !== numeral(right)) return false
  if (a.length < 6 || b.length < 6 || a.slice(0, 3) !== b.slice(0, 3) || Math.abs(a.length - b.length) > 2)
    return false
  const consonants = (key: string): string => key.replace(/[aeiouyw]/g, '')
  return consonants(a) === consonants(b)
}

/**
 * True when `acronym` is made of the initials of `words` ("UN Commissions for the Unification
 * and Rehabilitation of Korea" → UNCURK): connectors may be skipped, an acronym inside the
 * words gives all its letters, and each part of a hyphenated word may give its initial.
 */
export function initialsMatch(words: string[], acronym: string): boolean {
  const letters = acronym.replace(/[.&\s]/g, '').toUpperCase()
  const options = (word: string): string[] => {
    if (isAcronym(word)) return [word.replace(/\./g, ''), word.charAt(0)]
    const parts = word.split('-').filter((part) => part !== '')
    const initials = parts.map((part) => part.charAt(0)).join('')
    const choices = [word.charAt(0).toUpperCase(), initials.toUpperCase()]
    return connectors.has(word) ? ['', ...choices] : choices
  }
  const match = (index: number, position: number): boolean => {
    if (index === words.length) return position === letters.length
    for (const option of new Set(options(words[index] as string))) {
      if (letters.startsWith(option.toUpperCase(), position) && match(index + 1, position + option.length))
        return true
    }
    return false
  }
  return words.length > 0 && !connectors.has(words[0] as string) && match(0, 0)
}
