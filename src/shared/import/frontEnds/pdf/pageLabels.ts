// The printed label of each page of a PDF: the PDF's own page labels (/PageLabels, which a book's
// roman-numbered front matter sets) where it has them; else the numbers printed on the pages, filled
// in for the pages that print none (a chapter's first page) when the printed numbers agree on how
// they run against the physical pages (roman numbers before that run); else the physical page number.

function isArabic(label: string): boolean {
  return /^\d{1,4}$/.test(label)
}

/** How far the printed arabic numbers run ahead of the physical pages, when enough pages agree. */
function printedOffset(printed: readonly (string | null)[]): number | null {
  const counts = new Map<number, number>()
  let numbered = 0
  printed.forEach((label, index) => {
    if (label === null || !isArabic(label)) return
    numbered += 1
    const offset = Number(label) - (index + 1)
    counts.set(offset, (counts.get(offset) ?? 0) + 1)
  })
  let best: number | null = null
  let bestCount = 0
  for (const [offset, count] of counts) if (count > bestCount) [best, bestCount] = [offset, count]
  // One page's number could be anything (a year in a foot line); two, or most of them, agreeing is a numbering.
  const agreed = bestCount >= 2 || (numbered === 1 && printed.length <= 2)
  return agreed && bestCount * 2 > numbered ? best : null
}

export function pageLabelsOf(
  pdfLabels: readonly (string | null | undefined)[],
  printed: readonly (string | null)[]
): string[] {
  const offset = printedOffset(printed)
  return printed.map((number, index) => {
    const own = pdfLabels[index]?.trim()
    if (own) return own
    const physical = index + 1
    const counted = offset !== null && physical + offset >= 1 ? String(physical + offset) : null
    // Roman numbers (front matter) stand before the arabic run, never inside it.
    if (number !== null && !isArabic(number) && counted === null) return number.toLowerCase()
    // A number that fits no run (a year at the foot of a page) is no page number.
    return counted ?? String(physical)
  })
}
