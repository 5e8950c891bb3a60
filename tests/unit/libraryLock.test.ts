// The data folder's lock: two processes racing to take over a lock left by a crashed one cannot
// both win. Checked twice: by injecting a competing takeover at each file-system step of a
// takeover (deterministic), and by real processes started together.
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { acquireLibraryLock, LibraryInUseError, type LibraryLock } from '../../src/main/app/libraryLock'
import { makeTempDir } from '../support/tempDir'

// Every file-system call of the lock code can run a competitor first (see `interleave`).
const hook: { before: ((name: string) => void) | null } = { before: null }
vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>()
  const wrapped: Record<string, unknown> = { ...original }
  for (const name of [
    'openSync',
    'readFileSync',
    'rmSync',
    'writeFileSync',
    'renameSync',
    'writeSync'
  ] as const) {
    const real = original[name] as (...args: unknown[]) => unknown
    wrapped[name] = (...args: unknown[]) => {
      const before = hook.before
      hook.before = null // one competitor per scenario, and none inside it
      before?.(name)
      return real(...args)
    }
  }
  return { ...wrapped, default: wrapped }
})

const dirs: { remove: () => void }[] = []
afterEach(() => {
  hook.before = null
  while (dirs.length) dirs.pop()?.remove()
})

function staleFolder(): string {
  const dir = makeTempDir()
  dirs.push(dir)
  // The pid file a crashed Scholia left: a process that no longer runs.
  fs.writeFileSync(join(dir.path, 'scholia.lock'), '999999999')
  return dir.path
}

function tryAcquire(dataDir: string): LibraryLock | null {
  try {
    return acquireLibraryLock(dataDir)
  } catch (error) {
    if (error instanceof LibraryInUseError) return null
    throw error
  }
}

describe('taking over a stale lock', () => {
  it('lets exactly one of two racing takeovers win, wherever the second one cuts in', () => {
    for (let step = 0; step < 6; step++) {
      const dataDir = staleFolder()
      let competitor: LibraryLock | null = null
      let calls = 0
      const arm = (): void => {
        hook.before = () => {
          if (calls++ === step) competitor = tryAcquire(dataDir)
          else arm()
        }
      }
      arm()
      const first = tryAcquire(dataDir)
      hook.before = null
      const winners = [first, competitor].filter((lock) => lock !== null)
      expect(winners, `competitor cutting in before file-system call ${step}`).toHaveLength(1)
      for (const lock of winners) lock?.release()
    }
  })

  it('lets exactly one of several processes started together win', async () => {
    const dataDir = staleFolder()
    const script = join(__dirname, '..', 'support', 'holdLibraryLock.ts')
    const tsx = resolve(__dirname, '..', '..', 'node_modules', '.bin', 'tsx')
    const children = Array.from({ length: 4 }, () =>
      spawn(tsx, [script, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] })
    )
    // Each prints "won" (and holds the lock until its input closes) or "refused".
    const answers = await Promise.all(
      children.map(
        (child) =>
          new Promise<string>((done) => {
            let output = ''
            child.stdout.on('data', (chunk: Buffer) => {
              output += chunk.toString()
              if (/won|refused/.test(output)) done(output.trim())
            })
            child.on('exit', () => done(output.trim()))
          })
      )
    )
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            child.once('exit', () => done())
            child.stdin.end()
            if (child.exitCode !== null) done()
          })
      )
    )
    expect(answers.filter((answer) => answer === 'won')).toHaveLength(1)
    expect(answers.filter((answer) => answer === 'refused')).toHaveLength(3)
  })
})
