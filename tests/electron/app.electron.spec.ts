// The Electron shell end to end: the built app starts on a fresh library, shows the bundled
// article, and its page has the bridge and nothing else. Skipped, saying why, where Electron cannot run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { apiMethodNames } from '../../src/shared/contract'
import { electronTestAvailability, projectRoot } from './electronAvailability'

const availability = electronTestAvailability()

test('the first screen shows the bundled article, with only the scholia bridge exposed', async () => {
  test.skip(availability.executable === null, availability.skipReason ?? '')
  const executablePath = availability.executable!
  const dataDir = mkdtempSync(join(tmpdir(), 'scholia-electron-'))
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value
  }
  env.SCHOLIA_DATA_DIR = dataDir
  // Chromium refuses to run as root with its OS sandbox (CI containers); the page sandbox stays on.
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const app = await electron.launch({
    executablePath,
    args: [...rootOnly, projectRoot],
    cwd: projectRoot,
    env
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
    expect(page.url()).toMatch(/^app:\/\/scholia\//)
    const exposed = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>
      return {
        bridge: Object.keys((scope.scholia as object | undefined) ?? {}).sort(),
        require: typeof scope.require,
        process: typeof scope.process
      }
    })
    expect(exposed).toEqual({
      bridge: [...apiMethodNames].sort(),
      require: 'undefined',
      process: 'undefined'
    })
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
