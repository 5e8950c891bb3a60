// Annotations as CSV (RFC 4180) for spreadsheets: a UTF-8 BOM so Excel detects the encoding, a header
// row, CRLF after every record, and fields quoted only when they hold a comma, quote or line break.
// The "pages" column holds the printed pages of a PDF's passage ("74", "74–75"), empty otherwise.
import type { Annotation, HighlightColour } from '../types'
import { pageLabelRange } from '../document/pages'
import {
  annotationPageRange,
  colourMeaning,
  groupBySection,
  isoDateTime,
  scholiaLink,
  type ExportDocument
} from './common'

export interface CsvExportInput {
  document: ExportDocument
  annotations: readonly Annotation[]
  colours: readonly HighlightColour[]
}

export const csvColumns = [
  'document',
  'section',
  'quote',
  'note',
  'tags',
  'colour',
  'created',
  'updated',
  'link',
  // Last, so that sheets built on the earlier columns keep working.
  'pages'
] as const

/** Where annotations whose passage is gone are listed (their old section is not known any more). */
export const orphanedSection = 'Passage not found in the current text'

const byteOrderMark = '\uFEFF'

/**
 * Spreadsheet programs run a cell that starts with = + - @ (and, in some, tab or CR) as a formula:
 * a note such as `=HYPERLINK("http://…")` would turn into a live link or worse when the file is
 * opened (CSV injection). Such cells get a leading apostrophe, the convention spreadsheets show as
 * "this is text" — the one change to the person's text this export makes.
 */
export function protectCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** Quotes a field when RFC 4180 requires it, doubling any quote inside. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function record(cells: readonly string[]): string {
  return `${cells.map((cell) => quoteField(protectCell(cell))).join(',')}\r\n`
}

/** One row per annotation, in reading order; orphaned annotations come last. */
export function toCsv(input: CsvExportInput): string {
  const { document, colours } = input
  const { sections, orphaned } = groupBySection(document.blocks, input.annotations)
  const rows = [
    ...sections.flatMap((section) =>
      section.annotations.map((annotation) => ({ section: section.heading ?? '', annotation }))
    ),
    ...orphaned.map((annotation) => ({ section: orphanedSection, annotation }))
  ]
  let text = byteOrderMark + record(csvColumns)
  for (const { section, annotation } of rows) {
    text += record([
      document.metadata.title,
      section,
      annotation.target.quote.exact,
      annotation.note,
      annotation.tags.join('; '),
      colourMeaning(colours, annotation.colour) ?? '',
      isoDateTime(annotation.createdAt),
      isoDateTime(annotation.updatedAt),
      scholiaLink(document.id, annotation.target.position.start),
      pageLabelRange(annotationPageRange(document.blocks, annotation)) ?? ''
    ])
  }
  return text
}
