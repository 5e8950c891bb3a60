// One piece of the search index — a document, or the reader's notes, or their cards — as a
// compact inverted index: sorted terms, and for each term the rows it occurs in with how often.
// Scores are lunr's BM25 (k1 1.2, b 0.75), computed at query time from these counts so that
// segments built at different times merge into one ranking. Each posting also keeps where the
// term first occurs in the row, so that a snippet is cut from a window there and its cost does
// not grow with the row's length (a whole speech imported as one block).
import { compareByCodePoint, TermTable } from './termTable'
import { eachTerm } from './tokenize'
import type { SearchField, SearchKind } from './types'
import { searchFields } from './types'

/** What a source hands the index for one searchable thing (a paragraph, a footnote, a note, a card). */
export interface IndexRow {
  /** Unique within its source (a block id, an annotation id, a card id). */
  id: string
  kind: SearchKind
  documentId: string
  blockId: string | null
  /** Offset in the document's full text where the passage starts. */
  at: number
  /** Where it is, for a person: the section's heading, "Abstract", "Footnote 12"… */
  section: string
  text: string
  tags: string[]
  colour: string | null
  /** What the colour means to the reader ("Key argument"), searchable as `colour:`. */
  colourMeaning: string
  updatedAt: number
}

/** A row as a segment keeps it: everything but the text, which a loaded segment reads on demand. */
export type SegmentRow = Omit<IndexRow, 'text'>

/** A loaded segment's row texts, by row index (SQLite's search_texts in the app). */
export type RowTexts = (row: number) => string

export interface Segment {
  key: string
  /** What the segment covers (a content hash, a change counter…), compared at start-up. */
  stamp: string
  rows: SegmentRow[]
  /** Row i's text, for snippets: only the hits' rows are read. */
  textOf: RowTexts
  /** Sorted by code point; each is one field code character followed by the term. */
  terms: TermTable
  /** Postings of terms[i] are entries offsets[i] … offsets[i + 1] - 1. */
  offsets: Uint32Array
  /** 16 bits wide when the segment has fewer than 65,536 rows (every document but a giant). */
  postingRows: Uint16Array | Uint32Array
  postingCounts: Uint16Array
  /** Where each posting's term first occurs in its row's field (UTF-16 offset); 16 bits wide when every row is shorter than 65,536. */
  postingFirsts: Uint16Array | Uint32Array
  /** Words in each row's fields: rows × fields. */
  fieldLengths: Uint32Array
  fieldTotals: number[]
  /** Words indexed, for progress and figures. */
  words: number
}

/** One character per field, so that all terms of a field sort together. */
export const fieldCodes: Record<SearchField, string> = { text: 'a', tags: 'b', colour: 'c' }
export const fieldCount = searchFields.length
/**
 * 3: row texts kept out of the segment (stored by row beside it), terms as UTF-8 bytes, arrays
 * read in place. A segment of another version is rebuilt.
 */
export const segmentFormatVersion = 3
/** Row numbers and offsets below this are kept in 16 bits. */
const narrowLimit = 65536

function fieldTexts(row: IndexRow): string[] {
  return [row.text, row.tags.join(' '), row.colour ? `${row.colour} ${row.colourMeaning}` : '']
}

export function buildSegment(key: string, stamp: string, rows: IndexRow[]): Segment {
  /** Per term key: row, count, first offset, row, count, first offset… */
  const postings = new Map<string, number[]>()
  const fieldLengths = new Uint32Array(rows.length * fieldCount)
  const fieldTotals = new Array<number>(fieldCount).fill(0)
  let words = 0
  /** Per term of the current field: [count, first offset]. */
  const seen = new Map<string, [number, number]>()
  rows.forEach((row, rowIndex) => {
    fieldTexts(row).forEach((text, field) => {
      if (text.length === 0) return
      const code = fieldCodes[searchFields[field] as SearchField]
      let length = 0
      seen.clear()
      eachTerm(text, (term, start) => {
        length++
        const entry = seen.get(term)
        if (entry) entry[0]++
        else seen.set(term, [1, start])
      })
      fieldLengths[rowIndex * fieldCount + field] = length
      fieldTotals[field] = (fieldTotals[field] ?? 0) + length
      words += length
      for (const [term, [count, first]] of seen) {
        const termKey = code + term
        let list = postings.get(termKey)
        if (!list) postings.set(termKey, (list = []))
        list.push(rowIndex, count, first)
      }
    })
  })
  const terms = [...postings.keys()].sort(compareByCodePoint)
  let total = 0
  for (const list of postings.values()) total += list.length / 3
  const offsets = new Uint32Array(terms.length + 1)
  let longest = 0
  for (const row of rows) longest = Math.max(longest, row.text.length)
  const postingRows = rows.length < narrowLimit ? new Uint16Array(total) : new Uint32Array(total)
  const postingCounts = new Uint16Array(total)
  const postingFirsts = longest < narrowLimit ? new Uint16Array(total) : new Uint32Array(total)
  let at = 0
  terms.forEach((term, index) => {
    offsets[index] = at
    const list = postings.get(term) as number[]
    for (let i = 0; i < list.length; i += 3) {
      postingRows[at] = list[i] as number
      postingCounts[at] = Math.min(65535, list[i + 1] as number)
      postingFirsts[at] = list[i + 2] as number
      at++
    }
  })
  offsets[terms.length] = at
  return {
    key,
    stamp,
    rows,
    textOf: (row) => rows[row]?.text ?? '',
    terms: TermTable.fromSorted(terms),
    offsets,
    postingRows,
    postingCounts,
    postingFirsts,
    fieldLengths,
    fieldTotals,
    words
  }
}

/** Index of `term` in the sorted terms, or -1. */
export function findTerm(terms: TermTable, term: string): number {
  return terms.find(term)
}

/** First index whose term is ≥ `term`. */
export function lowerBound(terms: TermTable, term: string): number {
  return terms.lowerBound(term)
}

// ---- persisted form: a small JSON header (rows without their text), then the arrays and the
// terms' bytes as they sit in memory, so that loading a segment decodes only the header ----

type RowTuple = [
  string,
  SearchKind,
  string,
  string | null,
  number,
  string,
  string[],
  string | null,
  string,
  number
]

interface Header {
  v: number
  key: string
  stamp: string
  rows: RowTuple[]
  fieldTotals: number[]
  words: number
  /** Terms, postings, bytes of the terms, and 1 if row numbers + 2 if first offsets are 32 bits wide. */
  counts: [number, number, number, number]
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The segment's rows' texts, in row order: what is stored beside the segment. */
export function rowTextsOf(rows: readonly IndexRow[]): string[] {
  return rows.map((row) => row.text)
}

export function serialiseSegment(segment: Segment): Uint8Array {
  const header: Header = {
    v: segmentFormatVersion,
    key: segment.key,
    stamp: segment.stamp,
    rows: segment.rows.map((row) => [
      row.id,
      row.kind,
      row.documentId,
      row.blockId,
      row.at,
      row.section,
      row.tags,
      row.colour,
      row.colourMeaning,
      row.updatedAt
    ]),
    fieldTotals: segment.fieldTotals,
    words: segment.words,
    counts: [
      segment.terms.length,
      segment.postingRows.length,
      segment.terms.bytes.length,
      (segment.postingRows instanceof Uint32Array ? 1 : 0) |
        (segment.postingFirsts instanceof Uint32Array ? 2 : 0)
    ]
  }
  const json = encoder.encode(JSON.stringify(header))
  const arraysStart = Math.ceil((4 + json.length) / 4) * 4
  // 32-bit arrays first, then 16-bit ones, then bytes: each starts aligned to its width.
  const arrays = [
    segment.offsets,
    segment.terms.starts,
    segment.fieldLengths,
    segment.postingRows,
    segment.postingFirsts,
    segment.postingCounts
  ]
  const parts: ArrayBufferView[] = [
    ...arrays.filter((array) => array instanceof Uint32Array),
    ...arrays.filter((array) => array instanceof Uint16Array),
    segment.terms.bytes
  ]
  const bytes = new Uint8Array(arraysStart + parts.reduce((sum, part) => sum + part.byteLength, 0))
  new DataView(bytes.buffer).setUint32(0, json.length, true)
  bytes.set(json, 4)
  let at = arraysStart
  for (const part of parts) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at)
    at += part.byteLength
  }
  return bytes
}

/**
 * Reads a persisted segment; null when it is from another format version or damaged (rebuild it).
 * Its arrays are views into `blob`, which it keeps; `textOf` gives its rows' texts.
 */
export function deserialiseSegment(blob: Uint8Array, textOf: RowTexts): Segment | null {
  try {
    // Typed-array views need 4-byte alignment: copy when the blob is not aligned.
    const bytes = blob.byteOffset % 4 === 0 ? blob : new Uint8Array(blob)
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const jsonLength = view.getUint32(0, true)
    const header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + jsonLength))) as Header
    if (header.v !== segmentFormatVersion) return null
    const [termCount, postingCount, termBytes, wide] = header.counts
    const rowCount = header.rows.length
    let at = bytes.byteOffset + Math.ceil((4 + jsonLength) / 4) * 4
    const take = <T>(
      make: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
      length: number,
      width: number
    ): T => {
      if (at + length * width > bytes.byteOffset + bytes.byteLength) throw new RangeError('segment cut short')
      const array = new make(bytes.buffer, at, length)
      at += length * width
      return array
    }
    const offsets = take(Uint32Array, termCount + 1, 4)
    const starts = take(Uint32Array, termCount + 1, 4)
    const fieldLengths = take(Uint32Array, rowCount * fieldCount, 4)
    const wideRows = (wide & 1) !== 0
    const wideFirsts = (wide & 2) !== 0
    let postingRows: Uint16Array | Uint32Array | null = wideRows ? take(Uint32Array, postingCount, 4) : null
    let postingFirsts: Uint16Array | Uint32Array | null = wideFirsts
      ? take(Uint32Array, postingCount, 4)
      : null
    postingRows ??= take(Uint16Array, postingCount, 2)
    postingFirsts ??= take(Uint16Array, postingCount, 2)
    const postingCounts = take(Uint16Array, postingCount, 2)
    const termsBytes = take(Uint8Array, termBytes, 1)
    return {
      key: header.key,
      stamp: header.stamp,
      rows: header.rows.map(
        ([id, kind, documentId, blockId, rowAt, section, tags, colour, colourMeaning, updatedAt]) => ({
          id,
          kind,
          documentId,
          blockId,
          at: rowAt,
          section,
          tags,
          colour,
          colourMeaning,
          updatedAt
        })
      ),
      textOf,
      terms: TermTable.fromParts(termsBytes, starts),
      offsets,
      postingRows,
      postingCounts,
      postingFirsts,
      fieldLengths,
      fieldTotals: header.fieldTotals,
      words: header.words
    }
  } catch {
    return null
  }
}
