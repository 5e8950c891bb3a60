// Migration 8: the search index's row texts, one row each, beside the segments (issue 17). A
// segment no longer holds its rows' texts: a ten-million-word library kept them all in memory
// (70 M characters) only to cut the snippets of the 20 results shown, and read them all at every
// start. Now a result's text is read by (segment, row) when it is shown. Derived data, like
// search_segments: segments of the older format are rebuilt at the next start, writing these.
// Never edit after it has landed: add a new numbered migration instead.
import type { Migration } from './types'

export const migration008: Migration = {
  version: 8,
  name: 'search texts',
  up(db) {
    db.exec(`
      CREATE TABLE search_texts (
        key TEXT NOT NULL,
        row INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (key, row)
      );
    `)
  }
}
