// Tokenising, folding, query parsing and snippets: the pure pieces search is made of.
import { describe, expect, it } from 'vitest'
import { findAll, foldForFind, foldText, foldWithMap } from '../../src/shared/search/fold'
import { parseQuery } from '../../src/shared/search/query'
import { makeSnippet, matchRanges } from '../../src/shared/search/snippet'
import { tokenize } from '../../src/shared/search/tokenize'

const words = (text: string): string[] => tokenize(text).map((token) => token.word)
const terms = (text: string): string[] => tokenize(text).map((token) => token.term)

describe('folding', () => {
  it('folds ŏ and ö to o and keeps Hangul as it is', () => {
    expect(foldText('Sŏkryul')).toBe('sokryul')
    expect(foldText('Sökryul')).toBe('sokryul')
    expect(foldText('홍석률')).toBe('홍석률')
    expect(foldText('Détente')).toBe('detente')
  })

  it('maps matches in folded text back to the original, apostrophes and diacritics included', () => {
    const text = "Hong Sökryul and Ch'oe Myŏnghae"
    const map = foldWithMap(text)
    const [choe] = findAll(map, foldForFind('choe'))
    expect(choe && text.slice(...choe)).toBe("Ch'oe")
    const [hong] = findAll(map, foldForFind('SOKRYUL'))
    expect(hong && text.slice(...hong)).toBe('Sökryul')
    expect(findAll(map, foldForFind('o')).map(([a, b]) => text.slice(a, b))).toEqual(['o', 'ö', 'o', 'ŏ'])
  })
})

describe('tokenising', () => {
  it('keeps letters of every script and trims punctuation around words', () => {
    expect(words('Hong Sökryul (홍석률), Pundanŭi')).toEqual(['hong', 'sokryul', '홍석률', 'pundanui'])
  })

  it('keeps romanisation apostrophes inside a word', () => {
    expect(words("Ch'oe Myŏnghae, puk'an")).toEqual(['choe', 'myonghae', 'pukan'])
  })

  it('reduces an English possessive to its word, with straight or curly apostrophes', () => {
    expect(words("Korea's Korea’s states'")).toEqual(['korea', 'korea', 'states'])
  })

  it('splits hyphenated words', () => {
    expect(words('Kim Il-sŏng, Sino-Soviet')).toEqual(['kim', 'il', 'song', 'sino', 'soviet'])
  })

  it('stems English words but not Hangul or numbers', () => {
    expect(terms('negotiations negotiation 1972 홍석률')).toEqual(['negoti', 'negoti', '1972', '홍석률'])
  })

  it('gives offsets of the words as written', () => {
    const text = "North Korea's 'self-reliance'"
    expect(tokenize(text).map((token) => text.slice(token.start, token.end))).toEqual([
      'North',
      "Korea's",
      'self',
      'reliance'
    ])
  })
})

describe('query parsing', () => {
  it('never throws, whatever is typed', () => {
    const inputs = [
      "'); DROP TABLE cards;--",
      '%',
      '_',
      'a\u0000b',
      '+',
      '-',
      '~',
      '^',
      '*',
      ':',
      'text:',
      ':korea',
      'korea~',
      'korea^',
      'korea^^^2',
      '**',
      '+-korea',
      '"korea',
      '\\',
      '(((',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      'x'.repeat(5000)
    ]
    for (const input of inputs) expect(() => parseQuery(input)).not.toThrow()
  })

  it('reads symbols without words as ignored pieces, not as a search', () => {
    expect(parseQuery('% _').clauses).toEqual([])
    expect(parseQuery('% _').ignored).toEqual(['%', '_'])
  })

  it('reads a NUL byte as a space', () => {
    expect(parseQuery('korea\u0000china ').clauses.map((clause) => clause.word)).toEqual(['korea', 'china'])
  })

  it('reads SQL as words', () => {
    expect(parseQuery("'); DROP TABLE cards;-- ").clauses.map((clause) => clause.word)).toEqual([
      'drop',
      'table',
      'cards'
    ])
  })

  it('follows lunr syntax: presence, fields, prefix, fuzzy and boost', () => {
    const [required, prohibited, field, prefix, fuzzy, boosted] = parseQuery(
      '+korea -china tags:cold bilat* kore~1 nixon^3 '
    ).clauses
    expect(required).toMatchObject({ word: 'korea', presence: 'required', match: 'exact' })
    expect(prohibited).toMatchObject({ word: 'china', presence: 'prohibited' })
    expect(field).toMatchObject({ word: 'cold', field: 'tags' })
    expect(prefix).toMatchObject({ word: 'bilat', match: 'prefix' })
    expect(fuzzy).toMatchObject({ term: 'kore', match: 'fuzzy', editDistance: 1 })
    expect(boosted).toMatchObject({ word: 'nixon', boost: 3 })
  })

  it('reads an unknown field name as text', () => {
    expect(parseQuery('http://example ').clauses.map((clause) => clause.word)).toEqual(['http', 'example'])
  })

  it('treats the word being typed as a prefix until a space ends it', () => {
    expect(parseQuery('sino spl').clauses.map((clause) => clause.match)).toEqual(['exact', 'typing'])
    expect(parseQuery('sino spl ').clauses.map((clause) => clause.match)).toEqual(['exact', 'exact'])
  })
})

describe('snippets', () => {
  const text =
    'In the early 1970s the two Koreas talked. ' +
    'Many words follow here to make the text long enough to be cut into a window. '.repeat(6) +
    "Then North Korea's leaders met Nixon's envoys. " +
    'And more words after it so that the end is cut as well. '.repeat(4)

  it('cuts a window around the matches and marks them as ranges of the snippet', () => {
    const snippet = makeSnippet(text, matchRanges(text, new Set(['nixon', 'korea'])), { maxLength: 120 })
    expect(snippet.cutStart).toBe(true)
    expect(snippet.cutEnd).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(122)
    expect(snippet.ranges.map(([a, b]) => snippet.text.slice(a, b))).toEqual(["Korea's", "Nixon's"])
  })

  it('keeps a short text whole', () => {
    const snippet = makeSnippet('Hong Sökryul', matchRanges('Hong Sökryul', new Set(['sokryul'])))
    expect(snippet).toEqual({ text: 'Hong Sökryul', ranges: [[5, 12]], cutStart: false, cutEnd: false })
  })
})
