// Migration 2: annotations (highlights and notes) with their W3C selectors, and their tags.
// Never edit after it has landed: add a new numbered migration instead.
import type { Migration } from './types'

export const migration002: Migration = {
  version: 2,
  name: 'annotations',
  up(db) {
    db.exec(`
      CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        block_id TEXT NOT NULL,
        quote_exact TEXT NOT NULL,
        quote_prefix TEXT NOT NULL,
        quote_suffix TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        -- index into highlightColourIds; NULL for a note without a highlight colour
        colour INTEGER,
        note TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        -- 1 anchored, 2 orphaned
        anchor_state INTEGER NOT NULL,
        anchor_score REAL NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- set when deleted; kept so that Undo can bring it back
        deleted_at INTEGER
      );
      CREATE INDEX annotations_document ON annotations(document_id, start);
      CREATE INDEX annotations_updated ON annotations(updated_at);

      CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (annotation_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX annotation_tags_tag ON annotation_tags(tag);
    `)
  }
}
