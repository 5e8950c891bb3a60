// Imported HTML becomes Markdown-like text for the document importer: headings, paragraphs, lists,
// quotes, emphasis and footnote markers survive; everything that could run or load (scripts,
// styles, frames, objects, forms, images, event handlers, links' targets) is dropped, never kept
// as markup. The HTML is only tokenised (htmlparser2: no DOM, nothing is rendered), so no string
// in it can execute, and the work is linear in its size however deep its nesting.
// Text is text: what the entities of a text node decode to (`&lt;b&gt;`, `&ast;`) is escaped, so
// the importer's Markdown reading gives it back as written instead of taking it for markup.
import { boundedParser, htmlParserOptions, type HtmlWork } from './htmlTokens'

export { maxOpenElements, type HtmlWork } from './htmlTokens'

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

export interface HtmlConversion {
  markdown: string
  /** The document's <title>, when it has one. */
  title: string | null
  /** The notes taken out of the text (`noteBodies`), by number, as inline Markdown. */
  notes: Map<number, string>
  /** Images met (each left out, with a placeholder when `imagePlaceholders`). */
  images: number
}

/**
 * What the EPUB front end asks of the conversion. Elements are named by their ordinal: the how-many-th
 * opening tag of the file it is, counted as htmlTokens counts them (the front end's first look at
 * the file counts the same way).
 */
export interface HtmlOptions {
  /** Links that are note references: replaced by the note's `[^N]` marker, their text left out. */
  noteRefs?: ReadonlyMap<number, number>
  /** Elements that are notes: their content leaves the text and comes back in `notes`. */
  noteBodies?: ReadonlyMap<number, number>
  /** Elements left out with their content (a note's link back to its reference). */
  dropped?: ReadonlySet<number>
  /** A heading to put before an element (a chapter the book's contents name but its text does not). */
  headingsBefore?: ReadonlyMap<number, string>
  /** An image alone in its block becomes "[Image: its alt text]"; otherwise images are left out. */
  imagePlaceholders?: boolean
  /** `<sup>7</sup>` is a note marker (HTML articles); false keeps it as text (EPUB marks its notes). */
  supMarkers?: boolean
  /** The <title> becomes the first heading when the page has no <h1> (true for a web page). */
  titleHeading?: boolean
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

interface BlockState {
  blocks: string[]
  inline: string
  quoteDepth: number
  preDepth: number
  headingPrefix: string
  lists: { ordered: boolean; next: number }[]
  itemMarker: string
  supText: string | null
  /** Alt texts of the images in the block being read, and whether it holds any other text. */
  images: string[]
  otherText: boolean
}

const freshState = (): BlockState => ({
  blocks: [],
  inline: '',
  quoteDepth: 0,
  preDepth: 0,
  headingPrefix: '',
  lists: [],
  itemMarker: '',
  supText: null,
  images: [],
  otherText: false
})

/** A note's number or label as its first words (`1.`, `[1]`, `1)`), left by the link back to it. */
const leadingNoteNumber = /^(?:\s*(?:\\\[)?\d{1,4}(?:\\\])?(?:\\?[.):])?(?=\s|$)|[\s.):]+)+/

/** Converts an HTML document to Markdown-like text the importer understands. */
export function htmlToMarkdown(
  html: string,
  work: HtmlWork = { deepestOpen: 0 },
  options: HtmlOptions = {}
): HtmlConversion {
  const { noteRefs, noteBodies, dropped, headingsBefore } = options
  const supMarkers = options.supMarkers ?? true
  let state = freshState()
  let skipDepth = 0
  let inTitle = false
  let title = ''
  let sawH1 = false
  let images = 0
  let ordinal = 0
  /** Ordinals of the elements open now (to know which one a closing tag closes). */
  const open: number[] = []
  /** The note being read: its element, its number, and the text around it to go back to. */
  let note: { ordinal: number; number: number; outside: BlockState } | null = null
  const notes = new Map<number, string>()

  function flush(): void {
    const text =
      state.preDepth > 0 ? state.inline.replace(/^\n+|\n+$/g, '') : state.inline.replace(/\s+/g, ' ').trim()
    // A heading drawn as an image keeps its alt text as the heading.
    const placeholders =
      options.imagePlaceholders && state.images.length > 0 && !state.otherText && state.headingPrefix === ''
    const imageAlts = state.images
    state.inline = ''
    state.images = []
    state.otherText = false
    if (placeholders) {
      // Only images in this block: each becomes a line of its own saying what it showed.
      for (const alt of imageAlts) {
        const label = alt.replace(/\s+/g, ' ').trim()
        const caption = label === '' ? 'Image' : `Image: ${escapeTextNode(label)}`
        state.blocks.push(`*\\[${caption}\\]*`)
      }
      state.itemMarker = ''
      return
    }
    if (text === '') return
    const quote = '> '.repeat(state.quoteDepth)
    let block =
      state.headingPrefix !== ''
        ? `${state.headingPrefix} ${text}`
        : `${state.itemMarker}${escapeBlockStart(text)}`
    if (state.preDepth > 0) block = '```\n' + text + '\n```'
    state.itemMarker = ''
    state.blocks.push(
      block
        .split('\n')
        .map((line) => quote + line)
        .join('\n')
    )
  }

  function appendText(text: string): void {
    if (state.supText !== null) state.supText += text
    // Code in <pre> goes into a fence, where nothing is markup.
    else state.inline += state.preDepth > 0 ? text : escapeTextNode(text)
    if (text.trim() !== '') state.otherText = true
  }

  /** Starts reading a note: what follows goes to the note until its element closes. */
  function startNote(at: number, number: number): void {
    flush()
    note = { ordinal: at, number, outside: state }
    state = freshState()
  }

  function endNote(): void {
    if (note === null) return
    flush()
    const text = state.blocks
      .map((block) => block.replace(/^(?:#{1,6} |(?:> )+|\s*(?:- |\d{1,9}\. ))/, ''))
      .join(' ')
      .replace(leadingNoteNumber, '')
      .trim()
    if (text !== '' && !notes.has(note.number)) notes.set(note.number, text)
    state = note.outside
    note = null
  }

  const parser = boundedParser(
    html,
    {
      onopentag(name, attributes) {
        ordinal += 1
        open.push(ordinal)
        if (name === 'title') inTitle = true
        if (skipDepth > 0 || skippedElements.has(name) || dropped?.has(ordinal)) {
          // Void elements never close in the token stream's eyes for skipping purposes: none are skipped.
          skipDepth++
          return
        }
        const heading = headingsBefore?.get(ordinal)
        if (heading !== undefined && note === null) {
          flush()
          state.blocks.push(`## ${escapeTextNode(heading)}`)
        }
        const noteNumber = noteBodies?.get(ordinal)
        if (noteNumber !== undefined && note === null) {
          startNote(ordinal, noteNumber)
          return
        }
        const refNumber = noteRefs?.get(ordinal)
        if (refNumber !== undefined) {
          // The marker stands where the link stood; the link's own text ("3", "[3]") is left out.
          state.inline += `[^${refNumber}]`
          state.otherText = true
          skipDepth++
          return
        }
        if (name in headingLevel) {
          flush()
          const level = headingLevel[name] ?? 2
          if (level === 1) sawH1 = true
          state.headingPrefix = '#'.repeat(level)
        } else if (name === 'blockquote') {
          flush()
          state.quoteDepth++
        } else if (name === 'pre') {
          flush()
          state.preDepth++
        } else if (name === 'ul' || name === 'ol') {
          flush()
          state.lists.push({ ordered: name === 'ol', next: 1 })
        } else if (name === 'li') {
          flush()
          const list = state.lists[state.lists.length - 1]
          const indent = '  '.repeat(Math.max(0, Math.min(state.lists.length - 1, 8)))
          state.itemMarker = list?.ordered ? `${indent}${list.next++}. ` : `${indent}- `
        } else if (name === 'br') {
          state.inline += state.preDepth > 0 ? '\n' : ' '
          if (
            state.preDepth === 0 &&
            state.quoteDepth === 0 &&
            state.itemMarker === '' &&
            state.headingPrefix === ''
          )
            flush()
        } else if (name === 'img') {
          images += 1
          const alt = attributes.alt ?? ''
          // Alt text in running text (a drop capital, a symbol) reads as the text it stands for.
          if (options.imagePlaceholders) {
            state.images.push(alt)
            if (state.supText === null) state.inline += escapeTextNode(alt)
          }
        } else if (name === 'em' || name === 'i' || name === 'cite') {
          state.inline += '*'
        } else if (name === 'strong' || name === 'b') {
          state.inline += '**'
        } else if (name === 'sup') {
          state.supText = ''
        } else if (name === 'td' || name === 'th') {
          if (state.inline.trim() !== '') state.inline += ' · '
        } else if (blockElements.has(name)) {
          flush()
        }
      },
      ontext(text) {
        if (inTitle) title += text
        if (skipDepth > 0) return
        appendText(text)
      },
      onclosetag(name) {
        const closing = open.pop()
        if (name === 'title') inTitle = false
        if (skipDepth > 0) {
          skipDepth--
          return
        }
        if (note !== null && closing === note.ordinal) {
          endNote()
          return
        }
        if (name in headingLevel) {
          flush()
          state.headingPrefix = ''
        } else if (name === 'blockquote') {
          flush()
          state.quoteDepth = Math.max(0, state.quoteDepth - 1)
        } else if (name === 'pre') {
          flush()
          state.preDepth = Math.max(0, state.preDepth - 1)
        } else if (name === 'ul' || name === 'ol') {
          flush()
          state.lists.pop()
        } else if (name === 'li') {
          flush()
        } else if (name === 'em' || name === 'i' || name === 'cite') {
          state.inline += '*'
        } else if (name === 'strong' || name === 'b') {
          state.inline += '**'
        } else if (name === 'sup') {
          const marker = (state.supText ?? '').trim()
          state.supText = null
          // A footnote marker keeps the form the importer recognises; other superscripts stay as text.
          state.inline +=
            supMarkers && /^\d{1,4}$/.test(marker) ? `<sup>${marker}</sup>` : escapeTextNode(marker)
        } else if (blockElements.has(name)) {
          flush()
        }
      }
    },
    htmlParserOptions,
    work
  )
  // One write: the parser's offsets are then offsets in `html` (boundedParser reads names there).
  parser.write(html)
  parser.end()
  endNote()
  flush()
  const cleanTitle = title.replace(/\s+/g, ' ').trim()
  if ((options.titleHeading ?? true) && !sawH1 && cleanTitle !== '')
    state.blocks.unshift(`# ${escapeTextNode(cleanTitle)}`)
  // Emphasis markers left empty by markup such as <b></b> would confuse the Markdown reader.
  const markdown = state.blocks
    .join('\n\n')
    .replace(/\*\*\*\*/g, '')
    .replaceAll('\u0000', '')
  return { markdown, title: cleanTitle === '' ? null : cleanTitle, notes, images }
}
