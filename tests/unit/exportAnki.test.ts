// Anki text export: headers and columns as Anki's importer reads them, HTML-escaped fields that
// decode back to the card text, cloze markers kept only where they belong, stable guids.
import { describe, expect, it } from 'vitest'
import { ankiColumns, htmlField, toAnkiText } from '../../src/shared/export/anki'
import { cards, hostile, metadata } from '../fixtures/export/sample'

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
