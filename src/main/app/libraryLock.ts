// Only one process opens a data folder at a time (the Electron app or a browser-mode server):
// a lock file holding the owner's pid, taken with O_EXCL. A lock left by a process that no longer
// runs (a crash, kill -9) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../../shared/userError'

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

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10)
    return Number.isFinite(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

export function acquireLibraryLock(dataDir: string): LibraryLock {
  const lockFile = join(dataDir, 'scholia.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          if (readOwner(lockFile) === process.pid) rmSync(lockFile, { force: true })
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = readOwner(lockFile)
      if (owner !== null && owner !== process.pid && processIsRunning(owner)) {
        throw new LibraryInUseError(dataDir, owner)
      }
      if (owner === process.pid) throw new LibraryInUseError(dataDir, owner)
      rmSync(lockFile, { force: true }) // stale: its owner is gone
    }
  }
  throw new LibraryInUseError(dataDir, readOwner(lockFile))
}
