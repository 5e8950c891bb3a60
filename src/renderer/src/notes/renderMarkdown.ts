// A note's Markdown rendered for display: markdown-it with raw HTML off (so `<script>` stays text),
// then DOMPurify as a second wall, allowing only plain formatting and http(s)/mailto links.
import DOMPurify from 'dompurify'
import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false })

const allowedTags = [
  'p',
  'br',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  's',
  'del'
]
const safeLink = /^(https?:|mailto:)/i

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? ''
    if (!safeLink.test(href)) node.removeAttribute('href')
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  }
})

// Cards mount and unmount as the reader scrolls: keep recent renderings instead of parsing and
// sanitising the same notes again.
const cache = new Map<string, string>()
const cacheSize = 500

export function renderMarkdown(source: string): string {
  const cached = cache.get(source)
  if (cached !== undefined) return cached
  const html = DOMPurify.sanitize(markdown.render(source), {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'target', 'rel'],
    ALLOW_DATA_ATTR: false
  })
  cache.set(source, html)
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string)
  return html
}
