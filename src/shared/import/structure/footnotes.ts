// The notes of a document: the list under a notes heading ("Notes", "Footnotes", "Endnotes") and any
// Markdown footnote definitions (`[^3]: …`). Entries written with a number keep it; an entry without
// one takes its position in the list, which is what a reader counting the list would give it.

import { pageMark } from './pageMarks'
import { markedUnitSource, unitSource, type Unit } from './scanUnits'

export interface NoteEntry {
  number: number
  source: string
}

const notesHeadingPattern = /^(?:notes|footnotes|end ?notes|notes and references)\s*:?$/i
// A bibliography-style heading holds the notes only when the text has markers pointing at them.
const referencesHeadingPattern = /^(?:references|works cited|bibliography)\s*:?$/i
const leadingNumberPattern = /^(\d{1,4})[.)]\s+|^(\d{1,3})\s+(?=\p{L})/u

export function isNotesHeading(text: string, hasMarkers: boolean): boolean {
  return notesHeadingPattern.test(text.trim()) || (hasMarkers && referencesHeadingPattern.test(text.trim()))
}

/**
 * Reads the units of a notes section. In a list, every line that does not start a new item (even after
 * a blank line, as when a page break splits a note) belongs to the item before it. A section without
 * list items is read as one note per paragraph, numbered by a leading "N." or its position.
 */
export function readNotesSection(units: readonly Unit[]): NoteEntry[] {
  const entries: NoteEntry[] = []
  const isList = units.some((unit) => unit.type === 'item' || unit.type === 'definition')
  for (const unit of units) {
    // Each entry keeps the mark of the page it begins on (pageMarks.ts), if the text has pages.
    const source = markedUnitSource(unit)
    const position = entries.length + 1
    if (unit.type === 'item') {
      entries.push({ number: unit.number ?? position, source })
    } else if (unit.type === 'definition') {
      entries.push({ number: /^\d+$/.test(unit.label) ? Number(unit.label) : position, source })
    } else if (isList) {
      const last = entries[entries.length - 1]
      if (last) last.source = `${last.source} ${source}`
      else entries.push({ number: position, source })
    } else {
      const plain = unitSource(unit)
      const numbered = leadingNumberPattern.exec(plain)
      const written = numbered?.[1] ?? numbered?.[2]
      const mark = unit.pageIndex === undefined ? '' : pageMark(unit.pageIndex)
      entries.push({
        number: written !== undefined ? Number(written) : position,
        source: numbered ? mark + plain.slice(numbered[0].length) : source
      })
    }
  }
  return entries.filter((entry) => entry.source.trim() !== '')
}

/**
 * Numbers for Markdown footnote labels: `[^7]` is note 7; a named label (`[^smith]`) takes the next
 * number after all the written ones, in the order the definitions appear.
 */
export function numberDefinitions(labels: readonly string[], taken: Iterable<number>): Map<string, number> {
  const numbers = new Map<string, number>()
  let next = 0
  for (const number of taken) next = Math.max(next, number)
  for (const label of labels) if (/^\d+$/.test(label)) next = Math.max(next, Number(label))
  for (const label of labels) {
    if (numbers.has(label)) continue
    numbers.set(label, /^\d+$/.test(label) ? Number(label) : (next += 1))
  }
  return numbers
}
