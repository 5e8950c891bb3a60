// Swapping the database file itself, always with the database closed: the start-up check that
// puts a damaged library aside and restores the newest good backup, "Restore from backup", and
// "Import library" (a .scholia file from another computer). Nothing is ever deleted: the file
// that is replaced is renamed beside it, together with its -wal and -shm, because a stale -wal
// next to a different database file would be replayed into it.
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { StartupNotice } from '../../shared/library/types'
import { latestSchemaVersion } from '../db/migrations'
import {
  backupFolderName,
  backupStamp,
  checkDatabaseFile,
  listBackupFiles,
  withReadOnlyDatabase
} from './backupService'

const companions = ['-wal', '-shm', '-journal']

/** Renames the database file and its companions to `<file>.<label>-<time>`; returns the new name. */
export function moveDatabaseAside(file: string, label: string, now: number): string {
  const aside = `${file}.${label}-${backupStamp(now)}`
  if (existsSync(file)) renameSync(file, aside)
  for (const suffix of companions) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
  }
  return aside
}

/** Copies `source` in as the database (through a temporary name, so a failed copy leaves no half file). */
function copyIn(source: string, file: string): void {
  const temporary = `${file}.incoming`
  copyFileSync(source, temporary)
  renameSync(temporary, file)
}

/**
 * At start-up: when the library fails quick_check or does not open as a database, puts it aside
 * and restores the newest backup that passes integrity_check. Returns what to tell the person,
 * or null when the library is sound (or new).
 */
export function recoverIfDamaged(
  dataDir: string,
  file: string,
  now: number,
  nativeBinding?: string
): StartupNotice | null {
  if (!existsSync(file)) return null
  if (statSync(file).size === 0 && !existsSync(`${file}-wal`)) return null
  const problem = checkDatabaseFile(file, nativeBinding, 'quick_check')
  if (problem === null) return null
  const aside = moveDatabaseAside(file, 'damaged', now)
  for (const backup of listBackupFiles(dataDir)) {
    const path = join(dataDir, backupFolderName, backup.fileName)
    if (checkDatabaseFile(path, nativeBinding) !== null) continue
    copyIn(path, file)
    return {
      tone: 'warning',
      message:
        `Scholia found its library damaged (${problem}) and restored the backup of ` +
        `${new Date(backup.createdAt).toLocaleString()}. Work done after that backup is not in it. ` +
        `The damaged file was kept as ${basename(aside)} in ${dataDir}.`
    }
  }
  return {
    tone: 'warning',
    message:
      `Scholia found its library damaged (${problem}) and had no good backup to restore, so it started ` +
      `an empty library. The damaged file was kept as ${basename(aside)} in ${dataDir}.`
  }
}

/** Why a file cannot be used as a library, or null when it can. */
export function libraryFileProblem(file: string, nativeBinding?: string): string | null {
  const problem = checkDatabaseFile(file, nativeBinding)
  if (problem !== null) return `This file is not a sound Scholia library (${problem}).`
  return withReadOnlyDatabase(file, nativeBinding, (db) => {
    const version = db.pragma('user_version', { simple: true }) as number
    const hasDocuments =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get() !==
      undefined
    if (version === 0 || !hasDocuments) return 'This file is an SQLite database but not a Scholia library.'
    if (version > latestSchemaVersion) {
      return `This library was written by a newer version of Scholia (schema ${version}; this version knows up to ${latestSchemaVersion}). Update Scholia to open it.`
    }
    return null
  })
}

/**
 * Replaces the (closed) database with `source`, keeping the current one beside it as
 * `<file>.replaced-<time>`. When the copy fails, the current library is put back.
 */
export function replaceDatabase(file: string, source: string, now: number): string {
  const aside = moveDatabaseAside(file, 'replaced', now)
  try {
    copyIn(source, file)
  } catch (error) {
    rmSync(`${file}.incoming`, { force: true })
    if (existsSync(aside)) renameSync(aside, file)
    for (const suffix of companions) if (existsSync(aside + suffix)) renameSync(aside + suffix, file + suffix)
    throw error
  }
  return aside
}

/** Undoes replaceDatabase: the new file goes aside as `rejected`, the previous one comes back. */
export function putDatabaseBack(file: string, aside: string, now: number): void {
  moveDatabaseAside(file, 'rejected', now)
  if (existsSync(aside)) renameSync(aside, file)
  for (const suffix of companions) if (existsSync(aside + suffix)) renameSync(aside + suffix, file + suffix)
}
