// From a page's positioned text items to its lines in reading order: items on one baseline make a
// row, raised small type joins the row below it as a superscript, a row is cut where a gap is wider
// than a column gutter, and a page in two columns is read left column first, then right, between
// the lines that span both (a title block, a wide figure).
import type { LinePiece, PdfLine, PdfPage, PdfTextItem } from './types'

/** Fraction of the type size within which two baselines are one row. */
const sameBaseline = 0.2
/** A gap this many times the type size separates two columns (or a running head's parts). */
const gutterGap = 1.5
/** A gap this many times the type size is a space between words. */
const wordGap = 0.18

interface Row {
  y: number
  size: number
  items: (PdfTextItem & { superscript: boolean })[]
}

function baselineRows(items: readonly PdfTextItem[]): Row[] {
  const sorted = items
    .filter((item) => item.text.trim() !== '' && item.size > 0)
    .sort((left, right) => left.y - right.y || left.x - right.x)
  const rows: Row[] = []
  for (const item of sorted) {
    const row = rows[rows.length - 1]
    // The smaller size sets the tolerance: a drop cap's baseline is not its neighbours' line.
    if (row && Math.abs(item.y - row.y) <= sameBaseline * Math.min(row.size, item.size)) {
      row.items.push({ ...item, superscript: false })
      row.size = Math.max(row.size, item.size)
    } else rows.push({ y: item.y, size: item.size, items: [{ ...item, superscript: false }] })
  }
  return rows
}

/**
 * Rows split at the gutter (a row with an item across it stays whole), each side's raised note
 * markers then joined to the row under them on that side.
 */
function splitRows(rows: readonly Row[], gutter: number | null): Row[] {
  if (gutter === null) return mergeSuperscripts([...rows])
  const sides: Row[][] = [[], [], []]
  for (const row of rows) {
    const across = row.items.some((item) => item.x < gutter - 1 && item.x + item.width > gutter + 1)
    if (across) {
      ;(sides[2] as Row[]).push(row)
      continue
    }
    for (const side of [0, 1]) {
      const items = row.items.filter((item) => (side === 0 ? item.x < gutter : item.x >= gutter))
      if (items.length > 0)
        (sides[side] as Row[]).push({ y: row.y, size: Math.max(...items.map((item) => item.size)), items })
    }
  }
  return sides.flatMap(mergeSuperscripts).sort((left, right) => left.y - right.y)
}

/** A row of only small raised items (note markers) belongs to the row right under it. */
function mergeSuperscripts(rows: Row[]): Row[] {
  const merged: Row[] = []
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as Row
    const below = rows[index + 1]
    const raised =
      below !== undefined &&
      row.size < 0.85 * below.size &&
      below.y - row.y > 0 &&
      below.y - row.y <= 0.6 * below.size &&
      row.items.every((item) => item.text.trim().length <= 4)
    if (raised) {
      below.items.push(...row.items.map((item) => ({ ...item, superscript: true })))
      continue
    }
    merged.push(row)
  }
  return merged
}

interface Fragment {
  /** Characters set in each size. */
  weights: Map<number, number>
  pieces: LinePiece[]
  x: number
  right: number
  y: number
  size: number
  bold: boolean
}

/** The size most of the items' characters are set in. */
function usualSize(items: readonly PdfTextItem[]): number {
  const weights = new Map<number, number>()
  let best = items[0]?.size ?? 0
  for (const item of items) {
    const weight = (weights.get(item.size) ?? 0) + item.text.length
    weights.set(item.size, weight)
    if (weight > (weights.get(best) ?? 0)) best = item.size
  }
  return best
}

function fragmentsOf(row: Row, gutter: number | null): Fragment[] {
  const items = [...row.items].sort((left, right) => left.x - right.x)
  const fragments: Fragment[] = []
  const size = usualSize(items)
  // A drop cap (a letter or two in type twice the row's) stands apart from the line beside it.
  const isCap = (item: PdfTextItem): boolean => item.size >= 2 * size && item.text.trim().length <= 2
  let current: Fragment | null = null
  let lastRight = 0
  let afterCap = false
  for (const item of items) {
    const gap = item.x - lastRight
    const crossesGutter = gutter !== null && lastRight <= gutter + 1 && item.x >= gutter - 1
    if (!current || gap > gutterGap * size || crossesGutter || isCap(item) || afterCap) {
      current = { pieces: [], x: item.x, right: item.x, y: row.y, size: 0, bold: true, weights: new Map() }
      fragments.push(current)
    } else if (gap > wordGap * Math.min(row.size, item.size) && !item.superscript) {
      appendText(current, ' ', false)
    }
    appendText(current, item.text, item.superscript)
    current.right = Math.max(current.right, item.x + item.width)
    if (!item.superscript) {
      // The line's size is the size most of its letters are set in.
      const weight = (current.weights.get(item.size) ?? 0) + item.text.length
      current.weights.set(item.size, weight)
      if (weight > (current.weights.get(current.size) ?? 0)) current.size = item.size
      current.bold &&= item.bold
    }
    lastRight = Math.max(lastRight, item.x + item.width)
    afterCap = isCap(item)
  }
  for (const fragment of fragments) if (fragment.size === 0) fragment.size = row.size
  return fragments
}

function appendText(fragment: Fragment, text: string, superscript: boolean): void {
  const last = fragment.pieces[fragment.pieces.length - 1]
  if (last && last.superscript === superscript) last.text += text
  else fragment.pieces.push({ text, superscript })
}

function toLine(page: number, fragment: Fragment, column: number, left: number, right: number): PdfLine {
  const pieces = fragment.pieces
    .map((piece) => ({ ...piece, text: piece.text.replace(/\s+/g, ' ') }))
    .filter((piece) => piece.text !== '')
  return {
    page,
    pieces,
    text: pieces
      .map((piece) => piece.text)
      .join('')
      .trim(),
    x: fragment.x,
    right: fragment.right,
    y: fragment.y,
    size: fragment.size,
    bold: fragment.bold,
    column,
    columnLeft: left,
    columnRight: right
  }
}

/** The most common value (rounded), for a column's left edge. */
function commonEdge(values: readonly number[]): number {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1)
  let best = values[0] ?? 0
  let bestCount = 0
  for (const [value, count] of counts) if (count > bestCount) [best, bestCount] = [value, count]
  return best
}

/**
 * The x of the gutter between two columns, or null for a page in one column: a band near the middle
 * that (nearly) no row's text covers, with text on both sides of it in many rows.
 */
function findGutter(rows: readonly Row[]): number | null {
  const items = rows.flatMap((row) => row.items)
  if (items.length === 0) return null
  const left = Math.floor(Math.min(...items.map((item) => item.x)))
  const right = Math.ceil(Math.max(...items.map((item) => item.x + item.width)))
  const width = right - left
  if (width < 100) return null
  const coverage = new Array<number>(width + 1).fill(0)
  for (const row of rows) {
    const covered = new Set<number>()
    for (const item of row.items)
      for (let x = Math.floor(item.x) - left; x < Math.ceil(item.x + item.width) - left; x += 1)
        covered.add(x)
    for (const x of covered) coverage[x] = (coverage[x] ?? 0) + 1
  }
  const allowed = Math.max(1, Math.floor(0.1 * rows.length))
  let best: { start: number; length: number } | null = null
  let start = -1
  for (let x = Math.floor(0.3 * width); x <= Math.ceil(0.7 * width) + 1; x += 1) {
    const open = x <= Math.ceil(0.7 * width) && (coverage[x] ?? 0) <= allowed
    if (open && start < 0) start = x
    if (!open && start >= 0) {
      if (!best || x - start > best.length) best = { start, length: x - start }
      start = -1
    }
  }
  if (!best || best.length < 3) return null
  const gutter = left + best.start + best.length / 2
  const bothSides = rows.filter(
    (row) =>
      row.items.some((item) => item.x + item.width < gutter && item.x + item.width > gutter - 0.45 * width) &&
      row.items.some((item) => item.x > gutter)
  ).length
  return bothSides >= 5 ? gutter : null
}

/** Where most lines end (a running head further out does not move it). */
function typicalRight(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.floor(0.9 * (sorted.length - 1))] ?? 0
}

/** The lines of one page in reading order. */
export function pageLines(page: PdfPage, pageIndex: number): PdfLine[] {
  const rows = baselineRows(page.items)
  const gutter = findGutter(rows)
  const fragments = splitRows(rows, gutter).flatMap((row) => fragmentsOf(row, gutter))
  if (fragments.length === 0) return []
  const left = Math.min(...fragments.map((fragment) => fragment.x))
  const right = typicalRight(fragments.map((fragment) => fragment.right))
  if (gutter === null) {
    const edge = commonEdge(fragments.map((fragment) => fragment.x))
    return fragments.map((fragment) => toLine(pageIndex, fragment, -1, edge, right))
  }
  const sideOf = (fragment: Fragment): number =>
    fragment.right <= gutter + 1 ? 0 : fragment.x >= gutter - 1 ? 1 : -1
  const edges = [0, 1].map((side) => {
    const inColumn = fragments.filter((fragment) => sideOf(fragment) === side)
    return {
      left: commonEdge(inColumn.map((fragment) => fragment.x)),
      right: typicalRight(inColumn.map((fragment) => fragment.right))
    }
  })
  // Bands between full-width lines; in each, the left column and then the right one.
  const ordered: PdfLine[] = []
  let band: Fragment[] = []
  const flush = (): void => {
    for (const side of [0, 1]) {
      const edge = edges[side] as { left: number; right: number }
      for (const fragment of band.filter((candidate) => sideOf(candidate) === side))
        ordered.push(toLine(pageIndex, fragment, side, edge.left, edge.right))
    }
    band = []
  }
  for (const fragment of fragments) {
    if (sideOf(fragment) === -1) {
      flush()
      ordered.push(toLine(pageIndex, fragment, -1, left, right))
    } else band.push(fragment)
  }
  flush()
  return ordered
}
