// Citations of pages: a quote from a PDF cites the printed page ("p. 74", "pp. 74–75" across a
// break) on the clipboard, in the Markdown and CSV exports and the study sheet; the W3C export names
// the PDF page with a FragmentSelector (RFC 3778) refined by the quote, and reads it back.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { preparePdf } from '../../src/main/services/importing/pdf/importPdf'
import { layoutBlocks } from '../../src/shared/document/layout'
import { pageCitation, pageRangeOf } from '../../src/shared/document/pages'
import { formatQuoteWithCitation } from '../../src/shared/document/quoteCitation'
import { toCsv } from '../../src/shared/export/csv'
import { toMarkdown } from '../../src/shared/export/markdown'
import { toStudySheetHtml } from '../../src/shared/export/studySheet'
import { pdfFragmentSpecification, toW3cCollection } from '../../src/shared/export/w3c'
import { fromW3cCollection } from '../../src/shared/export/w3cImport'
import { fullTextOf } from '../../src/shared/document/layout'
import type { Annotation } from '../../src/shared/types'
import { annotationProblems } from '../support/w3cModelMusts'
import { colours, exportedAt } from '../fixtures/export/sample'
import {
  annotatePaged,
  pagedAnnotations,
  pagedBlocks,
  pagedDocument as document,
  pagedFullText,
  pagedMetadata
} from '../fixtures/export/pagedSample'

const parseCsv = (text: string): string[][] => parse(text, { bom: true, record_delimiter: '\r\n' })

const at = (exact: string, from = 0) => {
  const start = pagedFullText.indexOf(exact, from)
  return [start, start + exact.length] as const
}
const citeAt = (exact: string) => pageCitation(pageRangeOf(pagedBlocks, ...at(exact)))

describe('the pages of a passage', () => {
  it('are one page, or two across a break; a passage ending where a page begins stays on the first', () => {
    expect(citeAt('ends in the middle')).toBe('p. 74')
    expect(citeAt('this sentence and the second page')).toBe('pp. 74–75')
    expect(citeAt('this sentence and ')).toBe('p. 74')
    expect(citeAt('the second page begins')).toBe('p. 75')
    expect(citeAt('A note at the foot')).toBe('p. 74')
  })

  it('are unknown for a text without pages', () => {
    const blocks = layoutBlocks([
      { kind: 'paragraph', text: 'No pages here.', number: null, refs: [], marks: [], pages: null }
    ])
    expect(pageRangeOf(blocks, 0, 5)).toBeNull()
    expect(pageCitation(null)).toBeNull()
  })
})

describe('"Copy quote"', () => {
  it('cites the printed page, or both pages for a quote across a break', () => {
    const citation = (exact: string) => formatQuoteWithCitation(exact, pagedMetadata, citeAt(exact))
    expect(citation('ends in the middle')).toBe('“ends in the middle” (Ada Example, "Pages of a PDF", p. 74)')
    expect(citation('this sentence and the second page')).toBe(
      '“this sentence and the second page” (Ada Example, "Pages of a PDF", pp. 74–75)'
    )
    // Without pages the citation is what it was.
    expect(formatQuoteWithCitation('x', pagedMetadata)).toBe('“x” (Ada Example, "Pages of a PDF")')
  })

  it('cites both printed pages of a quote across a page break of a real PDF (roman front matter)', async () => {
    const bytes = new Uint8Array(
      readFileSync(join(__dirname, '..', 'fixtures', 'pdf', 'latex-roman-pages.pdf'))
    )
    const prepared = await preparePdf({ fileName: 'book.pdf', bytes })
    if (!prepared.parsed.ok) throw new Error(prepared.parsed.message)
    const { blocks } = prepared.parsed
    const text = fullTextOf(blocks)
    const start = text.indexOf('Sentence 25 of the preface')
    const end = text.indexOf('Sentence 27 of the preface')
    expect(pageCitation(pageRangeOf(blocks, start, end))).toBe('pp. i–ii')
    const chapter = text.indexOf('Sentence 3 of chapter one')
    expect(pageCitation(pageRangeOf(blocks, chapter, chapter + 20))).toBe('p. 1')
  })
})

describe('the exports carry the pages', () => {
  it('Markdown: each passage with its page', () => {
    const markdown = toMarkdown({ document, annotations: pagedAnnotations, colours, exportedAt })
    expect(markdown).toMatch(/> ends in the middle\n\nOne page\n\np\. 74 · /)
    expect(markdown).toMatch(/> this sentence and the second page\n\nAcross the break\n\npp\. 74–75 · /)
    expect(markdown).toMatch(/> A repeated phrase\n\nPage three\n\np\. 76 · /)
  })

  it('CSV: a "pages" column', () => {
    const [header, ...rows] = parseCsv(toCsv({ document, annotations: pagedAnnotations, colours }))
    const column = (header ?? []).indexOf('pages')
    expect(column).toBeGreaterThan(0)
    const pages = new Map(rows.map((row) => [row[(header ?? []).indexOf('note')], row[column]]))
    expect(pages.get('One page')).toBe('74')
    expect(pages.get('Across the break')).toBe('74–75')
    expect(pages.get('Page three')).toBe('76')
  })

  it('the study sheet: the page beside each passage', () => {
    const html = toStudySheetHtml({ document, annotations: pagedAnnotations, cards: [], colours, exportedAt })
    expect(html).toContain('<blockquote>this sentence and the second page</blockquote>')
    expect(html).toMatch(/Across the break<\/div>\n<p class="meta">pp\. 74–75 · /)
  })

  it('an orphaned passage names no page (its position means nothing any more)', () => {
    const orphaned = {
      ...annotatePaged('ends in the middle', { note: 'Lost' }),
      anchor: { state: 'orphaned', score: 0 } as const
    }
    const [header, row] = parseCsv(toCsv({ document, annotations: [orphaned], colours }))
    expect(row?.[(header ?? []).indexOf('pages')]).toBe('')
  })
})

describe('W3C: the PDF page as a FragmentSelector refined by the quote', () => {
  const exported = () =>
    toW3cCollection({
      document,
      annotations: pagedAnnotations,
      colours,
      exportedAt
    })

  it('names the physical page the passage starts on, with the quote as its refinement', () => {
    const items = exported().first.items
    const across = items.find((item) => item.body?.[0]?.value === 'Across the break')
    const [first, second] = across?.target.selector ?? []
    expect(first).toMatchObject({
      type: 'FragmentSelector',
      conformsTo: pdfFragmentSpecification,
      value: 'page=1',
      refinedBy: { type: 'TextQuoteSelector', exact: 'this sentence and the second page' }
    })
    expect(second).toMatchObject({ type: 'TextPositionSelector' })
    const pages = items.map((item) => (item.target.selector[0] as { value?: string }).value)
    expect(pages).toEqual(['page=1', 'page=1', 'page=3', 'page=1'])
    for (const item of items) expect(annotationProblems(item, { embedded: true })).toEqual([])
  })

  it('not for a document that is no PDF', () => {
    const items = toW3cCollection({
      document: { ...document, sourceFormat: 'text' },
      annotations: pagedAnnotations,
      colours,
      exportedAt
    }).first.items
    for (const item of items) expect(item.target.selector[0]?.type).toBe('TextQuoteSelector')
  })

  const importOptions = { documentId: document.id, blocks: pagedBlocks, now: 0 }

  it('round-trips: the import reads the quote inside the page selector back', () => {
    const essentials = ({ id, target, note, anchor }: Annotation) => ({ id, target, note, anchor })
    const read = fromW3cCollection(exported(), pagedFullText, importOptions)
    expect(read.map(essentials)).toEqual(pagedAnnotations.map(essentials))
  })

  it('finds a quote that occurs twice on the page it names, when the position no longer holds', () => {
    const collection = exported()
    const item = collection.first.items.find((entry) => entry.body?.[0]?.value === 'Page three')
    if (!item) throw new Error('no annotation on page three')
    // Only the page and the quote are left: the quote stands on pages 75 and 76.
    item.target.selector = item.target.selector.slice(0, 1)
    const quote = item.target.selector[0] as { refinedBy: { prefix: string; suffix: string } }
    quote.refinedBy.prefix = ''
    quote.refinedBy.suffix = ''
    const [read] = fromW3cCollection(
      { ...collection, first: { ...collection.first, items: [item] } },
      pagedFullText,
      importOptions
    )
    expect(read?.target.position.start).toBe(at('A repeated phrase', pagedFullText.indexOf('page two.'))[0])
    expect(read?.anchor.state).toBe('anchored')
  })
})
