// Files offered for import (BAD_INPUTS 8–13): sizes, binary files, encodings, line endings, HTML
// that must never run, empty files — each decoded or refused with a message that names the problem.
import { describe, expect, it } from 'vitest'
import { decodeFileBytes, maxImportBytes } from '../../src/shared/import/frontEnds/decodeFile'
import {
  htmlToMarkdown,
  maxOpenElements,
  type HtmlWork
} from '../../src/shared/import/frontEnds/htmlToMarkdown'
import { prepareImport } from '../../src/shared/import/frontEnds/prepareImport'
import { parseDocument } from '../../src/shared/import/structure/parseDocument'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2 + (bom ? 2 : 0))
  const view = new DataView(bytes.buffer)
  if (bom) view.setUint16(0, 0xfeff, littleEndian)
  for (let index = 0; index < text.length; index++)
    view.setUint16((bom ? 2 : 0) + index * 2, text.charCodeAt(index), littleEndian)
  return bytes
}

describe('sizes and binary files', () => {
  it('refuses a file over the limit, naming its size and the limit, without decoding it', () => {
    const result = decodeFileBytes(new Uint8Array(maxImportBytes + 1), 'big.md')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/50 MB/)
  })

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /PNG image/],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], /ZIP archive/],
    ['PDF', [...utf8('%PDF-1.7\n')], /PDFs are read from their own bytes/]
  ])('refuses a %s renamed .md', (_name, bytes, message) => {
    const result = decodeFileBytes(new Uint8Array(bytes), 'notes.md')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('sends an EPUB, known by its content or its name, to be read from its bytes', () => {
    const epub = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      ...new Array<number>(26).fill(0),
      ...utf8('mimetypeapplication/epub+zip')
    ])
    for (const [bytes, name] of [
      [epub, 'book.md'],
      [utf8('plain'), 'book.epub']
    ] as const) {
      const result = decodeFileBytes(bytes, name)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toMatch(/EPUBs are read from their own bytes/)
    }
  })

  it('refuses NUL bytes and control-character noise as binary', () => {
    for (const bytes of [utf8('abc\u0000def'), new Uint8Array(200).map((_, index) => (index % 7) + 1)]) {
      const result = decodeFileBytes(bytes, 'x.txt')
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toMatch(/binary data/)
    }
  })

  it('looks for binary data in the whole text, not only its first 64 KiB', () => {
    const binaryTail = utf8(`${'Plain words. '.repeat(6000)}${'\u0001\u0002\u0003'.repeat(2000)}`)
    const result = decodeFileBytes(binaryTail, 'x.txt')
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/binary data/) as unknown })
  })
})

describe('encodings', () => {
  const text = 'Sŏ Chae-p’il — naïve café 🇰🇷 홍석률'

  it('reads UTF-8 with and without a BOM (the BOM dropped)', () => {
    expect(decodeFileBytes(utf8(text), 'a.md')).toMatchObject({ ok: true, text, encoding: 'utf-8' })
    expect(decodeFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'a.md')).toMatchObject({
      ok: true,
      text,
      hadByteOrderMark: true
    })
  })

  it('reads UTF-16 LE and BE with a BOM, and LE/BE without one', () => {
    const latin = 'Plain English text, with an accent: café.'
    expect(decodeFileBytes(utf16(text, true, true), 'a.txt')).toMatchObject({
      ok: true,
      text,
      encoding: 'utf-16le'
    })
    expect(decodeFileBytes(utf16(text, false, true), 'a.txt')).toMatchObject({
      ok: true,
      text,
      encoding: 'utf-16be'
    })
    expect(decodeFileBytes(utf16(latin, true, false), 'a.txt')).toMatchObject({
      ok: true,
      text: latin,
      encoding: 'utf-16le'
    })
    expect(decodeFileBytes(utf16(latin, false, false), 'a.txt')).toMatchObject({
      ok: true,
      text: latin,
      encoding: 'utf-16be'
    })
  })

  it('refuses UTF-16 with a lone surrogate', () => {
    const bytes = utf16('ab\uD800cd', true, true)
    const result = decodeFileBytes(bytes, 'a.txt')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/not valid UTF-16LE/)
  })

  it('reads Windows-1252 when no byte forms UTF-8, and says so', () => {
    const bytes = new Uint8Array([
      ...utf8('Caf'),
      0xe9,
      ...utf8(' na'),
      0xef,
      ...utf8('ve '),
      0x93,
      ...utf8('quoted'),
      0x94
    ])
    const result = prepareImport(bytes, 'legacy.txt')
    expect(result).toMatchObject({ ok: true, text: 'Café naïve “quoted”', encoding: 'windows-1252' })
    if (result.ok) expect(result.notes.join(' ')).toMatch(/Windows-1252/)
  })

  it('refuses damaged UTF-8 (real UTF-8 characters beside broken bytes), naming the first broken byte', () => {
    const good = utf8('café crème brûlée über ')
    const bytes = new Uint8Array([...good, 0xc3, 0x28, ...utf8(' more')])
    const result = decodeFileBytes(bytes, 'broken.md')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain(`byte ${good.length}`)
  })
})

describe('line endings, Unicode and empty files (BAD_INPUTS 11–13)', () => {
  it('gives the same blocks for LF, CRLF, CR-only and mixed line endings', () => {
    const lf = '# Title\n\nFirst paragraph\nwraps here.\n\nSecond paragraph.\n'
    const texts = [
      lf,
      lf.replace(/\n/g, '\r\n'),
      lf.replace(/\n/g, '\r'),
      '# Title\r\n\nFirst paragraph\rwraps here.\n\r\nSecond paragraph.\r'
    ]
    const blocks = texts.map((text) => {
      const prepared = prepareImport(utf8(text), 'a.md')
      if (!prepared.ok) throw new Error(prepared.message)
      const parsed = parseDocument(prepared.text, { fileName: 'a.md' })
      if (!parsed.ok) throw new Error(parsed.message)
      return parsed.document.blocks.map((block) => block.text)
    })
    for (const other of blocks.slice(1)) expect(other).toEqual(blocks[0])
  })

  it('keeps emoji, ZWJ sequences and NFD text (normalised later by the importer)', () => {
    const text = 'e\u0301 👩‍👩‍👧 zero\u200Bwidth'
    expect(decodeFileBytes(utf8(text), 'a.md')).toMatchObject({ ok: true, text })
  })

  it('passes empty and whitespace-only files to the importer, which refuses them in words', () => {
    for (const text of ['', '   \n\t\n', '---\ntitle: x\n---\n']) {
      const prepared = prepareImport(utf8(text), 'empty.md')
      expect(prepared.ok).toBe(true)
      if (!prepared.ok) continue
      const parsed = parseDocument(prepared.text, { fileName: 'empty.md' })
      expect(parsed.ok).toBe(false)
    }
  })
})

describe('HTML (BAD_INPUTS 1–6): converted to text, nothing kept that could run or load', () => {
  const hostile = `<!doctype html><html><head><title>Hostile &lt;b&gt;page</title><base href="https://evil.example/">
    <meta http-equiv="refresh" content="0;url=javascript:alert(1)"><style>body{background:url(https://x/y.png)}</style>
    <script>alert(1)</script></head><body>
    <h1>Heading <img src=x onerror=alert(1)></h1>
    <p>Text <a href="javascript:alert(1)">js link</a> <a href="JaVa&#x09;script:alert(1)">tab link</a>
    <a href="data:text/html,<script>alert(1)</script>">data</a> <a href="file:///etc/passwd">file</a><sup>1</sup></p>
    <svg onload=alert(1)><text>svg text</text></svg><details open ontoggle=alert(1)><summary>Sum</summary>Body</details>
    <video onerror=alert(1)><source src=x></video><iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(2)</script>"></iframe>
    <embed src=x><object data=x>object text</object><form action=x><input value=secret><button>Go</button></form>
    <noscript><p>noscript</p></noscript><pre><code class="language-&lt;img src=x onerror=alert(1)&gt;">code &lt;here&gt;</code></pre>
    <p>mXSS <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript></p>
    </body></html>`

  it('keeps headings, paragraphs and footnote markers, and drops every script, handler, frame and URL', () => {
    const { markdown, title } = htmlToMarkdown(hostile)
    expect(title).toBe('Hostile <b>page')
    expect(markdown).toContain('# Heading')
    expect(markdown).toContain('Text js link tab link data file<sup>1</sup>')
    expect(markdown).toContain('Sum')
    expect(markdown).not.toMatch(
      /alert|javascript|onerror|onload|srcdoc|evil\.example|https?:|<script|<img|<iframe|secret|svg text|object text/i
    )
  })

  it('refuses, in words, an HTML file whose text grows past the limit once converted', () => {
    // Each * is escaped (\\*): 2 M of them make 4 M characters of text, over a limit of 3 M.
    const html = `<p>${'*'.repeat(2_000_000)}</p>`
    expect(prepareImport(utf8(html), 'stars.html', 4_000_000)).toMatchObject({ ok: true })
    expect(prepareImport(utf8(html), 'stars.html', 3_000_000)).toEqual({
      ok: false,
      message:
        'Converted to text, this HTML file is 4.0 million characters; Scholia imports texts of up to 3.0 million. Split it into smaller files and import those.'
    })
  })

  it('stays linear on 10⁵ nested elements and long runs of markup characters', () => {
    const nested = '<blockquote>'.repeat(100_000) + 'deep' + '</blockquote>'.repeat(100_000)
    const { markdown } = htmlToMarkdown(`<p>${'*'.repeat(100_000)}</p>${nested}`)
    expect(markdown).toContain('deep')
  })

  it('keeps at most maxOpenElements open for thousands of unclosed tags (BAD_INPUTS 26), losing no text', () => {
    const work: HtmlWork = { deepestOpen: 0 }
    const tags = `${'<b>x'.repeat(80_000)}middle${'</i>'.repeat(80_000)}`
    const { markdown } = htmlToMarkdown(
      `<html><body><p>before ${tags} after</p><p>next</p></body></html>`,
      work
    )
    expect(work.deepestOpen).toBeLessThanOrEqual(maxOpenElements)
    expect(markdown.replace(/\*/g, '')).toBe(`before ${'x'.repeat(80_000)}middle after\n\nnext`)
  })

  it('still leaves out a script opened past the bound', () => {
    const { markdown } = htmlToMarkdown(`${'<div>'.repeat(1000)}<script>alert(1)</script>kept text`)
    expect(markdown).toBe('kept text')
  })

  it('keeps text that looks like markup as written: entities decode to text, never to tags or Markdown', () => {
    const html = `<html><head><title>On &lt;B&gt; &amp; *Stars*</title></head><body>
      <p>Use <code>&lt;b&gt;</code> for bold, not &lt;i&gt;x&lt;/i&gt;; a*b*c and __d__ stay; 2 &amp;lt; 3; [1](x) &#96;tick&#96; \\ back</p>
      <p>1. Not a list.</p><p># Not a heading.</p><p>&gt; Not a quote.</p><p>- Not an item.</p><p>---</p>
      <ul><li>2) item text</li></ul><h2>&lt;section&gt; heading</h2><p>Fine <b>bold</b> and <i>italic</i>.</p>
      <pre>if (a &lt; b) { *x = 1 }</pre></body></html>`
    const prepared = prepareImport(utf8(html), 'page.html')
    if (!prepared.ok) throw new Error(prepared.message)
    const parsed = parseDocument(prepared.text, { fileName: 'page.html' })
    if (!parsed.ok) throw new Error(parsed.message)
    const { blocks, title } = parsed.document
    expect(title).toBe('On <B> & *Stars*')
    const texts = blocks.map((block) => `${block.kind}: ${block.text}`)
    expect(texts).toContain(
      'paragraph: Use <b> for bold, not <i>x</i>; a*b*c and __d__ stay; 2 &lt; 3; [1](x) `tick` \\ back'
    )
    for (const text of ['1. Not a list.', '# Not a heading.', '> Not a quote.', '- Not an item.', '---']) {
      expect(texts).toContain(`paragraph: ${text}`)
    }
    expect(texts).toContain('heading: <section> heading')
    expect(texts.some((text) => text.endsWith('2) item text'))).toBe(true)
    const fine = blocks.find((block) => block.text === 'Fine bold and italic.')
    expect(fine?.marks.map((mark) => mark.kind)).toEqual(['strong', 'em'])
    expect(texts.some((text) => text.includes('if (a < b) { *x = 1 }'))).toBe(true)
  })
})

describe('HTML text is never read again as note markers (issue 13, the entity problem)', () => {
  it('keeps [^1], ^2^, escaped brackets and written-out <sup> as text, with no refs', () => {
    const html = `<h1>T</h1><p>Area x^2^ and [^1] and &#91;^2&#93; and &lt;sup&gt;4&lt;/sup&gt; and *stars* end.</p>
      <p>[^1]: not a definition</p>`
    const parsed = parseDocument(htmlToMarkdown(html).markdown, { fileName: 'a.html' })
    if (!parsed.ok) throw new Error(parsed.message)
    const [first, second] = parsed.document.blocks
    expect(first?.text).toBe('Area x^2^ and [^1] and [^2] and <sup>4</sup> and *stars* end.')
    expect(second?.text).toBe('[^1]: not a definition')
    expect(parsed.document.blocks.flatMap((block) => block.refs)).toEqual([])
    expect(parsed.document.blocks.filter((block) => block.kind === 'footnote')).toEqual([])
  })

  it('still reads markers a Markdown author writes, and not those written escaped', () => {
    const parsed = parseDocument('# T\n\nSee[^1] and \\[^2\\] and x\\^3\\^.\n\n[^1]: A note.', {
      fileName: 'a.md'
    })
    if (!parsed.ok) throw new Error(parsed.message)
    const body = parsed.document.blocks[0]
    expect(body?.text).toBe('See and [^2] and x^3^.')
    expect(body?.refs).toEqual([{ number: 1, offset: 3 }])
  })
})
