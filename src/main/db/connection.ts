// Opens the one SQLite connection the main process owns, with the pragmas Scholia relies on:
// WAL for crash safety and concurrent readers, foreign keys enforced, NORMAL sync (durable in WAL
// at each checkpoint, and no lost committed transaction on an application crash).
import Database from 'better-sqlite3'

export type Db = Database.Database

export interface OpenDatabaseOptions {
  /** Path to a better-sqlite3 build for the running runtime (Electron needs its own ABI). */
  nativeBinding?: string
  readonly?: boolean
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const db = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false
  })
  db.pragma('busy_timeout = 5000')
  if (!options.readonly) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
  }
  db.pragma('foreign_keys = ON')
  return db
}
