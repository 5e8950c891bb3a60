// Backups of the library: consistent copies made with SQLite's online backup API into `backups/`
// in the data folder, each checked with integrity_check before it counts (a copy that fails is
// deleted), rotated per kind. A daily backup is made at most once a day and only when the library
// changed since the newest backup. Restoring and replacing the database file itself is in
// libraryFiles.ts: it needs the database closed.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '../../shared/library/types'
import { openDatabase, type Db } from '../db/connection'

export const backupFolderName = 'backups'
export const backupExtension = '.sqlite3'

/** How many backups of each kind are kept; the oldest beyond that are deleted. */
export const keepBackups: Record<BackupInfo['kind'], number> = {
  daily: 7,
  'before-migration': 5,
  'before-restore': 5,
  manual: 10
}

const dayMs = 24 * 60 * 60 * 1000

export function backupStamp(time: number): string {
  return new Date(time).toISOString().replace(/[:.]/g, '-')
}

/** Reads the kind from a backup's file name; null for files that are not backups. */
export function backupKindOf(fileName: string): BackupInfo['kind'] | null {
  if (!fileName.endsWith(backupExtension)) return null
  if (fileName.startsWith('daily-')) return 'daily'
  if (fileName.startsWith('before-migration-')) return 'before-migration'
  if (fileName.startsWith('before-restore-')) return 'before-restore'
  if (fileName.startsWith('manual-')) return 'manual'
  return null
}

export function listBackupFiles(dataDir: string): BackupInfo[] {
  const folder = join(dataDir, backupFolderName)
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  const backups: BackupInfo[] = []
  for (const fileName of names) {
    const kind = backupKindOf(fileName)
    if (!kind) continue
    try {
      const stat = statSync(join(folder, fileName))
      if (stat.isFile()) backups.push({ fileName, kind, createdAt: stat.mtimeMs, bytes: stat.size })
    } catch {
      // Deleted between the listing and the stat: not a backup any more.
    }
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || (a.fileName < b.fileName ? 1 : -1))
}

/** Files SQLite keeps beside a database in WAL mode. */
const walCompanions = ['-wal', '-shm']

/**
 * Opens a database file read-only for `use`. A read-only connection to a WAL database makes
 * `-wal` and `-shm` files and cannot remove them when it closes: those it made (empty: it writes
 * nothing) are removed here, so that checking a backup leaves no files beside it. Companions that
 * were there before are left alone (a library's `-wal` can hold committed work).
 */
export function withReadOnlyDatabase<T>(
  file: string,
  nativeBinding: string | undefined,
  use: (db: Db) => T
): T {
  const madeHere = walCompanions.map((suffix) => file + suffix).filter((path) => !existsSync(path))
  let db: Db | undefined
  try {
    db = openDatabase(file, { readonly: true, nativeBinding })
    return use(db)
  } finally {
    db?.close()
    for (const path of madeHere) rmSync(path, { force: true })
  }
}

/**
 * Runs integrity_check on a database file opened read-only; returns null when it is sound, else
 * what is wrong in SQLite's words. A file that does not open at all is not sound either.
 */
export function checkDatabaseFile(
  file: string,
  nativeBinding?: string,
  check = 'integrity_check'
): string | null {
  try {
    return withReadOnlyDatabase(file, nativeBinding, (db) => {
      const rows = db.pragma(check) as Record<string, string>[]
      const messages = rows.map((row) => Object.values(row)[0] ?? '')
      return messages.length === 1 && messages[0] === 'ok' ? null : messages.slice(0, 5).join('; ')
    })
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * Removes `-wal` and `-shm` files from the backups folder: checks by earlier versions left them
 * beside backups and `.partial` copies. Backups are only ever opened read-only, so none holds data.
 */
function removeLeftoverCompanions(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (walCompanions.some((suffix) => name.endsWith(suffix))) rmSync(join(folder, name), { force: true })
  }
}

export interface BackupServiceDependencies {
  db: Db
  dataDir: string
  databaseFile: string
  now: () => number
  nativeBinding?: string
}

export function createBackupService(dependencies: BackupServiceDependencies) {
  const { db, dataDir, now } = dependencies
  const folder = join(dataDir, backupFolderName)
  let running: Promise<BackupInfo | null> | null = null

  function rotate(kind: BackupInfo['kind']): void {
    const ofKind = listBackupFiles(dataDir).filter((backup) => backup.kind === kind)
    for (const old of ofKind.slice(keepBackups[kind])) rmSync(join(folder, old.fileName), { force: true })
  }

  /** The time the library last changed on disk (the database file or its write-ahead log). */
  function lastChange(): number {
    let latest = 0
    for (const file of [dependencies.databaseFile, `${dependencies.databaseFile}-wal`]) {
      try {
        latest = Math.max(latest, statSync(file).mtimeMs)
      } catch {
        // No -wal file: nothing was written since the last checkpoint.
      }
    }
    return latest
  }

  async function writeBackup(kind: BackupInfo['kind']): Promise<BackupInfo | null> {
    mkdirSync(folder, { recursive: true })
    removeLeftoverCompanions(folder)
    const fileName = `${kind}-${backupStamp(now())}${backupExtension}`
    const temporary = join(folder, `.${fileName}.partial`)
    try {
      await db.backup(temporary)
      const problem = checkDatabaseFile(temporary, dependencies.nativeBinding)
      if (problem !== null) {
        rmSync(temporary, { force: true })
        return null
      }
      renameSync(temporary, join(folder, fileName))
    } catch (error) {
      rmSync(temporary, { force: true })
      throw error
    }
    rotate(kind)
    return listBackupFiles(dataDir).find((backup) => backup.fileName === fileName) ?? null
  }

  function backupNow(kind: BackupInfo['kind']): Promise<BackupInfo | null> {
    // One backup at a time: two copies of the same moment are no safer than one.
    const previous = running ?? Promise.resolve(null)
    const next = previous.catch(() => null).then(() => writeBackup(kind))
    running = next.finally(() => {
      if (running === next) running = null
    })
    return next
  }

  return {
    list(): BackupInfo[] {
      return listBackupFiles(dataDir)
    },
    backupNow,
    /** A daily backup when the newest one is a day old and the library changed since; null otherwise. */
    async maybeDailyBackup(): Promise<BackupInfo | null> {
      const newest = listBackupFiles(dataDir).find((backup) => backup.kind === 'daily')
      if (newest && now() - newest.createdAt < dayMs) return null
      const newestAny = listBackupFiles(dataDir)[0]
      if (newestAny && lastChange() <= newestAny.createdAt) return null
      return backupNow('daily')
    },
    /** The bytes of a consistent copy of the whole library (for "Export library"). */
    async libraryCopy(): Promise<Uint8Array> {
      mkdirSync(folder, { recursive: true })
      const temporary = join(folder, `.export-${backupStamp(now())}-${process.pid}.partial`)
      try {
        await db.backup(temporary)
        return readFileSync(temporary)
      } finally {
        rmSync(temporary, { force: true })
      }
    },
    /** Waits for a backup in progress, so the database can be closed. */
    async idle(): Promise<void> {
      await (running ?? Promise.resolve(null)).catch(() => null)
    }
  }
}

export type BackupService = ReturnType<typeof createBackupService>
