// Imported HTML becomes Markdown-like text for the document importer: headings, paragraphs, lists,
// quotes, emphasis and footnote markers survive; everything that could run or load (scripts,
// styles, frames, objects, forms, images, event handlers, links' targets) is dropped, never kept
// as markup. The HTML is only tokenised (htmlparser2: no DOM, nothing is rendered), so no string
// in it can execute, and the work is linear in its size however deep its nesting.
// Text is text: what the entities of a text node decode to (`&lt;b&gt;`, `&ast;`) is escaped, so
// the importer's Markdown reading gives it back as written instead of taking it for markup.
import { Parser, type Handler, type ParserOptions } from 'htmlparser2'

/** Elements whose content is never text a reader should see. */
const skippedElements = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'select',
  'textarea',
  'button',
  'form',
  'head',
  'nav'
])

const blockElements = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'dl',
  'dt',
  'dd',
  'address',
  'body',
  'html',
  'center',
  'details',
  'summary',
  'hr'
])

const headingLevel: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }

/**
 * Most elements left open at once; opening tags past it are dropped (their text is kept). The
 * parser looks a closing tag up in its list of open elements, so 80,000 unclosed `<b>` then
 * 80,000 `</i>` made each `</i>` scan 80,000 entries: 8 s for a 560 KB file. Real documents nest
 * a few dozen deep.
 */
export const maxOpenElements = 256
/** Elements the tokenizer reads as raw text up to their own closing tag: never dropped. */
const rawTextElements = new Set(['script', 'style', 'title', 'textarea', 'xmp'])

/** Counts what conversion did, for tests: the most elements the parser held open at once. */
export interface HtmlWork {
  deepestOpen: number
}

/**
 * An htmlparser2 Parser that keeps at most `maxOpenElements` open. Every element the parser
 * opens reports onopentagname and every one it closes (void elements at once) onclosetag, so
 * counting those two gives the number it holds open.
 */
function boundedParser(
  source: string,
  handler: Partial<Handler>,
  options: ParserOptions,
  work: HtmlWork
): Parser {
  let open = 0
  class BoundedParser extends Parser {
    override onopentagname(start: number, endIndex: number): void {
      if (open >= maxOpenElements && !rawTextElements.has(source.slice(start, endIndex).toLowerCase())) return
      super.onopentagname(start, endIndex)
    }
  }
  return new BoundedParser(
    {
      ...handler,
      onopentagname(name) {
        open++
        work.deepestOpen = Math.max(work.deepestOpen, open)
        handler.onopentagname?.(name)
      },
      onclosetag(name, isImplied) {
        open--
        handler.onclosetag?.(name, isImplied)
      }
    },
    options
  )
}

export interface HtmlConversion {
  markdown: string
  /** The document's <title>, when it has one. */
  title: string | null
}

/**
 * Characters that start inline Markdown (or HTML) in the importer's reading of a line, and `^`,
 * with which its note markers (`[^1]`, `^2^`) are written.
 */
const inlineSyntax = /[\\`*_[\]<>&^]/g

/** A text node's characters with their Markdown meaning taken away (a backslash before each). */
export function escapeTextNode(text: string): string {
  return text.replace(inlineSyntax, '\\$&')
}

/**
 * A paragraph whose text starts like a heading, quote, list item or rule would become one: the
 * marker is escaped. (Headings and list items made from HTML elements get their own marker first.)
 */
function escapeBlockStart(text: string): string {
  return text.replace(/^([#>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

export function looksLikeHtml(fileName: string, text: string): boolean {
  if (/\.(x?html?|xht)$/i.test(fileName)) return true
  if (/\.(md|markdown|txt|text)$/i.test(fileName)) return false
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(text.slice(0, 1024))
}

/** Converts an HTML document to Markdown-like text the importer understands. */
export function htmlToMarkdown(html: string, work: HtmlWork = { deepestOpen: 0 }): HtmlConversion {
  const blocks: string[] = []
  let inline = ''
  let skipDepth = 0
  let quoteDepth = 0
  let preDepth = 0
  let headingPrefix = ''
  let inTitle = false
  let title = ''
  let sawH1 = false
  const lists: { ordered: boolean; next: number }[] = []
  let itemMarker = ''
  let supText: string | null = null

  function flush(): void {
    const text = preDepth > 0 ? inline.replace(/^\n+|\n+$/g, '') : inline.replace(/\s+/g, ' ').trim()
    inline = ''
    if (text === '') return
    const quote = '> '.repeat(quoteDepth)
    let block = headingPrefix !== '' ? `${headingPrefix} ${text}` : `${itemMarker}${escapeBlockStart(text)}`
    if (preDepth > 0) block = '```\n' + text + '\n```'
    itemMarker = ''
    blocks.push(
      block
        .split('\n')
        .map((line) => quote + line)
        .join('\n')
    )
  }

  const parser = boundedParser(
    html,
    {
      onopentag(name) {
        if (name === 'title') inTitle = true
        if (skipDepth > 0 || skippedElements.has(name)) {
          // Void elements never close in the token stream's eyes for skipping purposes: none are skipped.
          skipDepth++
          return
        }
        if (name in headingLevel) {
          flush()
          const level = headingLevel[name] ?? 2
          if (level === 1) sawH1 = true
          headingPrefix = '#'.repeat(level)
        } else if (name === 'blockquote') {
          flush()
          quoteDepth++
        } else if (name === 'pre') {
          flush()
          preDepth++
        } else if (name === 'ul' || name === 'ol') {
          flush()
          lists.push({ ordered: name === 'ol', next: 1 })
        } else if (name === 'li') {
          flush()
          const list = lists[lists.length - 1]
          const indent = '  '.repeat(Math.max(0, Math.min(lists.length - 1, 8)))
          itemMarker = list?.ordered ? `${indent}${list.next++}. ` : `${indent}- `
        } else if (name === 'br') {
          inline += preDepth > 0 ? '\n' : ' '
          if (preDepth === 0 && quoteDepth === 0 && itemMarker === '' && headingPrefix === '') flush()
        } else if (name === 'em' || name === 'i' || name === 'cite') {
          inline += '*'
        } else if (name === 'strong' || name === 'b') {
          inline += '**'
        } else if (name === 'sup') {
          supText = ''
        } else if (name === 'td' || name === 'th') {
          if (inline.trim() !== '') inline += ' · '
        } else if (blockElements.has(name)) {
          flush()
        }
      },
      ontext(text) {
        if (inTitle) title += text
        if (skipDepth > 0) return
        if (supText !== null) supText += text
        // Code in <pre> goes into a fence, where nothing is markup.
        else inline += preDepth > 0 ? text : escapeTextNode(text)
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false
        if (skipDepth > 0) {
          skipDepth--
          return
        }
        if (name in headingLevel) {
          flush()
          headingPrefix = ''
        } else if (name === 'blockquote') {
          flush()
          quoteDepth = Math.max(0, quoteDepth - 1)
        } else if (name === 'pre') {
          flush()
          preDepth = Math.max(0, preDepth - 1)
        } else if (name === 'ul' || name === 'ol') {
          flush()
          lists.pop()
        } else if (name === 'li') {
          flush()
        } else if (name === 'em' || name === 'i' || name === 'cite') {
          inline += '*'
        } else if (name === 'strong' || name === 'b') {
          inline += '**'
        } else if (name === 'sup') {
          const marker = (supText ?? '').trim()
          supText = null
          // A footnote marker keeps the form the importer recognises; other superscripts stay as text.
          inline += /^\d{1,4}$/.test(marker) ? `<sup>${marker}</sup>` : escapeTextNode(marker)
        } else if (blockElements.has(name)) {
          flush()
        }
      }
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
    work
  )
  // One write: the parser's offsets are then offsets in `html` (boundedParser reads names there).
  parser.write(html)
  parser.end()
  flush()
  const cleanTitle = title.replace(/\s+/g, ' ').trim()
  if (!sawH1 && cleanTitle !== '') blocks.unshift(`# ${escapeTextNode(cleanTitle)}`)
  // Emphasis markers left empty by markup such as <b></b> would confuse the Markdown reader.
  const markdown = blocks
    .join('\n\n')
    .replace(/\*\*\*\*/g, '')
    .replaceAll('\u0000', '')
  return { markdown, title: cleanTitle === '' ? null : cleanTitle }
}
