// The importer on texts written for the tests: bad input, plain text, Markdown footnotes, hostile
// markup, front matter, line-ending/Unicode variants and pathological runs of Markdown characters.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  emptyFileMessage,
  frontMatterOnlyMessage,
  noHeadingsWarning,
  parseDocument
} from '../../src/shared/import/structure/parseDocument'
import { renderInline, type MarkWork } from '../../src/shared/import/structure/inlineText'
import { parseCitationLine, parseKeywordsLine } from '../../src/shared/import/structure/metadataLines'
import { collectAcronyms, titleCase } from '../../src/shared/import/structure/titleCase'
import type { ParsedBlock, ParsedDocument } from '../../src/shared/types'

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8')
}

function parse(text: string, fileName = 'test.md'): ParsedDocument {
  const result = parseDocument(text, { fileName })
  if (!result.ok) throw new Error(result.message)
  return result.document
}

function texts(document: ParsedDocument, kind?: ParsedBlock['kind']): string[] {
  return document.blocks
    .filter((block) => kind === undefined || block.kind === kind)
    .map((block) => block.text)
}

describe('refusing what cannot be imported', () => {
  it('refuses an empty or whitespace-only file with a clear message', () => {
    for (const text of ['', '   \n\t\n', '\uFEFF\r\n \r\n']) {
      expect(parseDocument(text, { fileName: 'empty.md' })).toEqual({ ok: false, message: emptyFileMessage })
    }
  })

  it('refuses a file that is only YAML front matter', () => {
    expect(parseDocument(fixture('front-matter-only.md'), { fileName: 'x.md' })).toEqual({
      ok: false,
      message: frontMatterOnlyMessage
    })
  })

  it('refuses a file with only separators or markup and no text', () => {
    const result = parseDocument('---\n\n***\n\n<br><hr>\n', { fileName: 'x.md' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/no (readable )?text/i)
  })
})

describe('plain text without headings', () => {
  const document = parse(fixture('plain-no-headings.txt'), 'plain-no-headings.txt')

  it('takes the title from a short first line and warns that there were no headings', () => {
    expect(document.title).toBe('A Plain Note on Reading')
    expect(document.warnings).toContain(noHeadingsWarning)
  })

  it('imports everything else as paragraphs, wrapped lines joined and page breaks repaired', () => {
    expect(document.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph'])
    expect(document.blocks[0]?.text).toMatch(/^This first paragraph .* lines are wrapped by hand/)
    expect(document.blocks[1]?.text).toBe(
      'A second paragraph stands after a blank line and ends with a comma, yet a page break cut it, so the rest begins in lower case.'
    )
  })

  it('falls back to the file name when the first line is too long to be a title', () => {
    const long = parse(`${'word '.repeat(40)}ends here.\n\nMore text.`, 'reading_notes.txt')
    expect(long.title).toBe('reading notes')
    expect(long.warnings.some((warning) => /file name/.test(warning))).toBe(true)
  })

  it('does not merge long unpunctuated paragraphs that start in capitals (lists, verse)', () => {
    const line = 'An unpunctuated line long enough to pass for a cut paragraph of running prose here'
    const document = parse(`Title\n\n${line}\n\n${line}\n\n${line}`)
    expect(texts(document)).toEqual([line, line, line])
  })

  it('joins a cut before a capital only after finished sentences', () => {
    const document = parse(
      'Title\n\nThe first sentence ends here. The second one is cut by a page break right before the name of\n\nKorea and goes on.'
    )
    expect(texts(document)).toEqual([
      'The first sentence ends here. The second one is cut by a page break right before the name of Korea and goes on.'
    ])
  })

  it('imports a text of one short line as that line', () => {
    const document = parse('Just one line')
    expect(document.title).toBe('Just One Line')
    expect(texts(document)).toEqual(['Just one line'])
  })

  it('does not join a short line ending without a stop to a paragraph starting in capitals', () => {
    const document = parse('Title line\n\nIntroduction\n\nThe study begins here.')
    expect(texts(document)).toEqual(['Introduction', 'The study begins here.'])
  })
})

describe('a title under a journal name', () => {
  it('is the one level-1 heading, with a few short lines in smaller type above it', () => {
    // As the PDF front end reads the first page of a working paper (TAMReview.pdf in PDF.js's tests).
    const document = parse(
      [
        '## Working Papers on Information Systems',
        'ISSN 1535-6078',
        '# Overview of the Technology Acceptance Model: Origins, Developments and Future Directions',
        'Mohammad Chuttur Indiana University, USA',
        '## Abstract',
        'User acceptance of technology has been an important field of study for over two decades now.',
        '## Introduction',
        'Many models have been proposed to explain and predict the use of a system.'
      ].join('\n\n'),
      'TAMReview.pdf'
    )
    expect(document.title).toBe(
      'Overview of the Technology Acceptance Model: Origins, Developments and Future Directions'
    )
    expect(texts(document, 'heading')).not.toContain(document.title)
  })

  it('is not taken from below a paragraph of running text', () => {
    const document = parse(
      [
        '## Preface',
        'This long paragraph of running text comes first, so the heading below it opens a chapter rather than naming the whole book, which has no title of its own here.',
        '# Chapter One',
        'The chapter begins.'
      ].join('\n\n'),
      'book.md'
    )
    expect(document.title).not.toBe('Chapter One')
    expect(texts(document, 'heading')).toContain('Chapter One')
  })
})

describe('Markdown footnotes and page breaks', () => {
  const document = parse(fixture('markdown-footnotes.md'))

  it('reads title, author and headings at any level', () => {
    expect(document.title).toBe('Notes on Markdown Footnotes')
    expect(document.authors).toEqual(['Ada Lovelace'])
    expect(texts(document, 'heading')).toEqual(['A Second Section'])
  })

  it('re-joins the split paragraph and records [^N], [^label] and ^N^ markers where they stood', () => {
    const [first, , , last] = document.blocks
    expect(first?.text).toMatch(/cuts it in the middle of a sentence that continues here\.$/)
    expect(first?.refs.map((ref) => ref.number)).toEqual([1, 2, 3])
    expect(first && first.text.slice(0, first.refs[0]?.offset)).toBe('This paragraph cites a source')
    expect(first && first.text.slice(0, first.refs[2]?.offset)).toMatch(/continues here\.$/)
    expect(last?.refs).toEqual([
      { number: 1, offset: 'The last paragraph cites the first source again'.length }
    ])
    expect(last?.text).not.toContain('^')
  })

  it('records emphasis as marks and removes the asterisks', () => {
    const first = document.blocks[0]
    expect(first?.text).toContain('and stresses one point.')
    expect(first?.marks.map((mark) => [mark.kind, first.text.slice(mark.start, mark.end)])).toEqual([
      ['em', 'stresses'],
      ['strong', 'point']
    ])
  })

  it('makes a "Figure N." paragraph a caption with its number', () => {
    expect(document.blocks.filter((block) => block.kind === 'caption')).toEqual([
      {
        kind: 'caption',
        text: 'Figure 3. A caption standing on its own.',
        number: 3,
        refs: [],
        marks: [],
        pages: null
      }
    ])
  })

  it('turns the definitions into numbered footnotes with their continuation lines', () => {
    expect(
      document.blocks.filter((block) => block.kind === 'footnote').map((block) => [block.number, block.text])
    ).toEqual([
      [1, 'The first source, with a continuation line indented under it.'],
      [2, 'The second source.'],
      [3, 'A named note, which takes the next free number.']
    ])
  })
})

describe('notes lists', () => {
  const text = [
    '# A Title',
    '',
    'Body one.<sup>1</sup> Body two.<sup>2,3</sup>',
    '',
    '### Endnotes',
    '',
    '- First note without a number',
    'and its lazy continuation line.',
    '- 2. Second note.',
    '',
    'continued after a page break.',
    '- Third note, numbered by position.'
  ].join('\n')
  const document = parse(text)

  it('numbers entries as written or by position and attaches continuation lines', () => {
    expect(
      document.blocks.filter((block) => block.kind === 'footnote').map((block) => [block.number, block.text])
    ).toEqual([
      [1, 'First note without a number and its lazy continuation line.'],
      [2, 'Second note. continued after a page break.'],
      [3, 'Third note, numbered by position.']
    ])
    expect(texts(document, 'heading')).toEqual([])
  })

  it('reads a list of numbers in one <sup> as several refs at one place', () => {
    expect(document.blocks[0]?.refs).toEqual([
      { number: 1, offset: 9 },
      { number: 2, offset: 19 },
      { number: 3, offset: 19 }
    ])
  })

  it('warns about markers that point at no note', () => {
    const orphan = parse('# T\n\nText.<sup>4</sup>\n\n## Notes\n\n- 1. Only note.')
    expect(orphan.warnings).toContain('Footnote markers without a matching note: 4.')
  })

  it('keeps a References heading as a heading when the text has no markers', () => {
    const document = parse('# T\n\nText.\n\n## References\n\n- Smith, A Book (2001).')
    expect(texts(document, 'heading')).toEqual(['References'])
    expect(texts(document, 'footnote')).toEqual([])
  })
})

describe('hostile markup stays inert', () => {
  const document = parse(fixture('hostile.md'))
  const serialised = JSON.stringify(document)

  it('drops HTML tags and keeps no tag in any text', () => {
    for (const block of document.blocks) expect(block.text).not.toMatch(/<\s*\/?\s*[a-z]/i)
    expect(serialised).not.toMatch(/onerror|<script|<img|<iframe/i)
  })

  it('reduces links to their label and keeps no link URL', () => {
    expect(texts(document)).toContain('A link x and an autolink javascript:alert(2) and a normal label.')
    expect(serialised).not.toContain('javascript:alert(1)')
    expect(serialised).not.toContain('example.org')
  })

  it('produces blocks with only the plain data fields', () => {
    for (const block of document.blocks)
      expect(Object.keys(block).sort()).toEqual(['kind', 'marks', 'number', 'pages', 'refs', 'text'])
  })
})

describe('YAML front matter', () => {
  it('uses its title and authors and drops the heading that repeats the title', () => {
    const document = parse(fixture('front-matter.md'))
    expect(document.title).toBe('The Archive and the State')
    expect(document.authors).toEqual(['Jane Roe', 'John Doe'])
    expect(document.keywords).toEqual(['archives', 'state', 'memory'])
    expect(texts(document)).toEqual(['The body of the text begins here.'])
  })
})

describe('normalisation', () => {
  it('gives the same blocks for CRLF, CR and LF line endings and for NFD and NFC text', () => {
    const source = fixture('markdown-footnotes.md') + '\nDétente and Kim Il-sŏng, Sökryul (홍석률).\n'
    const reference = parse(source)
    expect(parse(source.replace(/\n/g, '\r\n'))).toEqual(reference)
    expect(parse(source.replace(/\n/g, '\r'))).toEqual(reference)
    expect(parse(source.normalize('NFD'))).toEqual(reference)
    expect(texts(reference).join(' ')).toContain('Kim Il-sŏng, Sökryul (홍석률)')
  })
})

describe('pathological input', () => {
  // Run, not timed: a catastrophic pattern would make these hang the test run.
  it('handles 10^5 of one Markdown character inside text', () => {
    for (const character of ['*', '>', '[', '_', '<', '`', '^', '#']) {
      const run = character.repeat(100_000)
      const document = parse(`Start ${run} end.`)
      expect(document.blocks.length).toBeGreaterThan(0)
    }
    const quoted = parse(`${'>'.repeat(100_000)} quoted text`)
    expect(texts(quoted)).toEqual(['quoted text'])
    expect(quoted.title).toBe('Quoted Text')
  })

  it('handles a 5 MB text', () => {
    const paragraph = 'A sentence with *emphasis*, a marker<sup>1</sup> and a cut end without a stop\n\n'
    const text = `# Big\n\n${paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))}## Notes\n\n- 1. The note.\n`
    const document = parse(text)
    const paragraphs = document.blocks.filter((block) => block.kind === 'paragraph')
    expect(paragraphs).toHaveLength(Math.ceil(5_000_000 / paragraph.length))
    expect(paragraphs.every((block) => block.refs.length === 1 && block.marks.length === 1)).toBe(true)
    expect(document.blocks.filter((block) => block.kind === 'footnote')).toHaveLength(1)
  })

  it('pairs thousands of unbalanced inline tags in linear work, with the right marks', () => {
    // BAD_INPUTS 26: `<b>` × N then `</i>` × N made each `</i>` scan every open `<b>` (quadratic).
    const count = 20_000
    const source = `<i>lead</i> ${'<b>x'.repeat(count)}${'</i>y'.repeat(count)} <b>bold</b> *em* tail</b>`
    const work: MarkWork = { steps: 0 }
    const rendered = renderInline(source, () => null, work)
    const closingTags = (source.match(/<\/[bi]>|\*(?= tail)/g) ?? []).length
    expect(work.steps).toBeLessThanOrEqual(closingTags)
    expect(rendered.text).toBe(`lead ${'x'.repeat(count)}${'y'.repeat(count)} bold em tail`)
    const at = (start: number, length: number) => ({ start, end: start + length })
    const boldAt = rendered.text.indexOf('bold')
    // The stray `</i>`s close nothing; the last `</b>` closes the latest unclosed `<b>` (the last x).
    expect(rendered.marks).toEqual([
      { kind: 'em', ...at(0, 4) },
      { kind: 'strong', ...at(5 + count - 1, 1 + count + ' bold em tail'.length) },
      { kind: 'strong', ...at(boldAt, 4) },
      { kind: 'em', ...at(boldAt + 5, 2) }
    ])
  })

  it('imports a file of unbalanced inline tags with the text whole', () => {
    const document = parse(`# Tags\n\n${'<b>word '.repeat(10_000)}${'</i>more '.repeat(10_000)}\n`)
    expect(document.blocks.filter((block) => block.kind === 'paragraph')[0]?.text).toMatch(
      /^word word .* more$/
    )
  })
})

describe('title case, citations and keywords', () => {
  it('keeps acronyms and acronym compounds in capitals and lowers short function words', () => {
    const acronyms = collectAcronyms(['Relations between the US and the DPRK improved.'])
    expect(titleCase('THE SINO-DPRK SPLIT AND ORIGINS OF US-DPRK BILATERALISM', acronyms)).toBe(
      'The Sino-DPRK Split and Origins of US-DPRK Bilateralism'
    )
    expect(titleCase('the rise of the UN in world affairs')).toBe('The Rise of the UN in World Affairs')
    expect(titleCase('EUNGSEO KIM')).toBe('Eungseo Kim')
  })

  it('does not learn acronyms from lines written all in capitals', () => {
    expect([...collectAcronyms(['EUNGSEO KIM', 'A line about the UN.'])]).toEqual(['UN'])
  })

  it('parses a Chicago-style citation and refuses an ordinary sentence', () => {
    expect(parseCitationLine('Journal of Cold War Studies 12, no. 3 (2010): 101–130.')).toEqual({
      text: 'Journal of Cold War Studies 12, no. 3 (2010): 101–130.',
      journal: 'Journal of Cold War Studies',
      volume: '12',
      issue: '3',
      year: 2010,
      pages: '101–130'
    })
    expect(parseCitationLine('North Korea changed course in 1972 after the talks.')).toBeNull()
  })

  it('splits keyword lines on commas, or on semicolons when there are any', () => {
    expect(parseKeywordsLine('Keywords: memory; state, archive; power.')).toEqual([
      'memory',
      'state, archive',
      'power'
    ])
    expect(parseKeywordsLine('The key words of the debate')).toBeNull()
  })
})

describe('citation lines are not found in prose', () => {
  it('keeps a body paragraph with a date and a year as a paragraph', () => {
    const text =
      'The Suez Crisis of 1956 was short.\n\nIsrael invaded the Sinai on October 29, 1956. British and French aircraft began bombing two days later.\n\nA last paragraph.'
    const result = parseDocument(text, { fileName: 'suez.txt' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.document.citation).toBeNull()
    expect(result.document.blocks.some((block) => block.text.startsWith('Israel invaded the Sinai'))).toBe(
      true
    )
  })

  it('still reads a Chicago-style citation line', () => {
    expect(parseCitationLine('Journal of Cold War Studies 12, no. 3 (2010): 44–71.')).toMatchObject({
      journal: 'Journal of Cold War Studies',
      volume: '12',
      issue: '3',
      year: 2010,
      pages: '44–71'
    })
  })
})
