// Flashcards: prepared statements and the mapping between rows and StudyCard objects. Rules
// (limits, siblings, undo) live in the study services; this file only stores and fetches.
import { targetFromColumns } from './targetColumns'
import type { CardKind } from '../../../shared/types'
import {
  CardState,
  type CardListQuery,
  type CardListRow,
  type CardSchedule,
  type CardSortKey,
  type CardStateName,
  type StudyCard
} from '../../../shared/study/types'
import type { Db } from '../connection'

export const cardKindNumbers: Record<CardKind, number> = { basic: 1, cloze: 2, date: 3, actor: 4 }
const kindByNumber = new Map(
  Object.entries(cardKindNumbers).map(([name, value]) => [value, name as CardKind])
)
const stateByNumber = new Map(
  Object.entries(CardState).map(([name, value]) => [value as number, name as CardStateName])
)

interface CardRow {
  id: string
  document_id: string
  note_id: string
  kind: number
  front: string
  back: string
  cloze_index: number | null
  tags_json: string
  suggestion_key: string | null
  block_id: string | null
  quote_exact: string | null
  quote_prefix: string | null
  quote_suffix: string | null
  source_start: number | null
  source_end: number | null
  source_state: number
  source_score: number
  due: number
  stability: number
  difficulty: number
  elapsed_days: number
  scheduled_days: number
  learning_steps: number
  reps: number
  lapses: number
  state: number
  last_review: number | null
  suspended: number
  created_at: number
  updated_at: number
  deleted_at: number | null
  deck_title: string
}

/** A card as stored, with whether (and when) it was deleted. */
export interface StoredCard extends StudyCard {
  suggestionKey: string | null
  deletedAt: number | null
}

function toCard(row: CardRow): StoredCard {
  const hasSource = row.block_id !== null && row.source_start !== null && row.source_end !== null
  return {
    id: row.id,
    documentId: row.document_id,
    kind: kindByNumber.get(row.kind) ?? 'basic',
    front: row.front,
    back: row.back,
    clozeIndex: row.cloze_index,
    noteId: row.note_id,
    tags: JSON.parse(row.tags_json) as string[],
    source: hasSource
      ? targetFromColumns({
          blockId: row.block_id ?? '',
          exact: row.quote_exact ?? '',
          prefix: row.quote_prefix ?? '',
          suffix: row.quote_suffix ?? '',
          start: row.source_start ?? 0,
          end: row.source_end ?? 0
        })
      : null,
    sourceAnchor: hasSource
      ? { state: row.source_state === 2 ? 'orphaned' : 'anchored', score: row.source_score }
      : undefined,
    suspended: row.suspended === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    due: row.due,
    schedule: {
      due: row.due,
      stability: row.stability,
      difficulty: row.difficulty,
      elapsedDays: row.elapsed_days,
      scheduledDays: row.scheduled_days,
      learningSteps: row.learning_steps,
      reps: row.reps,
      lapses: row.lapses,
      state: stateByNumber.get(row.state) ?? 'new',
      lastReview: row.last_review
    },
    deckTitle: row.deck_title,
    suggestionKey: row.suggestion_key,
    deletedAt: row.deleted_at
  }
}

const selectCard = `SELECT c.*, d.title AS deck_title FROM cards c JOIN documents d ON d.id = c.document_id`
/** Cards a person can see: not deleted, in a document still in the library. */
const live = `c.deleted_at IS NULL AND d.removed_at IS NULL`

const sortColumns: Record<CardSortKey, string> = {
  due: 'c.due',
  created: 'c.created_at',
  deck: 'd.title COLLATE NOCASE',
  kind: 'c.kind',
  state: 'c.state',
  front: 'c.front COLLATE NOCASE'
}

function scheduleValues(schedule: CardSchedule) {
  return {
    due: schedule.due,
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: CardState[schedule.state],
    last_review: schedule.lastReview
  }
}

export type NewCard = Omit<StoredCard, 'deckTitle' | 'deletedAt' | 'updatedAt' | 'due'>

export function createCardRepository(db: Db) {
  const byId = db.prepare<[string], CardRow>(`${selectCard} WHERE c.id = ?`)
  const byNote = db.prepare<[string], CardRow>(
    `${selectCard} WHERE c.note_id = ? AND c.deleted_at IS NULL ORDER BY c.cloze_index`
  )
  const insert = db.prepare(`
    INSERT INTO cards (id, document_id, note_id, kind, front, back, cloze_index, tags_json, suggestion_key,
      block_id, quote_exact, quote_prefix, quote_suffix, source_start, source_end,
      due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review,
      suspended, created_at, updated_at)
    VALUES (@id, @document_id, @note_id, @kind, @front, @back, @cloze_index, @tags_json, @suggestion_key,
      @block_id, @quote_exact, @quote_prefix, @quote_suffix, @source_start, @source_end,
      @due, @stability, @difficulty, @elapsed_days, @scheduled_days, @learning_steps, @reps, @lapses, @state,
      @last_review, @suspended, @created_at, @created_at)`)
  const updateContent = db.prepare(
    'UPDATE cards SET front = ?, back = ?, tags_json = ?, updated_at = ? WHERE id = ?'
  )
  const updateSchedule = db.prepare(`
    UPDATE cards SET due = @due, stability = @stability, difficulty = @difficulty, elapsed_days = @elapsed_days,
      scheduled_days = @scheduled_days, learning_steps = @learning_steps, reps = @reps, lapses = @lapses,
      state = @state, last_review = @last_review, updated_at = @updated_at WHERE id = @id`)
  const setSuspended = db.prepare('UPDATE cards SET suspended = ?, updated_at = ? WHERE id = ?')
  const setDeleted = db.prepare('UPDATE cards SET deleted_at = ?, updated_at = ? WHERE id = ?')
  const dueCards = db.prepare<[number], CardRow>(
    `${selectCard} WHERE ${live} AND c.suspended = 0 AND c.state <> 0 AND c.due <= ? ORDER BY c.due, c.id LIMIT 10000`
  )
  const newCards = db.prepare<[number], CardRow>(
    `${selectCard} WHERE ${live} AND c.suspended = 0 AND c.state = 0 ORDER BY c.created_at, c.id LIMIT ?`
  )
  const forDocument = db.prepare<[string], CardRow>(
    `${selectCard} WHERE ${live} AND c.document_id = ? ORDER BY c.created_at, c.id`
  )
  const liveSchedules = db.prepare<[], { due: number; state: number; suspended: number }>(
    `SELECT c.due, c.state, c.suspended FROM cards c JOIN documents d ON d.id = c.document_id WHERE ${live}`
  )

  return {
    find(id: string): StoredCard | null {
      const row = byId.get(id)
      return row ? toCard(row) : null
    },
    note(noteId: string): StoredCard[] {
      return byNote.all(noteId).map(toCard)
    },
    insert(card: NewCard): void {
      insert.run({
        id: card.id,
        document_id: card.documentId,
        note_id: card.noteId,
        kind: cardKindNumbers[card.kind],
        front: card.front,
        back: card.back,
        cloze_index: card.clozeIndex,
        tags_json: JSON.stringify(card.tags),
        suggestion_key: card.suggestionKey,
        block_id: card.source?.blockId ?? null,
        quote_exact: card.source?.quote.exact ?? null,
        quote_prefix: card.source?.quote.prefix ?? null,
        quote_suffix: card.source?.quote.suffix ?? null,
        source_start: card.source?.position.start ?? null,
        source_end: card.source?.position.end ?? null,
        ...scheduleValues(card.schedule),
        suspended: card.suspended ? 1 : 0,
        created_at: card.createdAt
      })
    },
    updateContent(id: string, front: string, back: string, tags: string[], now: number): void {
      updateContent.run(front, back, JSON.stringify(tags), now, id)
    },
    updateSchedule(id: string, schedule: CardSchedule, now: number): void {
      updateSchedule.run({ id, ...scheduleValues(schedule), updated_at: now })
    },
    setSuspended(id: string, suspended: boolean, now: number): void {
      setSuspended.run(suspended ? 1 : 0, now, id)
    },
    setDeleted(id: string, deletedAt: number | null, now: number): void {
      setDeleted.run(deletedAt, now, id)
    },
    /** Learning, relearning and review cards due by `until`, most overdue first. */
    due(until: number): StoredCard[] {
      return dueCards.all(until).map(toCard)
    },
    /** New cards in the order they were made, at most `limit`. */
    fresh(limit: number): StoredCard[] {
      return limit <= 0 ? [] : newCards.all(limit).map(toCard)
    },
    forDocument(documentId: string): StoredCard[] {
      return forDocument.all(documentId).map(toCard)
    },
    /** Due time, state and suspension of every live card: enough for the statistics. */
    schedules(): { due: number; state: CardStateName; suspended: boolean }[] {
      return liveSchedules.all().map((row) => ({
        due: row.due,
        state: stateByNumber.get(row.state) ?? 'new',
        suspended: row.suspended === 1
      }))
    },
    list(query: CardListQuery): { total: number; rows: CardListRow[] } {
      const where = [live]
      const params: (string | number)[] = []
      if (query.documentId) {
        where.push('c.document_id = ?')
        params.push(query.documentId)
      }
      for (const word of (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
        where.push(`(lower(c.front) LIKE ? ESCAPE '\\' OR lower(c.back) LIKE ? ESCAPE '\\')`)
        const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
        params.push(pattern, pattern)
      }
      const from = `FROM cards c JOIN documents d ON d.id = c.document_id WHERE ${where.join(' AND ')}`
      const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n
      const order = `${sortColumns[query.sort ?? 'due']} ${query.descending ? 'DESC' : 'ASC'}, c.id`
      const rows = db
        .prepare<(string | number)[], CardRow>(
          `SELECT c.*, d.title AS deck_title ${from} ORDER BY ${order} LIMIT ? OFFSET ?`
        )
        .all(...params, query.limit ?? 200, query.offset ?? 0)
        .map((row) => {
          const card = toCard(row)
          return {
            id: card.id,
            documentId: card.documentId,
            deckTitle: card.deckTitle,
            kind: card.kind,
            front: card.front,
            back: card.back,
            clozeIndex: card.clozeIndex,
            due: card.due,
            state: card.schedule.state,
            suspended: card.suspended,
            reps: card.schedule.reps,
            lapses: card.schedule.lapses
          }
        })
      return { total, rows }
    }
  }
}

export type CardRepository = ReturnType<typeof createCardRepository>
