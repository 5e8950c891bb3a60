// "Copy quote": the passage with a citation a reader can paste into their own writing
// (author, title, journal, volume, issue, year, pages — whatever the document's metadata knows).
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

export function formatQuoteWithCitation(quote: string, metadata: DocumentMetadata): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  return `“${flat}” (${citationText(metadata).replace(/\.$/, '')})`
}
