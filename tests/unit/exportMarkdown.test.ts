// Markdown export: the front matter parses back to the document's fields, the body has the
// expected structure when parsed as CommonMark by markdown-it, and rendering it with raw HTML
// allowed produces no live HTML from user text (BAD_INPUTS item 19).
import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { orphanedHeading, toMarkdown } from '../../src/shared/export/markdown'
import { escapeMarkdownText, obsidianTag, sanitizeNoteMarkdown } from '../../src/shared/export/markdownText'
import type { DocumentMetadata } from '../../src/shared/types'
import {
  annotations,
  blocks,
  colours,
  documentId,
  exportedAt,
  hostile,
  metadata
} from '../fixtures/export/sample'

const input = { document: { id: documentId, metadata, blocks }, annotations, colours, exportedAt }
const output = toMarkdown(input)
// html: true on purpose: the export must be safe even where raw HTML is rendered.
const md = new MarkdownIt('commonmark', { html: true })

function split(text: string): { yaml: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  if (!match) throw new Error('no front matter at the top')
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) }
}

function flatten(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...flatten(token.children ?? [])])
}

const { yaml, body } = split(output)
const tokens = md.parse(body, {})
const all = flatten(tokens)

describe('toMarkdown front matter', () => {
  it('parses back to the title, authors, citation, tags and export date', () => {
    const fields = parseYaml(yaml) as Record<string, unknown>
    expect(fields.title).toBe(metadata.title)
    expect(fields.author).toEqual(metadata.authors)
    expect(fields.citation).toBe(metadata.citation?.text)
    expect(fields.exported).toBe(new Date(exportedAt).toISOString().slice(0, 10))
    expect(yaml).toMatch(/^exported: \d{4}-\d{2}-\d{2}$/m) // unquoted: Obsidian types it as a date
    expect(fields.tags).toEqual(expect.arrayContaining(['Sino-DPRK', 'talks-1973', 'source']))
    for (const tag of fields.tags as string[]) expect(tag).toMatch(/^[\p{L}\p{N}\p{M}_\-/]+$/u)
  })

  it('keeps hostile titles inside their string: line breaks, ---, colons, quotes, bidi', () => {
    const tricky: DocumentMetadata = {
      ...metadata,
      title: `x\n---\nevil: true\n${hostile.rtl} "q" 'a' # not a comment`,
      authors: ['- not a list', 'key: value', hostile.sql],
      citation: null
    }
    const text = toMarkdown({ ...input, document: { ...input.document, metadata: tricky } })
    const fields = parseYaml(split(text).yaml) as Record<string, unknown>
    expect(fields.title).toBe(tricky.title)
    expect(fields.author).toEqual(tricky.authors)
    expect(fields.evil).toBeUndefined()
    expect('citation' in fields).toBe(false)
  })
})

describe('toMarkdown body', () => {
  it('has the title, then the sections in document order, then the orphaned passages', () => {
    const headings = tokens
      .map((token, index) =>
        token.type === 'heading_open' ? `${token.tag} ${tokens[index + 1]?.content}` : null
      )
      .filter((heading) => heading !== null)
      .map((heading) => heading.replace(/\\(.)/g, '$1'))
    expect(headings).toEqual([
      `h1 ${metadata.title}`,
      'h2 Before the first heading',
      'h2 The Birth of <script>alert(1)</script> Bilateralism',
      'h2 Détente & After',
      'h2 Notes',
      `h2 ${orphanedHeading}`
    ])
  })

  it('quotes each passage in a block quote whose text is the passage, in reading order', () => {
    const quotes: string[] = []
    tokens.forEach((token, index) => {
      if (token.type === 'blockquote_open') quotes.push(renderText(tokens[index + 2]))
    })
    const anchored = annotations.filter((annotation) => annotation.anchor.state === 'anchored')
    const expected = [...anchored]
      .sort((a, b) => a.target.position.start - b.target.position.start)
      .map((annotation) => annotation.target.quote.exact)
    expected.push(
      ...annotations.filter((a) => a.anchor.state === 'orphaned').map((a) => a.target.quote.exact)
    )
    expect(quotes).toEqual(expected)
  })

  it('links each annotation back to Scholia at its offset, and makes no other link', () => {
    const links = all.filter((token) => token.type === 'link_open').map((token) => token.attrGet('href'))
    expect(links).toHaveLength(annotations.length)
    for (const annotation of annotations) {
      expect(links).toContain(`scholia://open?doc=${documentId}&at=${annotation.target.position.start}`)
    }
  })

  it('shows tags as #tags and the colour meaning', () => {
    expect(body).toContain('Tags: #US-DPRK #talks-1973 #already #a/b #scriptalert1/script')
    expect(body).toContain('Colour: Date, "when" \\& \\<time\\>')
    expect(body).toContain('Tags: #emoji #Sino-DPRK')
  })

  it('renders no user HTML as elements, even with raw HTML allowed', () => {
    const html = md.render(body)
    expect(all.filter((token) => token.type === 'html_block' || token.type === 'html_inline')).toEqual([])
    expect(html).not.toMatch(/<(script|img|b|details|iframe|svg)\b/i)
    expect(html).not.toMatch(/<[^>]*\son\w+=/i) // no event handler attribute on any element
    expect(html).not.toMatch(/href="(?!scholia:)/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it("keeps the note's own Markdown but not headings or quotes that would reshape the export", () => {
    const html = md.render(body)
    expect(html).toContain('<strong>Why</strong>')
    expect(html).toContain('<li>list item</li>')
    expect(html).toContain('# not a heading')
    expect(html).not.toContain('<h1>not a heading')
  })
})

describe('sanitizeNoteMarkdown', () => {
  it('closes a code fence the note leaves open, so the rest of the export stays outside it', () => {
    const note = 'Look:\n```html\n<script>alert(1)</script>'
    const text = `${sanitizeNoteMarkdown(note)}\n\n# After`
    const parsed = md.parse(text, {})
    expect(parsed.some((token) => token.type === 'heading_open')).toBe(true)
    const fence = parsed.find((token) => token.type === 'fence')
    expect(fence?.content).toBe('<script>alert(1)</script>\n') // code is shown as written
    expect(md.render(text)).not.toContain('<script>')
  })

  it.each([
    hostile.script,
    hostile.img,
    '<details open ontoggle=alert(1)>',
    '<javascript:alert(1)>',
    'a <b>b</b>'
  ])('leaves no HTML in %j', (note) => {
    const parsed = flatten(md.parse(sanitizeNoteMarkdown(note), {}))
    expect(parsed.filter((token) => token.type.startsWith('html') || token.type === 'link_open')).toEqual([])
  })

  // A renderer that makes a link of any target (markdown-it's own check would hide the problem).
  const permissive = new MarkdownIt('commonmark', { html: true })
  permissive.validateLink = () => true
  const hrefs = (note: string): string[] =>
    flatten(permissive.parse(sanitizeNoteMarkdown(note), {}))
      .filter((token) => token.type === 'link_open' || token.type === 'image')
      .map((token) => String(token.attrGet('src') ?? token.attrGet('href') ?? ''))

  it.each([
    '[x](javascript:alert(1))',
    '![x](javascript:alert(1))',
    '[x]( JaVaScRiPt:alert(1) "title")',
    '[x](<java\tscript:alert(1)>)',
    '[x](java&#x09;script:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![x](data:image/svg+xml,<svg onload=alert(1)>)',
    '[x](vbscript:msgbox(1))',
    '[x](file:///etc/passwd)',
    '[x](\njavascript:alert(1))',
    '[x]\n\n[x]: javascript:alert(1)',
    '- [x]\n\n- [x]: data:text/html,hi',
    '[x][r]\n\n[r]:\n  javascript:alert(1)'
  ])('keeps no link to a script or data in %j', (note) => {
    expect(hrefs(note)).toEqual([])
  })

  it('keeps links to web pages, e-mail, Scholia passages and relative ones, as the reader shows them', () => {
    const note = [
      '[site](https://example.org/a?b#c) [plain](http://example.org)',
      '[mail](mailto:kim@example.org) [passage](scholia://open?doc=x&at=3)',
      '[other note](Other%20note.md) [ref][r]',
      '',
      '[r]: https://example.org/ref "title"'
    ].join('\n')
    expect(hrefs(note)).toEqual([
      'https://example.org/a?b#c',
      'http://example.org',
      'mailto:kim@example.org',
      'scholia://open?doc=x&at=3',
      'Other%20note.md',
      'https://example.org/ref'
    ])
    expect(md.render(sanitizeNoteMarkdown('[x](javascript:alert(1))'))).toContain('[x](javascript:alert(1))')
  })

  it('escapes setext underlines', () => {
    expect(md.render(sanitizeNoteMarkdown('Title\n===\nText\n---'))).not.toMatch(/<h[12]>/)
  })
})

describe('escapeMarkdownText and obsidianTag', () => {
  it.each([
    hostile.script,
    '[x](javascript:alert(1))',
    '**bold** _it_ `code` ==mark== $math$ %%hidden%% ~~del~~',
    '1. not a list',
    '- not a list',
    '# not a heading',
    '&lt; stays as typed',
    hostile.emoji,
    hostile.rtl
  ])('renders %j back as the same plain text', (text) => {
    const parsed = flatten(md.parse(escapeMarkdownText(text), {}))
    expect(parsed.map((token) => token.type)).toEqual(['paragraph_open', 'inline', 'text', 'paragraph_close'])
    expect(parsed[2]?.content).toBe(text)
  })

  it.each([
    ['talks 1973', 'talks-1973'],
    ['US–DPRK', 'US-DPRK'],
    ['#already', 'already'],
    ['a/b', 'a/b'],
    ['1973', '_1973'],
    ['😀', ''],
    ['<script>', 'script'],
    ['홍석률', '홍석률']
  ])('makes the tag %j into %j', (tag, expected) => {
    expect(obsidianTag(tag)).toBe(expected)
  })
})

function renderText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? '\n' : child.content))
    .join('')
}
