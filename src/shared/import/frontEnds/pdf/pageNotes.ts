// Footnotes: small type at the foot of a page (of each column, in two columns), each note starting
// with its marker — a raised number or symbol, or a number at the start of the line that continues
// the count. They are taken out of the text flow and returned as notes with their lines.
import type { PdfLine } from './types'

export interface PageNote {
  /** The number, or the symbol (*, †, ‡…) as printed. */
  marker: string
  page: number
  lines: PdfLine[]
}

/** Type at most this share of the body size is "small". */
const smallType = 0.92
const symbolPattern = /^[*†‡§¶‖#]+$/
const leadingNumberPattern = /^(\d{1,4})[.)]?\s+(?=\S)/

/** The marker a line starts a note with, or null. `expected` is the number the count is at. */
function noteStart(line: PdfLine, expected: number): { marker: string; rest: PdfLine } | null {
  const first = line.pieces[0]
  if (!first) return null
  const raised = first.superscript ? first.text.trim() : ''
  if (raised !== '' && (/^\d{1,4}$/.test(raised) || symbolPattern.test(raised))) {
    return { marker: raised, rest: { ...line, pieces: line.pieces.slice(1) } }
  }
  const symbol = /^([*†‡§¶‖]+)\s*/.exec(line.text)
  if (symbol?.[1]) return { marker: symbol[1], rest: withoutPrefix(line, symbol[0].length) }
  const numbered = leadingNumberPattern.exec(line.text)
  if (numbered?.[1] && Number(numbered[1]) >= expected && Number(numbered[1]) <= expected + 3) {
    return { marker: numbered[1], rest: withoutPrefix(line, numbered[0].length) }
  }
  return null
}

function withoutPrefix(line: PdfLine, length: number): PdfLine {
  const pieces = [...line.pieces]
  let left = length
  while (left > 0 && pieces[0]) {
    const piece = pieces[0]
    const start = piece.text.length - piece.text.trimStart().length
    const take = Math.min(piece.text.length, start + left)
    left -= take - start
    if (take >= piece.text.length) pieces.shift()
    else pieces[0] = { ...piece, text: piece.text.slice(take) }
  }
  return { ...line, pieces, text: line.text.slice(length) }
}

/**
 * Splits each page's lines into the text flow and the notes at the foot of its columns.
 * `bodySize` is the body text's type size.
 */
export function takePageNotes(
  pages: readonly PdfLine[][],
  bodySize: number
): { flow: PdfLine[][]; notes: PageNote[] } {
  const notes: PageNote[] = []
  let expected = 1
  const flow = pages.map((lines, page) => {
    const kept = [...lines]
    const columns = [...new Set(lines.map((line) => line.column))]
    const taken = new Set<PdfLine>()
    for (const column of columns) {
      const inColumn = lines.filter((line) => line.column === column)
      // The run of small lines at the foot of the column.
      let start = inColumn.length
      while (start > 0 && (inColumn[start - 1] as PdfLine).size <= smallType * bodySize) start -= 1
      const foot = inColumn.slice(start)
      // Notes begin at the first line of that run that starts one.
      const first = foot.findIndex((line) => noteStart(line, expected) !== null)
      if (first < 0) continue
      const columnNotes: PageNote[] = []
      for (const line of foot.slice(first)) {
        const started = noteStart(line, expected)
        if (started) {
          columnNotes.push({ marker: started.marker, page, lines: [started.rest] })
          if (/^\d+$/.test(started.marker)) expected = Number(started.marker) + 1
        } else columnNotes[columnNotes.length - 1]?.lines.push(line)
        taken.add(line)
      }
      notes.push(...columnNotes)
    }
    return kept.filter((line) => !taken.has(line))
  })
  return { flow, notes }
}
