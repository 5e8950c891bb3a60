// Words of a text as search sees them: Unicode letters and digits (Hangul included, unlike
// lunr's ASCII-only trimmer), apostrophes inside a word kept as part of it (Ch'oe is one word),
// an English possessive 's reduced to its word (Korea's → korea), hyphens splitting words
// (Il-sŏng → il, song), then folded and stemmed. Index, query and snippets all use this one path.
import lunr from 'lunr'
import { apostrophes, foldText } from './fold'

export interface WordToken {
  /** The word as written, [start, end) in the text (UTF-16 offsets). */
  start: number
  end: number
  /** Folded, apostrophes removed, possessive dropped — not stemmed (prefix matching uses it). */
  word: string
  /** What the index stores: `word` stemmed when it is English-like. */
  term: string
}

const wordPattern = new RegExp(`[\\p{L}\\p{N}\\p{M}]+(?:[${apostrophes}][\\p{L}\\p{N}\\p{M}]+)*`, 'gu')
const possessive = new RegExp(`[${apostrophes}]s$`, 'i')
const apostropheAnywhere = new RegExp(`[${apostrophes}]`, 'g')
const stemmable = /^[a-z]{3,}$/

const stemCache = new Map<string, string>()
const maxCachedStems = 200_000

/** lunr's Porter stemmer for plain Latin words; other words (Hangul, numbers) stay as they are. */
export function stemWord(word: string): string {
  if (!stemmable.test(word)) return word
  let stem = stemCache.get(word)
  if (stem === undefined) {
    stem = lunr.stemmer(new lunr.Token(word, {})).toString()
    if (stemCache.size >= maxCachedStems) stemCache.clear()
    stemCache.set(word, stem)
  }
  return stem
}

/** The folded form of one written word (possessive dropped, apostrophes removed). */
export function normaliseWord(written: string): string {
  const withoutPossessive = written.length > 2 ? written.replace(possessive, '') : written
  return foldText(withoutPossessive.replace(apostropheAnywhere, ''))
}

/** Every word of `text` with its offsets. Never throws; an empty or symbol-only text has none. */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = []
  wordPattern.lastIndex = 0
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
    const word = normaliseWord(match[0])
    if (word.length === 0) continue
    tokens.push({ start: match.index, end: match.index + match[0].length, word, term: stemWord(word) })
  }
  return tokens
}

/** Every folded word of `text` with its offsets (no token objects made). */
export function eachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  wordPattern.lastIndex = 0
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
    const word = normaliseWord(match[0])
    if (word.length > 0) visit(word, match.index, match.index + match[0].length)
  }
}

/** The index terms of `text` with where each starts, for building. */
export function eachTerm(text: string, visit: (term: string, start: number) => void): void {
  eachWord(text, (word, start) => visit(stemWord(word), start))
}
