// The document's citation as BibTeX and RIS, for reference managers (Zotero, JabRef, EndNote).
// BibTeX values are user text inside braces: its special characters are escaped so a title with
// `%`, `&`, `_` or an unbalanced `}` cannot end the field early or comment out the rest. Non-ASCII
// is kept as UTF-8, which biber and modern BibTeX read.
import type { DocumentMetadata } from '../types'

const bibtexEscapes: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}'
}

/** Escapes BibTeX's special characters; line breaks and tabs become spaces. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\{}%&$#_~^]/g, (character) => bibtexEscapes[character] ?? '')
}

/** An ASCII key such as `kim2018sino`: first author's family name, year, first long title word. */
export function citationKey(metadata: DocumentMetadata): string {
  const ascii = (text: string): string =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
  const firstAuthor = metadata.authors[0] ?? ''
  const family = firstAuthor.includes(',')
    ? firstAuthor.split(',')[0]
    : firstAuthor.trim().split(/\s+/).at(-1)
  const word = metadata.title.split(/\s+/).find((candidate) => ascii(candidate).length > 3) ?? ''
  const key = `${ascii(family ?? '')}${metadata.citation?.year ?? ''}${ascii(word)}`
  return key === '' ? 'scholia' : key
}

/** Page ranges with an en dash (or hyphen) become BibTeX's `--`. */
function bibtexPages(pages: string): string {
  return pages.replace(/\s*[\u2013\u2014-]+\s*/g, '--')
}

/** A name list for BibTeX: a literal word "and" inside one name is braced so it does not split it. */
function bibtexAuthors(authors: readonly string[]): string {
  return authors.map((name) => escapeBibtex(name).replace(/\band\b/gi, (word) => `{${word}}`)).join(' and ')
}

export function toBibtex(metadata: DocumentMetadata): string {
  const { citation } = metadata
  const fields: [string, string][] = []
  if (metadata.authors.length > 0) fields.push(['author', bibtexAuthors(metadata.authors)])
  // Double braces keep the title's capitals as written.
  fields.push(['title', `{${escapeBibtex(metadata.title)}}`])
  if (citation?.journal) fields.push(['journal', escapeBibtex(citation.journal)])
  if (citation?.year != null) fields.push(['year', String(citation.year)])
  if (citation?.volume) fields.push(['volume', escapeBibtex(citation.volume)])
  if (citation?.issue) fields.push(['number', escapeBibtex(citation.issue)])
  if (citation?.pages) fields.push(['pages', escapeBibtex(bibtexPages(citation.pages))])
  if (metadata.keywords.length > 0) fields.push(['keywords', escapeBibtex(metadata.keywords.join(', '))])
  if (citation && !citation.journal && citation.text)
    fields.push(['howpublished', escapeBibtex(citation.text)])
  const type = citation?.journal ? 'article' : 'misc'
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')
  return `@${type}{${citationKey(metadata)},\n${body}\n}\n`
}

/** RIS has no escaping: a value is the rest of its line, so line breaks inside one become spaces. */
function risValue(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()
}

/** Authors as RIS wants them ("Family, Given") when written "Given Family" without a comma. */
function risAuthor(name: string): string {
  const clean = risValue(name)
  if (clean.includes(',')) return clean
  const parts = clean.split(/\s+/)
  return parts.length < 2 ? clean : `${parts.at(-1)}, ${parts.slice(0, -1).join(' ')}`
}

export function toRis(metadata: DocumentMetadata): string {
  const { citation } = metadata
  const lines: string[] = [`TY  - ${citation?.journal ? 'JOUR' : 'GEN'}`]
  const add = (tag: string, value: string | null | undefined): void => {
    if (value != null && risValue(value) !== '') lines.push(`${tag}  - ${risValue(value)}`)
  }
  for (const author of metadata.authors) add('AU', risAuthor(author))
  add('TI', metadata.title)
  add('T2', citation?.journal)
  add('PY', citation?.year != null ? String(citation.year) : null)
  add('VL', citation?.volume)
  add('IS', citation?.issue)
  if (citation?.pages) {
    const [start, end] = citation.pages.split(/\s*[\u2013\u2014-]+\s*/)
    add('SP', start)
    add('EP', end)
  }
  for (const keyword of metadata.keywords) add('KW', keyword)
  if (citation && !citation.journal) add('N1', citation.text)
  lines.push('ER  - ')
  return `${lines.join('\r\n')}\r\n`
}
