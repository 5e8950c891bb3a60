// Migration 7: the original PDF of each document imported from one, kept in the library itself.
// Never edit after it has landed.
//
// Why a blob in SQLite and not a file beside the library named by its SHA-256: the library is one
// file, and everything that keeps it safe works on that file — the online backup API (daily,
// before a migration, before a restore, "Back up now"), integrity_check on every copy, "Restore
// from backup", the start-up recovery and whole-library export and import (a .scholia file is a
// copy of the database). A PDF in the database is in all of them with no second mechanism, is
// written in the same transaction as its document (an import that fails stores neither), and
// cannot drift from it (a folder of files could lose one, or keep one no document names). The cost
// is size: backups are as large as the PDFs they hold (an import is at most 50 MB), which the
// rotation bounds (backupService.keepBackups).
import type { Migration } from './types'

export const migration007: Migration = {
  version: 7,
  name: 'document pdfs',
  up(db) {
    db.exec(`
      -- Its own table, so that listing and opening documents never reads the PDFs' pages.
      CREATE TABLE document_pdfs (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        stored_at INTEGER NOT NULL
      );
    `)
  }
}
