// Reading a W3C Web Annotation collection (Scholia's own export, or another tool's) back into
// Scholia annotations. The input is untrusted: every shape is checked, and the first problem found
// is reported with where it is, in words a person can act on.
import { blockAt } from '../anchoring/blocks'
import { prefixBefore, suffixAfter } from '../anchoring/describe'
import type { Annotation, AnchorStatus, HighlightColour, HighlightColourId } from '../types'
import { highlightColourIds } from '../types'
import { createCodePointConverter, type CodePointConverter } from '../anchoring/codePoints'
import { pageRangeOf, type PagedBlock } from '../document/pages'
import { pdfFragmentSpecification, styleClassPrefix } from './w3c'

export class W3cImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'W3cImportError'
  }
}

export interface W3cImportOptions {
  /** The document the annotations are attached to. */
  documentId: string
  /** Its blocks in document order, to find the block each passage starts in (and, for a PDF, its page). */
  blocks: readonly PagedBlock[]
  /** Used for created/modified when an annotation from another tool has none. */
  now: number
  /** Lets a 'classifying' body name a colour when there is no Scholia styleClass. */
  colours?: readonly HighlightColour[]
}

type Json = Record<string, unknown>

/**
 * Reads a collection (with its page included), a single page, or a single annotation.
 * `json` may be the parsed object or the file's text. Annotation ids of the form urn:uuid:X become X;
 * other ids are kept whole. A passage whose quote is no longer at its position is looked for in
 * `fullText`; when it is not found the annotation comes back orphaned rather than moved.
 * Bodies that are links to other resources are skipped: Scholia has nowhere to keep them.
 */
export function fromW3cCollection(json: unknown, fullText: string, options: W3cImportOptions): Annotation[] {
  const root = typeof json === 'string' ? parseText(json) : json
  if (!isObject(root)) fail('the file', 'is not a JSON object')
  const types = asArray(root.type)
  let items: unknown
  let where = 'the collection'
  if (types.includes('AnnotationCollection')) {
    const first = root.first
    if (first === undefined) {
      if (root.total === 0 || root.total === undefined) return []
      fail(where, 'has no "first" page')
    }
    if (typeof first === 'string') {
      fail(
        where,
        'links to its pages instead of including them; Scholia can only read pages that are in the file'
      )
    }
    if (!isObject(first)) fail(`${where}'s first page`, 'is not an object')
    if (first.next !== undefined)
      fail(where, 'has more than one page; Scholia can only read a single-page export')
    items = first.items
    where = 'the first page'
  } else if (types.includes('AnnotationPage')) {
    if (root.next !== undefined)
      fail('the page', 'continues on another page; Scholia can only read a single page')
    items = root.items
    where = 'the page'
  } else if (types.includes('Annotation')) {
    items = [root]
  } else {
    fail(
      'the file',
      'is not an AnnotationCollection, AnnotationPage or Annotation (its "type" is missing or unknown)'
    )
  }
  if (!Array.isArray(items)) fail(where, 'has no "items" list')
  const text = { fullText, converter: createCodePointConverter(fullText), blocks: options.blocks }
  return items.map((item, index) => readAnnotation(item, index, text, options))
}

interface DocumentText {
  fullText: string
  converter: CodePointConverter
  blocks: W3cImportOptions['blocks']
}

function readAnnotation(
  item: unknown,
  index: number,
  text: DocumentText,
  options: W3cImportOptions
): Annotation {
  let where = `annotation ${index + 1}`
  if (!isObject(item)) fail(where, 'is not an object')
  if (typeof item.id !== 'string' || item.id === '') fail(where, 'has no "id"')
  where = `annotation ${index + 1} (${item.id})`
  if (!asArray(item.type).includes('Annotation')) fail(where, 'does not have type "Annotation"')

  const { note, tags, meanings } = readBodies(item, where)
  const target = readTarget(item.target, where)
  const created = readTime(item.created, `${where}'s "created"`) ?? options.now
  const modified = readTime(item.modified, `${where}'s "modified"`) ?? created
  const placed = place(target, text)
  return {
    id: item.id.startsWith('urn:uuid:') ? item.id.slice('urn:uuid:'.length) : item.id,
    documentId: options.documentId,
    target: {
      blockId: blockAt(options.blocks, placed.start)?.id ?? '',
      quote: { type: 'TextQuoteSelector', exact: placed.exact, prefix: placed.prefix, suffix: placed.suffix },
      position: { type: 'TextPositionSelector', start: placed.start, end: placed.end }
    },
    colour: readColour(target.styleClasses, meanings, options.colours),
    note,
    tags,
    createdAt: created,
    updatedAt: modified,
    anchor: placed.anchor
  }
}

function readBodies(item: Json, where: string): { note: string; tags: string[]; meanings: string[] } {
  const notes: string[] = []
  const tags: string[] = []
  const meanings: string[] = []
  const motivations = asArray(item.motivation)
  if (item.bodyValue !== undefined) {
    if (typeof item.bodyValue !== 'string') fail(`${where}'s "bodyValue"`, 'is not text')
    notes.push(item.bodyValue)
  }
  asArray(item.body).forEach((body, bodyIndex) => {
    const at = `${where}'s body ${bodyIndex + 1}`
    if (typeof body === 'string') return // a link to another resource: nothing to keep
    if (!isObject(body)) fail(at, 'is not an object')
    if (!asArray(body.type).includes('TextualBody') && body.value === undefined) return
    if (typeof body.value !== 'string') fail(at, 'has no text "value"')
    const purposes = asArray(body.purpose)
    if (purposes.includes('tagging') || (purposes.length === 0 && motivations.includes('tagging'))) {
      const tag = body.value.trim()
      if (tag !== '' && !tags.includes(tag)) tags.push(tag)
    } else if (purposes.includes('classifying')) meanings.push(body.value)
    else notes.push(body.value)
  })
  return { note: notes.join('\n\n'), tags, meanings }
}

interface ReadTarget {
  exact: string | null
  prefix: string | null
  suffix: string | null
  /** Code point offsets from a TextPositionSelector, when there is one. */
  position: { start: number; end: number } | null
  /** The PDF page (physical) of a FragmentSelector `page=N` (RFC 3778), when there is one. */
  page: number | null
  styleClasses: string[]
}

const pdfPagePattern = /^page=(\d{1,6})$/

function readTarget(value: unknown, where: string): ReadTarget {
  const targets = asArray(value)
  if (targets.length === 0) fail(where, 'has no "target"')
  const target = targets.find((candidate) => isObject(candidate) && candidate.selector !== undefined)
  if (!isObject(target))
    fail(where, 'has no target with a selector, so Scholia cannot tell which passage it is on')
  const result: ReadTarget = {
    exact: null,
    prefix: null,
    suffix: null,
    position: null,
    page: null,
    styleClasses: []
  }
  result.styleClasses = asArray(target.styleClass).filter((name): name is string => typeof name === 'string')
  asArray(target.selector).forEach((selector, selectorIndex) =>
    readSelector(selector, `${where}'s selector ${selectorIndex + 1}`, result)
  )
  if (result.exact === null && result.position === null) {
    fail(where, 'has neither a TextQuoteSelector nor a TextPositionSelector')
  }
  return result
}

/**
 * One selector into `result`. A PDF page (FragmentSelector, RFC 3778) is read with the selectors
 * that refine it (refinedBy: the quote on that page); other selector types are passed over.
 */
function readSelector(selector: unknown, at: string, result: ReadTarget, depth = 0): void {
  if (!isObject(selector)) fail(at, 'is not an object')
  if (selector.type === 'FragmentSelector') {
    const page = typeof selector.value === 'string' ? pdfPagePattern.exec(selector.value.trim()) : null
    const pdf = selector.conformsTo === undefined || selector.conformsTo === pdfFragmentSpecification
    if (pdf && page?.[1] !== undefined && Number(page[1]) >= 1) result.page = Number(page[1])
  } else if (selector.type === 'TextQuoteSelector') {
    if (typeof selector.exact !== 'string') fail(at, 'has no "exact" text')
    result.exact = selector.exact
    result.prefix = optionalText(selector.prefix, `${at}'s "prefix"`)
    result.suffix = optionalText(selector.suffix, `${at}'s "suffix"`)
  } else if (selector.type === 'TextPositionSelector') {
    const { start, end } = selector
    if (!isCount(start) || !isCount(end) || end < start) {
      fail(at, 'needs whole numbers "start" ≤ "end", both 0 or more')
    }
    result.position = { start, end }
  }
  // A refinement nested in itself a thousand times is no selector a tool wrote: a few levels are read.
  if (selector.refinedBy !== undefined && depth < 4) {
    asArray(selector.refinedBy).forEach((refinement, index) =>
      readSelector(refinement, `${at}'s refinement ${index + 1}`, result, depth + 1)
    )
  }
}

interface Placement {
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  anchor: AnchorStatus
}

/** Occurrences of `needle` looked at for one on the stated page before taking the first one. */
const maxOccurrences = 1000

/**
 * Where `needle` occurs in the text: on the stated PDF page when the text has pages and it occurs
 * there (a quote found more than once is told apart by its page), else its first occurrence; -1 when none.
 */
function occurrence(needle: string, page: number | null, { fullText, blocks }: DocumentText): number {
  const first = fullText.indexOf(needle)
  if (page === null || first < 0) return first
  let at = first
  for (let count = 0; at >= 0 && count < maxOccurrences; count += 1) {
    if (pageRangeOf(blocks, at, at + Math.max(1, needle.length))?.first.physical === page) return at
    at = fullText.indexOf(needle, at + 1)
  }
  return first
}

/** Finds the passage: the stated position when the quote is there, else the quote where it occurs. */
function place(target: ReadTarget, text: DocumentText): Placement {
  const { fullText, converter } = text
  let start = 0
  let end = 0
  if (target.position !== null) {
    const clamp = (offset: number): number => Math.min(converter.codePointLength, offset)
    start = converter.toUtf16(clamp(target.position.start))
    end = converter.toUtf16(clamp(target.position.end))
  }
  const exact = target.exact ?? fullText.slice(start, end)
  let found = target.position !== null && fullText.slice(start, end) === exact
  if (!found && exact !== '') {
    const withContext = occurrence(`${target.prefix ?? ''}${exact}${target.suffix ?? ''}`, target.page, text)
    const at =
      withContext >= 0 ? withContext + (target.prefix ?? '').length : occurrence(exact, target.page, text)
    if (at >= 0) {
      start = at
      end = at + exact.length
      found = true
    }
  }
  return {
    start,
    end,
    exact,
    prefix: target.prefix ?? (found ? prefixBefore(fullText, start) : ''),
    suffix: target.suffix ?? (found ? suffixAfter(fullText, end) : ''),
    anchor: found ? { state: 'anchored', score: 1 } : { state: 'orphaned', score: 0 }
  }
}

function readColour(
  styleClasses: readonly string[],
  meanings: readonly string[],
  colours: readonly HighlightColour[] | undefined
): HighlightColourId | null {
  for (const name of styleClasses) {
    const id = name.slice(styleClassPrefix.length)
    if (name.startsWith(styleClassPrefix) && isColourId(id)) return id
  }
  for (const meaning of meanings) {
    const match = colours?.find((colour) => colour.meaning === meaning)
    if (match) return match.id
  }
  return null
}

function readTime(value: unknown, where: string): number | null {
  if (value === undefined) return null
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (Number.isNaN(time)) fail(where, 'is not a date and time such as 2024-05-01T12:00:00Z')
  return time
}

function optionalText(value: unknown, where: string): string | null {
  if (value === undefined) return null
  if (typeof value !== 'string') fail(where, 'is not text')
  return value
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new W3cImportError(
      `This file is not valid JSON, so it cannot be a W3C annotation export (${detail}).`
    )
  }
}

function fail(where: string, problem: string): never {
  throw new W3cImportError(`This is not a W3C Web Annotation file Scholia can read: ${where} ${problem}.`)
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

function isColourId(value: string): value is HighlightColourId {
  return (highlightColourIds as readonly string[]).includes(value)
}
