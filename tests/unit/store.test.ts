// The store: migrations stamped with user_version in one transaction each, newer databases refused
// untouched, a backup taken before an existing library is migrated, one process per data folder.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupBeforeMigration, databaseFileName, openBackend } from '../../src/main/app/compositionRoot'
import { acquireLibraryLock, LibraryInUseError } from '../../src/main/app/libraryLock'
import { openDatabase } from '../../src/main/db/connection'
import {
  latestSchemaVersion,
  migrate,
  migrations,
  NewerDatabaseError,
  schemaVersion
} from '../../src/main/db/migrations'
import { makeTempDir } from '../support/tempDir'

const resourcesDir = join(__dirname, '..', '..', 'resources')
const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})
function tempDir(): string {
  const dir = makeTempDir()
  cleanups.push(dir.remove)
  return dir.path
}

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1))
  })

  it('bring a new database to the latest version, with WAL and foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'a.sqlite3'))
    expect(migrate(db)).toEqual(migrations.map((migration) => migration.version))
    expect(schemaVersion(db)).toBe(latestSchemaVersion)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(migrate(db)).toEqual([])
    db.close()
  })

  it('roll back a failing migration whole, stamp included', () => {
    const db = openDatabase(join(tempDir(), 'b.sqlite3'))
    const failing = {
      version: 1,
      name: 'failing',
      up: () => {
        db.exec('CREATE TABLE half (x)')
        throw new Error('boom')
      }
    }
    expect(() =>
      db.transaction(() => {
        failing.up()
        db.pragma('user_version = 1')
      })()
    ).toThrow('boom')
    expect(schemaVersion(db)).toBe(0)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuse a database from a newer version and leave its bytes untouched', () => {
    const dataDir = tempDir()
    const file = join(dataDir, databaseFileName)
    const db = openDatabase(file)
    db.pragma(`user_version = ${latestSchemaVersion + 5}`)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const before = readFileSync(file)
    expect(() => openBackend({ dataDir, mode: 'web', resourcesDir })).toThrow(NewerDatabaseError)
    expect(() => openBackend({ dataDir, mode: 'web', resourcesDir })).toThrow(/newer version of Scholia/)
    expect(readFileSync(file).equals(before)).toBe(true)
    // The refused attempt released the data folder.
    acquireLibraryLock(dataDir).release()
  })

  it('run each pending migration once, and call for a backup only when a library already holds data', () => {
    const db = openDatabase(join(tempDir(), 'c.sqlite3'))
    const testMigrations = [
      { version: 1, name: 'one', up: () => db.exec('CREATE TABLE one (x)') },
      { version: 2, name: 'two', up: () => db.exec('CREATE TABLE two (x)') }
    ]
    const backups: number[] = []
    expect(
      migrate(db, { migrations: testMigrations.slice(0, 1), beforeMigrating: (from) => backups.push(from) })
    ).toEqual([1])
    expect(backups).toEqual([])
    expect(
      migrate(db, { migrations: testMigrations, beforeMigrating: (from) => backups.push(from) })
    ).toEqual([2])
    expect(backups).toEqual([1])
    db.close()
  })

  it('write a consistent backup copy that passes integrity_check', () => {
    const dataDir = tempDir()
    const backend = openBackend({ dataDir, mode: 'web', resourcesDir })
    backupBeforeMigration(backend.db, dataDir, 1, Date.UTC(2026, 0, 2))
    backend.close()
    const [file] = readdirSync(join(dataDir, 'backups'))
    expect(file).toMatch(/^before-migration-v1-2026-01-02/)
    const copy = openDatabase(join(dataDir, 'backups', file as string), { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 1 })
    copy.close()
  })
})

describe('one process per data folder', () => {
  it('a second lock on the same folder is refused with a clear message', () => {
    const dataDir = tempDir()
    const lock = acquireLibraryLock(dataDir)
    // Same process counts as "another window" too: the folder is taken.
    expect(() => acquireLibraryLock(dataDir)).toThrow(LibraryInUseError)
    expect(() => acquireLibraryLock(dataDir)).toThrow(/already open/)
    lock.release()
    acquireLibraryLock(dataDir).release()
  })

  it('a lock left by a process that no longer runs is taken over', () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'scholia.lock'), '999999999')
    const lock = acquireLibraryLock(dataDir)
    expect(readFileSync(join(dataDir, 'scholia.lock'), 'utf8')).toBe(String(process.pid))
    lock.release()
    expect(readdirSync(dataDir)).not.toContain('scholia.lock')
  })
})
