// "Copy quote": the passage with a citation a reader can paste into their own writing
// (author, title, journal, volume, issue, year, pages — whatever the document's metadata knows),
// and the printed page the passage is on when the document has pages (a PDF).
import type { DocumentMetadata } from '../types'

export function citationText(metadata: DocumentMetadata): string {
  const authors = metadata.authors.join(', ')
  const citation = metadata.citation
  const parts: string[] = []
  if (authors) parts.push(authors)
  parts.push(`"${metadata.title}"`)
  if (citation?.journal) {
    let source = citation.journal
    if (citation.volume) source += ` ${citation.volume}`
    if (citation.issue) source += `, no. ${citation.issue}`
    if (citation.year !== null) source += ` (${citation.year})`
    if (citation.pages) source += `: ${citation.pages}`
    parts.push(source)
  } else if (citation?.text) {
    parts.push(citation.text.replace(/\.$/, ''))
  } else if (citation?.year) {
    parts.push(String(citation.year))
  }
  return `${parts.join(', ')}.`
}

/** The quote and its citation; `pages` ("p. 74", "pp. 74–75", from pages.ts) ends it when known. */
export function formatQuoteWithCitation(
  quote: string,
  metadata: DocumentMetadata,
  pages: string | null = null
): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  const citation = citationText(metadata).replace(/\.$/, '')
  return `“${flat}” (${pages === null ? citation : `${citation}, ${pages}`})`
}
