// Run by tests/unit/libraryLock.test.ts in several processes at once: tries to take the data
// folder's lock, prints "won" or "refused", and holds a won lock until its standard input closes.
import { acquireLibraryLock, LibraryInUseError } from '../../src/main/app/libraryLock'

const dataDir = process.argv[2] ?? ''
try {
  const lock = acquireLibraryLock(dataDir)
  process.stdout.write('won\n')
  process.stdin.resume()
  process.stdin.on('end', () => {
    lock.release()
    process.exit(0)
  })
} catch (error) {
  process.stdout.write(error instanceof LibraryInUseError ? 'refused\n' : `error: ${String(error)}\n`)
  process.exit(0)
}
