// The printable study sheet: parsed with jsdom, it holds the user's text as text only — no script,
// image, frame or event handler from user strings — under a CSP that forbids running anything.
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { cardText, studySheetCsp, toStudySheetHtml } from '../../src/shared/export/studySheet'
import {
  annotations,
  blocks,
  cards,
  colours,
  documentId,
  exportedAt,
  hostile,
  metadata
} from '../fixtures/export/sample'

const html = toStudySheetHtml({
  document: { id: documentId, metadata, blocks },
  annotations,
  cards,
  colours,
  exportedAt
})
// jsdom does not run scripts by default: the page is only parsed.
const page = new JSDOM(html).window.document

describe('toStudySheetHtml', () => {
  it('declares the CSP before any content, so the browser applies it to everything', () => {
    const head = page.head.children
    expect(head[0]?.outerHTML).toBe('<meta charset="utf-8">')
    expect(head[1]?.getAttribute('http-equiv')).toBe('Content-Security-Policy')
    expect(head[1]?.getAttribute('content')).toBe(studySheetCsp)
    expect(studySheetCsp).toBe("default-src 'none'; style-src 'unsafe-inline'")
  })

  it('contains no active element and no event handler attribute', () => {
    expect(
      page.querySelectorAll('script, img, iframe, object, embed, svg, form, base, link, details, video')
    ).toHaveLength(0)
    for (const element of Array.from(page.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) expect(attribute.name).not.toMatch(/^on/i)
    }
    expect(page.querySelectorAll('meta[http-equiv]')).toHaveLength(1)
  })

  it('shows the title, authors and citation as text', () => {
    expect(page.title).toBe(metadata.title)
    expect(page.querySelector('h1')?.textContent).toBe(metadata.title)
    expect(page.querySelector('.byline')?.textContent).toBe(metadata.authors.join(', '))
    expect(page.querySelector('.citation')?.textContent).toBe(metadata.citation?.text)
  })

  it('groups notes under the section headings, each quote and note as written', () => {
    const headings = Array.from(page.querySelectorAll('main h2')).map((heading) => heading.textContent)
    expect(headings).toEqual([
      'Before the first heading',
      'The Birth of <script>alert(1)</script> Bilateralism',
      'Détente & After',
      'Notes',
      'Passages not found in the current text',
      'Cards'
    ])
    const quotes = Array.from(page.querySelectorAll('blockquote')).map((quote) => quote.textContent)
    expect(quotes.sort()).toEqual(annotations.map((annotation) => annotation.target.quote.exact).sort())
    const notes = Array.from(page.querySelectorAll('.note-text')).map((note) => note.textContent)
    expect(notes).toContain(`${hostile.whitespace.replace(/\r\n/g, '\n')}\t${hostile.rtl}`)
    expect(notes.some((note) => note?.includes(hostile.img))).toBe(true)
  })

  it('lists every card with question and answer text', () => {
    const items = Array.from(page.querySelectorAll('.cards li'))
    expect(items).toHaveLength(cards.length)
    expect(items[0]?.querySelector('.question')?.textContent).toBe(cards[0]?.front)
    expect(items[1]?.querySelector('.question')?.textContent).toBe(
      'In [year] the split <b>widened</b> & deepened 😀'.replace('[year]', '[…]')
    )
  })
})

describe('cardText', () => {
  it('asks for the card’s own deletion, with its hint, and fills in the others', () => {
    const [, first, second] = cards
    expect(cardText(first!)).toEqual({
      question: 'In […] the split <b>widened</b> & deepened 😀',
      answer: `1969\n${first!.back}`
    })
    expect(cardText(second!).question).toBe('In 1969 the [event] <b>widened</b> & deepened 😀')
  })
})
