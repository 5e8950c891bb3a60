// Anki text export: headers and columns as Anki's importer reads them, HTML-escaped fields that
// decode back to the card text, cloze markers kept only where they belong, stable guids.
import { describe, expect, it } from 'vitest'
import { ankiColumns, htmlField, toAnkiText } from '../../src/shared/export/anki'
import type { Card } from '../../src/shared/types'
import { cards, hostile, metadata } from '../fixtures/export/sample'
import { useTestBackend } from '../support/testBackend'

const text = toAnkiText({ documentTitle: metadata.title, cards })
const lines = text.split('\n')
const headers = lines.filter((line) => line.startsWith('#'))
const rows = lines.filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split('\t'))

/** What Anki shows for a field: entities decoded, <br> as a line break. */
function decode(field: string): string {
  return field
    .replace(/<br>/g, '\n')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

describe('toAnkiText', () => {
  it('starts with the headers Anki reads, naming the special columns', () => {
    expect(headers).toEqual([
      '#separator:tab',
      '#html:true',
      `#columns:${ankiColumns.join('\t')}`,
      '#notetype column:1',
      '#deck column:2',
      '#tags column:5',
      '#guid column:6'
    ])
    expect(lines.slice(0, headers.length)).toEqual(headers) // headers come first
    expect(text.endsWith('\n')).toBe(true)
  })

  it('writes one Basic note per basic/date/actor card and one Cloze note per cloze note', () => {
    expect(rows).toHaveLength(4)
    for (const row of rows) expect(row).toHaveLength(ankiColumns.length)
    expect(rows.map((row) => row[0])).toEqual(['Basic', 'Cloze', 'Basic', 'Basic'])
    expect(rows.map((row) => row[5])).toEqual(['card-basic-1', 'note-cloze-1', 'card-date-1', 'card-actor-1'])
  })

  it('puts every note in the deck Scholia::<title>, without sub-deck separators or tabs', () => {
    for (const row of rows) {
      expect(row[1]?.startsWith('Scholia::')).toBe(true)
      expect(row[1]?.slice('Scholia::'.length)).not.toContain('::')
    }
    const odd = toAnkiText({ documentTitle: 'A::B\tC\n"D"', cards })
    expect(
      odd
        .split('\n')
        .find((line) => line.startsWith('Basic'))
        ?.split('\t')[1]
    ).toBe('Scholia::A:B C D')
  })

  it('gives the same guids when exported again (so Anki updates instead of duplicating)', () => {
    const again = toAnkiText({ documentTitle: metadata.title, cards: [...cards].reverse() })
    const guids = (file: string): string[] =>
      file
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => line.split('\t')[5] ?? '')
        .sort()
    expect(guids(again)).toEqual(guids(text))
  })

  it('escapes user HTML so nothing becomes markup, and the fields decode back to the card text', () => {
    const [basic, cloze] = rows
    // The only tag in any field is the line break we add (the deck name is plain text to Anki).
    for (const row of rows) expect([row[2], row[3], row[4]].join('\t')).not.toMatch(/<(?!br>)/)
    expect(decode(basic?.[2] ?? '')).toBe(cards[0]?.front)
    expect(decode(basic?.[3] ?? '')).toBe(cards[0]?.back.replace(/\t/g, ' '))
    expect(decode(cloze?.[2] ?? '')).toBe(cards[1]?.front)
    expect(decode(cloze?.[3] ?? '')).toBe(cards[1]?.back)
  })

  it('keeps cloze markers in a Cloze note but not in a Basic one', () => {
    const [basic, cloze] = rows
    expect(cloze?.[2]).toContain('{{c1::1969}}')
    expect(cloze?.[2]).toContain('{{c2::split::event}}')
    expect(cloze?.[2]).toContain('&lt;b&gt;widened&lt;/b&gt; &amp; deepened 😀')
    expect(basic?.[2]).not.toContain('{{')
    expect(basic?.[2]).toContain('&#123;&#123;c1::x&#125;&#125;')
  })

  it('writes tags space-separated, spaces inside a tag as _', () => {
    expect(rows[0]?.[4]).toBe('Sino-DPRK talks_1973')
    expect(rows[1]?.[4]).toBe('dates')
    expect(rows[3]?.[4]).toBe('')
  })
})

describe('htmlField', () => {
  it.each([
    hostile.sql,
    hostile.script,
    hostile.img,
    hostile.whitespace,
    hostile.emoji,
    hostile.rtl,
    hostile.formula
  ])('keeps %j on one line, inert, and decodable', (value) => {
    const field = htmlField(value, false)
    expect(field).not.toMatch(/[\t\r\n]/)
    expect(field).not.toMatch(/<(?!br>)/)
    expect(field).not.toContain('"')
    expect(decode(field)).toBe(value.replace(/\t/g, ' ').replace(/\r\n?/g, '\n'))
  })
})

/**
 * What Anki's text importer checks of a file (File > Import, "Notes in Plain Text"): headers before
 * any note, a known note type in the note-type column, as many fields as that note type has (Basic:
 * Front, Back; Cloze: Text, Back Extra), at least one deletion in a Cloze note's Text, and one note
 * per guid. Returns the problems found, empty when the file imports cleanly.
 */
function ankiImportProblems(file: string): string[] {
  const problems: string[] = []
  const fieldCount: Record<string, number> = { Basic: 2, Cloze: 2 }
  const special = 4 // note type, deck, tags, guid
  const lines = file.split('\n').filter((line) => line !== '')
  const firstNote = lines.findIndex((line) => !line.startsWith('#'))
  if (lines.slice(firstNote).some((line) => line.startsWith('#'))) problems.push('a header after a note')
  if (!lines.includes('#separator:tab') || !lines.includes('#html:true'))
    problems.push('separator or html header')
  const seen = new Set<string>()
  for (const line of lines.slice(firstNote)) {
    const cells = line.split('\t')
    const [type = '', , front = '', , , guid = ''] = cells
    const expected = fieldCount[type]
    if (expected === undefined) problems.push(`unknown note type ${type}`)
    else if (cells.length - special !== expected)
      problems.push(`${type} with ${cells.length - special} fields`)
    if (type === 'Cloze' && !/\{\{c[1-9]\d*::[\s\S]+?\}\}/.test(front))
      problems.push(`Cloze without a deletion: ${guid}`)
    if (seen.has(guid)) problems.push(`guid twice: ${guid}`)
    seen.add(guid)
  }
  return problems
}

describe('generated cards in Anki', () => {
  const generated: Card[] = [
    {
      ...cards[3],
      id: 'gen-date',
      kind: 'date',
      front: 'Talks began in {{c1::mid-1956}}.',
      back: 'mid-1956 (1955–1957)'
    },
    {
      ...cards[3],
      id: 'gen-actor',
      kind: 'actor',
      front: '{{c1::Kim Il Sung}} met {{c1::Kim Il Sung}}’s envoys.',
      back: 'Kim Il Sung'
    },
    {
      ...cards[3],
      id: 'gen-role',
      kind: 'actor',
      front: 'Who was the premier of North Korea?',
      back: 'Kim Il Sung'
    },
    {
      ...cards[3],
      id: 'gen-braces',
      kind: 'date',
      front: 'In {{c1::1969}} a {{ note }} said {b}.',
      back: '1969'
    }
  ] as Card[]
  const file = toAnkiText({ documentTitle: 'Generated', cards: generated })
  const notes = file
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'))

  it('writes cloze-shaped date and actor cards as Cloze notes, so Anki shows a blank', () => {
    expect(notes.map((note) => [note[0], note[5]])).toEqual([
      ['Cloze', 'gen-date'],
      ['Cloze', 'gen-actor'],
      ['Basic', 'gen-role'],
      ['Cloze', 'gen-braces']
    ])
    expect(notes[0]?.[2]).toBe('Talks began in {{c1::mid-1956}}.')
    // The answer goes to Back Extra only where it says more than the hidden words.
    expect(notes[0]?.[3]).toBe('mid-1956 (1955–1957)')
    expect(notes[1]?.[3]).toBe('')
    expect(notes[2]?.slice(2, 4)).toEqual(['Who was the premier of North Korea?', 'Kim Il Sung'])
  })

  it('keeps braces from the text between deletions from becoming Anki syntax', () => {
    expect(notes[3]?.[2]).toBe('In {{c1::1969}} a &#123;&#123; note &#125;&#125; said &#123;b&#125;.')
  })

  it("passes Anki's import rules, for the sample cards and for the generated ones", () => {
    expect(ankiImportProblems(text)).toEqual([])
    expect(ankiImportProblems(file)).toEqual([])
    // The checker itself catches what Anki refuses.
    expect(
      ankiImportProblems(file.replace('Talks began in {{c1::mid-1956}}.', 'Talks began in mid-1956.'))
    ).toEqual(['Cloze without a deletion: gen-date'])
    expect(ankiImportProblems(`${file}Basic\tdeck\tonly one field\t\tx\n`)).toEqual(['Basic with 1 fields'])
  })

  it('keeps the guid and note type when a card is edited, so a re-import updates the note', () => {
    const edited = generated.map((card) =>
      card.id === 'gen-date' ? { ...card, front: 'Talks began, it is said, in {{c1::mid-1956}}.' } : card
    )
    const again = toAnkiText({ documentTitle: 'Generated', cards: edited })
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t'))
    expect(again.map((note) => [note[0], note[5]])).toEqual(notes.map((note) => [note[0], note[5]]))
    expect(again[0]?.[2]).toContain('it is said')
  })
})

describe("the bundled article's generated cards, exported for Anki", () => {
  const state = useTestBackend()

  it('every accepted date card, and every actor card asked in its sentence, is a valid Cloze note', async () => {
    const { backend, documentId } = state.current
    const api = backend.handlers
    const { suggestions } = await api.generateSuggestions({ documentId })
    // The suspect ones (a date read with a correction) need confirming: confirm them all here.
    const confirmed = suggestions
      .filter((suggestion) => suggestion.warning)
      .map((suggestion) => suggestion.key)
    await api.acceptAllSuggestions({ documentId, confirmed })
    const [file] = (await api.exportFiles({ documentId, format: 'anki' })).files
    const content = file?.content ?? ''
    expect(ankiImportProblems(content)).toEqual([])
    const rows = content
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t'))
    const dates = suggestions.filter((suggestion) => suggestion.kind === 'date').length
    const clozeShapedActors = suggestions.filter(
      (suggestion) => suggestion.kind === 'actor' && suggestion.clozeText
    ).length
    expect(dates).toBeGreaterThan(0)
    expect(rows.filter((row) => row[0] === 'Cloze')).toHaveLength(dates + clozeShapedActors)
    expect(rows.filter((row) => row[0] === 'Basic')).toHaveLength(
      suggestions.length - dates - clozeShapedActors
    )
  })
})
