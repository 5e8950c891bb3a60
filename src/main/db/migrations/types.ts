// The shape of one numbered, forward-only schema migration.
import type { Db } from '../connection'

export interface Migration {
  version: number
  name: string
  up(db: Db): void
}
