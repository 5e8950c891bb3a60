// Writes small, valid PDFs from positioned lines (Helvetica and Helvetica-Bold, WinAnsi text), for
// tests that need a PDF of a given shape — 2,001 pages, a text laid out on 400 pages for the bench —
// without a typesetter. The PDFs made by real typesetters are in tests/fixtures/pdf.

export interface SimpleLine {
  text: string
  x: number
  /** Baseline from the bottom of the page, as PDF counts. */
  y: number
  size: number
  bold?: boolean
}

const pageWidth = 595
const pageHeight = 842

function pdfString(text: string): string {
  // WinAnsi covers Latin-1; anything else becomes "?".
  const latin1 = [...text].map((character) => (character.charCodeAt(0) < 256 ? character : '?')).join('')
  return `(${latin1.replace(/[\\()]/g, '\\$&')})`
}

export function writeSimplePdf(pages: readonly SimpleLine[][]): Uint8Array {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const catalog = add('')
  const pagesObject = add('')
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
  const kids: number[] = []
  for (const lines of pages) {
    const stream = lines
      .map(
        (line) =>
          `BT /${line.bold ? 'F2' : 'F1'} ${line.size} Tf ${line.x.toFixed(2)} ${line.y.toFixed(2)} Td ${pdfString(line.text)} Tj ET`
      )
      .join('\n')
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`)
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] ` +
          `/Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`
      )
    )
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`
  objects[pagesObject - 1] =
    `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

export interface BookSection {
  heading: string
  paragraphs: string[]
}

/**
 * A book laid out on A4 pages: a title page line, numbered bold headings, paragraphs wrapped at
 * about 90 characters with a first-line indent, a running head and a page number on every page, and
 * a footnote on every third page. Used by the bench (30 and 400 pages), which imports the same text
 * as Markdown (`markdown`) for its baseline.
 */
export function writeBookPdf(
  title: string,
  sections: readonly BookSection[],
  pagesWanted: number
): { bytes: Uint8Array; markdown: string } {
  const markdown = [`# ${title}`]
  const pages: SimpleLine[][] = []
  let page: SimpleLine[] = []
  let y = 0
  let note = 0
  const top = 770
  const bottom = 90
  const newPage = (): void => {
    if (page.length > 0) {
      const number = pages.length + 1
      page.push({ text: title, x: 72, y: 805, size: 8 })
      page.push({ text: String(number), x: 292, y: 40, size: 9 })
      if (number % 3 === 0) {
        note += 1
        page.push({ text: `${note}`, x: 72, y: 62, size: 6 })
        page.push({
          text: `A note at the foot of page ${number}, citing source ${note}.`,
          x: 76,
          y: 58,
          size: 8
        })
      }
      pages.push(page)
    }
    page = []
    y = top
  }
  newPage()
  page.push({ text: title, x: 72, y: top, size: 18, bold: true })
  y -= 40
  let sectionIndex = 0
  while (pages.length < pagesWanted) {
    const section = sections[sectionIndex % sections.length] as BookSection
    sectionIndex += 1
    if (y < bottom + 60) newPage()
    page.push({ text: `${sectionIndex}. ${section.heading}`, x: 72, y, size: 12, bold: true })
    markdown.push(`## ${sectionIndex}. ${section.heading}`)
    y -= 22
    for (const paragraph of section.paragraphs) {
      markdown.push(paragraph)
      const words = paragraph.split(/\s+/)
      let line = ''
      let first = true
      const flush = (): void => {
        if (y < bottom) newPage()
        page.push({ text: line, x: first ? 90 : 72, y, size: 10 })
        y -= 12
        first = false
        line = ''
      }
      for (const word of words) {
        if (line !== '' && line.length + word.length + 1 > (first ? 86 : 90)) flush()
        line = line === '' ? word : `${line} ${word}`
      }
      if (line !== '') flush()
      y -= 4
      if (pages.length >= pagesWanted) break
    }
  }
  return { bytes: writeSimplePdf(pages.slice(0, pagesWanted)), markdown: `${markdown.join('\n\n')}\n` }
}
