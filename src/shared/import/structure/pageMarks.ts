// Page marks: how a front end that knows pages (the PDF one) tells the structure builder where each
// page begins, inside the Markdown-like text it hands over. A mark is made only of Unicode
// noncharacters (U+FDD0–U+FDEF, "reserved for a program's internal use"): no letter, digit, space or
// punctuation, so no pattern of the structure builder sees it, and markdown-it keeps it as text.
// A mark written at the start of a line says the page that line begins on; one inside a line says
// where a page begins within it. The builder reads marks only when the front end asks it to, and
// every front end removes these characters from the document's own text first
// (removePageMarkCharacters): a crafted text cannot forge a page.

import type { DocumentMetadata } from '../../types'

const open = '\uFDD0'
const close = '\uFDD1'
/** Digits 0–9 are written U+FDE0–U+FDE9. */
const zeroDigit = 0xfde0

const markCharacters = /[\uFDD0-\uFDEF]/g
const markPattern = /\uFDD0([\uFDE0-\uFDE9]{1,6})\uFDD1/g
const leadingMarkPattern = /^\uFDD0([\uFDE0-\uFDE9]{1,6})\uFDD1/

/** The mark for a page index (0-based: the index into the page list the front end passes). */
export function pageMark(pageIndex: number): string {
  const digits = [...String(pageIndex)].map((digit) => String.fromCharCode(zeroDigit + Number(digit)))
  return `${open}${digits.join('')}${close}`
}

function indexOf(digits: string): number {
  let value = 0
  for (const character of digits) value = value * 10 + (character.charCodeAt(0) - zeroDigit)
  return value
}

// `test` on a global pattern moves lastIndex: reset so the next call starts at the beginning.
function hasMarkCharacters(text: string): boolean {
  markCharacters.lastIndex = 0
  const found = markCharacters.test(text)
  markCharacters.lastIndex = 0
  return found
}

/** The text without any character a page mark is made of. */
export function removePageMarkCharacters(text: string): string {
  return hasMarkCharacters(text) ? text.replace(markCharacters, '') : text
}

/** A line's leading mark, if any, and the line without it. */
export function takeLeadingPageMark(line: string): { pageIndex: number | null; rest: string } {
  if (!line.startsWith(open)) return { pageIndex: null, rest: line }
  const match = leadingMarkPattern.exec(line)
  if (!match?.[1]) return { pageIndex: null, rest: line }
  return { pageIndex: indexOf(match[1]), rest: line.slice(match[0].length) }
}

export interface PageMarkAt {
  pageIndex: number
  /** Offset in the text without marks. */
  offset: number
}

export interface TakenPageMarks {
  text: string
  marks: PageMarkAt[]
  /** Where an offset of the text with marks falls in the text without them. */
  mapOffset: (offset: number) => number
}

/** The text without its marks, and where each mark stood in that text. */
export function takePageMarks(text: string): TakenPageMarks {
  if (!hasMarkCharacters(text)) return { text, marks: [], mapOffset: (offset) => offset }
  const marks: PageMarkAt[] = []
  // Offsets (in the text with marks) where characters were removed, and how many up to there.
  const cuts: { at: number; removed: number }[] = []
  let out = ''
  let removed = 0
  let position = 0
  const keep = (end: number): void => {
    const piece = text.slice(position, end)
    if (!hasMarkCharacters(piece)) {
      out += piece
      return
    }
    // A stray mark character (never written by a front end) is dropped, not shown.
    for (let index = position; index < end; index += 1) {
      const character = text[index] ?? ''
      if (character >= open && character <= '\uFDEF') {
        removed += 1
        cuts.push({ at: index + 1, removed })
      } else out += character
    }
  }
  for (const match of text.matchAll(markPattern)) {
    keep(match.index)
    marks.push({ pageIndex: indexOf(match[1] ?? ''), offset: out.length })
    removed += match[0].length
    position = match.index + match[0].length
    cuts.push({ at: position, removed })
  }
  keep(text.length)
  const mapOffset = (offset: number): number => {
    let before = 0
    for (const cut of cuts) if (cut.at <= offset) before = cut.removed
    return offset - before
  }
  return { text: out, marks, mapOffset }
}

/**
 * Page marks say where pages begin in blocks; the title, authors and citation are no block, so a
 * mark taken into them (a title read from lines on two pages) is removed there.
 */
export function withoutPageMarksInMetadata<T extends DocumentMetadata>(document: T): T {
  const clean = (text: string): string =>
    removePageMarkCharacters(text)
      .replace(/\s{2,}/g, ' ')
      .trim()
  const cleanOrNull = (text: string | null): string | null => (text === null ? null : clean(text))
  const { citation } = document
  return {
    ...document,
    title: clean(document.title),
    authors: document.authors.map(clean),
    affiliation: cleanOrNull(document.affiliation),
    keywords: document.keywords.map(clean),
    citation: citation && {
      ...citation,
      text: clean(citation.text),
      journal: cleanOrNull(citation.journal),
      volume: cleanOrNull(citation.volume),
      issue: cleanOrNull(citation.issue),
      pages: cleanOrNull(citation.pages)
    }
  }
}
