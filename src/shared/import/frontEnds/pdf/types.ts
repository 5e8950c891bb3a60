// What the PDF front end reads: each page's text items with their place and type, as PDF.js gives
// them (src/main/services/importing/pdf/readPdf.ts turns PDF.js's text content into these).
// Coordinates are in PDF points with y measured down from the top of the page.

export interface PdfTextItem {
  text: string
  /** Left edge of the item. */
  x: number
  /** Baseline, from the top of the page. */
  y: number
  width: number
  /** Type size in points. */
  size: number
  bold: boolean
}

export interface PdfPage {
  width: number
  height: number
  items: PdfTextItem[]
  /** The page's label from the PDF's own page labels (/PageLabels: "iii", "74"), when it has them. */
  label?: string | null
}

/** A run of a line's text: raised small type (a note marker) or ordinary text. */
export interface LinePiece {
  text: string
  superscript: boolean
}

/** One line of one column, in reading order. */
export interface PdfLine {
  page: number
  pieces: LinePiece[]
  /** The pieces' text joined (superscripts included). */
  text: string
  x: number
  right: number
  y: number
  size: number
  bold: boolean
  /** -1: the page has one column, or the line spans both; 0 and 1: left and right column. */
  column: number
  /** Left and right edges of the column the line is in (for indents and short last lines). */
  columnLeft: number
  columnRight: number
}
