// BibTeX and RIS of the document's citation, parsed back by a small reader written here: fields
// must come back whole (escaping keeps braces balanced whatever the text holds) and equal the input.
import { describe, expect, it } from 'vitest'
import { citationKey, escapeBibtex, toBibtex, toRis } from '../../src/shared/export/citation'
import type { DocumentMetadata } from '../../src/shared/types'
import { hostile, metadata } from '../fixtures/export/sample'

interface BibEntry {
  type: string
  key: string
  fields: Record<string, string>
}

/** Reads one entry: `@type{key, name = {value}, …}` with brace-balanced values. */
function parseBibtex(text: string): BibEntry {
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(text)
  if (!head) throw new Error('no entry head')
  const fields: Record<string, string> = {}
  let at = head[0].length
  for (;;) {
    const name = /^\s*(\w+) = \{/.exec(text.slice(at))
    if (!name) break
    at += name[0].length
    let depth = 1
    let value = ''
    while (depth > 0) {
      const character = text[at]
      if (character === undefined) throw new Error(`unterminated field ${name[1]}`)
      if (character === '\\') {
        const command = /^\\(textbackslash|textasciitilde|textasciicircum)\{\}|^\\./.exec(text.slice(at))
        value += command?.[0] ?? ''
        at += command?.[0].length ?? 1
        continue
      }
      if (character === '{') depth += 1
      if (character === '}') depth -= 1
      if (depth > 0) value += character
      at += 1
    }
    fields[name[1] ?? ''] = value
    if (text[at] === ',') at += 1
  }
  if (text.slice(at).trim() !== '}') throw new Error(`text after the fields: ${text.slice(at)}`)
  return { type: head[1] ?? '', key: head[2] ?? '', fields }
}

function unescapeBibtex(value: string): string {
  return value
    .split('\\textbackslash{}')
    .map((part) =>
      part
        .replace(/\\textasciitilde\{\}/g, '~')
        .replace(/\\textasciicircum\{\}/g, '^')
        .replace(/\\([{}%&$#_])/g, '$1')
    )
    .join('\\')
}

describe('toBibtex', () => {
  const entry = parseBibtex(toBibtex(metadata))

  it('writes an @article with an ASCII key and every known field', () => {
    expect(entry.type).toBe('article')
    expect(entry.key).toMatch(/^[a-z0-9]+$/)
    expect(entry.key).toBe('kim2018split')
    expect(Object.keys(entry.fields)).toEqual([
      'author',
      'title',
      'journal',
      'year',
      'volume',
      'number',
      'pages',
      'keywords'
    ])
  })

  it('escapes the special characters so values read back exactly, UTF-8 kept', () => {
    expect(unescapeBibtex(entry.fields.title ?? '')).toBe(`{${metadata.title}}`)
    expect(unescapeBibtex(entry.fields.journal ?? '')).toBe(metadata.citation?.journal)
    expect(unescapeBibtex(entry.fields.author ?? '').split(' and ')).toEqual(metadata.authors)
    expect(entry.fields.pages).toBe('71--79')
    expect(entry.fields.year).toBe('2018')
    expect(unescapeBibtex(entry.fields.keywords ?? '')).toBe(metadata.keywords.join(', '))
    expect(entry.fields.title).toContain('홍석률')
  })

  it.each([
    '}',
    '{',
    '} @comment{',
    '%',
    '\\',
    '\\}',
    hostile.sql,
    hostile.script,
    `x\ny\tz`,
    hostile.emoji,
    hostile.rtl
  ])('keeps the entry well formed with %j in the title', (text) => {
    const odd: DocumentMetadata = { ...metadata, title: text, authors: [`${text} and friends`] }
    const back = parseBibtex(toBibtex(odd))
    expect(unescapeBibtex(back.fields.title ?? '')).toBe(`{${text.replace(/[\r\n\t]+/g, ' ')}}`)
    expect(back.fields.author).toContain('{and}') // the word "and" inside a name does not split it
  })

  it('escapes each BibTeX special character', () => {
    expect(escapeBibtex('{}%&$#_~^\\')).toBe(
      '\\{\\}\\%\\&\\$\\#\\_\\textasciitilde{}\\textasciicircum{}\\textbackslash{}'
    )
  })

  it('falls back to @misc when there is no journal, and to a plain key', () => {
    const bare: DocumentMetadata = { title: '', authors: [], affiliation: null, citation: null, keywords: [] }
    const back = parseBibtex(toBibtex(bare))
    expect(back.type).toBe('misc')
    expect(citationKey(bare)).toBe('scholia')
  })
})

describe('toRis', () => {
  const ris = toRis(metadata)
  const records = ris
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line)
      if (!match) throw new Error(`not a RIS line: ${line}`)
      return [match[1], match[2]] as const
    })
  const values = (tag: string): string[] =>
    records.filter(([name]) => name === tag).map(([, value]) => value ?? '')

  it('is a JOUR record from TY to ER with CRLF line ends', () => {
    expect(records[0]).toEqual(['TY', 'JOUR'])
    expect(records.at(-1)).toEqual(['ER', ''])
    expect(ris.endsWith('ER  - \r\n')).toBe(true)
  })

  it('reads back the fields, authors as Family, Given', () => {
    expect(values('AU')).toEqual(['Kim, Eungseo', "Séamus O'Brien, Jr.", '<script>alert(1)</script>'])
    expect(values('TI')).toEqual([metadata.title])
    expect(values('T2')).toEqual([metadata.citation?.journal])
    expect(values('PY')).toEqual(['2018'])
    expect([values('SP'), values('EP')]).toEqual([['71'], ['79']])
    expect(values('KW')).toEqual(metadata.keywords)
  })

  it('keeps each value on its line whatever it holds', () => {
    const odd = toRis({ ...metadata, title: `a\r\nTY  - JOUR\nb` })
    expect(odd.split('\r\n').filter((line) => line.startsWith('TY'))).toHaveLength(1)
  })
})
