// EPUB import (issue 13): the committed books of tests/fixtures/epub (made by make.mjs there) read
// by the EPUB front end into the one structure builder — metadata, contents as headings, notes as
// pop-up footnotes wherever the book keeps them, images as placeholders, nothing that could run —
// and every refusal (DRM, zip bomb, not an EPUB, damaged, too many files) with its reason, nothing
// stored. Archives the tests build themselves check the limits on the bytes actually inflated.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, inject, it } from 'vitest'
import { prepareEpub } from '../../src/main/services/importing/epub/importEpub'
import { createImportRunners } from '../../src/main/services/importing/importRunners'
import { epubToMarkdown, picturesMessage } from '../../src/shared/import/frontEnds/epub/epubToMarkdown'
import { drmMessage, resolveHref } from '../../src/shared/import/frontEnds/epub/bookPackage'
import { htmlToMarkdown } from '../../src/shared/import/frontEnds/htmlToMarkdown'
import { ZipArchive, zipLimits } from '../../src/shared/import/frontEnds/epub/zip'
import type { Block } from '../../src/shared/types'
import { useTestBackend } from '../support/testBackend'

const fixtures = join(__dirname, '..', 'fixtures', 'epub')
const book = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)))

function prepared(name: string, bytes = book(name)) {
  const result = prepareEpub({ fileName: name, bytes })
  if (!result.parsed.ok) throw new Error(result.parsed.message)
  return result.parsed
}

const texts = (blocks: Block[], kind: Block['kind']) =>
  blocks.filter((block) => block.kind === kind).map((block) => block.text)

function refused(bytes: Uint8Array): string {
  const result = epubToMarkdown(bytes)
  if (result.ok) throw new Error('expected a refusal')
  return result.message
}

describe('an EPUB 3 book with a nav and notes (book3.epub)', () => {
  const { metadata, blocks, warnings } = prepared('book3.epub')

  it('takes title, authors, language, year and publisher from the package', () => {
    expect(metadata.title).toBe('Rivers of the Peninsula')
    // The translator is a creator, not an author.
    expect(metadata.authors).toEqual(['Han Sŏngmin', 'Maren Østergaard'])
    expect(metadata.language).toBe('en')
    expect(metadata.citation).toMatchObject({ text: 'Scholia Test Press, 2019', year: 2019 })
  })

  it("makes the book's chapters its headings, one the nav names inside a chapter included", () => {
    expect(texts(blocks, 'heading')).toEqual([
      'One: The Han River',
      'The Floods of 1925',
      'Two: The Naktong',
      'Three: Crossings'
    ])
  })

  it('turns notes marked by epub:type, ARIA roles, classes and raised links into footnotes, wherever they are', () => {
    expect(texts(blocks, 'footnote')).toEqual([
      'The hangul 한강 means "great river"; Korean readers say Hangang.',
      "Records of 1925 speak of the Ŭlch'uk flood.",
      'Noryangjin was the main ferry south of Seoul.',
      "The delta's wetlands shelter migrating birds.",
      'The Hangang Railway Bridge opened in 1900.'
    ])
    const withRefs = blocks.filter((block) => block.refs.length > 0)
    expect(
      withRefs.map((block) => [block.text.slice(0, block.refs[0]?.offset).slice(-10), block.refs[0]?.number])
    ).toEqual([
      ['its banks.', 1],
      ['for weeks.', 2],
      ['Noryangjin', 3],
      ['its delta.', 4],
      ['fter 1900.', 5]
    ])
    // The notes left the text, with their numbers and links back.
    const body = blocks.filter((block) => block.kind !== 'footnote').map((block) => block.text)
    expect(body.join('\n')).not.toMatch(/great river|Ŭlch'uk flood|wetlands|↩/)
    expect(warnings.join(' ')).not.toMatch(/without a matching note/)
  })

  it('keeps Hangul, hanja and diacritics, and text that looks like markup as text', () => {
    expect(texts(blocks, 'paragraph')).toContain(
      'The Han River (한강) flows through Seoul, and the city grew along its banks. Its name is written 漢江 in hanja.'
    )
    expect(texts(blocks, 'paragraph')).toContain(
      'Text that looks like markup stays text: <b>bold</b>, x^2^ and [^9].'
    )
  })

  it('leaves images out with a placeholder (the cover page entirely), and says so', () => {
    expect(texts(blocks, 'paragraph')).toContain('[Image: A map of the Han River basin]')
    expect(blocks.some((block) => block.text.includes('Cover'))).toBe(false)
    expect(warnings).toContain(
      '2 images were left out; a placeholder such as "[Image: …]" stands where each was, with its description when the book gives one.'
    )
  })

  it('reads malformed XHTML leniently and keeps nothing that could run or load', () => {
    expect(texts(blocks, 'paragraph')).toContain(
      'Fishermen there speak of the river as a road for salt & rice &bogus; alike.'
    )
    const all = blocks.map((block) => block.text).join('\n')
    expect(all).not.toMatch(
      /alert|javascript|svg text|secret|evil|epub script|onerror|onclick|Contents|Start/
    )
  })
})

describe('an EPUB 2 book with an NCX (book2.epub)', () => {
  const { metadata, blocks } = prepared('book2.epub')

  it('reads the OPF 2 metadata: opf:role authors, the publication date rather than the modification', () => {
    expect(metadata).toMatchObject({
      title: 'A Short History of Lighthouses',
      authors: ['Eleni Pharos'],
      language: 'en-GB',
      citation: { year: 1911 }
    })
  })

  it('takes its chapters from the NCX, for a chapter without a heading too', () => {
    // A contents entry pointing inside a heading adds none.
    expect(texts(blocks, 'heading')).toEqual([
      'Chapter I. Pharos',
      'Chapter II. Eddystone',
      'Chapter III. Bell Rock'
    ])
  })

  it("reads Project Gutenberg's [1] note links and Calibre's notes, without their links back", () => {
    expect(texts(blocks, 'footnote')).toEqual([
      'Built under Ptolemy II, about 280 BC.',
      'The Great Storm of November 1703.',
      'It still stands off the coast of Angus.'
    ])
    // A raised link to a section is a cross-reference: the section stays text.
    expect(texts(blocks, 'paragraph')).toContain(
      'Robert Stevenson finished the Bell Rock light in 1810. This chapter* ends the book.'
    )
    // A link to the text around it is no note; a link to a reference from the text keeps its words.
    expect(texts(blocks, 'paragraph')).toContain('As the note on Bell Rock says, it stands.4')
    expect(texts(blocks, 'paragraph')).toContain(
      'Winstanley built the first Eddystone light in 1698; a storm took it in 1703.'
    )
  })
})

describe('EPUBs that are refused, with the reason', () => {
  it('refuses a DRM-protected book, and not a book whose fonts alone are obfuscated', () => {
    expect(refused(book('drm.epub'))).toBe(drmMessage)
    expect(epubToMarkdown(book('book3.epub')).ok).toBe(true)
  })

  it('refuses a zip bomb whose headers lie about its size, having inflated little of it', () => {
    const bytes = book('bomb.epub')
    expect(bytes.length).toBeLessThan(64 * 1024)
    expect(refused(bytes)).toMatch(/^This archive inflates far beyond its size .*"zip bomb"/)
    const archive = new ZipArchive(bytes)
    expect(() => archive.read('OEBPS/chapter.xhtml')).toThrow(/100 times its compressed size/)
    expect(archive.inflated).toBeLessThan(20 * 1024 * 1024)
  })

  it('counts the bytes actually inflated against the total, whatever the headers declare', () => {
    const chapter = new Uint8Array(300_000).fill(0x61)
    const zip = zipSync({ a: chapter, b: chapter, c: chapter })
    // Declared sizes are rewritten to 10 bytes each; the total limit is set at 800 KB.
    const view = new DataView(zip.buffer)
    for (let at = 0; at + 4 < zip.length; at += 1) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 10, true)
    }
    const archive = new ZipArchive(zip, { ...zipLimits, totalBytes: 800_000, ratio: 10_000 })
    archive.read('a')
    archive.read('b')
    expect(() => archive.read('c')).toThrow(/more than 1 MB once inflated|zip bomb/)
  })

  it('refuses an archive of more than 10,000 files before reading any', () => {
    const files: Record<string, Uint8Array> = {}
    for (let index = 0; index <= zipLimits.entries; index += 1) files[`f${index}`] = new Uint8Array(0)
    expect(refused(zipSync(files))).toBe(
      'This archive holds more than 10,000 files; an EPUB book holds a few hundred at most. Nothing was imported.'
    )
  })

  it('refuses a ZIP that is not an EPUB, a Word document, a file that is no ZIP, and a damaged book', () => {
    expect(refused(book('not-an-epub.epub'))).toMatch(
      /^This ZIP archive is not an EPUB book: it has no META-INF\/container.xml/
    )
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w/>') })
    expect(refused(docx)).toMatch(/^This is a Word document/)
    expect(refused(strToU8('just some text renamed .epub'))).toMatch(/could not be read as a ZIP archive/)
    const cut = book('book3.epub').slice(0, 3000)
    expect(refused(cut)).toMatch(/could not be read as a ZIP archive/)
  })

  it('reads a chapter of thousands of unbalanced tags and links (BAD_INPUTS 26) in linear work', () => {
    const chapter = `<html><body><p>start ${'<b><a href="#x">1</a>'.repeat(40_000)}middle${'</i>'.repeat(80_000)} end</p>${'<div>'.repeat(50_000)}deep</body></html>`
    const zip = zipSync({
      mimetype: strToU8('application/epub+zip'),
      'META-INF/container.xml': strToU8(
        '<container><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>'
      ),
      'c.opf': strToU8(
        '<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>'
      ),
      // Stored: so repetitive a file compresses past the 100:1 limit.
      'a.xhtml': [strToU8(chapter), { level: 0 }]
    })
    const result = epubToMarkdown(zip)
    if (!result.ok) throw new Error(result.message)
    // The links point nowhere: their text stays; every word is kept.
    expect(result.markdown.replace(/\*/g, '')).toBe(`start ${'1'.repeat(40_000)}middle end\n\ndeep`)
  })

  it('refuses a picture book, whose pages are images or drawings, saying so rather than that it is damaged', () => {
    const container = strToU8('<container><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>')
    const epubOf = (manifest: string, files: Record<string, Uint8Array>) =>
      zipSync({
        mimetype: strToU8('application/epub+zip'),
        'META-INF/container.xml': container,
        'c.opf': strToU8(
          `<package><metadata><dc:title>Pictures</dc:title></metadata><manifest>${manifest}</manifest><spine>${[
            ...manifest.matchAll(/id="(\w+)"/g)
          ]
            .map((match) => `<itemref idref="${match[1] ?? ''}"/>`)
            .join('')}</spine></package>`
        ),
        ...files
      })
    // The reading order is images and SVG drawings (as fixed-layout comics have it).
    const inSpine = epubOf(
      '<item id="p1" href="p1.jpg" media-type="image/jpeg"/><item id="p2" href="p2.svg" media-type="image/svg+xml"/>',
      { 'p1.jpg': new Uint8Array([0xff, 0xd8, 0xff]), 'p2.svg': strToU8('<svg><text>Boom</text></svg>') }
    )
    expect(refused(inSpine)).toBe(picturesMessage)
    // XHTML pages that each hold one image and no words.
    const page = (n: number) => strToU8(`<html><body><div><img src="p${n}.jpg" alt=""/></div></body></html>`)
    const inPages = epubOf(
      '<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>',
      { 'a.xhtml': page(1), 'b.xhtml': page(2) }
    )
    expect(refused(inPages)).toBe(picturesMessage)
  })

  it('finds a file whose name the book writes in another case', () => {
    const archive = new ZipArchive(zipSync({ 'OEBPS/Text/Chapter1.xhtml': strToU8('<p>x</p>') }))
    expect(archive.read('OEBPS/text/chapter1.xhtml')).toEqual(strToU8('<p>x</p>'))
    expect(archive.read('OEBPS/text/chapter2.xhtml')).toBeNull()
  })

  it('never resolves a path out of the archive', () => {
    expect(resolveHref('OEBPS/text/a.xhtml', '../../../etc/passwd')).toBeNull()
    expect(resolveHref('OEBPS/text/a.xhtml', 'javascript:alert(1)')).toBeNull()
    expect(resolveHref('OEBPS/text/a.xhtml', '../b.xhtml#x')).toEqual({
      path: 'OEBPS/b.xhtml',
      fragment: 'x'
    })
  })
})

describe('importing an EPUB into a library', () => {
  const state = useTestBackend()

  it('stores it once, known by its bytes, and stores nothing for a refused one', async () => {
    const { handlers } = state.current.backend
    const first = await handlers.importDocumentFile({ fileName: 'book3.epub', bytes: book('book3.epub') })
    expect(first).toMatchObject({ existing: false, document: { title: 'Rivers of the Peninsula' } })
    const again = await handlers.importDocumentFile({ fileName: 'copy.epub', bytes: book('book3.epub') })
    expect(again).toMatchObject({ existing: true, document: { id: first.document.id } })
    const before = (await handlers.listDocuments({})).length
    for (const name of ['drm.epub', 'bomb.epub', 'not-an-epub.epub'])
      await expect(handlers.importDocumentFile({ fileName: name, bytes: book(name) })).rejects.toMatchObject({
        name: 'UserError'
      })
    expect(await handlers.listDocuments({})).toHaveLength(before)
  })

  it('updates a document from a newer EPUB of it', async () => {
    const { handlers } = state.current.backend
    const { document } = await handlers.importDocumentFile({
      fileName: 'book2.epub',
      bytes: book('book2.epub')
    })
    const updated = await handlers.updateDocumentFromFileBytes({
      documentId: document.id,
      fileName: 'book3.epub',
      bytes: book('book3.epub')
    })
    expect(updated.unchanged).toBe(false)
    const view = await handlers.getDocument({ documentId: document.id })
    expect(view.metadata.title).toBe('Rivers of the Peninsula')
  })

  it('reads it on the import thread, reporting chapters', async () => {
    const runners = createImportRunners({ workerPath: inject('workerPaths').importWorker })
    try {
      const progress: { pagesRead: number; pageCount: number }[] = []
      const result = await runners.parseFile(
        { fileName: 'book2.epub', bytes: book('book2.epub') },
        (report) => progress.push(report)
      )
      expect(result.parsed).toMatchObject({ ok: true, metadata: { title: 'A Short History of Lighthouses' } })
      expect(progress.at(-1)).toEqual({ pagesRead: 4, pageCount: 4 })
      expect(runners.mode()).toBe('worker')
      await expect(
        runners.parseFile({ fileName: 'drm.epub', bytes: book('drm.epub') }, () => undefined)
      ).rejects.toMatchObject({ name: 'UserError', message: drmMessage })
    } finally {
      await runners.close()
    }
  })
})

describe('the HTML conversion as the EPUB front end asks for it', () => {
  it('keeps an image in running text as its alt text, and a raised number unlinked as text', () => {
    const html = '<p><img src="t.png" alt="T"/>he year 10<sup>3</sup> began.</p><p><img src="a.png"/></p>'
    const { markdown, images } = htmlToMarkdown(html, undefined, {
      imagePlaceholders: true,
      supMarkers: false
    })
    expect(markdown).toBe('The year 103 began.\n\n*\\[Image\\]*')
    const drawnHeading = '<h2><img src="h.png" alt="Chapter One"/></h2><p>Text.</p>'
    expect(htmlToMarkdown(drawnHeading, undefined, { imagePlaceholders: true }).markdown).toBe(
      '## Chapter One\n\nText.'
    )
    expect(images).toBe(2)
    // A web page keeps its images out without a word, and <sup>3</sup> as a marker.
    expect(htmlToMarkdown(html).markdown).toBe('he year 10<sup>3</sup> began.')
  })
})
