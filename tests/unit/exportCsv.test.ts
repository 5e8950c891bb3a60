// CSV export: parsed back with csv-parse (a real RFC 4180 parser) it gives the same cells, with the
// formula-injection guard as the only change; and the byte-level format follows RFC 4180.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvColumns, orphanedSection, protectCell, toCsv } from '../../src/shared/export/csv'
import { annotations, blocks, colours, documentId, hostile, metadata } from '../fixtures/export/sample'

const document = { id: documentId, metadata, blocks }
const csv = toCsv({ document, annotations, colours })

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_quotes: false, record_delimiter: '\r\n' })
}

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and the header row, and ends every record with CRLF', () => {
    expect(csv.startsWith(`\uFEFF${csvColumns.join(',')}\r\n`)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    // Outside quoted fields, no line ends with a bare LF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '')
    expect(unquoted).not.toMatch(/[^\r]\n/)
  })

  it('round-trips every cell through a real CSV parser', () => {
    const [header, ...rows] = parseCsv(csv)
    expect(header).toEqual([...csvColumns])
    expect(rows).toHaveLength(annotations.length)
    for (const annotation of annotations) {
      const candidates = rows.filter(
        (row) =>
          row[2] === protectCell(annotation.target.quote.exact) && row[3] === protectCell(annotation.note)
      )
      expect(candidates, annotation.target.quote.exact).toHaveLength(1)
      const row = candidates[0]!
      expect(row[0]).toBe(metadata.title)
      expect(row[4]).toBe(protectCell(annotation.tags.join('; ')))
      expect(row[5]).toBe(
        protectCell(colours.find((colour) => colour.id === annotation.colour)?.meaning ?? '')
      )
      expect(row[6]).toBe(new Date(annotation.createdAt).toISOString())
      expect(row[7]).toBe(new Date(annotation.updatedAt).toISOString())
      expect(row[8]).toBe(`scholia://open?doc=${documentId}&at=${annotation.target.position.start}`)
    }
  })

  it('keeps quotes, commas, tabs, line breaks, emoji and bidi characters intact inside cells', () => {
    const rows = parseCsv(csv)
    const cells = rows.flat()
    expect(cells).toContain(`${hostile.whitespace}\t${hostile.rtl}`)
    expect(cells.some((cell) => cell.includes(hostile.emoji))).toBe(true)
    expect(cells).toContain(metadata.title) // quotes, HTML, braces, backslash, Hangul
    expect(csv).toContain('"Date, ""when"" & <time>"')
  })

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const cells = parseCsv(csv).flat()
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/)
    expect(cells).toContain(`'${hostile.formula}\n\n${hostile.sql}`)
    expect(cells).toContain("'=Actor")
    expect(cells).toContain("'-starts with minus")
    expect(cells).toContain("'=cmd|calc")
  })

  it('puts rows in reading order under their sections, orphaned annotations last', () => {
    const rows = parseCsv(csv).slice(1)
    const sections = rows.map((row) => row[1])
    expect(sections[0]).toBe('') // the abstract comes before the first heading
    expect(sections).toContain('The Birth of <script>alert(1)</script> Bilateralism')
    expect(sections.at(-1)).toBe(orphanedSection)
    const starts = rows.slice(0, -1).map((row) => Number(/at=(\d+)/.exec(row[8] ?? '')?.[1]))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('writes only the header for a document without annotations', () => {
    expect(parseCsv(toCsv({ document, annotations: [], colours }))).toEqual([[...csvColumns]])
  })
})
