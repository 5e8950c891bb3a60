// The log of answers, decisions on generated suggestions and the extraction cache: prepared
// statements for the study services.
import type { CardSchedule, Grade } from '../../../shared/study/types'
import { CardState } from '../../../shared/study/types'
import type { Db } from '../connection'

export interface ReviewLogEntry {
  id: number
  cardId: string
  noteId: string
  grade: Grade
  reviewedAt: number
  before: CardSchedule
  after: CardSchedule
}

interface LogRow {
  id: number
  card_id: string
  note_id: string
  rating: number
  reviewed_at: number
  schedule_before_json: string
  schedule_after_json: string
}

function toEntry(row: LogRow): ReviewLogEntry {
  return {
    id: row.id,
    cardId: row.card_id,
    noteId: row.note_id,
    grade: row.rating as Grade,
    reviewedAt: row.reviewed_at,
    before: JSON.parse(row.schedule_before_json) as CardSchedule,
    after: JSON.parse(row.schedule_after_json) as CardSchedule
  }
}

export function createReviewLogRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO review_logs (card_id, note_id, rating, reviewed_at, duration_ms, state_before, state_after,
      due_after, schedule_before_json, schedule_after_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const last = db.prepare<[], LogRow>('SELECT * FROM review_logs ORDER BY id DESC LIMIT 1')
  const remove = db.prepare('DELETE FROM review_logs WHERE id = ?')
  const since = db.prepare<[number], { note_id: string; card_id: string; state_before: number }>(
    'SELECT note_id, card_id, state_before FROM review_logs WHERE reviewed_at >= ?'
  )
  const answersSince = db.prepare<[number], { reviewed_at: number; rating: number; state_before: number }>(
    'SELECT reviewed_at, rating, state_before FROM review_logs WHERE reviewed_at >= ? ORDER BY reviewed_at'
  )
  return {
    insert(entry: Omit<ReviewLogEntry, 'id'>, durationMs: number | null): void {
      insert.run(
        entry.cardId,
        entry.noteId,
        entry.grade,
        entry.reviewedAt,
        durationMs,
        CardState[entry.before.state],
        CardState[entry.after.state],
        entry.after.due,
        JSON.stringify(entry.before),
        JSON.stringify(entry.after)
      )
    },
    last(): ReviewLogEntry | null {
      const row = last.get()
      return row ? toEntry(row) : null
    },
    remove(id: number): void {
      remove.run(id)
    },
    /** Who was answered since `time`: the note, the card, and whether it was new then. */
    answeredSince(time: number): { noteId: string; cardId: string; wasNew: boolean }[] {
      return since.all(time).map((row) => ({
        noteId: row.note_id,
        cardId: row.card_id,
        wasNew: row.state_before === CardState.new
      }))
    },
    answersSince(time: number): { reviewedAt: number; grade: Grade; stateBefore: number }[] {
      return answersSince.all(time).map((row) => ({
        reviewedAt: row.reviewed_at,
        grade: row.rating as Grade,
        stateBefore: row.state_before
      }))
    }
  }
}

export type ReviewLogRepository = ReturnType<typeof createReviewLogRepository>

export function createSuggestionDecisionRepository(db: Db) {
  const keys = db.prepare<[string], { suggestion_key: string }>(
    'SELECT suggestion_key FROM suggestion_decisions WHERE document_id = ?'
  )
  const upsert = db.prepare(`
    INSERT INTO suggestion_decisions (document_id, suggestion_key, decision, decided_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(document_id, suggestion_key) DO UPDATE SET decision = excluded.decision,
      decided_at = excluded.decided_at`)
  return {
    decidedKeys(documentId: string): Set<string> {
      return new Set(keys.all(documentId).map((row) => row.suggestion_key))
    },
    record(documentId: string, key: string, decision: 'accepted' | 'rejected', now: number): void {
      upsert.run(documentId, key, decision === 'accepted' ? 1 : 2, now)
    }
  }
}

export type SuggestionDecisionRepository = ReturnType<typeof createSuggestionDecisionRepository>

export interface CachedExtraction {
  eventsJson: string
  actorsJson: string
  suggestionsJson: string
}

export function createExtractionCacheRepository(db: Db) {
  const select = db.prepare<
    [string, string],
    { events_json: string; actors_json: string; suggestions_json: string }
  >(
    'SELECT events_json, actors_json, suggestions_json FROM extraction_cache WHERE content_hash = ? AND extractor_version = ?'
  )
  const upsert = db.prepare(`
    INSERT OR REPLACE INTO extraction_cache (content_hash, extractor_version, events_json, actors_json,
      suggestions_json, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
  return {
    get(contentHash: string, version: string): CachedExtraction | null {
      const row = select.get(contentHash, version)
      return row
        ? { eventsJson: row.events_json, actorsJson: row.actors_json, suggestionsJson: row.suggestions_json }
        : null
    },
    set(contentHash: string, version: string, value: CachedExtraction, now: number): void {
      upsert.run(contentHash, version, value.eventsJson, value.actorsJson, value.suggestionsJson, now)
    }
  }
}

export type ExtractionCacheRepository = ReturnType<typeof createExtractionCacheRepository>
