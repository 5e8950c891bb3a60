// Every spelling of an actor (issue 17): when a query names an actor the who's-who knows, the
// other forms the texts use for it are searched too ("Kim Il Sung" also finds "Kim II Sung"), and
// each passage found that way says which form it holds. Only names of two words or more set this
// off: a single word ("China", "US") is more often meant as the word. A person's surname alone is
// never searched for the full name, since other people share it.
import type { QueryAlternative } from './engine'
import type { ParsedQuery, QueryClause } from './query'
import { tokenize } from './tokenize'

/** An actor as the who's-who gives it. */
export interface ActorNames {
  name: string
  kind: 'person' | 'state' | 'organisation'
  aliases: readonly string[]
}

export interface AliasSearch {
  /** The actor's name, as the who's-who gives it. */
  name: string
  /** The other forms searched too, as written. */
  forms: string[]
  alternatives: QueryAlternative[]
}

/** Actors of several documents merged by name (each document's extraction lists its own). */
export function mergeActors(actors: readonly ActorNames[]): ActorNames[] {
  const byName = new Map<string, { name: string; kind: ActorNames['kind']; aliases: Set<string> }>()
  for (const actor of actors) {
    const key = `${actor.kind}|${wordsOf(actor.name).join(' ')}`
    let merged = byName.get(key)
    if (!merged) byName.set(key, (merged = { name: actor.name, kind: actor.kind, aliases: new Set() }))
    for (const alias of actor.aliases) merged.aliases.add(alias)
  }
  return [...byName.values()].map(({ name, kind, aliases }) => ({ name, kind, aliases: [...aliases] }))
}

function wordsOf(text: string): string[] {
  return tokenize(text).map((token) => token.word)
}

/** Where `run` occurs in `words` as consecutive words, or -1. */
function indexOfRun(words: readonly string[], run: readonly string[]): number {
  for (let start = 0; start + run.length <= words.length; start++)
    if (run.every((word, i) => words[start + i] === word)) return start
  return -1
}

/** The alternatives for a query that names a known actor; null when it names none. */
export function aliasSearch(query: ParsedQuery, actors: readonly ActorNames[]): AliasSearch | null {
  // The words a person typed, in order: required, in any field, not patterns or fuzzy words.
  const plain = query.clauses.filter(
    (clause) =>
      clause.presence === 'required' &&
      clause.field === null &&
      (clause.match === 'exact' || clause.match === 'typing')
  )
  const typed = plain.map((clause) => clause.word)
  let found: { actor: ActorNames; form: string[]; at: number } | null = null
  for (const actor of actors)
    for (const form of [actor.name, ...actor.aliases]) {
      const words = wordsOf(form)
      if (words.length < 2 || (found && found.form.length >= words.length)) continue
      const at = indexOfRun(typed, words)
      if (at >= 0) found = { actor, form: words, at }
    }
  if (!found) return null
  const { actor, form, at } = found
  const replaced = new Set(plain.slice(at, at + form.length))
  const kept = query.clauses.filter((clause) => !replaced.has(clause))
  const nameLength = wordsOf(actor.name).length
  const seen = new Set([form.join(' ')])
  const alternatives: QueryAlternative[] = []
  for (const other of [actor.name, ...actor.aliases]) {
    const tokens = tokenize(other)
    const key = tokens.map((token) => token.word).join(' ')
    if (tokens.length === 0 || seen.has(key)) continue
    if (actor.kind === 'person' && tokens.length === 1 && nameLength > 1) continue
    seen.add(key)
    const clauses: QueryClause[] = tokens.map((token) => ({
      word: token.word,
      term: token.term,
      presence: 'required',
      field: null,
      match: 'exact',
      editDistance: 0,
      boost: 1
    }))
    alternatives.push({ label: other, query: { clauses: [...clauses, ...kept], ignored: [] } })
  }
  if (alternatives.length === 0) return null
  return { name: actor.name, forms: alternatives.map((alternative) => alternative.label), alternatives }
}
