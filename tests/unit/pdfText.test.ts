// The PDF front end's text rules, one at a time: the hyphen rule, characters, and a page's lines
// (running heads and page numbers left out, notes at the foot taken out, two columns in order).
import { describe, expect, it } from 'vitest'
import { pdfToMarkdown } from '../../src/shared/import/frontEnds/pdf/pdfToMarkdown'
import {
  joinLines,
  joinsWithoutHyphen,
  normaliseCharacters,
  wordsOf
} from '../../src/shared/import/frontEnds/pdf/textJoin'
import type { PdfPage, PdfTextItem } from '../../src/shared/import/frontEnds/pdf/types'
import { removePageMarkCharacters } from '../../src/shared/import/structure/pageMarks'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'

const words = wordsOf(['the negotiations went on', 'self-reliance', 'Romania'])
const dictionary = new Set(['reliance', 'diplomacy', 'something'])
const rule = { words, isWord: (word: string) => dictionary.has(word) }

describe('the hyphen rule', () => {
  it('joins a word split at a line end when the whole word is in the text or the word list', () => {
    expect(joinLines(['direct negotia-', 'tions with the US'], rule)).toBe('direct negotiations with the US')
    expect(joinLines(['public diplo-', 'macy'], rule)).toBe('public diplomacy')
    expect(joinLines(['some-', 'thing'], rule)).toBe('something')
    expect(joinLines(['the Roma-', 'nian ministry'], rule)).toBe('the Romanian ministry')
  })

  it('keeps the hyphen of a compound', () => {
    expect(joinLines(['the Sino-', 'Soviet split'], rule)).toBe('the Sino-Soviet split')
    expect(joinLines(['anti-', 'imperialist'], rule)).toBe('anti-imperialist')
    expect(joinsWithoutHyphen('self', 'reliance', rule)).toBe(false)
    expect(joinLines(['a sense of self-re-', 'liance'], rule)).toBe('a sense of self-reliance')
    expect(joinLines(['vis-', 'à-vis the West'], rule)).toBe('vis-à-vis the West')
  })

  it('joins at a soft hyphen, and lines with a space', () => {
    expect(joinLines(['extra\u00AD', 'ordinary'], rule)).toBe('extraordinary')
    expect(joinLines(['two', 'lines'], rule)).toBe('two lines')
  })
})

describe('characters', () => {
  it('undoes ligatures, odd spaces and spacing accents set before their letter', () => {
    expect(normaliseCharacters('ﬁrst ﬂow ﬀ')).toBe('first flow ff')
    expect(normaliseCharacters('a\u00A0b\u2009c\u202Fd')).toBe('a b c d')
    // Glyphs a font maps to no character (TAMReview.pdf in PDF.js's test corpus has NULs): dropped,
    // or the whole text would be refused as binary data.
    expect(normaliseCharacters('Tech\u0000nology\u0003 accep\u0086tance\tmodel')).toBe(
      'Technology acceptance\tmodel'
    )
    expect(normaliseCharacters('Il-s\u02D8ong')).toBe('Il-sŏng')
    expect(normaliseCharacters('zero\u200Bwidth')).toBe('zerowidth')
  })
})

function item(text: string, x: number, y: number, size = 10, bold = false): PdfTextItem {
  return { text, x, y, width: text.length * size * 0.5, size, bold }
}

/** A raised small marker (a note number or symbol). */
const marker = (text: string, x: number, y: number): PdfTextItem => ({ ...item(text, x, y, 6), width: 3 })
const title = item('A Title in Large Type', 72, 60, 16, true)

/** One page of items (under a title) through the front end and the structure builder. */
function parsePage(items: PdfTextItem[]) {
  const { markdown } = pdfToMarkdown([{ width: 600, height: 800, items: [title, ...items] }])
  const parsed = parseDocument(markdown, { fileName: 'x.pdf' })
  if (!parsed.ok) throw new Error(parsed.message)
  return { markdown, blocks: parsed.document.blocks }
}

describe('a page of lines', () => {
  it('leaves out a running head and page numbers repeated on every page', () => {
    const page = (number: number): PdfPage => ({
      width: 600,
      height: 800,
      items: [
        item('A Running Head', 72, 40),
        item(`Text of page ${number} goes on and on.`, 72, 200),
        item(String(number), 300, 770)
      ]
    })
    const { markdown } = pdfToMarkdown([page(1), page(2), page(3)])
    expect(markdown).not.toContain('Running Head')
    expect(markdown).not.toMatch(/^\d+$/m)
    expect(markdown).toContain('Text of page 2')
  })

  it('reads two columns left first, and takes the note at the foot of the page', () => {
    const left = Array.from({ length: 6 }, (_, index) =>
      item(`left line ${index} of the first column`, 50, 100 + 12 * index)
    )
    const right = Array.from({ length: 6 }, (_, index) =>
      item(`right line ${index} of the other column`, 320, 100 + 12 * index)
    )
    const raised = marker('1', 200, 96)
    const note = [marker('1', 50, 700), item('The note itself.', 54, 704, 8)]
    const { markdown } = pdfToMarkdown([
      { width: 600, height: 800, items: [...right, ...left, raised, ...note] }
    ])
    const text = markdown.replace(/\s+/g, ' ')
    expect(text.indexOf('left line 5')).toBeLessThan(text.indexOf('right line 0'))
    expect(markdown).toContain('<sup>1</sup>')
    expect(markdown).toContain('[^1]: The note itself.')
  })
})

describe('captions and symbol notes', () => {
  it('sets a figure caption apart and matches a † marker to the note at the foot of its page', () => {
    const { blocks } = parsePage([
      item('A paragraph of body text that runs across the whole', 72, 100),
      item('measure of the page and ends here.', 72, 112),
      marker('†', 247, 108),
      item('Figure 2. The border region of Yanbian in 1969.', 72, 136),
      marker('†', 72, 700),
      item('A note marked with a dagger.', 76, 704, 8)
    ])
    const caption = blocks.find((block) => block.kind === 'caption')
    expect(caption).toMatchObject({ number: 2, text: 'Figure 2. The border region of Yanbian in 1969.' })
    const note = blocks.find((block) => block.kind === 'footnote')
    expect(note?.text).toBe('A note marked with a dagger.')
    const body = blocks.find((block) => block.refs.length > 0)
    expect(body?.refs.map((ref) => ref.number)).toEqual([note?.number])
  })
})

describe('headings', () => {
  it('takes a numbered line of its own in body type as a heading, but not a numbered sentence', () => {
    const { markdown } = parsePage([
      item('The first paragraph runs across the whole measure of', 72, 100),
      item('the page and stops here.', 72, 112),
      item('2.1 Sources and Method', 72, 136),
      item('3 archives were read in 1973 and they are described', 72, 160),
      item('in the text that follows this line.', 72, 172)
    ])
    expect(markdown).toContain('## 2.1 Sources and Method')
    expect(markdown).not.toContain('## 3 archives')
  })
})

describe('front matter', () => {
  it('finds an "Abstract" set in small type above a small-type abstract (LaTeX\'s article class)', () => {
    const { blocks } = parsePage([
      item('Abstract', 280, 100, 9),
      item('A short abstract in small type that says what the article', 90, 116, 9),
      item('argues and how.', 90, 127, 9),
      item('1 Introduction', 72, 148, 12, true),
      item('The body text begins here in its own larger type and', 72, 160, 11),
      item('goes on for a while.', 72, 173, 11)
    ])
    expect(blocks.filter((block) => block.kind === 'abstract').map((block) => block.text)).toEqual([
      'A short abstract in small type that says what the article argues and how.'
    ])
  })
})

describe('the title', () => {
  it('is the largest type of the first page that holds words, not a drop cap', () => {
    const { markdown } = pdfToMarkdown([
      {
        width: 600,
        height: 800,
        items: [
          item('Rivers of Memory', 72, 60, 20, true),
          // A two-line drop cap: its baseline is the second line's.
          { ...item('T', 72, 122, 40), width: 24 },
          item('he text begins with a drop cap in much larger type', 100, 110),
          item('and it runs on beside it for a second line and', 100, 122),
          item('then below it as the rest of the paragraph.', 72, 134)
        ]
      }
    ])
    expect(removePageMarkCharacters(markdown)).toBe(
      '# Rivers of Memory\n\nThe text begins with a drop cap in much larger type and it runs on beside it for a second line and then below it as the rest of the paragraph.\n'
    )
  })
})

describe('endnotes', () => {
  it('reads a numbered list under a Notes heading, in body type, as the notes of the markers', () => {
    const { blocks } = parsePage([
      item('A sentence that cites a source', 72, 100),
      marker('1', 227, 96),
      item('and then another one.', 72, 112),
      marker('2', 177, 108),
      item('Notes', 72, 150, 10, true),
      item('1. Rodong Sinmun, August 12, 1966, 1.', 72, 170),
      item('2. Hong Sökryul, Pundanŭi hisŭt’eri (Paju: Changbi, 2012): 40.', 72, 184)
    ])
    const notes = blocks.filter((block) => block.kind === 'footnote')
    expect(notes.map((note) => [note.number, note.text])).toEqual([
      [1, 'Rodong Sinmun, August 12, 1966, 1.'],
      [2, 'Hong Sökryul, Pundanŭi hisŭt’eri (Paju: Changbi, 2012): 40.']
    ])
    const refs = blocks.flatMap((block) => block.refs.map((ref) => ref.number))
    expect(refs).toEqual([1, 2])
  })
})
