// Sources of searchable content. Each kind of content (documents now; notes; cards when they land)
// implements SearchSource and is registered in the composition root's list; the search service
// knows nothing else about it. A source lists its segments with a stamp of their content (cheap:
// one query), gives a segment's rows to build it, and may give rows changed since a time, which
// are searched directly while their segment is rebuilt (a note saved a moment ago is found).
import { rowsOfDocument, sectionLabelOf } from '../../../shared/search/documentRows'
import type { IndexRow } from '../../../shared/search/segment'
import { clozePlainText } from '../../../shared/study/cloze'
import {
  BlockKind,
  defaultHighlightColours,
  highlightColourIds,
  type Block,
  type BlockKindName
} from '../../../shared/types'
import type { Db } from '../../db/connection'
import type { DocumentRepository } from '../../db/repositories/documentRepository'

export interface SourceSegment {
  key: string
  stamp: string
}

export interface ChangedRows {
  rows: IndexRow[]
  /** Rows deleted since then: hidden from results until the segment is rebuilt. */
  goneIds: string[]
}

export interface SearchSource {
  name: string
  segments(): SourceSegment[]
  rows(key: string): IndexRow[]
  /** Rows of `key` whose updatedAt is after `since` (epoch ms). */
  changedSince?(key: string, since: number): ChangedRows
}

export function createDocumentsSource(db: Db, documents: DocumentRepository): SearchSource {
  const listPresent = db.prepare<[], { id: string; content_hash: string; updated_at: number }>(
    'SELECT id, content_hash, updated_at FROM documents WHERE removed_at IS NULL ORDER BY created_at, id'
  )
  const prefix = 'doc:'
  return {
    name: 'documents',
    segments: () =>
      // A document's text never changes after import: its content hash is all its index covers.
      listPresent.all().map((row) => ({ key: prefix + row.id, stamp: row.content_hash })),
    rows(key) {
      const id = key.slice(prefix.length)
      const document = documents.findById(id)
      if (!document) return []
      return rowsOfDocument(id, documents.blocks(id), document.createdAt)
    }
  }
}

interface AnnotationSearchRow {
  id: string
  document_id: string
  block_id: string
  quote_exact: string
  start: number
  colour: number | null
  note: string
  tags_json: string
  updated_at: number
  deleted_at: number | null
  block_kind: number | null
  block_number: number | null
  section_text: string | null
}

/** Notes and highlights from the `annotations` table (migration 2): the note, then the quoted passage. */
export function createNotesSource(
  db: Db,
  colourMeaningOf: (colourId: string) => string = defaultMeaning
): SearchSource {
  const select = `
    SELECT a.id, a.document_id, a.block_id, a.quote_exact, a.start, a.colour, a.note, a.tags_json,
           a.updated_at, a.deleted_at, b.kind AS block_kind, b.number AS block_number,
           h.text AS section_text
    FROM annotations a
    JOIN documents d ON d.id = a.document_id AND d.removed_at IS NULL
    LEFT JOIN blocks b ON b.document_id = a.document_id AND b.ordinal = CAST(substr(a.block_id, 2) AS INTEGER)
    LEFT JOIN blocks h ON h.document_id = a.document_id AND h.ordinal = b.section_ordinal`
  const all = db.prepare<[], AnnotationSearchRow>(
    `${select} WHERE a.deleted_at IS NULL ORDER BY a.created_at, a.id`
  )
  const changed = db.prepare<[number], AnnotationSearchRow>(
    `${select} WHERE a.updated_at > ? ORDER BY a.updated_at`
  )
  // What the notes segment covers: the annotations, which documents are present (a removed
  // document's notes leave the results) and what each colour means (renamable, searchable).
  const stamp = db.prepare<
    [],
    { count: number; latest: number | null; sum: number; deleted: number; documents: string }
  >(
    `SELECT count(*) AS count, max(updated_at) AS latest, total(updated_at) AS sum, total(deleted_at) AS deleted,
            (SELECT count(*) || '/' || total(removed_at) FROM documents) AS documents
     FROM annotations`
  )
  const key = 'notes'

  function toRow(row: AnnotationSearchRow): IndexRow {
    const colour = row.colour === null ? null : (highlightColourIds[row.colour] ?? null)
    const section = passageSection(row) ?? ''
    return {
      id: row.id,
      kind: 'note',
      documentId: row.document_id,
      blockId: row.block_id,
      at: row.start,
      section,
      text: row.note.trim().length > 0 ? `${row.note}\n\n${row.quote_exact}` : row.quote_exact,
      tags: parseTags(row.tags_json),
      colour,
      colourMeaning: colour ? colourMeaningOf(colour) : '',
      updatedAt: row.updated_at
    }
  }

  return {
    name: 'notes',
    segments() {
      const row = stamp.get()
      const meanings = highlightColourIds.map((id) => colourMeaningOf(id)).join('|')
      const covered = row ? `${row.count}:${row.latest ?? 0}:${row.sum}:${row.deleted}:${row.documents}` : '0'
      return [{ key, stamp: `${covered}:${meanings}` }]
    },
    rows: () => all.all().map(toRow),
    changedSince: (_key, since) => splitChanged(changed.all(since), toRow)
  }
}

/** Where a note's or card's passage is, for a person ("Footnote 12", a section's heading); null without one. */
function passageSection(row: {
  block_kind: number | null
  block_number: number | null
  section_text: string | null
}): string | null {
  if (row.block_kind === null) return null
  const block = {
    kind: blockKindName(row.block_kind),
    number: row.block_number,
    text: '',
    sectionId: row.section_text === null ? null : 'h'
  } as Block
  return sectionLabelOf(block, new Map([['h', row.section_text ?? '']]))
}

/** Rows changed since a segment was built: the live ones to search, the deleted ones to hide. */
function splitChanged<Row extends { id: string; deleted_at: number | null }>(
  rows: Row[],
  toRow: (row: Row) => IndexRow
): ChangedRows {
  return {
    rows: rows.filter((row) => row.deleted_at === null).map(toRow),
    goneIds: rows.filter((row) => row.deleted_at !== null).map((row) => row.id)
  }
}

function defaultMeaning(colourId: string): string {
  return defaultHighlightColours.find((colour) => colour.id === colourId)?.meaning ?? ''
}

const kindByNumber = new Map(
  Object.entries(BlockKind).map(([name, value]) => [value as number, name as BlockKindName])
)

function blockKindName(kind: number | null): BlockKindName {
  return (kind === null ? undefined : kindByNumber.get(kind)) ?? 'paragraph'
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : []
  } catch {
    return []
  }
}

/** Whether the annotations table is there (it arrives with migration 2). */
export function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}

interface CardSearchRow {
  id: string
  document_id: string
  kind: number
  front: string
  back: string
  tags_json: string
  block_id: string | null
  source_start: number | null
  updated_at: number
  deleted_at: number | null
  block_kind: number | null
  block_number: number | null
  section_text: string | null
}

const cardKindLabels = ['', 'Basic card', 'Cloze card', 'Date card', 'Actor card']

/**
 * Flashcards (migration 4): the question and the answer, cloze deletions shown as their answers.
 * A card from a passage opens there; one typed by hand opens its document at the top.
 */
export function createCardsSource(db: Db): SearchSource {
  const select = `
    SELECT c.id, c.document_id, c.kind, c.front, c.back, c.tags_json, c.block_id, c.source_start,
           c.updated_at, c.deleted_at, b.kind AS block_kind, b.number AS block_number, h.text AS section_text
    FROM cards c
    JOIN documents d ON d.id = c.document_id AND d.removed_at IS NULL
    LEFT JOIN blocks b ON b.document_id = c.document_id AND b.ordinal = CAST(substr(c.block_id, 2) AS INTEGER)
    LEFT JOIN blocks h ON h.document_id = c.document_id AND h.ordinal = b.section_ordinal`
  const all = db.prepare<[], CardSearchRow>(
    `${select} WHERE c.deleted_at IS NULL ORDER BY c.created_at, c.id`
  )
  const changed = db.prepare<[number], CardSearchRow>(
    `${select} WHERE c.updated_at > ? ORDER BY c.updated_at`
  )
  const stamp = db.prepare<[], { count: number; sum: number; deleted: number; documents: string }>(
    `SELECT count(*) AS count, total(updated_at) AS sum, total(deleted_at) AS deleted,
            (SELECT count(*) || '/' || total(removed_at) FROM documents) AS documents
     FROM cards`
  )
  const key = 'cards'

  function toRow(row: CardSearchRow): IndexRow {
    const section = passageSection(row) ?? cardKindLabels[row.kind] ?? 'Card'
    const front = clozePlainText(row.front)
    return {
      id: row.id,
      kind: 'card',
      documentId: row.document_id,
      blockId: row.block_id,
      at: row.source_start ?? 0,
      section,
      text: row.back.trim().length > 0 ? `${front}\n\n${row.back}` : front,
      tags: parseTags(row.tags_json),
      colour: null,
      colourMeaning: '',
      updatedAt: row.updated_at
    }
  }

  return {
    name: 'cards',
    segments() {
      const row = stamp.get()
      return [{ key, stamp: row ? `${row.count}:${row.sum}:${row.deleted}:${row.documents}` : '0' }]
    },
    rows: () => all.all().map(toRow),
    changedSince: (_key, since) => splitChanged(changed.all(since), toRow)
  }
}
