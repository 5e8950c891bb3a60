// @vitest-environment jsdom
// Notes are Markdown a person wrote, shown as HTML: nothing in them may become script, an event
// handler, a frame, a form or a javascript: link (BAD_INPUTS 1–3, 6).
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/renderer/src/notes/renderMarkdown'

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<form action="https://evil.example"><button>go</button></form>',
  '[click](javascript:alert(1))',
  '[click](JaVa&#x09;script:alert(1))',
  '[data](data:text/html,<script>alert(1)</script>)',
  '[vb](vbscript:msgbox(1))',
  '```"><img src=x onerror=alert(1)>\ncode\n```',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '**bold** and <b onmouseover=alert(1)>b</b>'
]

function parse(html: string): HTMLElement {
  const container = document.createElement('div')
  container.innerHTML = html
  return container
}

describe('rendering a note', () => {
  it.each(hostile)('keeps %s inert', (source) => {
    const container = parse(renderMarkdown(source))
    expect(
      container.querySelector('script, img, svg, iframe, form, details, style, math, noscript, object, embed')
    ).toBeNull()
    for (const element of container.querySelectorAll('*')) {
      for (const attribute of element.attributes) expect(attribute.name.startsWith('on')).toBe(false)
    }
    for (const link of container.querySelectorAll('a')) {
      const href = link.getAttribute('href')
      if (href !== null) expect(href).toMatch(/^(https?:|mailto:)/i)
    }
  })

  it('keeps ordinary Markdown: emphasis, lists, quotes and web links that open outside', () => {
    const container = parse(
      renderMarkdown('**Key** point\n\n- one\n- two\n\n> quoted\n\n[source](https://example.org/a)')
    )
    expect(container.querySelector('strong')?.textContent).toBe('Key')
    expect(container.querySelectorAll('li')).toHaveLength(2)
    expect(container.querySelector('blockquote')?.textContent?.trim()).toBe('quoted')
    const link = container.querySelector('a')
    expect(link?.getAttribute('href')).toBe('https://example.org/a')
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it('shows HTML typed in a note as text', () => {
    expect(parse(renderMarkdown('<script>alert(1)</script>')).textContent).toContain(
      '<script>alert(1)</script>'
    )
  })
})
