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

/**
 * Opens `file` (made if missing) and holds an exclusive lock on it until the connection closes:
 * an open exclusive transaction in rollback-journal mode, so the operating system's file lock
 * (fcntl, LockFileEx) does the work and drops it when the process dies. Nothing is ever written.
 * Returns null when another connection, in this process or another, holds it.
 */
export function openExclusiveLock(file: string, nativeBinding?: string): Db | null {
  // timeout 0: a held lock is reported at once rather than waited for.
  const db = new Database(file, { nativeBinding, timeout: 0 })
  try {
    db.exec('BEGIN EXCLUSIVE')
    return db
  } catch (error) {
    db.close()
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return null
    throw error
  }
}
