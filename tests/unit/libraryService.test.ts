// The library screen's back end on a real SQLite database in a temporary folder: counts and
// progress, corrections, removal with Undo, "Update from file…", and every export format read
// back with a parser for it (CommonMark, RFC 4180 CSV, the W3C importer, BibTeX/RIS fields).
import { readFileSync, readdirSync, chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend, type Backend, type BackendOptions } from '../../src/main/app/compositionRoot'
import { fromW3cCollection } from '../../src/shared/export'
import { fullTextOf } from '../../src/shared/document/layout'
import { makeTempDir } from '../support/tempDir'

const resourcesDir = join(__dirname, '..', '..', 'resources')
const open: { backend: Backend; remove: () => void }[] = []
const fixedNow = () => 1_700_000_000_000

function start(extra: Partial<BackendOptions> = {}): { backend: Backend; dataDir: string } {
  const dir = makeTempDir()
  const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir, now: fixedNow, ...extra })
  open.push({ backend, remove: dir.remove })
  return { backend, dataDir: dir.path }
}

afterEach(() => {
  while (open.length) {
    const entry = open.pop()
    try {
      entry?.backend.close()
    } catch {
      // closed by the test
    }
    entry?.remove()
  }
})

async function articleWithNotes(backend: Backend) {
  const [document] = await backend.handlers.listDocuments({})
  if (!document) throw new Error('no bundled document')
  const view = await backend.handlers.getDocument({ documentId: document.id })
  const text = fullTextOf(view.blocks)
  const paragraph = view.blocks.find((block) => block.kind === 'paragraph' && block.text.length > 80)
  if (!paragraph) throw new Error('no paragraph')
  const first = await backend.handlers.createAnnotation({
    documentId: document.id,
    start: paragraph.start,
    end: paragraph.start + 40,
    colour: 'yellow',
    note: 'A note with "quotes", a comma, <script>alert(1)</script>\nand a second line',
    tags: ['cold war', 'china']
  })
  const second = await backend.handlers.createAnnotation({
    documentId: document.id,
    start: paragraph.start + 50,
    end: paragraph.start + 70,
    colour: 'blue',
    tags: ['actor']
  })
  return { document, view, text, first, second }
}

describe('the library list', () => {
  it('counts annotations and shows reading progress', async () => {
    const { backend } = start()
    const { document, view } = await articleWithNotes(backend)
    let [entry] = await backend.handlers.listLibrary({})
    expect(entry?.annotationCount).toBe(2)
    expect(entry?.cardCount).toBe(0)
    expect(entry?.progress).toBeNull()
    const middle = view.blocks[Math.floor(view.blocks.length / 2)]
    await backend.handlers.saveReadingPosition({
      documentId: document.id,
      blockId: middle?.id ?? '',
      fraction: 0
    })
    ;[entry] = await backend.handlers.listLibrary({})
    expect(entry?.progress).toBeGreaterThan(0.4)
    expect(entry?.progress).toBeLessThan(0.6)
  })

  it('corrects title and authors, refusing an empty title and dropping bidi overrides', async () => {
    const { backend } = start()
    const [document] = await backend.handlers.listDocuments({})
    const id = document?.id ?? ''
    const changed = await backend.handlers.updateDocumentDetails({
      documentId: id,
      title: '  New\u202E title <b>x</b> ',
      authors: ['Kim, Donggil', ' ']
    })
    expect(changed.title).toBe('New title <b>x</b>')
    expect(changed.authors).toEqual(['Kim, Donggil'])
    await expect(async () =>
      backend.handlers.updateDocumentDetails({ documentId: id, title: ' ', authors: [] })
    ).rejects.toThrow(/needs a title/)
    expect((await backend.handlers.getDocument({ documentId: id })).metadata.title).toBe('New title <b>x</b>')
  })

  it('brings a removed document back with its annotations (Undo)', async () => {
    const { backend } = start()
    const { document } = await articleWithNotes(backend)
    await backend.handlers.removeDocument({ documentId: document.id })
    expect(await backend.handlers.listLibrary({})).toHaveLength(0)
    await backend.handlers.restoreDocument({ documentId: document.id })
    const [entry] = await backend.handlers.listLibrary({})
    expect(entry?.id).toBe(document.id)
    expect(entry?.annotationCount).toBe(2)
  })

  it('updates a document from a changed file: kept passages re-anchored, deleted ones orphaned', async () => {
    const { backend } = start()
    const { document, first, second } = await articleWithNotes(backend)
    const original = readFileSync(join(resourcesDir, 'kim-2018-sino-dprk-split.md'), 'utf8')
    const removedQuote = second.target.quote.exact
    expect(original.includes(removedQuote)).toBe(true)
    const changed = `Preface added at the top.\n\n${original.replace(removedQuote, '')}`
    const result = await backend.handlers.updateDocumentFromFile({
      documentId: document.id,
      fileName: 'kim-2018-edited.md',
      text: changed
    })
    expect(result.unchanged).toBe(false)
    expect(result.anchored).toBe(1)
    expect(result.orphaned).toBe(1)
    const annotations = await backend.handlers.listAnnotations({ documentId: document.id })
    const kept = annotations.find((annotation) => annotation.id === first.id)
    const view = await backend.handlers.getDocument({ documentId: document.id })
    const text = fullTextOf(view.blocks)
    expect(kept?.anchor.state).toBe('anchored')
    expect(text.slice(kept?.target.position.start, kept?.target.position.end)).toBe(first.target.quote.exact)
    expect(annotations.find((annotation) => annotation.id === second.id)?.anchor.state).toBe('orphaned')
  })
})

describe('exports', () => {
  it('Markdown parses as CommonMark with front matter, quotes, notes escaped and links back', async () => {
    const { backend } = start()
    const { document, first } = await articleWithNotes(backend)
    const { files } = await backend.handlers.exportFiles({ documentId: document.id, format: 'markdown' })
    expect(files).toHaveLength(1)
    const file = files[0]
    expect(file?.fileName).toMatch(/notes\.md$/)
    const markdown = file?.content ?? ''
    expect(markdown.startsWith('---\n')).toBe(true)
    const html = new MarkdownIt({ html: false }).render(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''))
    expect(html).toContain('<blockquote>')
    expect(html).not.toContain('<script>')
    expect(markdown).toContain(`scholia://open?doc=${document.id}&at=${first.target.position.start}`)
  })

  it('filters by tag and colour', async () => {
    const { backend } = start()
    const { document } = await articleWithNotes(backend)
    const byTag = await backend.handlers.exportFiles({ documentId: document.id, format: 'csv', tag: 'actor' })
    const byColour = await backend.handlers.exportFiles({
      documentId: document.id,
      format: 'csv',
      colour: 'yellow'
    })
    const rows = (content: string) =>
      parseCsv<Record<string, string>>(content.replace(/^\uFEFF/, ''), { columns: true })
    expect(rows(byTag.files[0]?.content ?? '')).toHaveLength(1)
    expect(rows(byTag.files[0]?.content ?? '')[0]?.tags).toContain('actor')
    expect(rows(byColour.files[0]?.content ?? '')).toHaveLength(1)
  })

  it('CSV of the whole library: one file, one header, every annotation a row, parsed back', async () => {
    const { backend } = start()
    const { first } = await articleWithNotes(backend)
    await backend.handlers.importDocument({
      fileName: 'second.md',
      text: '# Second\n\nSome other text to read.'
    })
    const { files } = await backend.handlers.exportFiles({ documentId: null, format: 'csv' })
    expect(files).toHaveLength(1)
    const content = files[0]?.content ?? ''
    expect(content.match(/\r\n/g)?.length).toBeGreaterThan(2)
    const records = parseCsv<Record<string, string>>(content.replace(/^\uFEFF/, ''), { columns: true })
    expect(records).toHaveLength(2)
    expect(records.map((record) => record.note)).toContain(first.note)
  })

  it('W3C export read back gives the same annotations', async () => {
    const { backend } = start()
    const { document, view, text } = await articleWithNotes(backend)
    const { files } = await backend.handlers.exportFiles({ documentId: document.id, format: 'w3c' })
    const restored = fromW3cCollection(files[0]?.content ?? '', text, {
      documentId: document.id,
      blocks: view.blocks,
      now: fixedNow()
    })
    const stored = await backend.handlers.listAnnotations({ documentId: document.id })
    expect(
      restored.map((annotation) => [
        annotation.id,
        annotation.target.position,
        annotation.note,
        annotation.tags
      ])
    ).toEqual(
      stored
        .sort((a, b) => a.target.position.start - b.target.position.start)
        .map((annotation) => [annotation.id, annotation.target.position, annotation.note, annotation.tags])
    )
  })

  it('BibTeX and RIS carry the title and authors', async () => {
    const { backend } = start()
    const [document] = await backend.handlers.listDocuments({})
    const bib = (await backend.handlers.exportFiles({ documentId: document?.id ?? '', format: 'bibtex' }))
      .files[0]
    const ris = (await backend.handlers.exportFiles({ documentId: document?.id ?? '', format: 'ris' }))
      .files[0]
    expect(bib?.fileName.endsWith('.bib')).toBe(true)
    expect(/^@\w+\{[a-z0-9]+,/m.test(bib?.content ?? '')).toBe(true)
    expect(bib?.content).toMatch(/title\s*=\s*\{\{The Sino-DPRK Split/)
    const risFields = (ris?.content ?? '').split(/\r?\n/).filter((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))
    expect(risFields[0]).toMatch(/^TY {2}- /)
    expect(risFields.at(-1)).toMatch(/^ER {2}- ?$/)
    expect(risFields.some((line) => line.startsWith('TI  - The Sino-DPRK Split'))).toBe(true)
  })

  it('makes file names safe and distinct whatever the titles hold', async () => {
    const { backend } = start()
    for (const title of ['../../etc/passwd', 'CON', 'a:b*c?"<>|', 'Notes', 'NOTES']) {
      await backend.handlers.importDocument({
        fileName: 'x.md',
        text: `# ${title}\n\nText of ${title} ${Math.random()}.`
      })
    }
    const { files } = await backend.handlers.exportFiles({ documentId: null, format: 'markdown' })
    const names = files.map((file) => file.fileName)
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length)
    for (const name of names) {
      expect(name).not.toMatch(/[\\/:*?"<>|]/)
      expect(name.startsWith('.')).toBe(false)
      expect(/^(con|nul|aux|prn)(\.|$)/i.test(name)).toBe(false)
    }
  })

  it('saveExport writes where the dialog says, atomically, and reports a read-only folder', async () => {
    const target = makeTempDir()
    open.push({ backend: { close: () => undefined } as unknown as Backend, remove: target.remove })
    const readOnly = join(target.path, 'locked')
    mkdirSync(readOnly)
    let choice = join(target.path, 'notes.md')
    const { backend } = start({
      fileDialogs: {
        chooseSavePath: () => Promise.resolve(choice === '' ? null : choice),
        chooseFolder: () => Promise.resolve(null)
      }
    })
    const [document] = await backend.handlers.listDocuments({})
    const saved = await backend.handlers.saveExport({ documentId: document?.id ?? '', format: 'markdown' })
    expect(saved).toEqual({ saved: true, paths: [choice] })
    expect(readFileSync(choice, 'utf8').startsWith('---\n')).toBe(true)
    if (process.getuid?.() !== 0) {
      chmodSync(readOnly, 0o500)
      choice = join(readOnly, 'notes.md')
      await expect(
        backend.handlers.saveExport({ documentId: document?.id ?? '', format: 'markdown' })
      ).rejects.toThrow()
      expect(readdirSync(readOnly)).toEqual([])
    }
    choice = ''
    const cancelled = await backend.handlers.saveExport({ documentId: null, format: 'markdown' })
    expect(cancelled).toEqual({ saved: false })
  })

  it('saveExport into a chosen folder keeps the files already there and names the new ones " (2)"', async () => {
    const target = makeTempDir()
    open.push({ backend: { close: () => undefined } as unknown as Backend, remove: target.remove })
    const { backend } = start({
      fileDialogs: {
        chooseSavePath: () => Promise.resolve(null),
        chooseFolder: () => Promise.resolve(target.path)
      }
    })
    await backend.handlers.importDocument({ fileName: 'tea.md', text: '# Tea\n\nA short history of tea.' })
    const first = await backend.handlers.saveExport({ documentId: null, format: 'markdown' })
    if (!first.saved) throw new Error('not saved')
    expect(first.paths).toHaveLength(2)
    const before = new Map(first.paths.map((path) => [path, readFileSync(path, 'utf8')]))
    const again = await backend.handlers.saveExport({ documentId: null, format: 'markdown' })
    if (!again.saved) throw new Error('not saved')
    expect(again.paths.map((path) => path.replace(target.path, ''))).toEqual(
      first.paths.map((path) => path.replace(target.path, '').replace(/\.md$/, ' (2).md'))
    )
    for (const [path, content] of before) expect(readFileSync(path, 'utf8')).toBe(content)
    expect(readdirSync(target.path)).toHaveLength(4)
  })

  it('Anki text: headers, Basic and Cloze in one file with six columns, and card counts in the list', async () => {
    const { backend } = start()
    const [document] = await backend.handlers.listDocuments({})
    const documentId = document?.id ?? ''
    await backend.handlers.createCard({
      documentId,
      kind: 'basic',
      front: 'Who split?',
      back: 'China\tand <b>DPRK</b>',
      tags: ['cold war']
    })
    await backend.handlers.createCard({
      documentId,
      kind: 'cloze',
      front: 'The split came in {{c1::1960}}.',
      back: ''
    })
    const [entry] = await backend.handlers.listLibrary({})
    expect(entry?.cardCount).toBe(2)
    const { files } = await backend.handlers.exportFiles({ documentId, format: 'anki' })
    const lines = (files[0]?.content ?? '').split('\n').filter((line) => line !== '')
    const headers = lines.filter((line) => line.startsWith('#'))
    for (const header of [
      '#separator:tab',
      '#html:true',
      '#notetype column:1',
      '#deck column:2',
      '#tags column:5',
      '#guid column:6'
    ])
      expect(headers).toContain(header)
    const notes = lines.filter((line) => !line.startsWith('#')).map((line) => line.split('\t'))
    expect(notes).toHaveLength(2)
    for (const columns of notes) expect(columns).toHaveLength(6)
    expect(notes.map((columns) => columns[0]).sort()).toEqual(['Basic', 'Cloze'])
    expect(notes.find((columns) => columns[0] === 'Basic')?.[3]).toContain('&lt;b&gt;DPRK')
  })

  it('saveExport is refused in the browser mode, which downloads instead', async () => {
    const { backend } = start()
    await expect(backend.handlers.saveExport({ documentId: null, format: 'csv' })).rejects.toThrow(
      /downloads/
    )
  })
})
