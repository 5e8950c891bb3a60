// Migration 5: whether a card's source passage was found again after its document changed, with
// the score of the match (as annotations have). Never edit after it has landed.
import type { Migration } from './types'

export const migration005: Migration = {
  version: 5,
  name: 'card anchors',
  up(db) {
    db.exec(`
      -- 1 anchored, 2 orphaned (the passage could not be found again; the old selectors are kept)
      ALTER TABLE cards ADD COLUMN source_state INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE cards ADD COLUMN source_score REAL NOT NULL DEFAULT 1;
    `)
  }
}
