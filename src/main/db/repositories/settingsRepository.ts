// Key/value settings (JSON values) and per-document reading positions.
import type { Db } from '../connection'

export function createSettingsRepository(db: Db) {
  const select = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
  const upsert = db.prepare(
    'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json'
  )
  return {
    get<T>(key: string): T | null {
      const row = select.get(key)
      return row ? (JSON.parse(row.value_json) as T) : null
    },
    set(key: string, value: unknown): void {
      upsert.run(key, JSON.stringify(value))
    }
  }
}

export interface StoredReadingPosition {
  blockOrdinal: number
  fraction: number
  updatedAt: number
}

export function createReadingPositionRepository(db: Db) {
  const select = db.prepare<[string], { block_ordinal: number; fraction: number; updated_at: number }>(
    'SELECT block_ordinal, fraction, updated_at FROM reading_positions WHERE document_id = ?'
  )
  const upsert = db.prepare(`
    INSERT INTO reading_positions (document_id, block_ordinal, fraction, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(document_id) DO UPDATE SET block_ordinal = excluded.block_ordinal,
      fraction = excluded.fraction, updated_at = excluded.updated_at`)
  return {
    get(documentId: string): StoredReadingPosition | null {
      const row = select.get(documentId)
      return row
        ? { blockOrdinal: row.block_ordinal, fraction: row.fraction, updatedAt: row.updated_at }
        : null
    },
    set(documentId: string, position: StoredReadingPosition): void {
      upsert.run(documentId, position.blockOrdinal, position.fraction, position.updatedAt)
    }
  }
}

export function createBundledImportRepository(db: Db) {
  const select = db.prepare<[string, string], { imported_at: number }>(
    'SELECT imported_at FROM bundled_imports WHERE resource_name = ? AND content_hash = ?'
  )
  const insert = db.prepare(
    'INSERT OR IGNORE INTO bundled_imports (resource_name, content_hash, imported_at) VALUES (?, ?, ?)'
  )
  return {
    wasImported(resourceName: string, contentHash: string): boolean {
      return select.get(resourceName, contentHash) !== undefined
    },
    record(resourceName: string, contentHash: string, now: number): void {
      insert.run(resourceName, contentHash, now)
    }
  }
}
