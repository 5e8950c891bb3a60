// The document importer: turns Markdown-like text converted from a PDF into a ParsedDocument
// (metadata + abstract, heading, paragraph, caption and footnote blocks). Pure and linear in the size
// of the text. The steps: normalise → split off YAML front matter → scan into units (scanUnits) →
// recognise front matter, notes and repeated titles → re-join page breaks → render inline Markdown.

import { normalizeText } from '../../text/normalize'
import type { BlockPage, Citation, ParsedBlock, ParsedDocument } from '../../types'
import { isNotesHeading, numberDefinitions, readNotesSection, type NoteEntry } from './footnotes'
import { splitFrontMatter, type FrontMatterFields } from './frontMatter'
import {
  findTitleHeading,
  isCapitals,
  looksLikeAffiliation,
  looksLikeAuthorLine,
  splitAuthors,
  textKey
} from './frontStructure'
import { renderInline, type LabelResolver } from './inlineText'
import { parseCitationLine, parseKeywordsLine, stripAbstractLabel } from './metadataLines'
import { captionNumber, rejoinPageBreaks, type FlowItem } from './pageBreaks'
import { pageMark, removePageMarkCharacters, takePageMarks, withoutPageMarksInMetadata } from './pageMarks'
import { markedUnitSource, scanUnits, unitSource, type Unit } from './scanUnits'
import { collectAcronyms, titleCase } from './titleCase'

export interface ParseOptions {
  /** The imported file's name: the title of last resort. */
  fileName: string
  /**
   * The printed label of each page, by index, when the front end wrote page marks into the text
   * (pageMarks.ts; the PDF front end does). Without it any mark character is removed unread, so a
   * text cannot forge pages.
   */
  pageLabels?: readonly string[]
  /**
   * The front end marked the text's structure itself (EPUB): every paragraph is one as written (no
   * page breaks to rejoin), and every note is a `[^n]:` definition (no "Notes" or "References"
   * section is read as notes, so a book's bibliography stays text).
   */
  structured?: boolean
}

export type ParseResult = { ok: true; document: ParsedDocument } | { ok: false; message: string }

export const emptyFileMessage = 'The file is empty: there is no text to import.'
export const frontMatterOnlyMessage =
  'The file holds only front matter (the block between the "---" lines) and no text after it: there is nothing to import.'
export const noTextMessage = 'The file has no text to import: it holds only separator lines.'
export const noBlocksMessage =
  'The file has no readable text once its headings and markup are set aside: there is nothing to import.'
export const noHeadingsWarning = 'No headings found: the text was imported as paragraphs.'

const abstractHeadingPattern = /^(?:abstract|summary)\s*:?$/i
const markerPresencePattern = /<sup>\s*\d|\[\^[^\]\s]{1,40}\]|\^\d{1,4}\^/i
const titleLineLength = 120
/** Longer lines are never an author, affiliation, keywords or citation line (and are not parsed twice). */
const metadataLineLength = 1000
/** Without a section heading, only this many units at the top are searched for keywords/citation. */
const frontRegionWithoutHeadings = 12

/** Parses one imported text; failures are messages the person importing can act on. */
export function parseDocument(rawText: string, options: ParseOptions): ParseResult {
  const normalized = normalizeText(rawText)
  const text = options.pageLabels ? normalized : removePageMarkCharacters(normalized)
  if (text.trim() === '') return { ok: false, message: emptyFileMessage }
  const { fields, body } = splitFrontMatter(text)
  if (fields && body.trim() === '') return { ok: false, message: frontMatterOnlyMessage }
  const units = scanUnits(body)
  if (units.length === 0) return { ok: false, message: noTextMessage }
  const document = new DocumentBuilder(
    units,
    fields,
    body,
    options.fileName,
    options.pageLabels ?? null,
    options.structured ?? false
  ).build()
  if (document.blocks.length === 0) return { ok: false, message: noBlocksMessage }
  return { ok: true, document: options.pageLabels ? withoutPageMarksInMetadata(document) : document }
}

function fileNameTitle(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const stem = base
    .replace(/(?<=.)\.[^.]*$/, '')
    .replace(/_+/g, ' ')
    .trim()
  return stem === '' ? 'Untitled document' : stem
}

/** A first line that is not the start of a wrapped sentence: no closing punctuation, next line a new sentence. */
function isTitleLine(line: string, nextLine: string): boolean {
  return !/[.,;:!?]$/.test(line) && /^[^\p{L}\p{N}]{0,2}\p{Lu}/u.test(nextLine)
}

class DocumentBuilder {
  private readonly consumed: boolean[]
  private readonly plainCache = new Map<number, string>()
  private readonly warnings: string[] = []
  private readonly abstractUnits = new Set<number>()
  private readonly abstractSources = new Map<number, string>()
  private title: string | null = null
  private authors: string[]
  private affiliation: string | null
  private keywords: string[]
  private citation: Citation | null = null

  constructor(
    private readonly units: readonly Unit[],
    private readonly fields: FrontMatterFields | null,
    private readonly body: string,
    private readonly fileName: string,
    private readonly pageLabels: readonly string[] | null,
    private readonly structured: boolean
  ) {
    this.consumed = units.map(() => false)
    this.authors = fields?.authors ?? []
    this.affiliation = fields?.affiliation ?? null
    this.keywords = fields?.keywords ?? []
  }

  /** The unit's text without markup, computed once (front matter checks look at it repeatedly). */
  private plain(index: number): string {
    let text = this.plainCache.get(index)
    if (text === undefined) {
      const unit = this.units[index]
      text = unit ? renderInline(unitSource(unit)).text : ''
      this.plainCache.set(index, text)
    }
    return text
  }

  private headingIndexes(): number[] {
    return this.units.flatMap((unit, index) =>
      unit.type === 'heading' && !this.consumed[index] ? [index] : []
    )
  }

  private isSingleLineParagraph(index: number): boolean {
    const unit = this.units[index]
    return (
      unit?.type === 'paragraph' &&
      unit.lines.length === 1 &&
      (unit.lines[0] ?? '').length <= metadataLineLength &&
      !this.consumed[index]
    )
  }

  build(): ParsedDocument {
    const hasHeadings = this.units.some((unit) => unit.type === 'heading')
    if (!hasHeadings) this.warnings.push(noHeadingsWarning)
    const notes = this.takeNotes()
    this.takeTitleAndAuthors()
    this.dropRepeatedTitles()
    this.takeAbstractAndMetadataLines()

    const acronyms = collectAcronyms(
      this.units.flatMap((unit) => (unit.type === 'heading' ? [] : unit.lines))
    )
    const title = this.title === null ? fileNameTitle(this.fileName) : titleCase(this.title, acronyms)
    const authors = this.authors.map((name) => (isCapitals(name) ? titleCase(name, acronyms) : name))

    const resolve = this.labelResolver(notes.labels)
    const flow = this.structured ? this.flow() : rejoinPageBreaks(this.flow())
    const bodyBlocks = flow.flatMap((item) => this.renderBlock(item, resolve))
    const noteBlocks = this.renderNotes(notes.entries, resolve)
    this.checkRefs(bodyBlocks, noteBlocks)
    const language = this.fields?.language ?? null
    return {
      title,
      authors,
      affiliation: this.affiliation,
      citation: this.citation ?? this.bookCitation(),
      keywords: this.keywords,
      ...(language !== null ? { language } : {}),
      blocks: [...bodyBlocks, ...noteBlocks],
      warnings: this.warnings
    }
  }

  /** A book's publisher and year, from its front matter, when no citation line was found. */
  private bookCitation(): Citation | null {
    const year = this.fields?.year ?? null
    const publisher = this.fields?.publisher ?? null
    if (year === null && publisher === null) return null
    const text = [publisher, year].filter((part) => part !== null).join(', ')
    return { text, journal: null, volume: null, issue: null, year, pages: null }
  }

  /** The notes section (consumed as a whole) and footnote definitions anywhere in the text. */
  private takeNotes(): { entries: NoteEntry[]; labels: Map<string, number> } {
    const hasMarkers = markerPresencePattern.test(this.body)
    const headings = this.headingIndexes()
    const start = this.structured
      ? undefined
      : headings.find((index) => isNotesHeading(this.plain(index), hasMarkers))
    let entries: NoteEntry[] = []
    if (start !== undefined) {
      const end = headings.find((index) => index > start) ?? this.units.length
      entries = readNotesSection(this.units.slice(start + 1, end))
      for (let index = start; index < end; index += 1) this.consumed[index] = true
    }
    const definitions: { label: string; source: string }[] = []
    this.units.forEach((unit, index) => {
      if (unit.type !== 'definition' || this.consumed[index]) return
      definitions.push({ label: unit.label, source: markedUnitSource(unit) })
      this.consumed[index] = true
    })
    const labels = numberDefinitions(
      definitions.map((definition) => definition.label),
      entries.map((entry) => entry.number)
    )
    for (const definition of definitions) {
      entries.push({ number: labels.get(definition.label) ?? entries.length + 1, source: definition.source })
    }
    return { entries, labels }
  }

  private takeTitleAndAuthors(): void {
    const headings = this.headingIndexes()
    const yamlTitle = this.fields?.title ?? null
    const titleIndex =
      yamlTitle !== null
        ? (headings.find((index) => textKey(this.plain(index)) === textKey(yamlTitle)) ?? -1)
        : findTitleHeading(this.units, headings, (index) => this.plain(index))
    if (titleIndex >= 0) {
      this.consumed[titleIndex] = true
      this.title = yamlTitle ?? this.plain(titleIndex)
      this.takeAuthorLines(titleIndex + 1)
      return
    }
    if (yamlTitle !== null) {
      this.title = yamlTitle
      return
    }
    const first = this.units[0]
    const firstLine = first?.type === 'paragraph' ? first.lines[0] : undefined
    if (first?.type === 'paragraph' && firstLine !== undefined && firstLine.length <= titleLineLength) {
      this.title = renderInline(firstLine).text
      // A text that is one short line keeps it as its only paragraph too.
      if (this.isSingleLineParagraph(0)) this.consumed[0] = this.units.length > 1
      else if (isTitleLine(firstLine, first.lines[1] ?? '')) {
        // A title typed straight above the first paragraph, with no blank line between.
        first.lines = first.lines.slice(1)
        this.plainCache.delete(0)
      }
      this.warnings.push('No title heading found: the first line was used as the title.')
    } else {
      this.warnings.push('No title found: the file name was used as the title.')
    }
  }

  /** The author line right under the title, then an affiliation line under it. */
  private takeAuthorLines(index: number): void {
    if (!this.isSingleLineParagraph(index)) return
    const line = this.plain(index)
    const known = this.authors.map(textKey)
    const isAuthorLine = known.length > 0 ? known.includes(textKey(line)) : looksLikeAuthorLine(line)
    if (!isAuthorLine || this.isMetadataLine(line)) return
    this.consumed[index] = true
    if (known.length === 0) this.authors = splitAuthors(line)
    const next = index + 1
    if (this.affiliation !== null || !this.isSingleLineParagraph(next)) return
    const affiliation = this.plain(next)
    if (looksLikeAffiliation(affiliation) && !this.isMetadataLine(affiliation)) {
      this.affiliation = affiliation
      this.consumed[next] = true
    }
  }

  private isMetadataLine(line: string): boolean {
    return (
      parseKeywordsLine(line) !== null ||
      parseCitationLine(line) !== null ||
      stripAbstractLabel(line) !== null ||
      abstractHeadingPattern.test(line)
    )
  }

  /** A PDF repeats the title block (title heading, then the author line) at the top of the text. */
  private dropRepeatedTitles(): void {
    if (this.title === null) return
    const titleKey = textKey(this.title)
    const authorKeys = new Set([...this.authors.map(textKey), textKey(this.authors.join(' '))])
    for (const index of this.headingIndexes()) {
      if (textKey(this.plain(index)) !== titleKey) continue
      this.consumed[index] = true
      const next = index + 1
      if (this.isSingleLineParagraph(next) && authorKeys.has(textKey(this.plain(next))))
        this.consumed[next] = true
    }
  }

  /**
   * The abstract (a section under an "Abstract" heading, or a paragraph labelled "Abstract:") and the
   * keywords and citation lines, all looked for only before the first section heading.
   */
  private takeAbstractAndMetadataLines(): void {
    const headings = this.headingIndexes()
    const abstractHeading =
      headings[0] !== undefined && abstractHeadingPattern.test(this.plain(headings[0]))
        ? headings[0]
        : undefined
    const sectionHeading = headings.find((index) => index !== abstractHeading)
    const frontEnd =
      sectionHeading ??
      (abstractHeading !== undefined
        ? this.units.length
        : Math.min(this.units.length, frontRegionWithoutHeadings))
    if (abstractHeading !== undefined) this.consumed[abstractHeading] = true

    for (let index = 0; index < frontEnd; index += 1) {
      const unit = this.units[index]
      if (unit?.type !== 'paragraph' || this.consumed[index]) continue
      const singleLine = this.isSingleLineParagraph(index)
      // Only the start of a long paragraph matters here (an "Abstract:" label).
      const text = singleLine ? this.plain(index) : renderInline((unit.lines[0] ?? '').slice(0, 200)).text
      const keywords = singleLine ? parseKeywordsLine(text) : null
      const citation = singleLine && this.citation === null ? parseCitationLine(text) : null
      if (keywords !== null && this.keywords.length === 0) {
        this.keywords = keywords
        this.consumed[index] = true
      } else if (citation !== null) {
        this.citation = citation
        this.consumed[index] = true
      } else if (abstractHeading !== undefined && index > abstractHeading) {
        this.abstractUnits.add(index)
      } else if (stripAbstractLabel(text) !== null) {
        const source = unitSource(unit).replace(/^[*_]{1,3}/, '')
        this.abstractSources.set(index, (stripAbstractLabel(source) ?? source).replace(/^[*_]{1,3}\s*/, ''))
        this.abstractUnits.add(index)
      }
    }
  }

  /** Body units in reading order, as Markdown sources. */
  private flow(): FlowItem[] {
    const items: FlowItem[] = []
    this.units.forEach((unit, index) => {
      if (this.consumed[index]) return
      const source = this.abstractSources.get(index) ?? unitSource(unit)
      const page = unit.pageIndex === undefined ? {} : { pageIndex: unit.pageIndex }
      if (unit.type === 'heading') items.push({ kind: 'heading', source, number: null, ...page })
      else if (unit.type === 'item') {
        items.push({
          kind: 'item',
          source: unit.number === null ? source : `${unit.number}. ${source}`,
          number: null,
          ...page
        })
      } else if (this.abstractUnits.has(index))
        items.push({ kind: 'abstract', source, number: null, ...page })
      else {
        const number = captionNumber(source)
        items.push({ kind: number === null ? 'paragraph' : 'caption', source, number, ...page })
      }
    })
    return items
  }

  private labelResolver(labels: Map<string, number>): LabelResolver {
    return (label) => labels.get(label) ?? (/^\d{1,4}$/.test(label) ? Number(label) : null)
  }

  private renderBlock(item: FlowItem, resolve: LabelResolver): ParsedBlock[] {
    const mark = item.pageIndex === undefined ? '' : pageMark(item.pageIndex)
    const rendered = this.renderPaged(mark + item.source, resolve)
    if (rendered.text === '') return []
    const kind = item.kind === 'item' ? 'paragraph' : item.kind
    return [{ kind, number: item.number, ...rendered }]
  }

  /** The block's text, refs and marks, with its page marks read out into `pages`. */
  private renderPaged(
    source: string,
    resolve: LabelResolver
  ): Pick<ParsedBlock, 'text' | 'refs' | 'marks' | 'pages'> {
    const inline = renderInline(source, resolve)
    if (this.pageLabels === null) return { ...inline, pages: null }
    const taken = takePageMarks(inline.text)
    const text = taken.text
    const pages: BlockPage[] = []
    for (const mark of taken.marks) {
      const label = this.pageLabels[mark.pageIndex]
      // A mark past the end of the text, or for a page the front end does not know, says nothing.
      if (label === undefined || (mark.offset >= text.length && pages.length > 0)) continue
      const page = { physical: mark.pageIndex + 1, label, offset: Math.min(mark.offset, text.length) }
      const last = pages[pages.length - 1]
      if (last?.physical === page.physical) continue
      // Nothing of the page before was kept (a mark at the very start): this page is the first.
      if (last !== undefined && last.offset === page.offset) pages.pop()
      pages.push(page)
    }
    if (pages[0] !== undefined) pages[0] = { ...pages[0], offset: 0 }
    return {
      text,
      refs: inline.refs.map((ref) => ({ ...ref, offset: taken.mapOffset(ref.offset) })),
      marks: inline.marks.map((mark) => ({
        ...mark,
        start: taken.mapOffset(mark.start),
        end: taken.mapOffset(mark.end)
      })),
      pages: pages.length === 0 ? null : pages
    }
  }

  /** Footnote blocks in number order (a stable sort keeps duplicates in the order written). */
  private renderNotes(entries: NoteEntry[], resolve: LabelResolver): ParsedBlock[] {
    const seen = new Set<number>()
    const duplicates = new Set<number>()
    const blocks = [...entries]
      .sort((left, right) => left.number - right.number)
      .flatMap((entry): ParsedBlock[] => {
        const rendered = this.renderPaged(entry.source, resolve)
        if (rendered.text === '') return []
        if (seen.has(entry.number)) duplicates.add(entry.number)
        seen.add(entry.number)
        return [{ kind: 'footnote', number: entry.number, ...rendered }]
      })
    if (duplicates.size > 0) {
      this.warnings.push(
        `Several notes carry the same number (${[...duplicates].join(', ')}): all were kept.`
      )
    }
    return blocks
  }

  private checkRefs(bodyBlocks: ParsedBlock[], noteBlocks: ParsedBlock[]): void {
    const noteNumbers = new Set(noteBlocks.map((block) => block.number))
    const missing = new Set<number>()
    for (const block of bodyBlocks)
      for (const ref of block.refs) if (!noteNumbers.has(ref.number)) missing.add(ref.number)
    if (missing.size > 0) {
      const list = [...missing].sort((left, right) => left - right).join(', ')
      this.warnings.push(`Footnote markers without a matching note: ${list}.`)
    }
  }
}
