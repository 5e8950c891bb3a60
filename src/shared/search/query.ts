// Reads whatever a person typed into clauses the engine runs. It follows lunr's query syntax
// (+word -word word* word~1 word^2 field:word) but never throws: anything it cannot read as an
// operator is read as text, and symbols that are not words are reported, not failed on.
import { searchFields, type SearchField } from './types'
import { normaliseWord, stemWord, tokenize } from './tokenize'

export type ClauseMatch =
  /** The word itself (stemmed). */
  | 'exact'
  /** `word*`: words starting with it. */
  | 'prefix'
  /** The word still being typed: itself first, then words starting with it. */
  | 'typing'
  /** Wildcards elsewhere (`*ism`, `k*a`), expanded with lunr's TokenSet. */
  | 'pattern'
  /** `word~N`: within N edits, expanded with lunr's TokenSet. */
  | 'fuzzy'

export interface QueryClause {
  /** Folded word, unstemmed; for 'pattern' the folded pattern with its `*`. */
  word: string
  /** Stemmed word (what 'exact' looks up). */
  term: string
  presence: 'required' | 'prohibited'
  field: SearchField | null
  match: ClauseMatch
  editDistance: number
  boost: number
}

export interface ParsedQuery {
  clauses: QueryClause[]
  /** Pieces of the query that hold no word (e.g. `%`, `--`), left out of the search. */
  ignored: string[]
}

const maxClauses = 24
/**
 * Longest word searched fuzzily (`word~N`); a longer one is searched exactly. lunr's fuzzy TokenSet
 * grows with the word's length times the edits, and intersecting it with the vocabulary took
 * 7–10 s and 1.1 GB for a 300-letter word; past 20 letters two edits rarely meet another word.
 */
export const maxFuzzyWordLength = 20
const maxQueryLength = 1000
const modifierAtEnd = /(?:~(\d*)|\^(\d+(?:\.\d+)?))$/

function isField(name: string): name is SearchField {
  return (searchFields as readonly string[]).includes(name)
}

/** Parses one whitespace-separated piece; returns its clauses (possibly none). */
function parsePiece(raw: string, isLast: boolean, ignored: string[]): QueryClause[] {
  let piece = raw
  let presence: QueryClause['presence'] = 'required'
  if (piece.length > 1 && (piece[0] === '+' || piece[0] === '-')) {
    presence = piece[0] === '-' ? 'prohibited' : 'required'
    piece = piece.slice(1)
  }
  let field: SearchField | null = null
  const colon = piece.indexOf(':')
  if (colon > 0) {
    const name = piece.slice(0, colon).toLowerCase()
    if (isField(name)) {
      field = name
      piece = piece.slice(colon + 1)
    }
  }
  let editDistance = 0
  let boost = 1
  let fuzzy = false
  for (let modifier = modifierAtEnd.exec(piece); modifier; modifier = modifierAtEnd.exec(piece)) {
    if (modifier[2] !== undefined) boost = Math.min(100, Math.max(0.1, Number(modifier[2])))
    else {
      fuzzy = true
      editDistance = Math.min(2, Math.max(1, Number(modifier[1] || '1')))
    }
    piece = piece.slice(0, modifier.index)
  }

  const base = { presence, field, editDistance, boost }
  const star = piece.indexOf('*')
  if (star >= 0) {
    const words = tokenize(piece.replace(/\*/g, ' '))
    if (words.length === 0) {
      ignored.push(raw)
      return []
    }
    const trailingOnly = /^[^*]+\*+$/.test(piece) && words.length === 1
    if (trailingOnly) {
      const word = words[0]?.word ?? ''
      return [{ ...base, word, term: stemWord(word), match: 'prefix' }]
    }
    // A wildcard pattern over one word: fold the letters, keep the stars (lunr skips its search
    // pipeline for wildcards, so the pattern must be folded here).
    const pattern = piece
      .split('*')
      .map((part) => normaliseWord(part.replace(/[^\p{L}\p{N}\p{M}'\u2019\u02bc\u2018]/gu, '')))
      .join('*')
      .replace(/\*{2,}/g, '*')
    if (words.length === 1 && pattern.replace(/\*/g, '').length > 0) {
      return [{ ...base, word: pattern, term: pattern, match: 'pattern' }]
    }
    // Stars between several words: read as spaces.
    return words.map((token) => ({ ...base, word: token.word, term: token.term, match: 'exact' as const }))
  }

  const words = tokenize(piece)
  if (words.length === 0) {
    ignored.push(raw)
    return []
  }
  return words.map((token, index) => {
    const lastWord = isLast && index === words.length - 1
    const canType = lastWord && !fuzzy && presence === 'required' && token.word.length >= 2
    if (fuzzy && token.word.length > maxFuzzyWordLength)
      return { ...base, editDistance: 0, word: token.word, term: token.term, match: 'exact' as const }
    const match: ClauseMatch = fuzzy ? 'fuzzy' : canType ? 'typing' : 'exact'
    return { ...base, word: token.word, term: token.term, match }
  })
}

/**
 * Parses a query. `typing` (true while a person types) makes the last word also match words it
 * starts, so results appear before the word is finished; a trailing space ends the word.
 */
export function parseQuery(input: string, options: { typing?: boolean } = {}): ParsedQuery {
  const text = input.slice(0, maxQueryLength).replace(/\p{Cc}/gu, ' ')
  const pieces = text.split(/\s+/).filter((piece) => piece.length > 0)
  const endsWithSpace = /\s$/.test(text)
  const ignored: string[] = []
  const clauses: QueryClause[] = []
  pieces.forEach((piece, index) => {
    const isLast = (options.typing ?? true) && !endsWithSpace && index === pieces.length - 1
    clauses.push(...parsePiece(piece, isLast, ignored))
  })
  // The same word twice adds nothing but time.
  const seen = new Set<string>()
  const unique = clauses.filter((clause) => {
    const key = `${clause.presence}|${clause.field ?? ''}|${clause.match}|${clause.word}|${clause.editDistance}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { clauses: unique.slice(0, maxClauses), ignored }
}
