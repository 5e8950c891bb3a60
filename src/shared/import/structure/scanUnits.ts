// Splits normalised Markdown-like text into block units (headings, paragraphs, list items, footnote
// definitions) in one line-by-line pass. No regular expression here ever sees more than one line and
// none can backtrack over a run of the same character, so the scan stays linear on hostile input
// (10^5 `>`, `*` or `[`) as well as on a 5 MB text.
import { pageMark, takeLeadingPageMark } from './pageMarks'

export interface HeadingUnit {
  type: 'heading'
  level: number
  /** Heading text as written, without the `#` markers. */
  source: string
}

export interface ParagraphUnit {
  type: 'paragraph'
  lines: string[]
}

export interface ItemUnit {
  type: 'item'
  /** The number written on the item (`1.`, `- 2.`), or null for a plain bullet. */
  number: number | null
  lines: string[]
}

export interface DefinitionUnit {
  type: 'definition'
  /** The label of a Markdown footnote definition `[^label]: text`. */
  label: string
  lines: string[]
}

/** The page the unit begins on (an index into the front end's page list), when the text has page marks. */
export type Unit = (HeadingUnit | ParagraphUnit | ItemUnit | DefinitionUnit) & { pageIndex?: number }
type OpenUnit = ParagraphUnit | ItemUnit | DefinitionUnit

const orderedItemPattern = /^ {0,3}(\d{1,4})[.)][ \t]+(\S.*)$/
const bulletItemPattern = /^ {0,3}[-*+•][ \t]+(\S.*)$/
const numberInsideBulletPattern = /^(\d{1,4})[.)][ \t]+(\S.*)$/
const definitionPattern = /^ {0,3}\[\^([^\]\s]{1,40})\]:[ \t]*(.*)$/
const setextPattern = /^ {0,3}(=+|-+)[ \t]*$/

/** Removes block-quote markers (`>`, `> >`): quoting carries no meaning the reader keeps. */
function stripQuoteMarkers(line: string): string {
  let position = 0
  for (;;) {
    let probe = position
    while (probe < line.length && probe - position < 3 && line[probe] === ' ') probe += 1
    if (line[probe] !== '>') return position === 0 ? line : line.slice(position)
    probe += 1
    if (line[probe] === ' ') probe += 1
    position = probe
  }
}

function isBlank(line: string): boolean {
  return line.trim() === ''
}

function isIndented(line: string): boolean {
  return line.startsWith('  ') || line.startsWith('\t')
}

/** A thematic break: three or more of the same `-`, `*` or `_`, spaces allowed between. */
function isThematicBreak(line: string): boolean {
  const compact = line.replace(/[ \t]/g, '')
  if (compact.length < 3 || line.length - line.trimStart().length > 3) return false
  const first = compact[0]
  if (first !== '-' && first !== '*' && first !== '_') return false
  for (const character of compact) if (character !== first) return false
  return true
}

function matchHeading(line: string): HeadingUnit | null {
  const opening = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line)
  if (!opening?.[1]) return null
  let text = line.slice(opening[0].length).trim()
  // A closing run of `#` is decoration when a space separates it from the text.
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end -= 1
  if (end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')) {
    text = text.slice(0, end).trim()
  }
  return { type: 'heading', level: opening[1].length, source: text }
}

/** Scans the text into units; blank lines separate units, a heading always stands alone. */
export function scanUnits(text: string): Unit[] {
  const units: Unit[] = []
  const state: { open: OpenUnit | null; blankSinceOpen: boolean } = { open: null, blankSinceOpen: false }
  let pageIndex: number | null = null
  const start = (unit: Unit): void => {
    if (pageIndex !== null) unit.pageIndex = pageIndex
    units.push(unit)
    state.open = unit.type === 'heading' ? null : unit
    state.blankSinceOpen = false
  }

  for (const markedLine of text.split('\n')) {
    // A page mark at a line's start: the page the line begins on (pageMarks.ts).
    const { pageIndex: linePage, rest: rawLine } = takeLeadingPageMark(markedLine)
    pageIndex = linePage
    const line = stripQuoteMarkers(rawLine)
    if (isBlank(line)) {
      state.blankSinceOpen = true
      continue
    }
    const current = state.open
    const blankSinceOpen = state.blankSinceOpen
    const continuesParagraph = current !== null && current.type === 'paragraph' && !blankSinceOpen

    const setext = setextPattern.exec(line)
    if (setext?.[1] && continuesParagraph && current?.lines.length === 1) {
      units.pop()
      start({ type: 'heading', level: setext[1].startsWith('=') ? 1 : 2, source: current.lines[0] ?? '' })
      continue
    }
    const heading = matchHeading(line)
    if (heading) {
      if (heading.source !== '') start(heading)
      else state.open = null
      continue
    }
    if (isThematicBreak(line)) {
      state.open = null
      continue
    }
    const definition = definitionPattern.exec(line)
    if (definition?.[1] !== undefined) {
      start({ type: 'definition', label: definition[1], lines: [definition[2] ?? ''] })
      continue
    }
    const bullet = bulletItemPattern.exec(line)
    if (bullet?.[1] !== undefined) {
      const inner = numberInsideBulletPattern.exec(bullet[1])
      if (inner?.[1] !== undefined && inner[2] !== undefined) {
        start({ type: 'item', number: Number(inner[1]), lines: [inner[2]] })
      } else {
        start({ type: 'item', number: null, lines: [bullet[1]] })
      }
      continue
    }
    const ordered = orderedItemPattern.exec(line)
    // As in CommonMark, only an item numbered 1 may interrupt a running paragraph: a wrapped line
    // that happens to begin "1972. " stays part of its paragraph.
    if (
      ordered?.[1] !== undefined &&
      ordered[2] !== undefined &&
      (!continuesParagraph || ordered[1] === '1')
    ) {
      start({ type: 'item', number: Number(ordered[1]), lines: [ordered[2]] })
      continue
    }
    if (current !== null && (!blankSinceOpen || (current.type !== 'paragraph' && isIndented(line)))) {
      // Inside a unit, the mark stays where the page begins.
      current.lines.push((pageIndex === null ? '' : pageMark(pageIndex)) + line.trim())
      continue
    }
    start({ type: 'paragraph', lines: [line.trim()] })
  }
  return units
}

/**
 * The unit's Markdown source on one line. Lines were trimmed while scanning, so no Markdown hard break
 * is left and a line break means what a space means; joining with spaces lets most blocks skip the
 * inline parser entirely.
 */
export function unitSource(unit: Unit): string {
  return unit.type === 'heading' ? unit.source : unit.lines.join(' ')
}

/** The unit's source with the mark of the page it begins on in front (pageMarks.ts), when it has one. */
export function markedUnitSource(unit: Unit): string {
  const source = unitSource(unit)
  return unit.pageIndex === undefined ? source : pageMark(unit.pageIndex) + source
}
