// What search takes and gives across the API: plain data, no engine internals.

/** What a result is: a paragraph of a document, a footnote, a reader's note, or a flashcard. */
export const searchKinds = ['text', 'footnote', 'note', 'card'] as const
export type SearchKind = (typeof searchKinds)[number]
export const searchKindLabels: Record<SearchKind, string> = {
  text: 'Text',
  footnote: 'Footnotes',
  note: 'Notes',
  card: 'Cards'
}

/** Fields a query can name (`tags:cold`); a plain word looks in all of them. */
export const searchFields = ['text', 'tags', 'colour'] as const
export type SearchField = (typeof searchFields)[number]

/** One line a person can read under the search box: the operators that work. */
export const searchHelpLine =
  'All words must appear. Operators: word* (starts with), -word (leave out), word~1 (one letter off), ' +
  'word^5 (weigh more), tags:word / text:word / colour:word (one field). Other symbols count as spaces.'

export interface SearchFilters {
  documentId?: string
  colour?: string
  tag?: string
  kinds?: SearchKind[]
}

export interface SearchRequest {
  query: string
  filters?: SearchFilters
  /** Most results returned per group (each group's count is always complete). */
  limit?: number
}

export interface Snippet {
  text: string
  /** [start, end) ranges of `text` to mark as matches. */
  ranges: Array<[number, number]>
  /** True when the snippet starts (or ends) inside the row's text: show an ellipsis. */
  cutStart: boolean
  cutEnd: boolean
}

export interface SearchHit {
  /** Unique among results: the source's row id, prefixed by the document for text rows. */
  key: string
  kind: SearchKind
  documentId: string
  documentTitle: string
  blockId: string | null
  /** Offset in the document's full text to open the reader at. */
  at: number
  section: string
  snippet: Snippet
  colour: string | null
  tags: string[]
  score: number
  /** The other spelling of a known actor this passage was found by ("Kim II Sung"), or null. */
  matchedAs: string | null
}

export interface SearchGroup {
  kind: SearchKind
  label: string
  count: number
  hits: SearchHit[]
}

export interface SearchStatus {
  /** Segments (documents, notes, cards) indexed and loaded, out of all there are. */
  ready: number
  total: number
  building: boolean
}

export interface SearchResults {
  query: string
  groups: SearchGroup[]
  total: number
  /** Words of the query that could not be searched (symbols only), shown so nothing vanishes silently. */
  ignored: string[]
  /** A sentence for the person when there is nothing to show and it is not simply "no matches". */
  notice: string | null
  /** The query names a known actor: its other spellings were searched too. */
  alsoAs: { name: string; forms: string[] } | null
  status: SearchStatus
}

export interface SearchFacets {
  tags: string[]
  colours: Array<{ id: string; meaning: string }>
}
