// PDFs made by real typesetters (groff -ms, LaTeX in two columns, Chromium's print to PDF; see
// tests/fixtures/pdf/make.sh) read by PDF.js and rebuilt by the PDF front end and the one structure
// builder: title, authors, abstract, keywords, headings, every paragraph whole (joined across lines,
// columns, pages and hyphens), every note with its text and its marker, no running heads or page
// numbers, non-ASCII kept. Then the PDFs that cannot be imported, each with its message.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { preparePdf } from '../../src/main/services/importing/pdf/importPdf'
import {
  damagedMessage,
  noTextLayerMessage,
  passwordMessage,
  tooManyPagesMessage
} from '../../src/main/services/importing/pdf/readPdf'
import type { PreparedDocument } from '../../src/main/services/importing/prepareDocument'
import { fileHashOf } from '../../src/main/services/importing/prepareDocument'
import type { Block } from '../../src/shared/types'
import { abstract, body, document, noBreve, noHangul, notes } from '../fixtures/pdf/sourceText'
import { writeSimplePdf } from '../support/simplePdf'

const fixtures = join(__dirname, '..', 'fixtures', 'pdf')
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixtures, name)))

async function importPdf(name: string): Promise<Extract<PreparedDocument['parsed'], { ok: true }>> {
  const prepared = await preparePdf({ fileName: name, bytes: bytesOf(name) })
  expect(prepared.contentHash).toBe(fileHashOf(bytesOf(name)))
  if (!prepared.parsed.ok) throw new Error(prepared.parsed.message)
  return prepared.parsed
}

/** Typesetters' quotes are curly; the article's are straight. */
const plain = (text: string): string =>
  text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()

const producers = [
  { file: 'groff-article.pdf', keep: (text: string) => noBreve(noHangul(text)), numbered: true },
  { file: 'latex-two-column.pdf', keep: noHangul, numbered: true },
  { file: 'chromium-article.pdf', keep: (text: string) => text, numbered: false }
]

const headings = body.filter((block) => block.kind === 'heading').map((block) => block.text)
const paragraphs = body.filter((block) => block.kind === 'paragraph')

describe.each(producers)('a PDF from $file', ({ file, keep, numbered }) => {
  const expected = (text: string): string => plain(keep(text))

  it('has the title, the author, the abstract and the keywords', async () => {
    const { metadata, blocks } = await importPdf(file)
    expect(metadata.title).toBe('The Sino-DPRK Split and Origins of US-DPRK Bilateralism')
    expect(metadata.authors).toEqual(['Eungseo Kim'])
    expect(metadata.keywords).toEqual(document.keywords)
    const abstractBlocks = blocks.filter((block) => block.kind === 'abstract')
    expect(abstractBlocks.map((block) => plain(block.text))).toEqual([expected(abstract)])
  })

  it('has the section headings, numbered as printed', async () => {
    const { blocks } = await importPdf(file)
    const found = blocks.filter((block) => block.kind === 'heading').map((block) => plain(block.text))
    expect(found).toEqual(
      headings.map((heading, index) => {
        const number = numbered ? `${index + 1}${file.startsWith('groff') ? '.' : ''} ` : ''
        return expected(`${number}${heading}`)
      })
    )
  })

  it('has every paragraph whole: lines, columns and pages rejoined, split words joined', async () => {
    const { blocks } = await importPdf(file)
    const texts = blocks.filter((block) => block.kind === 'paragraph').map((block) => plain(block.text))
    for (const paragraph of paragraphs) expect(texts).toContain(expected(paragraph.text))
  })

  it('has every footnote, with its text, and its marker where the article has it', async () => {
    const { blocks } = await importPdf(file)
    const footnotes = blocks.filter((block) => block.kind === 'footnote')
    expect(footnotes.map((block) => block.number)).toEqual([...notes.keys()])
    for (const block of footnotes)
      expect(plain(block.text)).toBe(expected(notes.get(block.number ?? 0) ?? ''))
    const markers = (list: readonly { refs: Block['refs'] }[]): number[] =>
      list.flatMap((block) => block.refs.map((ref) => ref.number))
    const found = markers(blocks.filter((block) => block.kind === 'paragraph'))
    expect(found).toEqual(markers(paragraphs))
  })

  it('leaves out running heads, running feet and page numbers', async () => {
    const { blocks } = await importPdf(file)
    for (const block of blocks) {
      expect(block.text).not.toMatch(/^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$/)
      expect(block.text).not.toContain('European Journal of Korean Studies')
      expect(block.text).not.toContain('E. Kim')
      expect(block.text).not.toContain('Split · Eungseo')
    }
  })

  it('keeps the non-ASCII letters', async () => {
    const { blocks } = await importPdf(file)
    const all = blocks.map((block) => block.text).join('\n')
    expect(all).toContain('détente')
    expect(all).toContain('Hong Sökryul')
    expect(all).toContain('kaesönüi')
    if (file !== 'groff-article.pdf') expect(all).toContain('Kim Il-sŏng')
    if (file === 'chromium-article.pdf') {
      expect(all).toContain('김일성')
      expect(all).toContain('최명해')
    }
  })
})

describe('PDFs that cannot be imported', () => {
  it('refuses a password-protected PDF, saying why and what to do', async () => {
    await expect(preparePdf({ fileName: 'encrypted.pdf', bytes: bytesOf('encrypted.pdf') })).rejects.toThrow(
      passwordMessage
    )
  })

  it('refuses a scan without a text layer: run OCR first', async () => {
    await expect(preparePdf({ fileName: 'scanned.pdf', bytes: bytesOf('scanned.pdf') })).rejects.toThrow(
      noTextLayerMessage
    )
  })

  it('refuses a damaged PDF', async () => {
    const whole = bytesOf('groff-article.pdf')
    const cut = whole.slice(0, 400)
    await expect(preparePdf({ fileName: 'cut.pdf', bytes: cut })).rejects.toThrow(
      /could not be read as a PDF: it is damaged or not a PDF/
    )
    expect(damagedMessage('x')).toContain('Nothing was imported')
  })

  it('refuses a PDF of more than 2,000 pages, saying the limit', async () => {
    const pages = Array.from({ length: 2001 }, (_, index) => [
      { text: `Page ${index + 1}`, x: 72, y: 700, size: 10 }
    ])
    await expect(preparePdf({ fileName: 'long.pdf', bytes: writeSimplePdf(pages) })).rejects.toThrow(
      tooManyPagesMessage(2001)
    )
    expect(tooManyPagesMessage(2001)).toContain('up to 2,000 pages')
  })
})
