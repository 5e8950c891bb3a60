// Pages: every block of a PDF knows the page it is on (physical, and the label printed on it) and
// where a page begins inside it; the pages are stored with the block (migration 006); a text cannot
// forge a page; labels come from the PDF's /PageLabels, else the printed numbers, else the count.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { migrate, migrations } from '../../src/main/db/migrations'
import { createDocumentRepository } from '../../src/main/db/repositories/documentRepository'
import { preparePdf } from '../../src/main/services/importing/pdf/importPdf'
import { readPdfPages } from '../../src/main/services/importing/pdf/readPdf'
import { pageLabelsOf } from '../../src/shared/import/frontEnds/pdf/pageLabels'
import { pdfToMarkdown } from '../../src/shared/import/frontEnds/pdf/pdfToMarkdown'
import type { PdfPage, PdfTextItem } from '../../src/shared/import/frontEnds/pdf/types'
import { pageMark, takePageMarks } from '../../src/shared/import/structure/pageMarks'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'
import { layoutBlocks } from '../../src/shared/document/layout'
import type { ParsedBlock } from '../../src/shared/types'
import { writeSimplePdf, type SimpleLine } from '../support/simplePdf'
import { makeTempDir } from '../support/tempDir'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})
function tempFile(name: string): string {
  const dir = makeTempDir()
  cleanups.push(dir.remove)
  return join(dir.path, name)
}

function item(text: string, x: number, y: number, size = 10, bold = false): PdfTextItem {
  return { text, x, y, width: text.length * size * 0.5, size, bold }
}

const filler =
  'The talks went on through the spring and the summer while both sides waited for the other to move first'

/** Two pages: a paragraph that runs from the foot of the first onto the second, page numbers printed. */
function twoPages(firstNumber: number): PdfPage[] {
  const first: PdfTextItem[] = [item('A Title in Large Type', 72, 60, 16, true)]
  for (let line = 0; line < 50; line += 1) first.push(item(filler, 72, 100 + 12 * line))
  first.push(item('the last line of page one ends here without a stop and', 72, 700))
  first.push(item(String(firstNumber), 300, 770))
  const second: PdfTextItem[] = [
    item('the sentence goes on at the top of page two. It ends there.', 72, 110),
    item(String(firstNumber + 1), 300, 770)
  ]
  return [
    { width: 600, height: 800, items: first },
    { width: 600, height: 800, items: second }
  ]
}

function parsedPdf(pages: PdfPage[]): ParsedBlock[] {
  const { markdown, pageLabels } = pdfToMarkdown(pages)
  const parsed = parseDocument(markdown, { fileName: 'x.pdf', pageLabels })
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.document.blocks
}

describe('a block that runs over a page break', () => {
  it('knows both pages, their printed numbers, and where the second begins', () => {
    const blocks = parsedPdf(twoPages(74))
    const paragraph = blocks.find((block) => block.text.includes('page two'))
    expect(paragraph?.pages).toEqual([
      { physical: 1, label: '74', offset: 0 },
      { physical: 2, label: '75', offset: (paragraph?.text ?? '').indexOf('the sentence goes on') }
    ])
    expect(paragraph?.text).toContain('ends here without a stop and the sentence goes on')
  })

  it('keeps its footnote markers and emphasis at their places once the page marks are taken out', () => {
    const text = `${pageMark(0)}# Title\n\n${pageMark(0)}Before the *break* and ${pageMark(1)}after<sup>1</sup> it *too*.\n\n${pageMark(1)}[^1]: The note.\n`
    const parsed = parseDocument(text, { fileName: 'x.pdf', pageLabels: ['9', '10'] })
    if (!parsed.ok) throw new Error(parsed.message)
    const [paragraph, note] = parsed.document.blocks
    expect(paragraph?.text).toBe('Before the break and after it too.')
    expect(paragraph?.refs).toEqual([{ number: 1, offset: 'Before the break and after'.length }])
    expect(paragraph?.marks.map((mark) => paragraph.text.slice(mark.start, mark.end))).toEqual([
      'break',
      'too'
    ])
    expect(paragraph?.pages).toEqual([
      { physical: 1, label: '9', offset: 0 },
      { physical: 2, label: '10', offset: 'Before the break and '.length }
    ])
    expect(note?.pages).toEqual([{ physical: 2, label: '10', offset: 0 }])
  })
})

describe('page marks outside blocks', () => {
  it('never reach the title, authors or citation (a title read from lines on three pages)', () => {
    // As PDF.js's page_with_number.pdf came out: one short line per page, read as the title.
    const text = `${pageMark(0)}# 1 ${pageMark(1)}2 ${pageMark(2)}3\n\n${pageMark(0)}Jane Roe\n\n${pageMark(0)}Some text on the first page.\n`
    const parsed = parseDocument(text, { fileName: 'x.pdf', pageLabels: ['1', '2', '3'] })
    if (!parsed.ok) throw new Error(parsed.message)
    const { title, authors, blocks } = parsed.document
    expect(title).toBe('1 2 3')
    for (const value of [title, ...authors, ...blocks.map((block) => block.text)])
      expect(value).not.toMatch(/[\uFDD0-\uFDEF]/)
  })
})

describe('a text cannot forge pages', () => {
  it('a stray mark character is dropped, and offsets after it still land on the same characters', () => {
    const taken = takePageMarks(`ab\uFDD5cd${pageMark(12)}ef`)
    expect(taken.text).toBe('abcdef')
    expect(taken.marks).toEqual([{ pageIndex: 12, offset: 4 }])
    // "e" stood at 5 + the mark's length in the marked text; it is at 4 now.
    expect(taken.mapOffset(`ab\uFDD5cd${pageMark(12)}`.length)).toBe(4)
    expect(taken.mapOffset(3)).toBe(2)
  })

  it('a Markdown file holding the characters of a page mark gets no pages and loses only those characters', () => {
    const parsed = parseDocument(`# Title\n\n${pageMark(73)}A paragraph ${pageMark(74)}here.\n`, {
      fileName: 'x.md'
    })
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.document.blocks).toEqual([
      expect.objectContaining({ text: 'A paragraph here.', pages: null })
    ])
  })

  it("a PDF whose text holds a page mark's characters keeps the pages it really has", () => {
    const pages = twoPages(1)
    pages[1]?.items.push(item(`Forged ${pageMark(40)}mark in the text.`, 72, 130))
    const blocks = parsedPdf(pages)
    const forged = blocks.find((block) => block.text.includes('Forged'))
    expect(forged?.text).toContain('Forged mark in the text.')
    for (const block of blocks) for (const page of block.pages ?? []) expect([1, 2]).toContain(page.physical)
  })
})

describe('page labels', () => {
  it("are the PDF's own labels where it has them", () => {
    expect(pageLabelsOf(['i', 'ii', '1', '2'], [null, null, '1', '2'])).toEqual(['i', 'ii', '1', '2'])
  })

  it('else the printed numbers, counted on for pages that print none; else the physical page', () => {
    // An article printed as pages 71–74; its first page prints no number.
    expect(pageLabelsOf([], [null, '72', '73', '74'])).toEqual(['71', '72', '73', '74'])
    // Roman front matter before an arabic run, and a stray number that fits no run.
    expect(pageLabelsOf([], ['i', 'ii', '1', '2', '3'])).toEqual(['i', 'ii', '1', '2', '3'])
    expect(pageLabelsOf([], [null, '1988', null])).toEqual(['1', '2', '3'])
    expect(pageLabelsOf([], [null, null])).toEqual(['1', '2'])
  })

  it('are read from the numbers printed on a real PDF', async () => {
    const page = (number: number, text: string): SimpleLine[] => [
      { text, x: 72, y: 700, size: 11 },
      { text: String(number), x: 290, y: 40, size: 10 }
    ]
    const bytes = writeSimplePdf([
      [{ text: 'A Title in Large Type', x: 72, y: 760, size: 18, bold: true }, ...page(201, 'First page.')],
      page(202, 'Second page.'),
      page(203, 'Third page.')
    ])
    const prepared = await preparePdf({ fileName: 'numbers.pdf', bytes })
    if (!prepared.parsed.ok) throw new Error(prepared.parsed.message)
    expect(prepared.sourceFormat).toBe('pdf')
    // The three lines make one paragraph, which runs over all three pages.
    const [paragraph] = prepared.parsed.blocks
    expect(paragraph?.text).toBe('First page. Second page. Third page.')
    expect(paragraph?.pages).toEqual([
      { physical: 1, label: '201', offset: 0 },
      { physical: 2, label: '202', offset: 'First page. '.length },
      { physical: 3, label: '203', offset: 'First page. Second page. '.length }
    ])
  })
})

describe('a book with roman-numbered front matter (tests/fixtures/pdf/latex-roman-pages.tex)', () => {
  const file = join(__dirname, '..', 'fixtures', 'pdf', 'latex-roman-pages.pdf')
  const bytes = new Uint8Array(readFileSync(file))
  const expectedLabels = ['i', 'ii', 'iii', 'iv', '1', '2', '3', '4']

  /** Every (physical page, label) the blocks name, in order. */
  const pagesNamed = (blocks: readonly ParsedBlock[]): [number, string][] => {
    const named = new Map<number, string>()
    for (const block of blocks) for (const page of block.pages ?? []) named.set(page.physical, page.label)
    return [...named].sort(([left], [right]) => left - right)
  }

  it("labels its pages with the PDF's page labels: i–iv, then 1–4", async () => {
    expect((await readPdfPages(bytes)).map((page) => page.label)).toEqual(expectedLabels)
    const prepared = await preparePdf({ fileName: 'book.pdf', bytes })
    if (!prepared.parsed.ok) throw new Error(prepared.parsed.message)
    const { blocks } = prepared.parsed
    expect(pagesNamed(blocks)).toEqual(expectedLabels.map((label, index) => [index + 1, label]))
    // The preface's first paragraph runs from page i onto page ii, which begins with sentence 26.
    const preface = blocks.find((block) => block.text.startsWith('Sentence 1 of the preface'))
    expect(preface?.pages?.map((page) => page.label)).toEqual(['i', 'ii'])
    const second = preface?.pages?.[1]
    expect(preface?.text.slice(second?.offset)).toMatch(/^Sentence 26 of the preface/)
    // The printed numbers are not in the text.
    expect(preface?.text).not.toMatch(/\bii\b/)
  })

  it('gets the same labels from the numbers printed on its pages when the PDF has no page labels', async () => {
    const pages = (await readPdfPages(bytes)).map((page) => ({ ...page, label: null }))
    const { markdown, pageLabels } = pdfToMarkdown(pages)
    expect(pageLabels).toEqual(expectedLabels)
    const parsed = parseDocument(markdown, { fileName: 'book.pdf', pageLabels })
    if (!parsed.ok) throw new Error(parsed.message)
    expect(pagesNamed(parsed.document.blocks)).toEqual(
      expectedLabels.map((label, index) => [index + 1, label])
    )
  })
})

describe('migration 006 and the document repository', () => {
  it('adds pages to blocks (none for the blocks already stored) and marks PDFs already imported', () => {
    const db = openDatabase(tempFile('library.sqlite3'))
    migrate(db, { migrations: migrations.slice(0, 5) })
    const insert = db.prepare(
      `INSERT INTO documents (id, title, metadata_json, content_hash, source_name, bundled, block_count, created_at, updated_at)
       VALUES (?, 'T', '{}', ?, ?, 0, 1, 1, 1)`
    )
    insert.run('pdf', 'h1', 'Article.PDF')
    insert.run('text', 'h2', 'notes.md')
    db.prepare(
      `INSERT INTO blocks (document_id, ordinal, kind, text, start, refs_json, marks_json) VALUES ('pdf', 0, 3, 'x', 0, '[]', '[]')`
    ).run()
    migrate(db)
    const documents = createDocumentRepository(db)
    expect(documents.findById('pdf')?.sourceFormat).toBe('pdf')
    expect(documents.findById('text')?.sourceFormat).toBe('text')
    expect(documents.blocks('pdf')[0]?.pages).toBeNull()
    db.close()
  })

  it('stores and reads back the pages of each block', () => {
    const db = openDatabase(tempFile('library.sqlite3'))
    migrate(db)
    const documents = createDocumentRepository(db)
    const blocks = layoutBlocks([
      {
        kind: 'paragraph',
        text: 'One page, then the next.',
        number: null,
        refs: [],
        marks: [],
        pages: [
          { physical: 3, label: 'iii', offset: 0 },
          { physical: 4, label: '1', offset: 10 }
        ]
      },
      { kind: 'paragraph', text: 'No pages.', number: null, refs: [], marks: [], pages: null }
    ])
    const stored = {
      id: 'd',
      metadata: { title: 'T', authors: [], affiliation: null, citation: null, keywords: [] },
      contentHash: 'h',
      sourceName: 'book.pdf',
      sourceFormat: 'pdf' as const,
      bundled: false,
      blockCount: 2
    }
    documents.insert(stored, blocks, 1)
    expect(documents.blocks('d')).toEqual(blocks)
    expect(documents.findById('d')?.sourceFormat).toBe('pdf')
    db.close()
  })
})
