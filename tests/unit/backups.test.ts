// Keeping work safe, on real SQLite files: backups that pass integrity_check and restore to an
// equal library, "Restore from backup" and "Import library" behind the same handlers, start-up
// recovery from a truncated file, flipped header bytes and a stale -wal (BAD_INPUTS 23), and a
// process killed during a burst of writes (BAD_INPUTS 21).
import { spawn } from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { databaseFileName, openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { openDatabase } from '../../src/main/db/connection'
import { checkDatabaseFile } from '../../src/main/services/backupService'
import { makeTempDir } from '../support/tempDir'

const resourcesDir = join(__dirname, '..', '..', 'resources')
const cleanups: (() => void)[] = []
let clock = 1_700_000_000_000
const now = () => clock

afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

function tempDir(): string {
  const dir = makeTempDir()
  cleanups.push(dir.remove)
  return dir.path
}

function start(dataDir: string): Backend {
  const backend = openBackend({ dataDir, mode: 'web', resourcesDir, now })
  cleanups.push(() => {
    try {
      backend.close()
    } catch {
      // closed by the test
    }
  })
  return backend
}

async function addNote(backend: Backend, note: string) {
  const [document] = await backend.handlers.listDocuments({})
  const view = await backend.handlers.getDocument({ documentId: document?.id ?? '' })
  const block = view.blocks.find((candidate) => candidate.kind === 'paragraph') ?? view.blocks[0]
  return backend.handlers.createAnnotation({
    documentId: document?.id ?? '',
    start: block?.start ?? 0,
    end: (block?.start ?? 0) + 10,
    colour: 'green',
    note
  })
}

async function snapshot(backend: Backend) {
  const documents = await backend.handlers.listDocuments({})
  const notes = []
  for (const document of documents)
    notes.push(...(await backend.handlers.listAnnotations({ documentId: document.id })))
  return {
    documents: documents.map((document) => [document.id, document.title]),
    notes: notes.map((note) => [note.id, note.note])
  }
}

describe('backups', () => {
  it('are checked, and a backup copied into a fresh data folder opens as an equal library', async () => {
    const dataDir = tempDir()
    const backend = start(dataDir)
    await addNote(backend, 'kept in the backup')
    const before = await snapshot(backend)
    const backup = await backend.handlers.backupNow({})
    const backupPath = join(dataDir, 'backups', backup.fileName)
    expect(checkDatabaseFile(backupPath)).toBeNull()

    const fresh = tempDir()
    copyFileSync(backupPath, join(fresh, databaseFileName))
    const restored = start(fresh)
    expect(await snapshot(restored)).toEqual(before)
  })

  it('restoreBackup swaps the library behind the same handlers and keeps the replaced one', async () => {
    const dataDir = tempDir()
    const backend = start(dataDir)
    await addNote(backend, 'before the backup')
    const backup = await backend.handlers.backupNow({})
    const before = await snapshot(backend)
    clock += 1000
    await addNote(backend, 'after the backup')
    const result = await backend.handlers.restoreBackup({ fileName: backup.fileName })
    expect(result.message).toMatch(/restored/)
    expect(await snapshot(backend)).toEqual(before)
    expect(readdirSync(dataDir).some((name) => name.startsWith(`${databaseFileName}.replaced-`))).toBe(true)
    expect((await backend.handlers.listBackups({})).some((entry) => entry.kind === 'before-restore')).toBe(
      true
    )
    await expect(backend.handlers.restoreBackup({ fileName: '../scholia.sqlite3' })).rejects.toThrow(
      /no longer exists/
    )
  })

  it('leave no -wal or -shm files beside backups (and clear those older versions left)', async () => {
    const dataDir = tempDir()
    const backend = start(dataDir)
    const folder = join(dataDir, 'backups')
    const first = await backend.handlers.backupNow({})
    clock += 1000
    await backend.handlers.restoreBackup({ fileName: first.fileName })
    const [file] = (await backend.handlers.exportFiles({ documentId: null, format: 'library' })).files
    await backend.handlers.importLibrary({
      fileName: 'moved.scholia',
      bytes: Buffer.from(file?.content ?? '', 'base64')
    })
    expect(readdirSync(folder).filter((name) => /-(wal|shm)$|\.partial/.test(name))).toEqual([])
    clock += 1000
    writeFileSync(join(folder, '.daily-2026-01-01T00-00-00-000Z.sqlite3.partial-wal'), '')
    writeFileSync(join(folder, '.daily-2026-01-01T00-00-00-000Z.sqlite3.partial-shm'), '')
    const last = await backend.handlers.backupNow({})
    expect(checkDatabaseFile(join(folder, last.fileName))).toBeNull()
    const names = readdirSync(folder)
    expect(names.filter((name) => /-(wal|shm)$|\.partial/.test(name))).toEqual([])
    expect(names.filter((name) => name.endsWith('.sqlite3')).length).toBeGreaterThanOrEqual(3)
  })

  it('importLibrary takes a .scholia export from another library and refuses a file that is not one', async () => {
    const source = start(tempDir())
    await addNote(source, 'from the other computer')
    const expected = await snapshot(source)
    const [file] = (await source.handlers.exportFiles({ documentId: null, format: 'library' })).files
    expect(file?.fileName).toMatch(/^Scholia library \d{4}-\d{2}-\d{2}\.scholia$/)

    const target = start(tempDir())
    await expect(
      target.handlers.importLibrary({
        fileName: 'notes.scholia',
        bytes: Buffer.from('not a database')
      })
    ).rejects.toThrow(/not a sound Scholia library/)
    await target.handlers.importLibrary({
      fileName: file?.fileName ?? '',
      bytes: Buffer.from(file?.content ?? '', 'base64')
    })
    expect(await snapshot(target)).toEqual(expected)
  })
})

describe('start-up recovery (BAD_INPUTS 23)', () => {
  async function damagedLibrary(damage: (file: string) => void) {
    const dataDir = tempDir()
    const backend = start(dataDir)
    await addNote(backend, 'in the backup')
    await backend.handlers.backupNow({})
    const expected = await snapshot(backend)
    clock += 1000
    await addNote(backend, 'written after the backup')
    backend.close()
    damage(join(dataDir, databaseFileName))
    const reopened = start(dataDir)
    return { dataDir, reopened, expected }
  }

  async function expectRecovered(dataDir: string, reopened: Backend, expected: unknown) {
    const notices = await reopened.handlers.getStartupNotices({})
    expect(notices[0]?.message).toMatch(/damaged .*restored the backup/s)
    expect(await reopened.handlers.getStartupNotices({})).toEqual([])
    expect(await snapshot(reopened)).toEqual(expected)
    expect(readdirSync(dataDir).some((name) => name.startsWith(`${databaseFileName}.damaged-`))).toBe(true)
    expect(checkDatabaseFile(join(dataDir, databaseFileName))).toBeNull()
  }

  it('restores the newest good backup when the file is truncated', async () => {
    const { dataDir, reopened, expected } = await damagedLibrary((file) =>
      truncateSync(file, Math.floor(statSync(file).size / 3))
    )
    await expectRecovered(dataDir, reopened, expected)
  })

  it('restores the newest good backup when header bytes are flipped', async () => {
    const { dataDir, reopened, expected } = await damagedLibrary((file) => {
      const handle = openSync(file, 'r+')
      writeSync(handle, Buffer.from('Not SQLite at all'), 0, 16, 0)
      closeSync(handle)
    })
    await expectRecovered(dataDir, reopened, expected)
  })

  it('moves a stale -wal aside with the damaged file, so it is never replayed into the backup', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, databaseFileName)
    const backend = start(dataDir)
    await addNote(backend, 'in the backup')
    await backend.handlers.backupNow({})
    const expected = await snapshot(backend)
    // Everything so far into the main file; what follows lives only in the -wal.
    backend.db.pragma('wal_checkpoint(TRUNCATE)')
    await addNote(backend, 'only in the write-ahead log')
    // The -wal as it stood before the clean close checkpointed it away.
    copyFileSync(`${file}-wal`, `${file}.kept-wal`)
    backend.close()
    truncateSync(file, Math.floor(statSync(file).size / 4))
    copyFileSync(`${file}.kept-wal`, `${file}-wal`)
    const reopened = start(dataDir)
    await expectRecovered(dataDir, reopened, expected)
    expect(readdirSync(dataDir).some((name) => /\.damaged-.*-wal$/.test(name))).toBe(true)
  })

  it('starts an empty library and says so when no backup is good', async () => {
    const dataDir = tempDir()
    start(dataDir).close()
    truncateSync(join(dataDir, databaseFileName), 100)
    const reopened = start(dataDir)
    const [notice] = await reopened.handlers.getStartupNotices({})
    expect(notice?.message).toMatch(/no good backup/)
    expect(existsSync(join(dataDir, databaseFileName))).toBe(true)
  })
})

describe('a process killed during a burst of writes (BAD_INPUTS 21)', () => {
  it('leaves a sound database with every committed transaction and no half of one', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'burst.sqlite3')
    const setup = openDatabase(file)
    setup.exec('CREATE TABLE writes (batch INTEGER NOT NULL, item INTEGER NOT NULL, payload TEXT NOT NULL)')
    setup.close()
    const batchSize = 50
    // The child uses the app's own connection settings (WAL, synchronous NORMAL).
    const child = spawn(
      process.execPath,
      [
        '-e',
        `
        const Database = require('better-sqlite3')
        const db = new Database(process.argv[1])
        db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('foreign_keys = ON')
        const insert = db.prepare('INSERT INTO writes VALUES (?, ?, ?)')
        const batch = db.transaction((n) => { for (let i = 0; i < ${batchSize}; i++) insert.run(n, i, 'x'.repeat(200)) })
        for (let n = 1; ; n++) { batch(n); process.stdout.write(n + '\\n') }
        `,
        file
      ],
      { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] }
    )
    let committed = 0
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const numbers = String(chunk).trim().split('\n').map(Number)
        committed = Math.max(committed, ...numbers.filter(Number.isFinite))
        if (committed >= 200 && !child.killed) {
          child.kill('SIGKILL')
          resolve()
        }
      })
    })
    await new Promise((resolve) => child.on('exit', resolve))

    expect(checkDatabaseFile(file)).toBeNull()
    const db = openDatabase(file)
    const rows = db
      .prepare('SELECT batch, COUNT(*) AS count FROM writes GROUP BY batch ORDER BY batch')
      .all() as {
      batch: number
      count: number
    }[]
    db.close()
    expect(rows.length).toBeGreaterThanOrEqual(committed)
    expect(rows.every((row) => row.count === batchSize)).toBe(true)
    expect(rows.map((row) => row.batch)).toEqual(rows.map((_, index) => index + 1))
  })
})
