// Only one process opens a data folder at a time (the Electron app or a browser-mode server).
//
// The lock is an operating-system lock: an exclusive SQLite transaction held open on
// `scholia.lock.sqlite3` for as long as the library is open (POSIX fcntl locks, LockFileEx on
// Windows). Taking it is one atomic step, so two processes racing for a folder cannot both win,
// and the system drops it when its process dies (a crash, kill -9): there is no stale lock to
// detect and remove. (The earlier lock, a pid file taken with O_EXCL, removed a stale one by
// check-then-remove: two processes could each find it stale, and the later one deleted the lock
// the earlier had just made.) That file must never be deleted: a process that opened it before
// the deletion would lock a file no one else sees.
//
// `scholia.lock` still holds the owner's pid, written once the lock is held, only to name the owner
// in the "already open" message: whatever it says, the system lock decides (a pid left by a crash
// may belong to another program by now).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../../shared/userError'
import { openExclusiveLock } from '../db/connection'

export class LibraryInUseError extends UserError {
  readonly ownerPid: number | null

  constructor(dataDir: string, ownerPid: number | null) {
    super(
      'conflict',
      `The Scholia library in ${dataDir} is already open in another Scholia window or server` +
        (ownerPid ? ` (process ${ownerPid})` : '') +
        '. Close that one first, or choose another folder with --data-dir.'
    )
    this.ownerPid = ownerPid
  }
}

export interface LibraryLock {
  release(): void
}

export interface LibraryLockOptions {
  /** better-sqlite3 build for the running runtime (Electron needs its own). */
  nativeBinding?: string
}

export const lockFileName = 'scholia.lock'
export const systemLockFileName = 'scholia.lock.sqlite3'

function readOwner(pidFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10)
    return Number.isFinite(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

export function acquireLibraryLock(dataDir: string, options: LibraryLockOptions = {}): LibraryLock {
  const pidFile = join(dataDir, lockFileName)
  const lockDatabase = openExclusiveLock(join(dataDir, systemLockFileName), options.nativeBinding)
  if (!lockDatabase) throw new LibraryInUseError(dataDir, readOwner(pidFile))
  try {
    const partial = `${pidFile}.${process.pid}.partial`
    writeFileSync(partial, String(process.pid))
    renameSync(partial, pidFile)
  } catch (error) {
    lockDatabase.close()
    throw error
  }
  let released = false
  return {
    release() {
      if (released) return
      released = true
      if (readOwner(pidFile) === process.pid) rmSync(pidFile, { force: true })
      lockDatabase.close()
    }
  }
}
