// Migration 4: flashcards with their FSRS state, the log of every answer (with the state before
// and after, so the last answer can be undone exactly), decisions on generated suggestions (so
// regenerating never brings back a card already accepted or rejected), and a cache of extraction
// results keyed by document content hash (extraction takes seconds; documents never change).
// Study settings live in the `settings` key/value table (key 'study'), like the reader's.
// Never edit after it has landed: add a new numbered migration instead.
import type { Migration } from './types'

export const migration004: Migration = {
  version: 4,
  name: 'cards',
  up(db) {
    db.exec(`
      CREATE TABLE cards (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        -- cards of one cloze note share it; a basic card is its own note
        note_id TEXT NOT NULL,
        -- 1 basic, 2 cloze, 3 date, 4 actor
        kind INTEGER NOT NULL,
        front TEXT NOT NULL,
        back TEXT NOT NULL,
        cloze_index INTEGER,
        tags_json TEXT NOT NULL,
        -- the generated suggestion the card was accepted from; NULL when made by hand
        suggestion_key TEXT,
        -- the source passage, as an annotation's selectors; all NULL for a card typed by hand
        block_id TEXT,
        quote_exact TEXT,
        quote_prefix TEXT,
        quote_suffix TEXT,
        source_start INTEGER,
        source_end INTEGER,
        -- FSRS state (ts-fsrs Card); times as epoch ms
        due INTEGER NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        elapsed_days INTEGER NOT NULL,
        scheduled_days INTEGER NOT NULL,
        learning_steps INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL,
        -- 0 new, 1 learning, 2 review, 3 relearning
        state INTEGER NOT NULL,
        last_review INTEGER,
        suspended INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- set when deleted; kept so that Undo can bring it back
        deleted_at INTEGER
      );
      CREATE INDEX cards_due ON cards(due) WHERE deleted_at IS NULL;
      CREATE INDEX cards_document ON cards(document_id, created_at);
      CREATE INDEX cards_note ON cards(note_id);
      CREATE INDEX cards_created ON cards(created_at);

      CREATE TABLE review_logs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        note_id TEXT NOT NULL,
        -- 1 Again, 2 Hard, 3 Good, 4 Easy
        rating INTEGER NOT NULL,
        reviewed_at INTEGER NOT NULL,
        duration_ms INTEGER,
        state_before INTEGER NOT NULL,
        state_after INTEGER NOT NULL,
        due_after INTEGER NOT NULL,
        -- the whole schedule before and after (JSON), so that undo restores it to the bit
        schedule_before_json TEXT NOT NULL,
        schedule_after_json TEXT NOT NULL
      );
      CREATE INDEX review_logs_time ON review_logs(reviewed_at);
      CREATE INDEX review_logs_card ON review_logs(card_id);

      CREATE TABLE suggestion_decisions (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        suggestion_key TEXT NOT NULL,
        -- 1 accepted, 2 rejected
        decision INTEGER NOT NULL,
        decided_at INTEGER NOT NULL,
        PRIMARY KEY (document_id, suggestion_key)
      ) WITHOUT ROWID;

      CREATE TABLE extraction_cache (
        content_hash TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        events_json TEXT NOT NULL,
        actors_json TEXT NOT NULL,
        suggestions_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (content_hash, extractor_version)
      ) WITHOUT ROWID;
    `)
  }
}
