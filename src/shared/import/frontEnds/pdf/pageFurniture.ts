// Running heads, running feet and page numbers: lines near the top or bottom edge of a page that
// repeat, at the same height, on many pages (their digits aside), or that are only a page number.
import type { PdfLine, PdfPage } from './types'

/** How far from the top or bottom edge (as a share of the page height) furniture may stand. */
const edgeZone = 0.13
/** Baselines this close (points) are "the same place" on two pages. */
const samePlace = 4

const pageNumberPattern =
  /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i

function furnitureKey(line: PdfLine): string {
  return line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}

function inEdgeZone(line: PdfLine, page: PdfPage): boolean {
  return line.y < edgeZone * page.height || line.y > (1 - edgeZone) * page.height
}

/** The pages' lines without their running heads, feet and page numbers. */
export function removePageFurniture(pages: readonly PdfPage[], lines: readonly PdfLine[][]): PdfLine[][] {
  // Where each key stands, page by page: a key repeated at one height on enough pages is furniture.
  const places = new Map<string, Map<number, Set<number>>>()
  lines.forEach((pageLines, pageIndex) => {
    const page = pages[pageIndex]
    if (!page) return
    for (const line of pageLines) {
      if (!inEdgeZone(line, page)) continue
      const key = furnitureKey(line)
      const byHeight = places.get(key) ?? new Map<number, Set<number>>()
      const height = Math.round(line.y / samePlace)
      for (const near of [height - 1, height, height + 1]) {
        const pagesThere = byHeight.get(near) ?? new Set<number>()
        pagesThere.add(pageIndex)
        byHeight.set(near, pagesThere)
      }
      places.set(key, byHeight)
    }
  })
  const needed = Math.max(2, Math.ceil(0.4 * pages.length))
  const repeated = (line: PdfLine): boolean => {
    const pagesThere = places.get(furnitureKey(line))?.get(Math.round(line.y / samePlace))
    // Words repeat as running heads; a bare number or "45." repeats by chance (a note's last line).
    return pagesThere !== undefined && pagesThere.size >= needed && /\p{L}/u.test(line.text)
  }
  return lines.map((pageLines, pageIndex) => {
    const page = pages[pageIndex]
    if (!page) return [...pageLines]
    return pageLines.filter(
      (line) => !(inEdgeZone(line, page) && (repeated(line) || pageNumberPattern.test(line.text.trim())))
    )
  })
}

/**
 * The page number printed on each page (the number in a page-number line at its top or bottom edge:
 * "74", "- 74 -", "Page 74 of 90", "xii"), or null where none is.
 */
export function printedPageNumbers(
  pages: readonly PdfPage[],
  lines: readonly PdfLine[][]
): (string | null)[] {
  return pages.map((page, pageIndex) => {
    for (const line of lines[pageIndex] ?? []) {
      const text = line.text.trim()
      if (!inEdgeZone(line, page) || !pageNumberPattern.test(text)) continue
      const number = /\d{1,4}|[ivxlc]{1,7}/i.exec(text.replace(/^(?:[-–—]\s*)?page\s+/i, ''))
      if (number) return number[0]
    }
    return null
  })
}
