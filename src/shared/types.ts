// Domain types shared by the main process, the renderer and the pure domain code.
// Plain data only: everything here crosses the IPC / HTTP boundary as JSON.

/** What kind of text a block holds. Integer values are what the database stores. */
export const BlockKind = {
  abstract: 1,
  heading: 2,
  paragraph: 3,
  caption: 4,
  footnote: 5
} as const
export type BlockKindName = keyof typeof BlockKind

/** A footnote marker inside a block: `offset` is where the marker stands in the block's text. */
export interface FootnoteRef {
  number: number
  offset: number
}

/** Inline emphasis kept from the source, as ranges of the block's text. */
export interface InlineMark {
  kind: 'em' | 'strong'
  start: number
  end: number
}

/** Where a page begins inside a block: the physical page (1-based, as in the PDF) and its printed label. */
export interface BlockPage {
  physical: number
  label: string
  /** Offset in the block's text where this page begins; the first entry is 0 (the page the block starts on). */
  offset: number
}

/** A block as the importer produces it, before it is stored. */
export interface ParsedBlock {
  kind: BlockKindName
  /** Plain text: NFC, LF line endings, inline markup removed (markers become `refs`). */
  text: string
  /** Footnote number for footnotes, figure number for captions; null otherwise. */
  number: number | null
  refs: FootnoteRef[]
  marks: InlineMark[]
  /** The pages the block is on, sorted by offset (two or more when it runs over a page break); null for texts without pages. */
  pages: BlockPage[] | null
}

export interface Citation {
  /** The citation line as written. */
  text: string
  journal: string | null
  volume: string | null
  issue: string | null
  year: number | null
  pages: string | null
}

export interface DocumentMetadata {
  title: string
  authors: string[]
  affiliation: string | null
  citation: Citation | null
  keywords: string[]
  /** The text's language (a BCP 47 tag from a book's package or a front matter), when it says. */
  language?: string
}

/** What the importer makes of a text file. */
export interface ParsedDocument extends DocumentMetadata {
  blocks: ParsedBlock[]
  /** Things the importer noticed and worked around, for the person importing (e.g. "no headings found"). */
  warnings: string[]
}

/** A stored block: `start` is its offset in the document's full text (blocks joined by a blank line). */
export interface Block extends ParsedBlock {
  id: string
  ordinal: number
  start: number
  /** Id of the heading block whose section this block is in, or null before the first heading. */
  sectionId: string | null
}

/** What a document was imported from: a text (Markdown, plain text, HTML) or a PDF. */
export type SourceFormat = 'text' | 'pdf'

export interface DocumentSummary {
  id: string
  title: string
  authors: string[]
  /** Year of publication from the citation, when known. */
  year: number | null
  /** Number of blocks, as a rough size. */
  blockCount: number
  /** True for the article that ships with Scholia. */
  bundled: boolean
  sourceFormat: SourceFormat
  createdAt: number
  lastOpenedAt: number | null
}

export interface DocumentView {
  summary: DocumentSummary
  metadata: DocumentMetadata
  blocks: Block[]
  contentHash: string
  /** The library keeps the PDF the document was read from ("Show page" can open its pages). */
  hasPdf: boolean
}

export interface ReadingPosition {
  documentId: string
  blockId: string
  /** Fraction (0..1) of the block scrolled past the top of the reading area. */
  fraction: number
  updatedAt: number
}

export type Theme = 'system' | 'light' | 'dark'

export interface ReaderSettings {
  /** Text size in CSS pixels. */
  fontSize: number
  /** Column width in characters (ch). */
  columnWidth: number
  theme: Theme
}

export const defaultReaderSettings: ReaderSettings = { fontSize: 19, columnWidth: 68, theme: 'system' }

export interface AppInfo {
  version: string
  mode: 'electron' | 'web'
  dataDir: string
}

/** A failure the person can act on, as it crosses the API boundary. */
/**
 * The one error envelope, whichever transport carries it. 'internal' is a bug, not something the
 * person did: its message says so and that their saved work is safe; the details go to the log.
 */
export interface UserFacingError {
  code: 'invalid-input' | 'not-found' | 'refused' | 'conflict' | 'internal'
  message: string
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: UserFacingError }

// ---------------------------------------------------------------------------------------------
// Annotations (highlights and notes). Offsets are UTF-16 code units of the document's full text
// (blocks joined by "\n\n", NFC, LF); exports convert to code points in one place (anchoring/).

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  /** Up to 32 characters before the quote. */
  prefix: string
  /** Up to 32 characters after the quote. */
  suffix: string
}

export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface AnnotationTarget {
  /** The block the passage starts in (a hint; the selectors are the truth). */
  blockId: string
  quote: TextQuoteSelector
  position: TextPositionSelector
}

export const highlightColourIds = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export type HighlightColourId = (typeof highlightColourIds)[number]

export interface HighlightColour {
  id: HighlightColourId
  /** What the colour means to the reader, e.g. "Key argument"; renamable. */
  meaning: string
}

export const defaultHighlightColours: HighlightColour[] = [
  { id: 'yellow', meaning: 'Key argument' },
  { id: 'green', meaning: 'Date' },
  { id: 'blue', meaning: 'Actor' },
  { id: 'pink', meaning: 'Question' },
  { id: 'purple', meaning: 'Evidence' }
]

export interface AnchorStatus {
  state: 'anchored' | 'orphaned'
  /** 1 for an exact match; lower for an approximate one; the best score found when orphaned. */
  score: number
}

export interface Annotation {
  id: string
  documentId: string
  target: AnnotationTarget
  /** Null for a note without a highlight colour. */
  colour: HighlightColourId | null
  /** Markdown written by the reader; '' for a plain highlight. */
  note: string
  tags: string[]
  createdAt: number
  updatedAt: number
  anchor: AnchorStatus
}

// ---------------------------------------------------------------------------------------------
// Flashcards.

export type CardKind = 'basic' | 'cloze' | 'date' | 'actor'

export interface Card {
  id: string
  documentId: string
  kind: CardKind
  /** Basic/date/actor: the question. Cloze: the whole note text with {{c1::…}} deletions. */
  front: string
  /** Basic/date/actor: the answer. Cloze: extra text shown on the back (may be ''). */
  back: string
  /** Which deletion this card asks for (cloze only), 1-based; null otherwise. */
  clozeIndex: number | null
  /** Cards made from one cloze note share this id (so they are not shown on the same day). */
  noteId: string
  tags: string[]
  /** The passage the card came from, anchored like an annotation; null for a card typed by hand. */
  source: AnnotationTarget | null
  /** Whether `source` was found again after its document changed (absent: never re-anchored). */
  sourceAnchor?: AnchorStatus
  suspended: boolean
  createdAt: number
  updatedAt: number
  /** When the card is next due (epoch ms). */
  due: number
}
