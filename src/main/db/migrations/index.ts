// Applies the numbered migrations in order, each in one transaction together with its
// PRAGMA user_version stamp. A database from a newer Scholia is refused and left untouched.
import type { Db } from '../connection'
import { UserError } from '../../../shared/userError'
import { migration001 } from './001_documents'
import { migration002 } from './002_annotations'
import { migration003 } from './003_search'
import { migration004 } from './004_cards'
import { migration005 } from './005_card_anchors'
import { migration006 } from './006_pages'
import { migration007 } from './007_document_pdfs'
import { migration008 } from './008_search_texts'
import type { Migration } from './types'

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008
]

export const latestSchemaVersion = migrations.length

export class NewerDatabaseError extends UserError {
  constructor(found: number) {
    super(
      'refused',
      `This library was written by a newer version of Scholia (schema ${found}; this version knows up to ${latestSchemaVersion}). ` +
        'It was left untouched: update Scholia to open it.'
    )
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export interface MigrateOptions {
  /** Called once before the first pending migration runs on a database that already holds data. */
  beforeMigrating?: (fromVersion: number) => void
  /** The list to apply (tests pass their own); Scholia's own by default. */
  migrations?: readonly Migration[]
}

/** Brings the schema up to date; returns the versions applied. */
export function migrate(db: Db, options: MigrateOptions = {}): number[] {
  const list = options.migrations ?? migrations
  const current = schemaVersion(db)
  if (current > list.length) throw new NewerDatabaseError(current)
  const pending = list.filter((migration) => migration.version > current)
  if (pending.length > 0 && current > 0) options.beforeMigrating?.(current)
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return pending.map((migration) => migration.version)
}
