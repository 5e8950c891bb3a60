// "Show page": which PDF page a passage is on, and where on that page. Pure code over PDF.js's
// text items (their strings and transforms), so that it is tested in Node on real PDFs.
//
// A passage of the reader's text and the same words in the PDF's text layer differ in everything
// but their letters and digits: lines broken and joined, words split by a hyphen joined again,
// ligatures undone, spaces and quotes normalised. So both are folded to lower-case letters and
// digits (NFKC first: "ﬁ" is "fi"), the passage is found in the page's fold, and each folded
// character leads back to its item and its place in it.
import type { Block } from '../types'

/** One text item of a page as PDF.js gives it (getTextContent): its string and its place. */
export interface PageTextItem {
  str: string
  /** [a, b, c, d, e, f]: (e, f) is the start of the baseline in PDF user space. */
  transform: number[]
  /** Width along the baseline, in user space. */
  width: number
  height: number
}

/** A rectangle in PDF user space (y upwards), as [x1, y1, x2, y2]. */
export type PdfRectangle = [number, number, number, number]

export interface PassageOnPage {
  /** 'whole': every word of it is on the page; 'start' / 'end': it runs on to the next page or began on the previous one. */
  found: 'whole' | 'start' | 'end'
  rectangles: PdfRectangle[]
}

/** The page a block's offset is on, from the block's pages (null when the document has none). */
export function pageOfOffset(blocks: readonly Block[], offset: number): number | null {
  let block: Block | undefined
  for (const candidate of blocks) {
    if (candidate.start > offset) break
    block = candidate
  }
  const pages = block?.pages
  if (!block || !pages || pages.length === 0) return null
  let page = pages[0]?.physical ?? null
  for (const entry of pages) if (block.start + entry.offset <= offset) page = entry.physical
  return page
}

/** The printed label of each physical page the blocks know of ("iv", "74"). */
export function pageLabels(blocks: readonly Block[]): Map<number, string> {
  const labels = new Map<number, string>()
  for (const block of blocks) for (const page of block.pages ?? []) labels.set(page.physical, page.label)
  return labels
}

interface Folded {
  text: string
  /** For each character of `text`: its item and its index in the item's string. */
  item: number[]
  index: number[]
}

const keep = /[\p{L}\p{N}]/u

function foldItems(items: readonly PageTextItem[]): Folded {
  const folded: Folded = { text: '', item: [], index: [] }
  const parts: string[] = []
  items.forEach((item, itemIndex) => {
    let index = 0
    for (const character of item.str) {
      for (const piece of character.normalize('NFKC').toLowerCase()) {
        if (!keep.test(piece)) continue
        parts.push(piece)
        // One entry per UTF-16 unit, so that positions in the folded text index these lists.
        for (let unit = 0; unit < piece.length; unit += 1) {
          folded.item.push(itemIndex)
          folded.index.push(index)
        }
      }
      index += character.length
    }
  })
  folded.text = parts.join('')
  return folded
}

export function foldText(text: string): string {
  let folded = ''
  for (const piece of text.normalize('NFKC').toLowerCase()) if (keep.test(piece)) folded += piece
  return folded
}

/**
 * How many folded characters of a passage's start (or end) find it on a page it runs off: long
 * enough to be found once, short enough to be wholly on the page (a page break can come a few
 * words in, and footnotes can stand between the page's last words and the next page).
 */
const probeLengths = [40, 24, 16]

/** The span of `passage` in `page`: whole, or its start (end) running to the page's end (start). */
function locate(
  page: string,
  passage: string
): { from: number; to: number; found: PassageOnPage['found'] } | null {
  const whole = page.indexOf(passage)
  if (whole >= 0) return { from: whole, to: whole + passage.length, found: 'whole' }
  for (const probe of probeLengths.filter((length) => length < passage.length)) {
    const head = page.indexOf(passage.slice(0, probe))
    if (head >= 0) {
      let to = head + probe
      while (to < page.length && page[to] === passage[to - head]) to += 1
      return { from: head, to, found: 'start' }
    }
    const tail = page.lastIndexOf(passage.slice(-probe))
    if (tail >= 0) {
      let from = tail
      let back = passage.length - probe
      while (from > 0 && back > 0 && page[from - 1] === passage[back - 1]) {
        from -= 1
        back -= 1
      }
      return { from, to: tail + probe, found: 'end' }
    }
  }
  return null
}

/**
 * How wide a run of text is, in any unit: where a character falls along an item is its share of the
 * item's width. By default every character counts the same; the renderer measures with a font.
 */
export type MeasureText = (text: string) => number

const countCharacters: MeasureText = (text) => text.length

/** The rectangle of characters [from, to) of an item, from its baseline, width and height. */
function itemRectangle(item: PageTextItem, from: number, to: number, measure: MeasureText): PdfRectangle {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform
  const height = item.height || Math.hypot(c, d)
  const whole = measure(item.str)
  const share = (index: number): number =>
    whole > 0 ? (item.width * measure(item.str.slice(0, index))) / whole : 0
  const angle = Math.atan2(b, a)
  const start = share(from)
  const end = share(to)
  // Horizontal text is all a scholarly PDF has in practice; a rotated item gets the box of its run.
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const x1 = e + start * cos
  const y1 = f + start * sin
  const x2 = e + end * cos
  const y2 = f + end * sin
  // From a little below the baseline (descenders) to the top of the capitals.
  return [
    Math.min(x1, x2),
    Math.min(y1, y2) - height * 0.25,
    Math.max(x1, x2),
    Math.max(y1, y2) + height * 0.85
  ]
}

/** Rectangles on one line that touch or nearly touch become one. */
function mergeLines(rectangles: PdfRectangle[]): PdfRectangle[] {
  const merged: PdfRectangle[] = []
  for (const rectangle of rectangles) {
    const last = merged[merged.length - 1]
    const height = rectangle[3] - rectangle[1]
    if (
      last &&
      Math.abs(last[1] - rectangle[1]) < height * 0.5 &&
      Math.abs(last[3] - rectangle[3]) < height * 0.5 &&
      rectangle[0] - last[2] < height * 1.5 &&
      rectangle[0] >= last[0] - 1
    ) {
      last[1] = Math.min(last[1], rectangle[1])
      last[2] = Math.max(last[2], rectangle[2])
      last[3] = Math.max(last[3], rectangle[3])
    } else merged.push([...rectangle])
  }
  return merged
}

/** Where `passage` is on a page of text items; null when its words are not on the page. */
export function findPassageOnPage(
  items: readonly PageTextItem[],
  passage: string,
  measure: MeasureText = countCharacters
): PassageOnPage | null {
  const wanted = foldText(passage)
  if (wanted === '') return null
  const folded = foldItems(items)
  const span = locate(folded.text, wanted)
  if (!span) return null
  const rectangles: PdfRectangle[] = []
  let position = span.from
  while (position < span.to) {
    const itemIndex = folded.item[position] ?? 0
    const first = folded.index[position] ?? 0
    let last = first
    while (position < span.to && folded.item[position] === itemIndex) {
      last = folded.index[position] ?? last
      position += 1
    }
    const item = items[itemIndex]
    if (item) rectangles.push(itemRectangle(item, first, last + 1, measure))
  }
  return { found: span.found, rectangles: mergeLines(rectangles) }
}

/**
 * The order to look for a passage in when its page is not known for sure: the page the document's
 * pages give first, then the pages around it, nearest first; every page of the PDF in the end.
 */
export function pagesToSearch(hint: number | null, pageCount: number): number[] {
  const start = Math.min(Math.max(hint ?? 1, 1), pageCount)
  const order = [start]
  for (let distance = 1; order.length < pageCount; distance += 1) {
    if (start + distance <= pageCount) order.push(start + distance)
    if (start - distance >= 1) order.push(start - distance)
  }
  return order
}
