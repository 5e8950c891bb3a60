// Migration 3: the persisted search index. Derived data: each row is one segment (a document, the
// notes, the cards) with the stamp of what it covers, so start-up loads instead of rebuilding.
// Never edit after it has landed: add a new numbered migration instead.
import type { Migration } from './types'

export const migration003: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE TABLE search_segments (
        key TEXT PRIMARY KEY,
        stamp TEXT NOT NULL,
        words INTEGER NOT NULL,
        data BLOB NOT NULL,
        built_at INTEGER NOT NULL
      );
    `)
  }
}
