// Documents on a real SQLite database in a temporary folder: the bundled article imported once and
// kept removed once removed, the same text stored once, and bad input refused or made inert.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { fullTextOf } from '../../src/shared/document/layout'
import { makeTempDir } from '../support/tempDir'

const resourcesDir = join(__dirname, '..', '..', 'resources')
const article = readFileSync(join(resourcesDir, 'kim-2018-sino-dprk-split.md'), 'utf8')
const open: { backend: Backend; remove: () => void }[] = []

function start(dataDir?: string, now = () => 1_700_000_000_000): { backend: Backend; dataDir: string } {
  const dir = dataDir ? { path: dataDir, remove: () => undefined } : makeTempDir()
  const backend = openBackend({ dataDir: dir.path, mode: 'web', resourcesDir, now })
  open.push({ backend, remove: dir.remove })
  return { backend, dataDir: dir.path }
}

afterEach(() => {
  while (open.length) {
    const entry = open.pop()
    try {
      entry?.backend.close()
    } catch {
      // already closed by the test
    }
    entry?.remove()
  }
})

describe('the bundled article', () => {
  it('is imported on first start, as a structured document', async () => {
    const { backend } = start()
    const documents = await backend.handlers.listDocuments({})
    expect(documents).toHaveLength(1)
    expect(documents[0]?.title).toBe('The Sino-DPRK Split and Origins of US-DPRK Bilateralism')
    expect(documents[0]?.bundled).toBe(true)
    const view = await backend.handlers.getDocument({ documentId: documents[0]?.id ?? '' })
    expect(view.blocks.filter((block) => block.kind === 'footnote')).toHaveLength(22)
    expect(view.blocks.filter((block) => block.kind === 'heading')).toHaveLength(3)
    // Offsets: each block starts where the full text says it does.
    const text = fullTextOf(view.blocks)
    for (const block of view.blocks)
      expect(text.slice(block.start, block.start + block.text.length)).toBe(block.text)
    expect(view.summary.lastOpenedAt).toBe(1_700_000_000_000)
  })

  it('is not imported again on a second start, and stays removed once removed', async () => {
    const first = start()
    const [document] = await first.backend.handlers.listDocuments({})
    first.backend.close()

    const second = start(first.dataDir)
    expect(await second.backend.handlers.listDocuments({})).toHaveLength(1)
    await second.backend.handlers.removeDocument({ documentId: document?.id ?? '' })
    expect(await second.backend.handlers.listDocuments({})).toHaveLength(0)
    second.backend.close()

    const third = start(first.dataDir)
    expect(await third.backend.handlers.listDocuments({})).toHaveLength(0)
    await expect(async () =>
      third.backend.handlers.getDocument({ documentId: document?.id ?? '' })
    ).rejects.toThrow(/not in the library/)
  })
})

describe('importing', () => {
  it('stores the same text once, whatever its line endings or normalisation form', async () => {
    const { backend } = start()
    const text = '# A Small Text\n\nCafé in Sŏul, one paragraph.\n\nAnother one.'
    const first = await backend.handlers.importDocument({ fileName: 'a.md', text })
    expect(first.existing).toBe(false)
    const again = await backend.handlers.importDocument({
      fileName: 'copy.md',
      text: text.replace(/\n/g, '\r\n').normalize('NFD')
    })
    expect(again.existing).toBe(true)
    expect(again.document.id).toBe(first.document.id)
    expect(await backend.handlers.listDocuments({})).toHaveLength(2)
  })

  it('the bundled text imported by hand opens the existing document', async () => {
    const { backend } = start()
    const result = await backend.handlers.importDocument({ fileName: 'again.md', text: article })
    expect(result.existing).toBe(true)
    expect(await backend.handlers.listDocuments({})).toHaveLength(1)
  })

  it('refuses an empty or whitespace-only file with a clear message and stores nothing', async () => {
    const { backend } = start()
    for (const text of ['', '   \n\n\t ', '\uFEFF']) {
      await expect(async () =>
        backend.handlers.importDocument({ fileName: 'empty.md', text })
      ).rejects.toThrow(/empty/i)
    }
    expect(await backend.handlers.listDocuments({})).toHaveLength(1)
  })

  it('refuses NUL bytes and control-character noise from any client, on import and on update, and stores nothing', async () => {
    const { backend } = start()
    const [bundled] = await backend.handlers.listDocuments({})
    const documentId = bundled?.id ?? ''
    // Clean for 64 KiB (the renderer's sample once stopped there), binary after it.
    const binaryTail = `# Title\n\n${'Plain words. '.repeat(6000)}${'\u0001\u0002\u0003'.repeat(2000)}`
    for (const text of ['# Title\n\nA NUL\u0000 inside.', binaryTail]) {
      await expect(async () =>
        backend.handlers.importDocument({ fileName: 'binary.md', text })
      ).rejects.toThrow(/binary data/)
      await expect(async () =>
        backend.handlers.updateDocumentFromFile({ documentId, fileName: 'binary.md', text })
      ).rejects.toThrow(/binary data/)
    }
    expect(await backend.handlers.listDocuments({})).toHaveLength(1)
    const view = await backend.handlers.getDocument({ documentId })
    expect(view.metadata.title).toBe(bundled?.title)
    // A stray control character (a DOS end-of-file mark) is not binary data.
    const dosFile = await backend.handlers.importDocument({
      fileName: 'dos.txt',
      text: `# Old\n\n${'A text of old. '.repeat(10)}\n\u001a`
    })
    expect(dosFile.existing).toBe(false)
  })

  it('imports a text without headings as paragraphs, titled from its first line or file name, with a warning', async () => {
    const { backend } = start()
    const result = await backend.handlers.importDocument({
      fileName: 'plain-notes.txt',
      text: 'Some plain notes about the war\n\nFirst paragraph of plain text.\n\nSecond paragraph.'
    })
    expect(result.warnings.join(' ')).toMatch(/heading/i)
    const view = await backend.handlers.getDocument({ documentId: result.document.id })
    expect(view.metadata.title.length).toBeGreaterThan(0)
    expect(view.blocks.some((block) => block.text.includes('Second paragraph.'))).toBe(true)
  })

  it('keeps script and javascript: links as inert text, never as markup or URLs', async () => {
    const { backend } = start()
    const result = await backend.handlers.importDocument({
      fileName: '<img src=x onerror=alert(1)>.md',
      text: '# Title <script>alert(1)</script>\n\nA paragraph with [a link](javascript:alert(1)) and <img src=x onerror=alert(2)>.'
    })
    const view = await backend.handlers.getDocument({ documentId: result.document.id })
    const all = [view.metadata.title, ...view.blocks.map((block) => block.text)].join('\n')
    expect(all).not.toContain('javascript:')
    expect(all).toContain('a link')
    // Whatever markup survives is plain text in a string the renderer only ever shows as text.
    expect(view.blocks.every((block) => block.refs.every((ref) => Number.isInteger(ref.number)))).toBe(true)
  })
})

describe('reader settings and positions', () => {
  it('remembers settings and the reading position across restarts', async () => {
    const first = start()
    const [document] = await first.backend.handlers.listDocuments({})
    const id = document?.id ?? ''
    await first.backend.handlers.updateSettings({ theme: 'dark', fontSize: 22 })
    await first.backend.handlers.saveReadingPosition({ documentId: id, blockId: 'b7', fraction: 0.25 })
    first.backend.close()
    const second = start(first.dataDir)
    expect(await second.backend.handlers.getSettings({})).toEqual({
      theme: 'dark',
      fontSize: 22,
      columnWidth: 68
    })
    expect(await second.backend.handlers.getReadingPosition({ documentId: id })).toMatchObject({
      blockId: 'b7',
      fraction: 0.25
    })
  })

  it('refuses a position in a block the document does not have', async () => {
    const { backend } = start()
    const [document] = await backend.handlers.listDocuments({})
    await expect(async () =>
      backend.handlers.saveReadingPosition({ documentId: document?.id ?? '', blockId: 'b99999', fraction: 0 })
    ).rejects.toThrow(/No block/)
  })
})
