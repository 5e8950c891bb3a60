// The PDF front end: a PDF's positioned text (read by PDF.js on the import thread) turned into the
// Markdown-like text the structure builder (import/structure/parseDocument) reads, saying in that
// text what the page showed: the largest type on page 1 is `# the title`, larger or bold short lines
// are `## headings`, lines are rejoined into paragraphs across lines, columns and pages, notes at the
// foot of pages become `[^n]: …` definitions and raised numbers `<sup>n</sup>` markers. Running heads
// and page numbers are left out. Each block starts with a page mark (import/structure/pageMarks),
// and a page mark stands where a page begins inside it: the structure builder turns them into the
// blocks' pages, labelled as printed (pageLabels). Pure: the unit tests feed it PDF.js's output of
// real PDFs.
import { pageLines } from './lines'
import { pageMark } from '../../structure/pageMarks'
import { printedPageNumbers, removePageFurniture } from './pageFurniture'
import { pageLabelsOf } from './pageLabels'
import { takePageNotes, type PageNote } from './pageNotes'
import { joinLines, normaliseCharacters, wordsOf, type HyphenRule } from './textJoin'
import type { PdfLine, PdfPage } from './types'

export interface PdfFrontEndOptions {
  /** A word list for the hyphen rule (the import thread passes an English one). */
  isWord?: (word: string) => boolean
}

export interface PdfMarkdown {
  markdown: string
  /** Each page's printed label, by page index: what the page marks in `markdown` refer to. */
  pageLabels: string[]
  /** Letters and digits found in the text layer: none means a scan without OCR. */
  textCharacters: number
}

const headingSize = 1.12
const titleSize = 1.15
const captionPattern = /^(?:figure|fig\.|table|plate|map|chart)\s+\d+/i
const numberedHeading = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+\p{Lu}/u
const superscriptNumbers = /^\d{1,4}(?:\s*,\s*\d{1,4})*$/

interface Block {
  kind: 'title' | 'heading' | 'paragraph'
  lines: PdfLine[]
}

/** The size most of the text is set in (by characters). */
function bodySizeOf(lines: readonly PdfLine[]): number {
  const weights = new Map<number, number>()
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2
    weights.set(size, (weights.get(size) ?? 0) + line.text.length)
  }
  let best = 10
  let bestWeight = -1
  for (const [size, weight] of weights) if (weight > bestWeight) [best, bestWeight] = [size, weight]
  return best
}

/** The usual distance between two baselines of body text. */
function lineSpacingOf(lines: readonly PdfLine[], bodySize: number): number {
  const gaps: number[] = []
  for (let index = 1; index < lines.length; index += 1) {
    const previous = lines[index - 1] as PdfLine
    const line = lines[index] as PdfLine
    if (previous.page !== line.page || previous.column !== line.column) continue
    if (Math.abs(line.size - bodySize) > 0.5 || Math.abs(previous.size - bodySize) > 0.5) continue
    const gap = line.y - previous.y
    if (gap > 0) gaps.push(gap)
  }
  gaps.sort((left, right) => left - right)
  return gaps[Math.floor(gaps.length / 2)] ?? bodySize * 1.2
}

/** A line set in the middle of its column (a name or affiliation under a title): a paragraph of its own. */
function isCentred(line: PdfLine): boolean {
  const left = line.x - line.columnLeft
  const right = line.columnRight - line.right
  return left > 2 * line.size && Math.abs(left - right) < line.size
}

/**
 * A drop cap (one or two letters in type at least twice the body's, beside the first lines of a
 * paragraph) is put back at the start of the line it begins.
 */
function joinDropCaps(lines: readonly PdfLine[], bodySize: number): PdfLine[] {
  const dropped = new Set<PdfLine>()
  const joined = new Map<PdfLine, string>()
  // The lines beside a drop cap are set in from the column's edge: that is no paragraph indent.
  const beside = new Set<PdfLine>()
  for (const cap of lines) {
    if (cap.size < 2 * bodySize || !/^\p{L}{1,2}$/u.test(cap.text)) continue
    const besideCap = lines.filter(
      (candidate) =>
        candidate !== cap &&
        candidate.page === cap.page &&
        candidate.column === cap.column &&
        candidate.x >= cap.right - 1 &&
        candidate.y <= cap.y + 1 &&
        candidate.y >= cap.y - cap.size
    )
    const first = besideCap[0]
    if (!first) continue
    dropped.add(cap)
    joined.set(first, cap.text)
    for (const line of besideCap) beside.add(line)
  }
  return lines
    .filter((line) => !dropped.has(line))
    .map((line) => {
      if (!beside.has(line)) return line
      const cap = joined.get(line) ?? ''
      const [first, ...rest] = line.pieces
      const pieces =
        first && cap !== '' ? [{ ...first, text: cap + first.text.trimStart() }, ...rest] : line.pieces
      return { ...line, pieces, text: cap + line.text, x: line.columnLeft }
    })
}

function markdownEscape(text: string): string {
  return text.replace(/[\\`*_[\]<>&^|~]/g, '\\$&')
}

/** Escapes a paragraph's start where Markdown would read a heading or a quote. (A numbered line is
 * left as it is: the structure builder reads "1. …" under a Notes heading as note 1.) */
function escapeStart(text: string): string {
  return text.replace(/^(#|>|[-+=](?=\s))/, '\\$1')
}

class PdfDocumentBuilder {
  private readonly bodySize: number
  private readonly lineSpacing: number
  private readonly rule: HyphenRule
  private readonly notes: PageNote[]
  private readonly flow: PdfLine[]
  private readonly symbolLabels = new Map<string, string>()
  readonly pageLabels: string[]

  constructor(pages: readonly PdfPage[], options: PdfFrontEndOptions) {
    const lines = pages.map((page, index) =>
      pageLines(page, index).map((line) => {
        const pieces = line.pieces.map((piece) => ({ ...piece, text: normaliseCharacters(piece.text) }))
        return {
          ...line,
          pieces,
          text: pieces
            .map((piece) => piece.text)
            .join('')
            .trim()
        }
      })
    )
    this.pageLabels = pageLabelsOf(
      pages.map((page) => page.label),
      printedPageNumbers(pages, lines)
    )
    const withoutFurniture = removePageFurniture(pages, lines)
    this.bodySize = bodySizeOf(withoutFurniture.flat())
    const { flow, notes } = takePageNotes(withoutFurniture, this.bodySize)
    this.flow = joinDropCaps(
      flow.flat().filter((line) => line.text !== ''),
      this.bodySize
    )
    this.notes = notes
    this.lineSpacing = lineSpacingOf(this.flow, this.bodySize)
    this.rule = { words: wordsOf(withoutFurniture.flat().map((line) => line.text)), isWord: options.isWord }
    notes.forEach((note, index) => {
      if (!/^\d+$/.test(note.marker)) this.symbolLabels.set(`${note.page}:${note.marker}`, `n${index + 1}`)
    })
  }

  private isHeading(line: PdfLine, index: number): boolean {
    if (line.text.length > 200 || !/\p{L}/u.test(line.text)) return false
    // "Abstract" is often set small (LaTeX's article class), above the abstract in small type too.
    if (/^(?:abstract|summary)[.:]?$/i.test(line.text)) return line.bold || this.standsAlone(index)
    // Larger type is a heading when it is bold, numbered or much larger (an author line set a little
    // larger under the title is not).
    if (line.size >= headingSize * this.bodySize)
      return line.bold || numberedHeading.test(line.text) || line.size >= 1.3 * this.bodySize
    if (line.size < 0.95 * this.bodySize || line.text.length > 120 || /[.,;:]$/.test(line.text)) return false
    // In body type: bold, or numbered ("2.1 Sources") on a line of its own.
    return line.bold || (line.text.length <= 80 && numberedHeading.test(line.text) && this.standsAlone(index))
  }

  /** Whether the line is a paragraph of one line: the lines before and after it end and start one. */
  private standsAlone(index: number): boolean {
    const at = (offset: number): PdfLine | undefined => this.flow[index + offset]
    const line = at(0) as PdfLine
    const previous = at(-1)
    const next = at(1)
    const afterBreak = previous === undefined || this.startsParagraph(at(-2), previous, line)
    const beforeBreak = next === undefined || this.startsParagraph(previous, line, next)
    return afterBreak && beforeBreak
  }

  private startsParagraph(before: PdfLine | undefined, previous: PdfLine, line: PdfLine): boolean {
    if (captionPattern.test(line.text)) return true
    // A numbered item (an endnote, a list) after a finished sentence.
    if (/^\d{1,4}[.)]\s+\S/.test(line.text) && /[.!?)\]"”’]$/.test(previous.text)) return true
    if (Math.abs(line.size - previous.size) > 0.15 * this.bodySize) return true
    const sameColumn = previous.page === line.page && previous.column === line.column
    if (sameColumn && line.y - previous.y > 1.45 * this.lineSpacing) return true
    if (isCentred(previous) || isCentred(line)) return true
    const indent = line.x - line.columnLeft
    if (indent > 0.6 * line.size && Math.abs(line.x - previous.x) > 0.6 * line.size) return true
    if (previous.text.endsWith('-')) return false
    // The previous line stopped short although the next word would have fitted: it ended there.
    // "Short" against the lines around it, as an indented abstract is narrower than the page.
    const measure = Math.min(previous.columnRight, Math.max(line.right, before?.right ?? 0))
    const firstWord = line.text.split(' ')[0] ?? ''
    const nextWordWidth = ((line.right - line.x) * (firstWord.length + 1)) / Math.max(1, line.text.length)
    return measure - previous.right > nextWordWidth + 0.5 * line.size
  }

  private blocks(): Block[] {
    const blocks: Block[] = []
    const firstPage = this.flow.filter((line) => line.page === 0)
    // A drop cap (one large letter) or a large ornament is not the title.
    const wordy = (line: PdfLine): boolean => (line.text.match(/\p{L}/gu) ?? []).length >= 4
    const largest = Math.max(0, ...firstPage.filter(wordy).map((line) => line.size))
    let titleOpen = largest >= titleSize * this.bodySize
    let previous: PdfLine | null = null
    this.flow.forEach((line, index) => {
      const current = blocks[blocks.length - 1]
      const heading = this.isHeading(line, index)
      const sameStyle =
        previous !== null &&
        Math.abs(previous.size - line.size) < 0.5 &&
        previous.bold === line.bold &&
        line.y - previous.y < 2.2 * line.size &&
        line.y > previous.y
      if (titleOpen && line.page === 0 && Math.abs(line.size - largest) < 0.5 && wordy(line)) {
        if (current?.kind === 'title' && sameStyle) current.lines.push(line)
        else blocks.push({ kind: 'title', lines: [line] })
      } else if (heading) {
        if (current?.kind === 'title') titleOpen = false
        if (current?.kind === 'heading' && sameStyle) current.lines.push(line)
        else blocks.push({ kind: 'heading', lines: [line] })
      } else {
        if (current?.kind === 'title') titleOpen = false
        if (
          current?.kind === 'paragraph' &&
          previous &&
          !this.startsParagraph(current.lines[current.lines.length - 2], previous, line)
        )
          current.lines.push(line)
        else blocks.push({ kind: 'paragraph', lines: [line] })
      }
      previous = line
    })
    return blocks
  }

  /** A line as Markdown: text escaped, raised numbers as note markers. */
  private lineSource(line: PdfLine): string {
    return line.pieces
      .map((piece) => {
        const raised = piece.text.trim()
        if (piece.superscript && superscriptNumbers.test(raised)) return `<sup>${raised}</sup>`
        const label = piece.superscript ? this.symbolLabels.get(`${line.page}:${raised}`) : undefined
        if (label !== undefined) return `[^${label}]`
        return markdownEscape(piece.text)
      })
      .join('')
      .trim()
  }

  /** The lines joined; a line that begins a new page starts with that page's mark. */
  private text(lines: readonly PdfLine[]): string {
    return joinLines(
      lines.map((line, index) => {
        const source = this.lineSource(line)
        const previous = lines[index - 1]
        return previous !== undefined && previous.page !== line.page ? pageMark(line.page) + source : source
      }),
      this.rule
    )
  }

  build(): string {
    const out: string[] = []
    for (const block of this.blocks()) {
      const text = this.text(block.lines)
      if (text === '') continue
      const mark = pageMark(block.lines[0]?.page ?? 0)
      if (block.kind === 'title') out.push(`${mark}# ${text}`)
      else if (block.kind === 'heading') out.push(`${mark}## ${text}`)
      else out.push(mark + escapeStart(text))
    }
    this.notes.forEach((note, index) => {
      const label = /^\d+$/.test(note.marker) ? note.marker : `n${index + 1}`
      const text = this.text(note.lines)
      if (text !== '') out.push(`${pageMark(note.page)}[^${label}]: ${text}`)
    })
    return `${out.join('\n\n')}\n`
  }

  textCharacters(): number {
    let count = 0
    for (const line of this.flow) count += line.text.replace(/[^\p{L}\p{N}]/gu, '').length
    for (const note of this.notes)
      for (const line of note.lines) count += line.text.replace(/[^\p{L}\p{N}]/gu, '').length
    return count
  }
}

/** The Markdown-like text of a PDF's pages, for parseDocument. */
export function pdfToMarkdown(pages: readonly PdfPage[], options: PdfFrontEndOptions = {}): PdfMarkdown {
  const builder = new PdfDocumentBuilder(pages, options)
  return {
    markdown: builder.build(),
    pageLabels: builder.pageLabels,
    textCharacters: builder.textCharacters()
  }
}
