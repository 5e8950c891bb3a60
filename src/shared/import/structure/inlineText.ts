// Turns one block's Markdown source into plain text plus footnote refs and emphasis marks.
// markdown-it does the inline parsing (emphasis, links, escapes, entities, HTML tags): its delimiter
// algorithm is linear on long runs of `*`, `_` or `[`, which a hand-written regex approach is not.
// Nothing is ever rendered as HTML: tags are dropped or become refs/marks, links keep only their label.

import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import type { FootnoteRef, InlineMark } from '../../types'

export interface InlineText {
  text: string
  refs: FootnoteRef[]
  marks: InlineMark[]
}

/** Maps a `[^label]` footnote label to its note number, or null when no note has that label. */
export type LabelResolver = (label: string) => number | null

/** Counts the open marks looked at while closing marks (tests show the matching stays linear). */
export interface MarkWork {
  steps: number
}

const markdown = new MarkdownIt('commonmark', { html: true })
// Links are reduced to their label below, so no URL survives whatever its scheme. Accepting every URL
// lets `[x](javascript:…)` be recognised as a link (and stripped) instead of staying literal text.
markdown.validateLink = () => true
// An escaped or entity-written character (`\[`, `&#91;`, `\^`) is a text_special token, which the
// text_join rule would merge into its neighbours, where `[^1]` or `^2^` would be read as a note
// marker again. Kept apart, it is appended as plain text and can never form one: HTML text that
// reads `[^1]` (escaped by htmlToMarkdown) stays text.
markdown.core.ruler.disable('text_join')

// Markers that are plain text to markdown-it: `[^3]` (Markdown footnote) and `^3^` (Pandoc superscript).
const textMarkerPattern = /\[\^([^\]\s]{1,40})\]|\^(\d{1,4})\^/g
const supNumbersPattern = /^\s*\d{1,4}(?:\s*,\s*\d{1,4})*\s*$/
// Every character that starts an inline rule of markdown-it's CommonMark preset, plus our markers.
const inlineSyntaxPattern = /[*_[\]<>!`&\\^\n]/
const tagNamePattern = /^<\/?([A-Za-z][A-Za-z0-9-]*)/

const emphasisTags: Record<string, InlineMark['kind']> = { i: 'em', em: 'em', b: 'strong', strong: 'strong' }

class TextBuilder {
  text = ''
  readonly refs: FootnoteRef[] = []
  readonly marks: InlineMark[] = []
  // One stack of start offsets per kind: a closing tag pairs with the latest open mark of its own
  // kind in one step. Scanning one mixed stack made 80,000 `<b>` then 80,000 `</i>` quadratic
  // (12–15 s for a 560 KB file, with every other request waiting).
  private readonly openMarks: Record<InlineMark['kind'], number[]> = { em: [], strong: [] }

  constructor(
    private readonly resolve: LabelResolver,
    private readonly work: MarkWork
  ) {}

  append(piece: string): void {
    this.text += piece
  }

  /** Appends text, lifting footnote markers out of it as refs at the place they stood. */
  appendWithMarkers(piece: string): void {
    let last = 0
    for (const match of piece.matchAll(textMarkerPattern)) {
      const number = match[2] !== undefined ? Number(match[2]) : this.resolve(match[1] ?? '')
      if (number === null) continue
      this.text += piece.slice(last, match.index)
      this.refs.push({ number, offset: this.text.length })
      last = match.index + match[0].length
    }
    this.text += piece.slice(last)
  }

  addRefs(numbers: string): void {
    for (const part of numbers.split(','))
      this.refs.push({ number: Number(part.trim()), offset: this.text.length })
  }

  openMark(kind: InlineMark['kind']): void {
    this.openMarks[kind].push(this.text.length)
  }

  /** Closes the latest open mark of this kind; a closing tag with none open is dropped. */
  closeMark(kind: InlineMark['kind']): void {
    const start = this.openMarks[kind].pop()
    this.work.steps += 1
    if (start !== undefined && this.text.length > start)
      this.marks.push({ kind, start, end: this.text.length })
  }

  /** Trims surrounding white space and moves every offset with it. */
  finish(): InlineText {
    const leading = this.text.length - this.text.trimStart().length
    const text = this.text.trim()
    const clamp = (offset: number): number => Math.min(Math.max(offset - leading, 0), text.length)
    const refs = this.refs.map((ref) => ({ number: ref.number, offset: clamp(ref.offset) }))
    const marks = this.marks
      .map((mark) => ({ kind: mark.kind, start: clamp(mark.start), end: clamp(mark.end) }))
      .filter((mark) => mark.end > mark.start)
      .sort((left, right) => left.start - right.start)
    return { text, refs, marks }
  }
}

/** Renders the inline Markdown of one block as plain text with refs and marks. */
export function renderInline(
  source: string,
  resolve: LabelResolver = () => null,
  work: MarkWork = { steps: 0 }
): InlineText {
  // Most blocks hold no character any inline rule reacts to: skipping the parser for them halves the
  // time on long texts and gives exactly the text the parser would.
  if (!inlineSyntaxPattern.test(source)) return { text: source.trim(), refs: [], marks: [] }
  const builder = new TextBuilder(resolve, work)
  const children: Token[] = markdown.parseInline(source, {})[0]?.children ?? []
  // Text collected between <sup> and </sup>: digits become refs, anything else is kept as text.
  let superscript: string | null = null
  let superscriptEscaped = false

  for (const token of children) {
    if (superscript !== null) {
      if (token.type === 'text' || token.type === 'text_special') {
        superscript += token.content
        superscriptEscaped ||= token.type === 'text_special'
        continue
      }
      const closesSuperscript = token.type === 'html_inline' && /^<\/sup\s*>$/i.test(token.content)
      if (closesSuperscript && supNumbersPattern.test(superscript)) builder.addRefs(superscript)
      else if (superscriptEscaped) builder.append(superscript)
      else builder.appendWithMarkers(superscript)
      superscript = null
      superscriptEscaped = false
      if (closesSuperscript) continue
    }
    switch (token.type) {
      case 'text':
        builder.appendWithMarkers(token.content)
        break
      case 'text_special':
        builder.append(token.content)
        break
      case 'softbreak':
        builder.append(' ')
        break
      case 'hardbreak':
        builder.append('\n')
        break
      case 'em_open':
        builder.openMark('em')
        break
      case 'em_close':
        builder.closeMark('em')
        break
      case 'strong_open':
        builder.openMark('strong')
        break
      case 'strong_close':
        builder.closeMark('strong')
        break
      case 'code_inline':
        builder.append(token.markup + token.content + token.markup)
        break
      case 'image':
        builder.append(token.content)
        break
      case 'html_inline':
        superscript = handleTag(builder, token.content)
        break
      default:
        // link_open / link_close: the label's own text tokens carry the text, the URL is dropped.
        break
    }
  }
  if (superscript !== null) builder.appendWithMarkers(superscript)
  return builder.finish()
}

/** Applies an inline HTML tag; returns '' when a <sup> starts, else null. Unknown tags are dropped. */
function handleTag(builder: TextBuilder, tag: string): string | null {
  const name = tagNamePattern.exec(tag)?.[1]?.toLowerCase()
  if (name === undefined) return null
  const closing = tag.startsWith('</')
  if (name === 'sup' && !closing) return ''
  if (name === 'br') builder.append('\n')
  const kind = emphasisTags[name]
  if (kind !== undefined) {
    if (closing) builder.closeMark(kind)
    else builder.openMark(kind)
  }
  return null
}
