// YAML front matter (a `---` block at the very top of a Markdown file): only the few flat fields an
// article's or a book's metadata needs (title, author(s), affiliation, keywords, language, year or
// date, publisher) are read, as plain scalars or
// simple lists. A full YAML parser is deliberately not used: aliases and tags would let a crafted file
// expand enormously, and nothing else in a front matter block matters to the importer.

export interface FrontMatterFields {
  title: string | null
  authors: string[]
  affiliation: string | null
  keywords: string[]
  /** A BCP 47 language tag (`en`, `ko`, `pt-BR`). */
  language: string | null
  year: number | null
  publisher: string | null
}

export interface FrontMatterSplit {
  /** Null when the text does not start with a closed front matter block. */
  fields: FrontMatterFields | null
  /** The text after the block (the whole text when there is none). */
  body: string
}

const keyPattern = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/
const listItemPattern = /^[ \t]*-[ \t]+(.*)$/

function unquote(value: string): string {
  const trimmed = value.trim()
  if (trimmed.length >= 2) {
    const first = trimmed[0]
    if ((first === '"' || first === "'") && trimmed.endsWith(first)) return trimmed.slice(1, -1).trim()
  }
  return trimmed
}

/** A scalar, an inline list `[a, b]`, or a list given on the following `- item` lines. */
function readValue(inline: string, following: string[]): string[] {
  const trimmed = inline.trim()
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    return trimmed
      .slice(1, -1)
      .split(',')
      .map(unquote)
      .filter((item) => item !== '')
  }
  if (trimmed !== '') return [unquote(trimmed)]
  return following.map(unquote).filter((item) => item !== '')
}

function splitNames(values: string[]): string[] {
  return values.flatMap((value) => (values.length === 1 ? value.split(/\s*;\s*|\s+and\s+|\s*&\s*/) : [value]))
}

function readFields(lines: string[]): FrontMatterFields {
  const fields: FrontMatterFields = {
    title: null,
    authors: [],
    affiliation: null,
    keywords: [],
    language: null,
    year: null,
    publisher: null
  }
  for (let index = 0; index < lines.length; index += 1) {
    const match = keyPattern.exec(lines[index] ?? '')
    if (!match?.[1]) continue
    const following: string[] = []
    while (index + 1 < lines.length) {
      const item = listItemPattern.exec(lines[index + 1] ?? '')
      if (!item) break
      following.push(item[1] ?? '')
      index += 1
    }
    const values = readValue(match[2] ?? '', following)
    const key = match[1].toLowerCase()
    if (key === 'title' && values[0]) fields.title = values[0]
    else if (key === 'author' || key === 'authors') fields.authors = splitNames(values).filter(Boolean)
    else if ((key === 'affiliation' || key === 'institution') && values[0]) fields.affiliation = values[0]
    else if (key === 'language' && values[0] && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(values[0]))
      fields.language = values[0]
    else if ((key === 'year' || key === 'date') && values[0] && /^\d{4}\b/.test(values[0]))
      fields.year = Number(values[0].slice(0, 4))
    else if (key === 'publisher' && values[0]) fields.publisher = values[0]
    else if (key === 'keywords' || key === 'tags') {
      fields.keywords = (values.length === 1 ? (values[0] ?? '').split(',') : values)
        .map((keyword) => keyword.trim())
        .filter(Boolean)
    }
  }
  return fields
}

/** Separates a leading `---` … `---` (or `...`) block from the text; an unclosed block is not one. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  if (!/^---[ \t]*\n/.test(text)) return { fields: null, body: text }
  const lines = text.split('\n')
  for (let index = 1; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trimEnd()
    if (line === '---' || line === '...') {
      return { fields: readFields(lines.slice(1, index)), body: lines.slice(index + 1).join('\n') }
    }
  }
  return { fields: null, body: text }
}
