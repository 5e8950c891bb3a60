// Migration 1: documents and their structure, reader settings and reading positions.
// Never edit after it has landed: add a new numbered migration instead.
import type { Migration } from './types'

export const migration001: Migration = {
  version: 1,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        metadata_json TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        source_name TEXT NOT NULL,
        bundled INTEGER NOT NULL DEFAULT 0,
        block_count INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        last_opened_at INTEGER,
        removed_at INTEGER
      );
      CREATE UNIQUE INDEX documents_content_hash ON documents(content_hash);

      CREATE TABLE blocks (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        kind INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        number INTEGER,
        section_ordinal INTEGER,
        refs_json TEXT NOT NULL,
        marks_json TEXT NOT NULL,
        PRIMARY KEY (document_id, ordinal)
      ) WITHOUT ROWID;

      CREATE TABLE bundled_imports (
        resource_name TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (resource_name, content_hash)
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      );

      CREATE TABLE reading_positions (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        block_ordinal INTEGER NOT NULL,
        fraction REAL NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `)
  }
}
