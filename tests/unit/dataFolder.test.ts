// The data folder is private to its owner (0700 on POSIX; Windows has no such modes): created so,
// and tightened at start-up when an older version made Scholia's own folder 0755.
import { chmodSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../src/main/app/compositionRoot'
import { makeTempDir } from '../support/tempDir'
import { resourcesDir } from '../support/testBackend'

const dirs: { remove: () => void }[] = []
afterEach(() => {
  while (dirs.length) dirs.pop()?.remove()
})

function parent(): string {
  const dir = makeTempDir()
  dirs.push(dir)
  return dir.path
}

const modeOf = (path: string): number => statSync(path).mode & 0o777

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  it('is created readable by its owner only', () => {
    const dataDir = join(parent(), 'new', 'Scholia')
    openBackend({ dataDir, mode: 'web', resourcesDir }).close()
    expect(modeOf(dataDir).toString(8)).toBe('700')
  })

  it.each([
    [
      "is made private at start-up when an older version left Scholia's own folder open to others",
      true,
      0o755,
      '700'
    ],
    ['is left as the person set it when they chose it (--data-dir)', false, 0o750, '750']
  ])('%s', (_title, ownDataDir, before, after) => {
    const dataDir = join(parent(), 'Scholia')
    mkdirSync(dataDir)
    chmodSync(dataDir, before)
    openBackend({ dataDir, ownDataDir, mode: 'web', resourcesDir }).close()
    expect(modeOf(dataDir).toString(8)).toBe(after)
  })
})
